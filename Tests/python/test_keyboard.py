"""Keyboard only, in headless Chromium: a person from referral to outflow, and a case meeting with a decision.

Every step is Tab, Shift+Tab, the arrow keys, Space, Enter or typing into the focused field; nothing is clicked or
set by script. On every stop the focus must be visible, an error summary must receive the focus, and the page after
an action must announce what happened (role="status")."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from accessibility import FOCUS_VISIBLE, axe, reflow
from test_browser import browser, gone  # noqa: F401 (fixture)


class Keyboard:
    def __init__(self, driver):
        self.b = driver
        self.stops = 0

    def press(self, *keys):
        ActionChains(self.b).send_keys(*keys).perform()

    def focused(self, script):
        return self.b.execute_script("const e = document.activeElement; return !!e && (" + script + ");")

    def tab_until(self, script, what, limit=400):
        """Presses Tab until the focused element satisfies `script` (with `e` the focused element)."""
        for _ in range(limit):
            if self.focused(script):
                return
            self.press(Keys.TAB)
            self.stops += 1
            focus = self.b.execute_script(FOCUS_VISIBLE)
            assert focus is None or focus["visible"], f"no visible focus on {focus}"
        raise AssertionError(f"Tab never reached {what} on {self.b.current_url}")

    def to_field(self, name):
        self.tab_until(f"e.id === 'f-{name}'", name)

    def type(self, name, text):
        self.to_field(name)
        self.press(Keys.CONTROL, "a")
        self.press(Keys.BACKSPACE)
        self.press(text)

    def to_link(self, text):
        self.tab_until(f"e.tagName === 'A' && e.textContent.trim().startsWith({text!r})", text)

    def to_button(self, text, within=None):
        scope = f" && e.closest({within!r})" if within else ""
        self.tab_until(f"e.tagName === 'BUTTON' && e.textContent.trim() === {text!r}{scope}", text)

    def choose(self, name, value):
        """A radio button: Tab into the group, then the arrow keys, which also select."""
        self.tab_until(f"e.type === 'radio' && e.name === {name!r}", name)
        values = [r.get_attribute("value") for r in self.b.find_elements(By.CSS_SELECTOR, f'input[name="{name}"]')]
        at = values.index(self.b.switch_to.active_element.get_attribute("value"))
        target = values.index(value)
        for _ in range(abs(target - at)):
            self.press(Keys.ARROW_DOWN if target > at else Keys.ARROW_UP)
        if not self.b.switch_to.active_element.is_selected():
            self.press(Keys.SPACE)
        assert self.b.switch_to.active_element.get_attribute("value") == value

    def tick(self, name, value):
        """A check box: Tab to it, Space."""
        self.tab_until(f"e.type === 'checkbox' && e.name === {name!r} && e.value === {value!r}", value)
        if not self.b.switch_to.active_element.is_selected():
            self.press(Keys.SPACE)

    def select(self, name, value):
        """A drop-down, closed, with the arrow keys."""
        self.to_field(name)
        self.pick(value)

    def pick(self, value):
        """Chooses `value` in the focused drop-down with the arrow keys."""
        options = [o.get_attribute("value")
                   for o in self.b.switch_to.active_element.find_elements(By.TAG_NAME, "option")]
        at = options.index(self.b.switch_to.active_element.get_attribute("value"))
        target = options.index(value)
        for _ in range(abs(target - at)):
            self.press(Keys.ARROW_DOWN if target > at else Keys.ARROW_UP)
        assert self.b.switch_to.active_element.get_attribute("value") == value

    def enter(self):
        """Enter on the focused link or button, and wait for the next page."""
        old = self.b.find_element(By.TAG_NAME, "html")
        self.press(Keys.ENTER)
        WebDriverWait(self.b, 15).until(lambda _: gone(old))

    def status(self):
        notes = self.b.find_elements(By.CSS_SELECTOR, "[role=status]")
        assert notes, f"no status message at {self.b.current_url}"
        return notes[0].text

    def error_summary_focused(self):
        assert self.focused("e.classList.contains('error-summary')"), "the error summary does not have the focus"
        return self.b.switch_to.active_element.text


def sign_in(k, base, email):
    k.b.delete_all_cookies()
    k.b.get(base + "/login")
    k.type("email", email)
    k.type("password", "koers-demo")
    k.to_button("Aanmelden")
    k.enter()


def test_referral_to_outflow_by_keyboard(koers, browser):
    k, base = Keyboard(browser), koers["base"]
    sign_in(k, base, "ngo.utrecht@demo.koers.nl")
    assert browser.current_url.endswith("/cases")
    k.to_link("Nieuwe aanmelding")
    k.enter()

    # Sent with a surname missing: the summary takes the focus and names it.
    k.type("givenNames", "Yonas")
    k.type("birthDate", "1991")
    k.select("nationality", "ERI")
    k.choose("gender", "male")
    k.choose("channel", "ngo")
    k.to_button("Aanmelding vastleggen")
    k.enter()
    assert "Achternaam" in k.error_summary_focused()
    k.type("surname", "Tesfay")
    k.choose("gender", "male")
    k.choose("channel", "ngo")
    k.to_button("Aanmelding vastleggen")
    k.enter()
    assert "Yonas Tesfay" in browser.find_element(By.TAG_NAME, "h1").text

    k.to_link("Intake vastleggen")
    k.enter()
    # In the order of the form: Tab only goes forward.
    k.tick("biometricallyIdentified", "true")
    for name, value in [("lawfulStay", "no"), ("stateReception", "no"), ("asylumProcedureCompleted", "yes"),
                        ("willingToCooperate", "yes"), ("activeAtOtherLocation", "no")]:
        k.choose(name, value)
    k.tick("regionalTies", "familyOrNetwork")
    k.to_button("Intake opslaan")
    k.enter()
    assert k.status()

    k.to_link("Toelatingstoets en besluit")
    k.enter()
    k.choose("outcome", "admit")
    k.to_button("Besluit vastleggen")
    k.enter()
    assert "Actief traject" in browser.find_element(By.CLASS_NAME, "stage").text
    assert k.status()

    k.to_link("Perspectief vastleggen")
    k.enter()
    k.choose("perspective", "return")
    k.to_button("Perspectief vastleggen")
    k.enter()
    assert k.status()

    k.to_link("Uitstroom vastleggen")
    k.enter()
    k.choose("reason", "independentDeparture")
    k.to_button("Uitstroom vastleggen")
    k.enter()
    assert "Uitgestroomd" in browser.find_element(By.CLASS_NAME, "stage").text
    assert k.status()
    axe(browser, "case after outflow, by keyboard")
    reflow(browser, "case after outflow, by keyboard")
    assert k.stops > 40


def test_case_meeting_by_keyboard(koers, browser):
    k, base = Keyboard(browser), koers["base"]
    sign_in(k, base, "municipality.utrecht@demo.koers.nl")
    k.to_link("Casusoverleg")
    k.enter()
    # The date is today's, as offered.
    for party in ("ngo", "ind", "dtv"):
        k.tick("partiesPresent", party)
    k.to_button("Overleg beleggen")
    k.enter()
    items = browser.find_elements(By.CSS_SELECTOR, "ol.agenda > li")
    assert items, "the agenda is empty"

    # The first case's decision, sent empty first: the summary in that case's form takes the focus.
    first = items[0]
    case_name = first.find_element(By.CSS_SELECTOR, "h3 a").text
    k.to_button("Besluit vastleggen", within="ol.agenda > li:first-child")
    k.enter()
    assert "Besluit van het overleg" in k.error_summary_focused()
    k.tab_until("e.name === 'decision'", "the decision")
    k.press("Besproken; DT&V plant een vertrekgesprek.")
    if browser.find_elements(By.CSS_SELECTOR, "li.agenda-item .error-summary ~ form select[name=outcome], "
                                              "li.agenda-item form:has(.error-summary) select[name=outcome]"):
        k.tab_until("e.name === 'outcome'", "the admission outcome")
        k.pick("admit")
    k.to_button("Besluit vastleggen", within="li.agenda-item")
    k.enter()
    # The text as shown: page_source would have DT&amp;V.
    assert "Besproken; DT&V plant een vertrekgesprek." in browser.find_element(By.TAG_NAME, "main").text
    assert k.status()
    axe(browser, "meeting after a decision, by keyboard")
    reflow(browser, "meeting after a decision, by keyboard")

    k.to_link("Verslag")
    k.enter()
    minutes = browser.find_element(By.TAG_NAME, "main").text
    assert case_name in minutes and "Besproken; DT&V plant een vertrekgesprek." in minutes
