"""Importing in a real browser, as Amsterdam's municipality does it: the upload with a wrong
mapping, the dry run's report with the planted row, the corrected file, the commit, and then
the imported history in the case list, a timeline and the monitor. axe-core 4 checks each page;
screenshots go to screenshots/ for a person to look at."""
import os
import re
import shutil
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import start
from test_browser import browser, field, shot, sign_in, submit  # noqa: F401
from test_going_live import axe

FIXTURES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Fixtures", "import"))


@pytest.fixture(scope="module")
def fresh():
    process, details = start(["--persons", "1"])
    yield details
    process.terminate()
    process.wait(timeout=10)


def upload(b, base, location, file, mapping):
    b.get(base + "/imports")
    Select(field(b, "locationId")).select_by_visible_text(location)
    field(b, "file").send_keys(file)
    field(b, "mapping").send_keys(mapping)
    submit(b)


def test_import_in_the_browser(fresh, browser):
    b, base = browser, fresh["base"]
    sign_in(b, base, "municipality.amsterdam@demo.koers.nl")
    b.get(base + "/imports")
    axe(b, "import form")
    shot(b, "import-01-form")

    # Utrecht's mapping on Amsterdam's file: the file lacks the columns, named, and nothing is read.
    source = os.path.join(FIXTURES, "amsterdam.csv")
    upload(b, base, "LVV Amsterdam", source, os.path.join(FIXTURES, "utrecht.json"))
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert "Het bestand mist de kolommen" in summary and "‘client_id’" in summary
    axe(b, "import form with errors")
    shot(b, "import-02-wrong-mapping")

    # The right mapping: the report names row 17, and the commit would leave it out.
    upload(b, base, "LVV Amsterdam", source, os.path.join(FIXTURES, "amsterdam.json"))
    main = b.find_element(By.TAG_NAME, "main").text
    assert "800 rijen voor LVV Amsterdam: 799 goed, 0 met een waarschuwing, 1 met een fout." in main
    row = b.find_element(By.CSS_SELECTOR, "tr.finding-error").text
    assert row.startswith("17 10016-1 fout outflowDate") and "ligt vóór de toelating" in row
    axe(b, "dry-run report")
    shot(b, "import-03-report")

    # The municipality fixes the year in its spreadsheet and checks again: clean; then commits.
    folder = tempfile.mkdtemp(prefix="koers-import-")
    fixed = os.path.join(folder, "amsterdam-verbeterd.csv")
    with open(source, encoding="utf-8-sig", newline="") as f:
        lines = f.read().split("\r\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("10016;10016-1;"))
    lines[index] = lines[index].replace(";10-02-2022;", ";10-02-2024;")
    with open(fixed, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(lines))
    upload(b, base, "LVV Amsterdam", fixed, os.path.join(FIXTURES, "amsterdam.json"))
    assert "800 rijen voor LVV Amsterdam: 800 goed" in b.find_element(By.TAG_NAME, "main").text
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action$='/commit'] button"))
    notice = b.find_element(By.CLASS_NAME, "notice").text
    assert notice.startswith("Vastgelegd: 800 nieuwe trajecten (791 nieuwe personen), 0 correcties")
    shot(b, "import-04-committed")

    # The imported history: a person in the case list, their timeline with its source.
    b.get(base + "/cases?q=10016")
    b.get(base + "/cases?q=Idris")
    links = b.find_elements(By.CSS_SELECTOR, "main a[href^='/cases/']")
    assert links, b.find_element(By.TAG_NAME, "main").text
    links[0].click()
    timeline = b.find_element(By.CSS_SELECTOR, "section[aria-labelledby='h-timeline']").text
    assert "bron: import: amsterdam-verbeterd.csv" in timeline
    axe(b, "imported case")
    shot(b, "import-05-case")

    # The monitor counts the imported history: before the import the demo had one person.
    sign_in(b, base, "monitor@demo.koers.nl")
    b.get(base + "/monitor?peildatum=2023-01-01")
    # The first table's row of referrals, Amsterdam's cell first (WebDriver's .text on this large
    # page takes a minute; the cells' text is enough).
    cells = b.execute_script(
        "const row = [...document.querySelectorAll('main table tr')].find(r => r.cells[0]"
        " && r.cells[0].textContent.trim() === 'Aanmeldingen');"
        "return row ? [...row.cells].map(c => c.textContent.trim()) : [];"
    )
    assert cells[:2] == ["Aanmeldingen", "698"], cells
    shot(b, "import-06-monitor")

    # The IND has no import page.
    sign_in(b, base, "ind.amsterdam@demo.koers.nl")
    b.get(base + "/imports")
    assert "niet gevonden" in b.find_element(By.TAG_NAME, "main").text.lower()
