"""The defects of issue 12, walked in a real browser (headless Chromium) as a new user would meet
them: what the hardship committee and the agencies may see, the meeting agenda after a decision,
errors in agenda and milestone forms, the escalation decision, full-name search and the demo's
printed accounts. Every walk registers its own people; screenshots go to screenshots/defects-*."""
import datetime
import json
import os
import random
import string
import subprocess
import urllib.parse
import urllib.request
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_browser import (SHOTS, browser, case_id, choose, field, follow, set_date,  # noqa: F401 (fixture)
                          shot, sign_in, submit, type_into)


# Helpers

def today():
    return datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def tag():
    """A unique suffix of letters only, as a name would have."""
    return "".join(random.choice(string.ascii_lowercase) for _ in range(6))


def snap(b, name):
    """A screenshot of the whole page from its top (links to #fragments leave it scrolled)."""
    b.execute_script("window.scrollTo(0, 0)")
    shot(b, name)


def snap_at(b, element, name, block="center"):
    """A screenshot of the window (1280 x 1000) with the element in view: for long pages."""
    b.execute_script("arguments[0].scrollIntoView({block: arguments[1]})", element, block)
    os.makedirs(SHOTS, exist_ok=True)
    b.save_screenshot(os.path.join(SHOTS, name + ".png"))


def main_text(b):
    return b.find_element(By.TAG_NAME, "main").text


def refer(b, base, given, surname, channel, birth="1990", v_number="", note=""):
    """Registers a new person at /cases/new and returns the trajectory id."""
    b.get(base + "/cases/new")
    type_into(b, "givenNames", given)
    type_into(b, "surname", surname)
    type_into(b, "birthDate", birth)
    if v_number:
        type_into(b, "vNumber", v_number)
    Select(field(b, "nationality")).select_by_value("ERI")
    choose(b, "gender", "female")
    choose(b, "channel", channel)
    if note:
        type_into(b, "note", note)
    submit(b)
    return case_id(b)


def record_intake(b, base, cid):
    """An intake on which every criterion is met."""
    b.get(f"{base}/cases/{cid}/intake")
    for name, value in [("lawfulStay", "no"), ("stateReception", "no"), ("asylumProcedureCompleted", "yes"),
                        ("willingToCooperate", "yes"), ("activeAtOtherLocation", "no"),
                        ("regionalTies", "familyOrNetwork")]:
        choose(b, name, value)
    submit(b)


def decide_admission(b, base, cid, outcome="admit", reason=None):
    b.get(f"{base}/cases/{cid}/admission")
    choose(b, "outcome", outcome)
    if reason:
        Select(field(b, "rejectionReason")).select_by_value(reason)
    submit(b)


def active_case(b, base, given, surname, channel, **referral):
    cid = refer(b, base, given, surname, channel, **referral)
    record_intake(b, base, cid)
    decide_admission(b, base, cid)
    assert "Actief traject" in b.find_element(By.CLASS_NAME, "stage").text
    return cid


def convene(b, base, held_on, parties=("municipality", "ngo")):
    """Convenes a case meeting at /meetings; returns the meeting's address."""
    b.get(base + "/meetings")
    set_date(b, "heldOn", held_on.isoformat())
    for party in parties:
        choose(b, "partiesPresent", party)
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/meetings'] button[type=submit]"))
    assert "/meetings/" in b.current_url, b.current_url
    return b.current_url.split("#")[0]


def api_token(koers, email):
    result = subprocess.run([koers["binary"], "token", "create", "--user", email,
                             "--database", koers["env"]["KOERS_DATABASE_URL"]],
                            env=koers["env"], capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.strip().splitlines()[-1].strip()


def api_get(koers, path, token):
    request = urllib.request.Request(koers["base"] + "/api/v1" + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def page_checks(b):
    """Duplicate element ids, and labels whose `for` names no element."""
    return b.execute_script("""
        const seen = {}, dupes = [];
        for (const e of document.querySelectorAll('[id]')) {
            if (seen[e.id]) dupes.push(e.id); seen[e.id] = true;
        }
        const orphans = [...document.querySelectorAll('label[for]')]
            .map(l => l.htmlFor).filter(id => !document.getElementById(id));
        return [dupes, orphans];""")


# 1. The hardship committee sees only what was ticked, never who the person is.

def test_committee_sees_no_identity(koers, browser):
    b, base = browser, koers["base"]
    given, surname = "Lidya" + tag(), "Tesfay" + tag()
    birth = f"19{random.randint(70, 99)}-0{random.randint(1, 9)}-1{random.randint(0, 9)}"
    v_number = str(random.randint(10 ** 9, 10 ** 10 - 1))
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")

    # A first trajectory that ends at admission, then a new one for the same person: the case has a past.
    first = refer(b, base, given, surname, "municipality", birth=birth, v_number=v_number)
    record_intake(b, base, first)
    decide_admission(b, base, first, outcome="reject", reason="notWilling")
    follow(b, b.find_element(By.LINK_TEXT, "Nieuw traject starten"))
    choose(b, "channel", "municipality")
    submit(b)
    cid = case_id(b)
    assert cid != first
    assert "Vorig traject" in main_text(b)
    record_intake(b, base, cid)
    decide_admission(b, base, cid)
    assert "Actief traject" in b.find_element(By.CLASS_NAME, "stage").text

    # Nothing is shared until the requester ticks it.
    b.get(f"{base}/cases/{cid}/committee")
    boxes = b.find_elements(By.CSS_SELECTOR, "input[name=sharedSections]")
    assert len(boxes) >= 7
    ticked = [box.get_attribute("value") for box in boxes if box.is_selected()]
    assert ticked == [], f"pre-ticked: {ticked}"
    snap(b, "defects-01-committee-nothing-ticked")
    choose(b, "sharedSections", "perspective")
    choose(b, "sharedSections", "procedures")
    type_into(b, "request", "Schrijnend: twintig jaar in Nederland, geen terugkeer mogelijk. Graag uw advies.")
    submit(b)
    assert f"/cases/{cid}" in b.current_url

    # The committee: a dossier number, not a person.
    sign_in(b, base, "committee@demo.koers.nl")
    assert b.current_url.endswith("/inbox")
    follow(b, b.find_element(By.CSS_SELECTOR, f"main table a[href^='/cases/{cid}']"))
    heading = b.find_element(By.TAG_NAME, "h1").text
    assert heading == f"Dossier {cid[-8:]}", heading
    source = b.page_source
    for secret in (given, surname, birth, v_number):
        assert secret not in source, f"{secret!r} shown to the committee"
    assert "Vorig traject" not in source and f"/cases/{first}" not in source
    assert "Perspectief" in main_text(b) and "Procedures" in main_text(b)
    snap(b, "defects-02-committee-case")

    # Nor through the API.
    body = api_get(koers, f"/trajectories/{cid}", api_token(koers, "committee@demo.koers.nl"))
    case = json.loads(body)
    assert case.get("identity") is None, case.get("identity")
    assert case.get("previousTrajectoryId") is None
    for secret in (given, surname, v_number):
        assert secret not in body


# 2. The referral's and the support's notes stay with the NGO.

def test_agency_sees_no_referral_or_support_note(koers, browser):
    b, base = browser, koers["base"]
    given, surname = "Hewan", "Notitie" + tag()
    referral_note, support_note = "AANMELDNOTITIE-" + tag(), "STEUNNOTITIE-" + tag()
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    cid = active_case(b, base, given, surname, "ngo", note=referral_note)
    b.get(f"{base}/cases/{cid}/support")
    Select(field(b, "instrument")).select_by_value("socialSupport")
    type_into(b, "note", support_note)
    submit(b)
    main = main_text(b)
    assert referral_note in main and support_note in main
    timeline = b.find_element(By.CSS_SELECTOR, "ol.timeline").text
    assert referral_note in timeline
    snap(b, "defects-03-notes-as-ngo")

    sign_in(b, base, "ind.utrecht@demo.koers.nl")
    b.get(f"{base}/cases/{cid}")
    assert surname in b.find_element(By.TAG_NAME, "h1").text
    assert referral_note not in b.page_source and support_note not in b.page_source
    snap(b, "defects-04-case-as-ind")

    token = api_token(koers, "ind.utrecht@demo.koers.nl")
    body = api_get(koers, f"/trajectories/{cid}", token)
    assert (json.loads(body).get("referral") or {}).get("note") is None
    assert referral_note not in body and support_note not in body
    events = api_get(koers, f"/trajectories/{cid}/events", token)
    assert referral_note not in events and support_note not in events


# 3. A decision taken in today's meeting takes the case off the next meeting's agenda.

def test_decided_case_leaves_next_agenda(koers, browser):
    b, base = browser, koers["base"]
    given, surname = "Tigist", "Agenda" + tag()
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    cid = refer(b, base, given, surname, "municipality")
    record_intake(b, base, cid)
    assert "Intake" in b.find_element(By.CLASS_NAME, "stage").text

    held_today = convene(b, base, today())
    upcoming = convene(b, base, today() + datetime.timedelta(days=14), parties=("ngo",))
    assert upcoming != held_today
    assert "Wacht op toelatingsbesluit" in b.find_element(By.ID, f"case-{cid}").text

    b.get(held_today)
    item = b.find_element(By.ID, f"case-{cid}")
    assert surname in item.text and "Wacht op toelatingsbesluit" in item.text
    prefix = f"f-d-{cid[-8:]}-"
    b.find_element(By.ID, prefix + "decision").send_keys("Het LSO besluit tot toelating.")
    Select(b.find_element(By.ID, prefix + "outcome")).select_by_value("admit")
    snap_at(b, item, "defects-05a-meeting-today-before-decision", block="start")
    submit(b, item.find_element(By.CSS_SELECTOR, "form[action$='/decisions'] button[type=submit]"))
    item = b.find_element(By.ID, f"case-{cid}")
    assert "Het LSO besluit tot toelating." in item.text and "Actief traject" in item.text
    snap_at(b, item, "defects-05b-meeting-today-decided", block="start")

    # The next meeting, without "Agenda bijwerken".
    b.get(upcoming)
    waiting = [li.text for li in b.find_elements(By.CSS_SELECTOR, "li.agenda-item")
               if surname in li.text and "Wacht op toelatingsbesluit" in li.text]
    assert waiting == [], waiting
    snap(b, "defects-06-next-meeting-agenda")


def test_chair_adds_case_found_by_search(koers, browser):
    """The chair finds a running case by name and puts it on the agenda: no list of every running case."""
    b, base = browser, koers["base"]
    surname = "Toevoegen" + tag()
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    cid = active_case(b, base, "Selam", surname, "municipality")
    meeting = convene(b, base, today() + datetime.timedelta(days=7), parties=("ngo",))
    assert not b.find_elements(By.ID, f"case-{cid}")
    assert not b.find_elements(By.CSS_SELECTOR, "select[name=trajectoryId]")

    field(b, "zoek").send_keys("Geen" + tag())
    submit(b, b.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))
    assert "Geen lopend dossier gevonden" in b.find_element(By.CSS_SELECTOR, "p[role=status]").text

    search = field(b, "zoek")
    search.clear()
    search.send_keys(surname)
    submit(b, b.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))
    found = b.find_elements(By.CSS_SELECTOR, "ul.found li")
    assert len(found) == 1 and surname in found[0].text, [f.text for f in found]
    snap_at(b, found[0], "defects-06b-chair-search-found", block="start")
    submit(b, found[0].find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert b.current_url.startswith(meeting)
    item = b.find_element(By.ID, f"case-{cid}")
    assert surname in item.text
    duplicates, orphans = page_checks(b)
    assert duplicates == [] and orphans == [], (duplicates, orphans)


# 4. An error in the second agenda item's form is shown there, with ids unique on the page.

def test_meeting_error_in_second_item(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    for _ in range(2):  # at least two items that need a decision, whatever the demo holds
        record_intake(b, base, refer(b, base, "Meron", "Fout" + tag(), "municipality"))
    meeting = convene(b, base, today())
    items = [li for li in b.find_elements(By.CSS_SELECTOR, "li.agenda-item")
             if li.find_elements(By.CSS_SELECTOR, "form[action$='/decisions']")]
    assert len(items) >= 2
    second = items[1].get_attribute("id")
    assert second.startswith("case-")
    short = second[len("case-"):][-8:]
    submit(b, items[1].find_element(By.CSS_SELECTOR, "form[action$='/decisions'] button[type=submit]"))
    assert b.current_url.startswith(meeting)

    summaries = b.find_elements(By.CLASS_NAME, "error-summary")
    assert len(summaries) == 1, [s.text for s in summaries]
    links = summaries[0].find_elements(By.TAG_NAME, "a")
    assert len(links) == 1 and links[0].get_attribute("href").endswith(f"#f-d-{short}-decision")
    assert summaries[0].find_element(By.XPATH, "./ancestor::li[contains(@class,'agenda-item')]") \
        .get_attribute("id") == second
    holder = b.execute_script(
        "const e = document.getElementById(arguments[0]); return e && e.closest('li.agenda-item').id",
        f"f-d-{short}-decision")
    assert holder == second
    duplicates, orphans = page_checks(b)
    assert duplicates == [], f"duplicate ids: {sorted(set(duplicates))[:20]}"
    assert orphans == [], f"labels for nothing: {orphans[:20]}"
    snap_at(b, summaries[0], "defects-07-meeting-second-item-error")


# 5. A milestone extended without a date: the error names the milestone and keeps what was typed.

def test_milestone_extension_error(koers, browser):
    b, base = browser, koers["base"]
    sign_in(b, base, "municipality.amsterdam@demo.koers.nl")
    b.get(base + "/progress")
    cases = []
    for a in b.find_elements(By.CSS_SELECTOR, "main table a[href*='/cases/']"):
        url = a.get_attribute("href").split("#")[0]
        if url not in cases:
            cases.append(url)
    form = None
    for url in cases:
        b.get(url)
        forms = b.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-progress] form[action*='/milestones/']")
        if forms:
            form = forms[0]
            break
    assert form is not None, "no case on /progress has a milestone to adjust"
    case_url = b.current_url.split("#")[0]
    key = form.get_attribute("action").rsplit("/", 1)[1]
    row = form.find_element(By.XPATH, "./ancestor::tr")
    milestone = row.find_element(By.TAG_NAME, "td").text
    details = form.find_element(By.XPATH, "./ancestor::details")
    assert details.find_element(By.TAG_NAME, "summary").text == "Aanpassen"
    details.find_element(By.TAG_NAME, "summary").click()
    Select(b.find_element(By.ID, f"f-m-{key}-action")).select_by_value("extend")
    reason = "Wacht op het paspoort van de ambassade"
    b.find_element(By.ID, f"f-m-{key}-reason").send_keys(reason)
    snap_at(b, form, "defects-08-milestone-extend-without-date")
    submit(b, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert b.current_url.startswith(case_url)

    summaries = b.find_elements(By.CLASS_NAME, "error-summary")
    assert len(summaries) == 1
    assert f"Nieuwe datum ({milestone}):" in summaries[0].text, summaries[0].text
    error = b.find_element(By.ID, f"f-m-{key}-until-error")
    assert error.is_displayed() and error.text
    assert b.find_element(By.ID, f"f-m-{key}-until").get_attribute("aria-invalid") == "true"
    assert Select(b.find_element(By.ID, f"f-m-{key}-action")).first_selected_option.get_attribute("value") == "extend"
    assert b.find_element(By.ID, f"f-m-{key}-reason").get_attribute("value") == reason
    snap_at(b, error, "defects-09-milestone-error")


# 6. The national escalation body's empty decision: one error summary, not two.

def test_escalation_decision_error(koers, browser):
    b, base = browser, koers["base"]
    surname = "Opschaling" + tag()
    sign_in(b, base, "municipality.utrecht@demo.koers.nl")
    cid = active_case(b, base, "Selam", surname, "municipality")
    b.get(f"{base}/cases/{cid}/escalate")
    choose(b, "level", "national")
    type_into(b, "question", "Is verlenging van de opvang mogelijk zolang de HASA loopt?")
    type_into(b, "proposedDecision", "Opvang verlengen tot het besluit op de HASA.")
    submit(b)
    assert "Landelijk escalatieoverleg" in main_text(b)

    sign_in(b, base, "national@demo.koers.nl")
    follow(b, b.find_element(By.CSS_SELECTOR, f"main table a[href^='/cases/{cid}']"))
    section = b.find_element(By.ID, "h-escalation").find_element(By.XPATH, "..")
    submit(b, section.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    summaries = b.find_elements(By.CLASS_NAME, "error-summary")
    assert len(summaries) == 1, [s.text for s in summaries]
    assert "Besluit" in summaries[0].text
    snap_at(b, summaries[0], "defects-10-escalation-error")


# 7. Given names and surname together, in either order, find the person.

def test_full_name_search(koers, browser):
    b, base = browser, koers["base"]
    surname = "Mansour-Testwalk" + tag()
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    refer(b, base, "Khaled", surname, "ngo")
    for number, query in enumerate((f"Khaled {surname}", f"{surname} Khaled")):
        b.get(base + "/cases?q=" + urllib.parse.quote(query))
        assert b.find_element(By.CSS_SELECTOR, "main p[role=status]").text == "1 dossier gevonden.", query
        assert [a.text for a in b.find_elements(By.CSS_SELECTOR, "table.cases tbody a")] == [f"Khaled {surname}"]
        assert field(b, "q").get_attribute("value") == query
        snap(b, f"defects-1{1 + number}-search-{'given-surname' if number == 0 else 'surname-given'}")


def test_full_name_typed_in_search_box(koers, browser):
    """The search form, as a person uses it: the browser sends the space as `+` (form encoding)."""
    b, base = browser, koers["base"]
    surname = "Mansour-Zoekvak" + tag()
    sign_in(b, base, "ngo.utrecht@demo.koers.nl")
    refer(b, base, "Khaled", surname, "ngo")
    b.get(base + "/cases")
    type_into(b, "q", f"Khaled {surname}")
    submit(b, b.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))
    assert "q=Khaled+Mansour-Zoekvak" in b.current_url
    snap(b, "defects-13-search-box")
    assert field(b, "q").get_attribute("value") == f"Khaled {surname}"
    assert b.find_element(By.CSS_SELECTOR, "main p[role=status]").text == "1 dossier gevonden."
    assert [a.text for a in b.find_elements(By.CSS_SELECTOR, "table.cases tbody a")] == [f"Khaled {surname}"]


# 8. `koers demo --serve` prints its accounts before it serves, not when it stops.

def test_demo_output_flushed_while_serving(koers):
    urllib.request.urlopen(koers["base"] + "/health", timeout=5).read()
    with open(os.path.join(os.path.dirname(koers["database"]), "server.log")) as log:
        text = log.read()
    assert "Accounts" in text and "Open http://" in text, text[-2000:]
