"""The monitor in a real browser: the monitor account sees suppressed figures, charts with their
tables and the downloads; case parties cannot open it, and the monitor opens no case."""
import csv
import io
import json
import os
import urllib.error
import urllib.request
import zipfile

from selenium.webdriver.common.by import By

from test_browser import browser, shot, sign_in, SHOTS  # noqa: F401  (the shared browser fixture)


def session_get(driver, base, path):
    """GET with the browser's session cookie, for downloads."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(base + path, headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_monitor_shows_suppressed_figures_charts_and_downloads(koers, browser):
    base = koers["base"]
    sign_in(browser, base, "monitor@demo.koers.nl")
    assert browser.current_url.endswith("/monitor")
    page = browser.page_source
    assert "Monitor LVV" in page and "Kerncijfers" in page
    charts = browser.find_elements(By.CSS_SELECTOR, "figure svg[role=img] title")
    assert len(charts) >= 8
    tables = browser.find_elements(By.CSS_SELECTOR, "section table caption")
    assert len(tables) >= len(charts)
    # Every published number in the count tables is 0 or at least k = 5.
    for cell in browser.find_elements(By.CSS_SELECTOR, "section[id^='t-'] td.num"):
        text = cell.text.strip()
        assert text == "x" or int(text) == 0 or int(text) >= 5, text
    shot(browser, "monitor")

    status, headers, body = session_get(browser, base, "/monitor/download/csv")
    assert status == 200 and "text/csv" in headers["Content-Type"]
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert rows and all(r["value"] == "x" or int(r["value"]) == 0 or int(r["value"]) >= 5 for r in rows)
    status, headers, body = session_get(browser, base, "/monitor/download/xlsx")
    assert status == 200
    import openpyxl
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    assert "outcomeCategory" in workbook.sheetnames
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        # Written by ZIPFoundation, deflated.
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
    status, _, body = session_get(browser, base, "/monitor/download/json")
    report = json.loads(body)
    assert (report["k"] == 5
            and {t["id"] for t in report["tables"]} >= {"headline", "inflow", "outflow", "outcomeCategory"})

    # A reference date that is not a quarter's first day is refused with a clear message.
    browser.get(base + "/monitor?peildatum=2022-07-02")
    assert "eerste dag van een kwartaal" in browser.page_source

    # The monitor opens no case.
    status, _, _ = session_get(browser, base, "/cases")
    assert status == 404


def test_case_parties_cannot_open_the_monitor(koers, browser):
    base = koers["base"]
    for email in ("ngo.utrecht@demo.koers.nl", "ind.utrecht@demo.koers.nl", "municipality.utrecht@demo.koers.nl",
                  "avim.utrecht@demo.koers.nl"):
        sign_in(browser, base, email)
        assert "/login" not in browser.current_url, email
        for path in ("/monitor", "/monitor/report", "/monitor/download/csv"):
            status, _, _ = session_get(browser, base, path)
            assert status == 404, (email, path, status)


def test_pilot_monitor_shows_the_evaluations_figures_and_analyses(pilot, browser):
    """After `koers demo --scenario pilot-2022`, the monitor on 1 July 2022 shows the evaluation's
    headline figures, per city and national, and the analyses."""
    base = pilot["base"]
    sign_in(browser, base, "monitor@demo.koers.nl")
    browser.get(base + "/monitor?peildatum=2022-07-01")
    figures = {li.find_element(By.CLASS_NAME, "figure-label").text: li.find_element(By.CLASS_NAME, "figure").text
               for li in browser.find_elements(By.CSS_SELECTOR, ".figures li")}
    assert figures["Personen"] == "2065" and figures["Trajecten"] == "2092" and figures["Uitgestroomd"] == "1258"
    assert ((figures["Bestendige oplossing"], figures["Semi-bestendige oplossing"], figures["Geen oplossing"])
            == ("18%", "41%", "41%"))
    assert figures["HASA ingewilligd (van beslist)"] == "70%"
    # Per city: the headline table has a column per city and the national one.
    header = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#t-headline thead th")]
    assert header[1:] == ["LVV Amsterdam", "LVV Eindhoven", "LVV Groningen", "LVV Rotterdam", "LVV Utrecht",
                          "Nationaal"]
    trajectories = [td.text for td in
                    browser.find_elements(By.XPATH, "//section[@id='t-headline']//tr[th='Trajecten (toegelaten)']/td")]
    assert sum(int(v) for v in trajectories[:-1]) == int(trajectories[-1]) == 2092
    # The analyses: odds ratios with intervals, the time to outflow, the competing outcomes.
    rows = {tr.find_element(By.TAG_NAME, "th").text: [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in browser.find_elements(By.CSS_SELECTOR, "#a-solution tbody tr")}
    woman = rows["Geslacht: vrouw"]
    assert float(woman[0].replace(",", ".")) > 1  # women more often a solution
    assert browser.find_elements(By.CSS_SELECTOR, "#a-solution figure svg[role=img]")
    assert "Mediane duur tot uitstroom" in browser.find_element(By.ID, "a-stay").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#a-incidence tbody tr")) >= 4
    shot(browser, "monitor-pilot-2022")
    for section in ("a-solution", "a-stay", "a-incidence"):
        browser.find_element(By.ID, section).screenshot(os.path.join(SHOTS, f"monitor-pilot-2022-{section}.png"))
