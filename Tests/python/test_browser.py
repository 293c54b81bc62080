"""The life of a case in a real browser (headless Chromium), with the keyboard where a person
would use it; screenshots go to screenshots/ for a person to look at."""
import os
import re

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

SHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "screenshots")


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=nl"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, max(800, min(height + 40, 6000)))
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    driver.set_window_size(1280, 1000)


def field(driver, name):
    return driver.find_element(By.ID, "f-" + name)


def type_into(driver, name, text):
    element = field(driver, name)
    element.clear()
    element.send_keys(text)
    return element


def set_date(driver, name, value):
    """Sets a date input as its picker would; typed keys depend on the browser's locale."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", "f-" + name, value)


def choose(driver, name, value):
    """Selects a radio button or check box with the keyboard (focus, space)."""
    element = driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
    element.send_keys(Keys.SPACE)


def press_enter(driver, element):
    """Presses Enter on a button or link and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    try:
        element.send_keys(Keys.ENTER)
    except WebDriverException as error:
        # chromedriver sometimes reports the element gone because the key already navigated.
        if "does not belong to the document" not in str(error):
            raise
    WebDriverWait(driver, 15).until(lambda _: gone(old))


def gone(element):
    """True once the element's page has been replaced (chromedriver words this in two ways)."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def submit(driver, button=None):
    press_enter(driver, button or driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def follow(driver, element):
    press_enter(driver, element)


def sign_in(driver, base, email):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    type_into(driver, "email", email)
    type_into(driver, "password", "koers-demo")
    submit(driver)


def case_id(driver):
    match = re.search(r"/cases/([0-9a-f-]{36})", driver.current_url)
    assert match, driver.current_url
    return match.group(1)


def test_referral_to_outflow(koers, browser):
    b, base = browser, koers["base"]
    b.get(base + "/cases")
    assert b.current_url.endswith("/login")
    type_into(b, "email", "ngo.utrecht@demo.koers.nl")
    type_into(b, "password", "koers-demo")
    submit(b)
    assert b.current_url.endswith("/cases")
    shot(b, "01-my-cases")

    # A referral with mistakes: every error at once, beside its field, values kept.
    b.get(base + "/cases/new")
    type_into(b, "givenNames", "Senait")
    type_into(b, "birthDate", "2031")
    type_into(b, "vNumber", "123456789")
    submit(b)
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert ("Achternaam: Dit veld is verplicht." in summary
            and "V-nummer: Een V-nummer heeft precies 10 cijfers." in summary)
    assert "Geboortedatum: De geboortedatum ligt in de toekomst." in summary and "Geslacht: Maak een keuze." in summary
    assert field(b, "givenNames").get_attribute("value") == "Senait"
    assert field(b, "vNumber").get_attribute("aria-invalid") == "true"
    shot(b, "02-referral-errors")

    type_into(b, "surname", "Gebremedhin")
    type_into(b, "birthDate", "1994")
    type_into(b, "vNumber", "")
    Select(field(b, "nationality")).select_by_value("ERI")
    choose(b, "gender", "female")
    choose(b, "channel", "ngo")
    submit(b)
    cid = case_id(b)
    assert "Senait Gebremedhin" in b.find_element(By.TAG_NAME, "h1").text

    # Intake
    b.get(f"{base}/cases/{cid}/intake")
    for name, value in [("lawfulStay", "no"), ("stateReception", "no"), ("asylumProcedureCompleted", "yes"),
                        ("willingToCooperate", "yes"), ("activeAtOtherLocation", "no"),
                        ("regionalTies", "familyOrNetwork")]:
        choose(b, name, value)
    choose(b, "biometricallyIdentified", "true")
    shot(b, "03-intake")
    submit(b)

    # The admission check with every criterion and its reason; then admit.
    b.get(f"{base}/cases/{cid}/admission")
    rows = b.find_elements(By.CSS_SELECTOR, ".admission-check tbody tr")
    assert len(rows) == 6 and all("Voldaan" in r.text for r in rows)
    shot(b, "04-admission-check")
    choose(b, "outcome", "admit")
    submit(b)
    assert "Actief traject" in b.find_element(By.CLASS_NAME, "stage").text

    # Perspective, support, a HASA and its decision.
    b.get(f"{base}/cases/{cid}/perspective")
    choose(b, "perspective", "legalisation")
    submit(b)
    b.get(f"{base}/cases/{cid}/support")
    Select(field(b, "instrument")).select_by_value("shelter24h")
    submit(b)
    b.get(f"{base}/cases/{cid}/procedures")
    Select(field(b, "kind")).select_by_value("hasa")
    type_into(b, "reference", "HASA-2026-001")
    submit(b)
    follow(b, b.find_element(By.PARTIAL_LINK_TEXT, "Beslissing vastleggen"))
    choose(b, "outcome", "granted")
    submit(b)

    # Outflow before the admission is refused; the right date is accepted.
    b.get(f"{base}/cases/{cid}/outflow")
    set_date(b, "leftOn", "2000-01-01")
    choose(b, "reason", "permitGranted")
    submit(b)
    assert "vóór de toelating" in b.find_element(By.CLASS_NAME, "error-summary").text
    shot(b, "05-outflow-error")
    set_date(b, "leftOn",
             b.execute_script("return new Date().toLocaleDateString('sv-SE', {timeZone: 'Europe/Amsterdam'})"))
    submit(b)
    page = b.find_element(By.TAG_NAME, "main").text
    assert "Uitgestroomd" in page and "Bestendige oplossing" in page and "Ingewilligd" in page
    shot(b, "06-case-after-outflow")

    # English on request.
    follow(b, b.find_element(By.LINK_TEXT, "English"))
    assert "Durable solution" in b.find_element(By.TAG_NAME, "main").text
    shot(b, "07-case-in-english")
    follow(b, b.find_element(By.LINK_TEXT, "Nederlands"))


def test_agency_sees_no_ngo_notes(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(base + "/cases?stage=active")
    follow(b, b.find_element(By.CSS_SELECTOR, "table.cases tbody a"))
    url = b.current_url
    choose(b, "classification", "medical")
    type_into(b, "text", "Vertrouwelijk: behandeling bij de GGZ.")
    submit(b, b.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-notes] button[type=submit]"))
    assert "Vertrouwelijk: behandeling bij de GGZ." in b.page_source

    sign_in(b, base, "ind.utrecht@demo.koers.nl")
    b.get(url)
    assert "Vertrouwelijk" not in b.page_source
    assert "Ondersteuning" not in b.find_element(By.TAG_NAME, "main").text
    shot(b, "08-case-as-ind")

    sign_in(b, base, "monitor@demo.koers.nl")
    b.get(url)
    assert "Niet gevonden" in b.find_element(By.TAG_NAME, "h1").text
