"""Transfer, hardship committee and escalation in a real browser, each as the parties involved
see it. Screenshots go to screenshots/."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_browser import browser, choose, field, follow, shot, sign_in, submit, type_into  # noqa: F401 (fixture)


def open_case_offering(b, base, action, stage="active"):
    """Opens the first case in the list whose page offers the action (some already have one running)."""
    b.get(f"{base}/cases?stage={stage}")
    urls = [a.get_attribute("href") for a in b.find_elements(By.CSS_SELECTOR, "table.cases tbody a")]
    for url in urls:
        b.get(url)
        if b.find_elements(By.LINK_TEXT, action):
            return url
    raise AssertionError(f"no case offers {action}")


def test_transfer_rotterdam_to_amsterdam(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "ngo.rotterdam@demo.koers.nl")
    case_url = open_case_offering(b, base, "Overdracht aanvragen")
    name = b.find_element(By.TAG_NAME, "h1").text
    follow(b, b.find_element(By.LINK_TEXT, "Overdracht aanvragen"))
    Select(field(b, "toLocationId")).select_by_visible_text("LVV Amsterdam")
    type_into(b, "reason", "Familie woont in Amsterdam")
    submit(b)
    assert name in b.find_element(By.ID, "h-outgoing").find_element(By.XPATH, "..").text
    sign_in(b, base, "municipality.amsterdam@demo.koers.nl")
    follow(b, b.find_element(By.LINK_TEXT, "Overdrachten"))
    item = [li for li in b.find_elements(By.CSS_SELECTOR, "li.transfer")
            if name in li.text and "In afwachting" in li.text][0]
    shot(b, "20-transfer-request-amsterdam")
    item.find_element(By.CSS_SELECTOR, "input[name=decision][value=accept]").click()
    submit(b, item.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert (name in b.find_element(By.TAG_NAME, "h1").text
            and "LVV Amsterdam" in b.find_element(By.CLASS_NAME, "stage").text)
    sign_in(b, base, "ngo.rotterdam@demo.koers.nl")
    b.get(case_url)
    assert "Niet gevonden" in b.find_element(By.TAG_NAME, "h1").text
    b.get(base + "/transfers")
    assert "Geaccepteerd" in b.find_element(By.TAG_NAME, "main").text
    shot(b, "21-transfer-handover-rotterdam")


def test_committee_sees_only_what_is_shared(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "committee@demo.koers.nl")
    assert b.current_url.endswith("/inbox")
    shot(b, "22-committee-inbox")
    follow(b, b.find_element(By.CSS_SELECTOR, "main table a"))
    main = b.find_element(By.TAG_NAME, "main").text
    assert "Commissie schrijnende gevallen" in main and "Ondersteuning" not in main and "Notities" not in main
    shot(b, "23-committee-case")


def test_escalation_decision(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "national@demo.koers.nl")
    follow(b, b.find_element(By.CSS_SELECTOR, "main table a"))
    section = b.find_element(By.ID, "h-escalation").find_element(By.XPATH, "..")
    section.find_element(By.NAME, "decision").send_keys("Vrijwillig vertrek: nog drie maanden, dan opnieuw in het LSO.")
    submit(b, section.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "na " in b.find_element(By.ID, "h-escalation").find_element(By.XPATH, "..").text
    shot(b, "24-escalation-decided")
