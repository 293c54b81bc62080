"""Inzage in a real browser, on the demo: the privacy officer of the Utrecht municipality answers an
access request for a person with two trajectories, in Dutch and in English; the document lists the
person's data and every organisation that read or changed it, a read made moments before through the
API under its trace id, and a note the NGO withheld, with the reason only. The officer restricts
processing and the NGO sees why it can no longer change the case. The administrator maintains the
register and sees the retention page. axe-core 4 checks each page; screenshots go to screenshots/."""
import sqlite3
import subprocess
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import start
from test_browser import browser, field, shot, sign_in, submit  # noqa: F401
from test_going_live import axe

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


@pytest.fixture(scope="module")
def demo():
    process, details = start(["--persons", "400"])
    yield details
    process.terminate()
    process.wait(timeout=10)


def main_text(b):
    return b.find_element(By.TAG_NAME, "main").text


def returning_person(database):
    """A Utrecht person with two trajectories there, and their trajectories, newest last."""
    db = sqlite3.connect(database)
    person, surname = db.execute(
        "SELECT p.id, p.surname FROM persons p JOIN trajectories t ON t.person_id = p.id "
        "JOIN locations l ON l.id = t.location_id WHERE l.slug = 'lvv-utrecht' "
        "GROUP BY p.id HAVING COUNT(*) = 2 AND COUNT(DISTINCT p.surname) = 1 LIMIT 1").fetchone()
    trajectories = [row[0].lower() for row in db.execute(
        "SELECT id FROM trajectories WHERE person_id = ? ORDER BY referred_on", (person,))]
    same = db.execute("SELECT COUNT(*) FROM persons WHERE surname = ?", (surname,)).fetchone()[0]
    return person.lower(), surname, trajectories, same


def test_access_request_in_both_languages(demo, browser):
    b = browser
    base = demo["base"]
    person, surname, trajectories, _ = returning_person(demo["database"])
    latest = trajectories[-1]

    # The NGO writes a note about a source and withholds it from access; the reason is required.
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(f"{base}/cases/{latest}")
    field(b, "text").send_keys("BRON: de buurman belde ons over deze persoon")
    b.find_element(By.CSS_SELECTOR, 'input[name="classification"][value="social"]').click()
    submit(b, b.find_element(By.XPATH, "//button[contains(., 'Notitie toevoegen')]"))
    b.find_element(By.LINK_TEXT, "Achterhouden bij inzage").click()
    submit(b)
    assert "Geef de reden (art. 15 lid 4 AVG)" in main_text(b)
    axe(b, "withhold with an error")
    shot(b, "privacy-withhold-error")
    field(b, "reason").send_keys("Veiligheid van de melder")
    submit(b)
    assert "Achtergehouden bij inzage: Veiligheid van de melder" in main_text(b)

    # Moments before the request, the IND reads the case through the API under a caller's trace.
    token = subprocess.run([demo["binary"], "token", "create", "--user", "ind.utrecht@demo.koers.nl"],
                           env=demo["env"], capture_output=True, text=True, timeout=60).stdout.strip()
    request = urllib.request.Request(f"{base}/api/v1/trajectories/{latest}", headers={
        "Authorization": f"Bearer {token}", "traceparent": f"00-{TRACE}-00f067aa0ba902b7-01"})
    assert urllib.request.urlopen(request, timeout=10).status == 200

    # The privacy officer finds the person and produces the document.
    sign_in(b, base, "privacy.utrecht@demo.koers.nl")
    assert b.current_url.endswith("/privacy")
    axe(b, "privacy search")
    field(b, "q").send_keys(surname)
    submit(b)
    assert surname in main_text(b)
    axe(b, "privacy results")
    shot(b, "privacy-search")
    b.find_element(By.CSS_SELECTOR, f'a[href="/privacy/persons/{person}?language=nl"]').click()
    text = main_text(b)
    assert "Uw gegevens in Koers" in text and "Traject 1" in text and "Traject 2" in text
    assert surname in text
    for organisation in ["IND Utrecht", "Gemeente Utrecht, privacyfunctionaris"]:
        assert organisation in text, organisation
    assert TRACE in text, "the API read under its trace id"
    assert "Notitie achtergehouden (art. 15 lid 4 AVG): Veiligheid van de melder" in text
    assert "de buurman belde" not in b.page_source
    axe(b, "access document (nl)")
    shot(b, "privacy-document-nl")

    b.get(f"{base}/privacy/persons/{person}?language=en")
    text = main_text(b)
    assert "Your data in Koers" in text and "Trajectory 2" in text and TRACE in text
    assert "Note withheld (GDPR art. 15(4)): Veiligheid van de melder" in text
    assert b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    axe(b, "access document (en)")
    shot(b, "privacy-document-en")

    # Restriction on the person's request: a reason is required, then the NGO is stopped and told why.
    b.find_element(By.CSS_SELECTOR, f'a[href="/privacy/trajectories/{latest}/restriction"]').click()
    submit(b)
    assert "This field is required." in main_text(b) or "Dit veld is verplicht." in main_text(b)
    axe(b, "restriction with an error")
    field(b, "reason").send_keys("betrokkene betwist de juistheid van de geboortedatum")
    submit(b)
    assert f"/privacy/persons/{person}" in b.current_url
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(f"{base}/cases/{latest}")
    text = main_text(b)
    assert "Verwerking beperkt" in text and "betrokkene betwist de juistheid" in text
    assert "Perspectief vastleggen" not in text
    axe(b, "restricted case")
    shot(b, "privacy-restricted-case")

    # Nobody else reaches the officer's pages.
    b.get(f"{base}/privacy/persons/{person}")
    assert "Niet gevonden" in main_text(b)


def test_register_and_retention_pages(demo, browser):
    b = browser
    base = demo["base"]
    sign_in(b, base, "admin@demo.koers.nl")
    b.get(base + "/admin/register")
    assert "Casus inzien" in main_text(b)
    axe(b, "processing register")
    shot(b, "privacy-register")
    b.find_element(By.LINK_TEXT, "Casus inzien").click()
    field(b, "uri").clear()
    field(b, "uri").send_keys("geen uri")
    field(b, "retention_years").send_keys("0")
    submit(b)
    text = main_text(b)
    assert "Geef een URI" in text and "Een heel getal van 1 tot 100." in text
    axe(b, "register entry with errors")
    shot(b, "privacy-register-error")
    b.get(base + "/admin/retention")
    assert "Bewaren en vernietigen" in main_text(b)
    axe(b, "retention")
    shot(b, "privacy-retention")
