"""Amsterdam's municipality after its history came in, in a real browser: the possible doubles the
import found (one decided: the same person), then the IND's list of repeat-asylum decisions beside
Koers, with its five planted discrepancies shown and resolved, the cases updated, and the monitor's
share reconciled. axe-core 4 checks each page; screenshots go to screenshots/ for a person to look at."""
import os
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import start
from test_browser import browser, field, press_enter, shot, sign_in, submit  # noqa: F401
from test_going_live import axe

FIXTURES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Fixtures"))


@pytest.fixture(scope="module")
def imported():
    """Koers with the demo network and the Amsterdam and Utrecht samples imported through the CLI."""
    process, details = start(["--persons", "1"])
    for city in ["amsterdam", "utrecht"]:
        done = subprocess.run(
            [details["binary"], "import", "registrations", "--location", f"LVV {city.capitalize()}", "--as",
             f"municipality.{city}@demo.koers.nl", "--mapping", os.path.join(FIXTURES, "import", f"{city}.json"),
             "--commit", os.path.join(FIXTURES, "import", f"{city}.csv")],
            env=details["env"], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "mogelijke dubbele registraties staan ter beoordeling" in done.stderr
    yield details
    process.terminate()
    process.wait(timeout=10)


def main_text(b):
    return b.find_element(By.TAG_NAME, "main").text


def sections(b):
    return b.find_elements(By.CSS_SELECTOR, "section.reconcile-line")


def resolve(b, section, value, note=None):
    """Chooses a resolution in one line's (or match's) own form and sends it."""
    section.find_element(By.CSS_SELECTOR, f"input[name=resolution][value={value}]").click()
    if note:
        section.find_element(By.CSS_SELECTOR, "textarea[name=note]").send_keys(note)
    press_enter(b, section.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_doubles_found_at_import(imported, browser):
    b, base = browser, imported["base"]
    sign_in(b, base, "municipality.amsterdam@demo.koers.nl")
    b.get(base + "/duplicates")
    assert "Gevonden bij een import" in main_text(b)
    axe(b, "review queue with import matches")
    shot(b, "reconcile-01-import-matches")
    # The planted double in Amsterdam's own file: both cases shown, decided as one person.
    planted = next(s for s in sections(b) if "In hetzelfde bestand" in s.text and "sterkte hoog" in s.text)
    name = planted.find_element(By.TAG_NAME, "h3").text.split(" · ")[0]
    resolve(b, planted, "samePersonLinked")
    assert "De beslissing is vastgelegd." in main_text(b)
    assert name not in " ".join(s.find_element(By.TAG_NAME, "h3").text for s in sections(b))
    # Utrecht sees its match with Amsterdam without Amsterdam's data.
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    b.get(base + "/duplicates")
    elsewhere = next(s for s in sections(b) if "Registratie bij LVV Amsterdam" in s.text and "hoog" in s.text)
    assert "V-nummer" in elsewhere.text and "worden niet getoond" in elsewhere.text
    resolve(b, elsewhere, "notSamePerson")
    assert "Licht toe waarom het niet dezelfde persoon is" in b.find_element(By.CLASS_NAME, "error-summary").text
    axe(b, "import match decision with an error")
    shot(b, "reconcile-02-import-match-error")


def test_ind_list_reconciled(imported, browser):
    b, base = browser, imported["base"]
    sign_in(b, base, "municipality.amsterdam@demo.koers.nl")
    b.get(base + "/reconciliations")
    axe(b, "reconcile form")
    # Nothing chosen: both missing fields named at once.
    submit(b)
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert "Kies van wie de lijst is." in summary and "Kies het bestand." in summary
    axe(b, "reconcile form with errors")
    shot(b, "reconcile-03-form-errors")

    Select(field(b, "locationId")).select_by_visible_text("LVV Amsterdam")
    b.find_element(By.CSS_SELECTOR, "input[name=source][value=ind]").click()
    field(b, "file").send_keys(os.path.join(FIXTURES, "reconcile", "ind-amsterdam.csv"))
    submit(b)
    text = main_text(b)
    assert "Te beoordelen (5)" in text
    assert "Verschilt: 3" in text and "Wel in Koers, niet in de lijst: 1" in text
    assert "Wel in de lijst, niet in Koers: 1" in text and "(alleen geteld): 3" in text
    axe(b, "reconciliation")
    shot(b, "reconcile-04-five-lines")

    # The one only Koers holds can only be explained, and an explanation needs its note.
    only_koers = next(s for s in sections(b) if "Wel in Koers, niet in de lijst" in s.text)
    assert not only_koers.find_elements(By.CSS_SELECTOR, "input[value=accepted]")
    resolve(b, only_koers, "explained")
    assert "Licht toe waarom Koers en de lijst verschillen." in b.find_element(By.CLASS_NAME, "error-summary").text
    axe(b, "reconciliation with an error")
    shot(b, "reconcile-05-explain-error")
    only_koers = next(s for s in sections(b) if "Wel in Koers, niet in de lijst" in s.text)
    resolve(b, only_koers, "explained", "Aanvraag ingetrokken voordat de IND haar registreerde.")
    assert "is afgehandeld" in main_text(b)

    # A case whose decision date differs, to read its timeline after.
    differs = next(s for s in sections(b) if "Besluitdatum (verschilt)" in s.text)
    case = differs.find_element(By.LINK_TEXT, "Dossier openen").get_attribute("href")
    while sections(b):
        resolve(b, sections(b)[0], "accepted")
    text = main_text(b)
    assert "Te beoordelen (0)" in text and "Afgehandeld (5)" in text
    shot(b, "reconcile-06-resolved")
    b.get(case)
    assert "opgave van IND, ind-amsterdam.csv" in main_text(b)
    axe(b, "case with the IND's correction")
    shot(b, "reconcile-07-case-timeline")

    # The NGO has no such page; the monitor shows the share reconciled.
    sign_in(b, base, "ngo.amsterdam@demo.koers.nl")
    assert "Afstemmen" not in b.find_element(By.TAG_NAME, "nav").text
    b.get(base + "/reconciliations")
    assert "Afstemmen met IND" not in main_text(b)
    sign_in(b, base, "monitor@demo.koers.nl")
    b.get(base + "/monitor")
    shares = b.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-reconciled]")
    assert "LVV Amsterdam" in shares.text and "100%" in shares.text
    b.execute_script("arguments[0].scrollIntoView()", shares)
    shot(b, "reconcile-08-monitor-share")
