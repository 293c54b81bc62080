"""Going live without the demo generator, in a real browser: the setup command, the administrator
setting up a region, a location, its organisations and accounts; each user choosing a password and
a second factor; the NGO taking a person from referral to admission; the national committee.

Screenshots go to screenshots/ for a person to look at; axe-core 4 checks every page on the way."""
import datetime
import os
import re
import subprocess
import tempfile
import time
import urllib.request

import pyotp
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accessibility import axe  # noqa: F401 (the other walks import it from here)
from conftest import BINARY, free_port
from test_browser import browser, choose, field, follow, set_date, shot, submit, type_into  # noqa: F401

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


@pytest.fixture(scope="module")
def live():
    """`koers serve` on an empty SQLite database: no demo, no network, no accounts."""
    binary = BINARY
    folder = tempfile.mkdtemp(prefix="koers-live-")
    port = free_port()
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/koers.sqlite", KOERS_PORT=str(port),
               KOERS_BCRYPT_COST="4", KOERS_LOG_LEVEL="info")
    log_path = os.path.join(folder, "server.log")
    process = subprocess.Popen([binary, "serve"], env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError(open(log_path).read())
            time.sleep(0.2)
    yield {"base": base, "binary": binary, "env": env, "log": log_path}
    process.terminate()
    process.wait(timeout=10)


def accept_invitation(b, link, password, name):
    b.delete_all_cookies()
    b.get(link)
    assert "Kies een wachtwoord" in b.find_element(By.TAG_NAME, "main").text
    type_into(b, "password", password)
    type_into(b, "passwordAgain", password)
    submit(b)
    assert b.current_url.endswith("/login"), f"{name}: {b.current_url}"


USED_STEPS = {}


def sign_in(b, base, email, password, secret=None):
    """Signs in; with a second factor, sets it up the first time (returns the secret) or types the code."""
    b.delete_all_cookies()
    b.get(base + "/login")
    type_into(b, "email", email)
    type_into(b, "password", password)
    submit(b)
    if not b.current_url.endswith("/login/code"):
        return None
    if secret is None:
        secret = b.find_element(By.ID, "totp-secret").text
        uri = b.find_element(By.ID, "totp-uri").text
        assert uri.startswith(f"otpauth://totp/Koers:{email}?secret={secret}")
    # Koers takes each 30-second step's code once, and also the next step's (a phone's clock up to 30 s ahead). A
    # second sign-in within a step types the next step's code, as such a phone would; a third waits for the step.
    now = int(time.time() // 30)
    step = max(now, USED_STEPS.get(secret, -1) + 1)
    if step > now + 1:
        time.sleep((step - 1) * 30 + 0.5 - time.time())
    USED_STEPS[secret] = step
    type_into(b, "code", pyotp.TOTP(secret).at(step * 30))
    submit(b)
    assert not b.current_url.endswith("/login/code"), b.find_element(By.TAG_NAME, "main").text
    return secret


def admin_section(b, base):
    b.get(base + "/admin")
    return b


def test_going_live(live, browser):
    b, base = browser, live["base"]

    # A fresh installation says what to do, in its log and on its login page.
    assert "no administrator yet" in open(live["log"]).read()
    b.get(base + "/login")
    assert "Koers is nog niet ingericht" in b.find_element(By.TAG_NAME, "main").text
    axe(b, "login, not set up")
    shot(b, "live-01-login-not-set-up")

    setup = subprocess.run([live["binary"], "setup", "--email", "beheer@denhaag.example", "--name", "Beheer Den Haag",
                            "--url", base], env=live["env"], capture_output=True, text=True, timeout=60)
    assert setup.returncode == 0, setup.stderr
    link = re.search(r"http\S+/invitations/\S+", setup.stdout).group(0)
    again = subprocess.run([live["binary"], "setup", "--email", "tweede@denhaag.example", "--name", "Tweede"],
                           env=live["env"], capture_output=True, text=True, timeout=60)
    assert again.returncode != 0 and "administrator exists already" in again.stderr

    # The administrator's password: a weak one is refused with every reason, then a good one.
    b.delete_all_cookies()
    b.get(link)
    type_into(b, "password", "beheer2026")
    type_into(b, "passwordAgain", "anders")
    submit(b)
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert "minstens 12 tekens" in summary and "De twee wachtwoorden verschillen" in summary
    axe(b, "invitation with errors")
    shot(b, "live-02-password-errors")
    admin_password = "zeven kleine eendjes op een rij"
    type_into(b, "password", admin_password)
    type_into(b, "passwordAgain", admin_password)
    submit(b)
    assert b.current_url.endswith("/login")
    b.get(link)
    assert "werkt niet meer" in b.find_element(By.TAG_NAME, "h1").text
    assert sign_in(b, base, "beheer@denhaag.example", admin_password) is None

    # Regions: the municipalities from the sample file.
    admin_section(b, base)
    axe(b, "administration, empty")
    b.find_element(By.ID, "f-file").send_keys(os.path.abspath(os.path.join(ROOT, "Samples/municipalities.csv")))
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/municipalities'] button"))
    assert "9 gemeenten ingelezen; 1 nieuwe regio's." in b.find_element(By.TAG_NAME, "main").text

    # "LVV Den Haag": first without a region and with an undescribed deviation, then right.
    type_into(b, "location-name", "LVV Den Haag")
    type_into(b, "location-minimumMonthsInRegion", "3")
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/locations'] button"))
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert "Kies de regio die de locatie bedient." in summary and "beschrijf de afwijking" in summary
    axe(b, "location with errors")
    shot(b, "live-03-location-errors")
    Select(field(b, "location-regionId")).select_by_visible_text("Haaglanden")
    type_into(b, "location-deviationNl", "In Haaglanden volstaat drie maanden aantoonbaar verblijf.")
    type_into(b, "location-deviationEn", "In Haaglanden three months' demonstrable stay suffice.")
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/locations'] button"))
    assert b.current_url.endswith("/admin")

    # Its organisations, the local steering group with its rung, and the national hardship committee.
    for name, party, extra in [
        ("Gemeente Den Haag", "municipality", None), ("Stichting LVV Den Haag", "ngo", None),
        ("IND Den Haag", "ind", None), ("DT&V Den Haag", "dtv", None), ("AVIM Haaglanden", "avim", None),
        ("Stuurgroep LVV Den Haag", "escalationBody", "steeringGroup"),
        ("Landelijke commissie schrijnende gevallen", "committee", "national"),
    ]:
        type_into(b, "organisation-name", name)
        Select(field(b, "organisation-party")).select_by_value(party)
        if extra == "national":
            choose(b, "national", "true")
        else:
            b.find_element(By.CSS_SELECTOR, "input[name='locationIds']").click()
        if extra == "steeringGroup":
            Select(field(b, "organisation-escalationLevel")).select_by_value("steeringGroup")
        submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/organisations'] button"))
        assert b.current_url.endswith("/admin"), b.find_element(By.TAG_NAME, "main").text

    # An account per party, each by its own one-time link.
    people = {}
    for organisation, email, name in [
        ("Gemeente Den Haag", "regie@denhaag.example", "Ruud Regie"),
        ("Stichting LVV Den Haag", "begeleider@lvvdenhaag.example", "Noor Begeleider"),
        ("IND Den Haag", "ind@denhaag.example", "Ines IND"),
        ("DT&V Den Haag", "dtv@denhaag.example", "Daan DTV"),
        ("AVIM Haaglanden", "avim@denhaag.example", "Ali AVIM"),
        ("Stuurgroep LVV Den Haag", "stuurgroep@denhaag.example", "Sanne Stuurgroep"),
        ("Landelijke commissie schrijnende gevallen", "commissie@landelijk.example", "Kees Commissie"),
    ]:
        b.get(base + "/admin")
        type_into(b, "account-email", email)
        type_into(b, "account-name", name)
        Select(field(b, "account-organisationId")).select_by_visible_text(organisation)
        submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/accounts'] button"))
        people[email] = b.find_element(By.ID, "invitation-link").text
    axe(b, "administration, set up")
    shot(b, "live-04-administration")

    passwords = {}
    secrets = {}
    for email, invitation in people.items():
        passwords[email] = f"een lange zin voor {email.split('@')[0][::-1]} in den haag"
        accept_invitation(b, invitation, passwords[email], email)
        if email == "begeleider@lvvdenhaag.example":
            b.delete_all_cookies()
            b.get(base + "/login")
            type_into(b, "email", email)
            type_into(b, "password", passwords[email])
            submit(b)
            axe(b, "second factor setup")
            shot(b, "live-05-second-factor-setup")
        secrets[email] = sign_in(b, base, email, passwords[email])
    # Parties that open cases set up a second factor; the committee and the steering group do not by default.
    assert secrets["begeleider@lvvdenhaag.example"] and secrets["ind@denhaag.example"]
    assert secrets["commissie@landelijk.example"] is None

    # The NGO: referral, intake with the municipality of stay, and the admission check under Den Haag's rule.
    ngo = "begeleider@lvvdenhaag.example"
    sign_in(b, base, ngo, passwords[ngo], secrets[ngo])
    b.get(base + "/cases/new")
    type_into(b, "givenNames", "Amal")
    type_into(b, "surname", "Haddad")
    type_into(b, "birthDate", "1991")
    Select(field(b, "nationality")).select_by_value("SYR")
    choose(b, "gender", "female")
    choose(b, "channel", "ngo")
    submit(b)
    cid = re.search(r"/cases/([0-9a-f-]{36})", b.current_url).group(1)
    b.get(f"{base}/cases/{cid}/intake")
    for name, value in [("lawfulStay", "no"), ("stateReception", "no"), ("asylumProcedureCompleted", "yes"),
                        ("willingToCooperate", "yes"), ("activeAtOtherLocation", "no"),
                        ("regionalTies", "familyOrNetwork")]:
        choose(b, name, value)
    Select(field(b, "municipalityOfStay")).select_by_value("GM0518")
    submit(b)
    b.get(f"{base}/cases/{cid}/admission")
    page = b.find_element(By.TAG_NAME, "main").text
    assert "Verblijft in 's-Gravenhage, regio Haaglanden." in page
    assert "In Haaglanden volstaat drie maanden aantoonbaar verblijf." in page
    axe(b, "admission check")
    shot(b, "live-06-admission-check")
    choose(b, "outcome", "admit")
    submit(b)
    assert "Actief traject" in b.find_element(By.CLASS_NAME, "stage").text

    # The national hardship committee, created before nothing of Den Haag existed to it, gets the case.
    b.get(f"{base}/cases/{cid}/committee")
    type_into(b, "request", "Medische situatie: kan de commissie adviseren over een verblijfsvergunning?")
    choose(b, "sharedSections", "identity")
    choose(b, "sharedSections", "perspective")
    submit(b)
    assert b.current_url.endswith(cid) or f"/cases/{cid}" in b.current_url, b.find_element(By.TAG_NAME, "main").text
    committee = "commissie@landelijk.example"
    sign_in(b, base, committee, passwords[committee])
    b.get(base + "/inbox")
    assert "Amal Haddad" in b.find_element(By.TAG_NAME, "main").text
    axe(b, "committee inbox")
    shot(b, "live-07-committee-inbox")

    # The administrator sees each object's history, with who did it.
    sign_in(b, base, "beheer@denhaag.example", admin_password)
    b.get(base + "/admin")
    follow(b, b.find_element(By.CSS_SELECTOR, "a[aria-label='Geschiedenis van LVV Den Haag']"))
    history = b.find_element(By.TAG_NAME, "main").text
    assert "Beheer Den Haag" in history and "created" in history
    axe(b, "history")
    shot(b, "live-08-history")
    # A policy version from next month: a regional rung on the escalation ladder. First one that
    # starts in the past and drops a rung, with both errors named; then the right one.
    today = datetime.date.today()
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1).isoformat()
    b.get(base + "/admin")
    set_date(b, "policy-validFrom", "2020-01-01")
    type_into(b, "policy-escalationLadder", "national;Landelijk escalatieoverleg;National escalation meeting")
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/policy-versions'] button"))
    summary = b.find_element(By.CLASS_NAME, "error-summary").text
    assert "Een nieuwe versie begint vandaag of later" in summary and "De trede steeringGroup ontbreekt" in summary
    axe(b, "policy version with errors")
    shot(b, "live-09-policy-errors")
    set_date(b, "policy-validFrom", next_month)
    type_into(b, "policy-escalationLadder", "steeringGroup;Lokale stuurgroep;Local steering group\n"
              "regional;Regionaal escalatieoverleg;Regional escalation meeting\n"
              "national;Landelijk escalatieoverleg;National escalation meeting")
    submit(b, b.find_element(By.CSS_SELECTOR, "form[action='/admin/policy-versions'] button"))
    assert f"Versie 2 geldt vanaf {next_month}." in b.find_element(By.TAG_NAME, "main").text
    table = b.find_element(By.CSS_SELECTOR, "section[aria-labelledby='h-policy'] table").text
    assert "Regionaal escalatieoverleg" in table
    shot(b, "live-10-policy-version")
    # Today's decision keeps version 1, and today's ladder has no regional rung yet.
    sign_in(b, base, ngo, passwords[ngo], secrets[ngo])
    b.get(f"{base}/cases/{cid}")
    version = b.find_element(By.CLASS_NAME, "policy-version").get_attribute("textContent")
    assert "Getoetst aan landelijk beleid, versie 1." in version
    regie = "regie@denhaag.example"
    sign_in(b, base, regie, passwords[regie], secrets[regie])
    b.get(f"{base}/cases/{cid}/escalate")
    levels = [e.get_attribute("value") for e in b.find_elements(By.CSS_SELECTOR, "input[name='level']")]
    assert levels == ["steeringGroup", "national"], levels

    # And still no case of anybody.
    sign_in(b, base, "beheer@denhaag.example", admin_password)
    b.get(f"{base}/cases/{cid}")
    assert b.find_element(By.TAG_NAME, "h1").text != "Amal Haddad"
