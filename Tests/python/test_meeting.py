"""The case meeting in a real browser: the Utrecht municipality convenes a meeting whose agenda
builds itself, records a decision with an action item for IND, and IND finds it in its inbox
and in the minutes. Screenshots go to screenshots/."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_browser import (browser, choose, field, follow, set_date, shot, sign_in, submit,  # noqa: F401 (fixture)
                          type_into)


def test_meeting_flow(koers, browser):
    b, base = browser, koers["base"]
    today = datetime.date.today().isoformat()
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    follow(b, b.find_element(By.LINK_TEXT, "Casusoverleg"))
    assert "Casusoverleg (LSO)" in b.find_element(By.TAG_NAME, "h1").text
    set_date(b, "heldOn", today)
    for party in ("ngo", "ind", "dtv"):
        choose(b, "partiesPresent", party)
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/meetings'] button[type=submit]"))
    items = b.find_elements(By.CSS_SELECTOR, "ol.agenda > li")
    assert items, "the agenda is empty"
    shot(b, "10-meeting-agenda")

    # A decision without its text is refused, beside the field, in the agenda item.
    first = items[0]
    case_name = first.find_element(By.CSS_SELECTOR, "h3 a").text
    submit(b, first.find_element(By.CSS_SELECTOR, "form[action$='/decisions'] button[type=submit]"))
    assert "Besluit van het overleg: Dit veld is verplicht." in b.find_element(By.CLASS_NAME, "error-summary").text
    first = b.find_element(By.CSS_SELECTOR, "li.agenda-item .error-summary").find_element(
        By.XPATH, "./ancestor::li[contains(@class,'agenda-item')]")
    first.find_element(By.NAME, "decision").send_keys("Besproken; IND doet de juridische screening.")
    outcome = first.find_elements(By.NAME, "outcome")
    if outcome:
        Select(outcome[0]).select_by_value("admitByException")
        first.find_element(By.NAME, "motivation").send_keys(
            "Het LSO besluit tot toelating bij uitzondering: medische situatie.")
    Select(first.find_element(By.NAME, "party")).select_by_value("ind")
    first.find_element(By.NAME, "text").send_keys("Juridische screening uitvoeren")
    b.execute_script("arguments[0].value = arguments[1]", first.find_element(By.NAME, "dueOn"),
                     (datetime.date.today() + datetime.timedelta(days=14)).isoformat())
    submit(b, first.find_element(By.CSS_SELECTOR, "form[action$='/decisions'] button[type=submit]"))
    assert "Besproken; IND doet de juridische screening." in b.page_source
    shot(b, "11-meeting-decided")
    meeting_url = b.current_url.split("#")[0]

    # IND: the action item in its inbox, the decision in the minutes.
    sign_in(b, base, "ind.utrecht@demo.koers.nl")
    follow(b, b.find_element(By.LINK_TEXT, "Inbox"))
    assert "Juridische screening uitvoeren" in b.find_element(By.TAG_NAME, "main").text
    shot(b, "12-ind-inbox")
    b.get(meeting_url + "/minutes")
    minutes = b.find_element(By.TAG_NAME, "main").text
    assert case_name in minutes and "Besproken; IND doet de juridische screening." in minutes
    shot(b, "13-minutes-as-ind")

    # The NGO sees the meeting but may not decide; the monitor sees nothing.
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(meeting_url)
    assert b.find_elements(By.CSS_SELECTOR, "form[action$='/decisions']") == []
    sign_in(b, base, "monitor@demo.koers.nl")
    b.get(meeting_url)
    assert "Niet gevonden" in b.find_element(By.TAG_NAME, "h1").text


def test_progress_view(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "municipality.rotterdam@demo.koers.nl")
    follow(b, b.find_element(By.LINK_TEXT, "Voortgang"))
    main = b.find_element(By.TAG_NAME, "main").text
    assert "perspectief binnen 8 weken" in main and "Doorlooptijden" in main
    shot(b, "14-progress-rotterdam")
