"""One person, one registration, in a real browser: a man active at Utrecht comes to the
Amsterdam desk; his name is written otherwise and he gives no V-nummer. Amsterdam's intake shows
the possible registration (without Utrecht's data), the worker asks Utrecht for a transfer, and
Utrecht hands the case over instead of the man being registered twice."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_browser import browser, case_id, choose, field, shot, sign_in, submit, type_into  # noqa: F401


def respell(name):
    """Another transliteration: the second vowel written differently (Tesfay → Tesfey)."""
    vowels = [i for i, c in enumerate(name) if c in "aeiou"]
    if len(vowels) < 2:
        return name + "h"
    i = vowels[1]
    return name[:i] + ("e" if name[i] != "e" else "i") + name[i + 1:]


def definition(driver, label):
    for dt in driver.find_elements(By.TAG_NAME, "dt"):
        if dt.text.strip() == label:
            return dt.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
    raise AssertionError(f"no {label} on {driver.current_url}")


def test_shopper_is_transferred_not_registered_twice(koers, browser):
    b, base = browser, koers["base"]

    # A man with an active trajectory at Utrecht, as Utrecht's NGO sees him.
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(base + "/cases?stage=active&q=")
    links = [a.get_attribute("href") for a in b.find_elements(By.CSS_SELECTOR, "main table a[href*='/cases/']")]
    chosen = None
    for href in links:
        b.get(href)
        if (definition(b, "Geslacht") == "Man" and re.match(r"\d{4}", definition(b, "Geboortedatum"))
                and definition(b, "Aliassen") == "—"):
            chosen = href
            break
    assert chosen, "no active man at Utrecht in the demo"
    utrecht_id = case_id(b)
    name = b.find_element(By.TAG_NAME, "h1").text
    given, surname = name.split(" ", 1)
    year = definition(b, "Geboortedatum")[:4]
    born = definition(b, "Geboortedatum")
    country = definition(b, "Nationaliteit")

    # He comes to Amsterdam's desk: his surname written otherwise, only his birth year, no V-nummer.
    sign_in(b, base, "ngo.amsterdam@demo.koers.nl")
    b.get(base + "/cases/new")
    type_into(b, "givenNames", given)
    type_into(b, "surname", respell(surname))
    type_into(b, "birthDate", year)
    select = Select(field(b, "nationality"))
    select.select_by_visible_text(next(o.text for o in select.options if o.text.startswith(country + " (")))
    choose(b, "gender", "male")
    choose(b, "channel", "desk")
    submit(b)
    amsterdam_id = case_id(b)
    warning = b.find_element(By.ID, "duplicates").text
    assert "Mogelijke registratie bij LVV Utrecht" in warning, warning
    assert "sterkte hoog" in warning or "sterkte middel" in warning
    assert "Overeenkomend:" in warning and "nationaliteit" in warning
    for utrecht_data in (surname, born) if len(born) > 4 else (surname,):
        assert utrecht_data not in warning, f"Amsterdam sees Utrecht's {utrecht_data}"
    shot(b, "20-linkage-warning")

    # Same person: ask Utrecht for a transfer; this registration stops.
    choose(b, "resolution", "samePersonTransfer")
    submit(b, b.find_element(By.CSS_SELECTOR, "#duplicates form button[type=submit]"))
    assert "Niet toegelaten" in b.find_element(By.CSS_SELECTOR, "p.stage").text
    assert "Actief bij een andere LVV" in b.page_source
    assert not b.find_elements(By.ID, "duplicates")
    b.get(base + "/transfers")
    assert "Gevraagde overdracht na de koppelingscontrole" in b.page_source and surname not in b.page_source
    shot(b, "21-linkage-transfer-asked")

    # Utrecht agrees: the trajectory moves to Amsterdam with its history; one registration.
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    b.get(base + "/transfers")
    item = next(li for li in b.find_elements(By.CSS_SELECTOR, "li.transfer") if name in li.text)
    item.find_element(By.CSS_SELECTOR, 'input[name="decision"][value="accept"]').send_keys(Keys.SPACE)
    submit(b, item.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    sign_in(b, base, "ngo.amsterdam@demo.koers.nl")
    b.get(f"{base}/cases/{utrecht_id}")
    assert (name in b.find_element(By.TAG_NAME, "h1").text
            and "LVV Amsterdam" in b.find_element(By.CSS_SELECTOR, "p.stage").text)
    shot(b, "22-linkage-transferred")
    assert amsterdam_id != utrecht_id
