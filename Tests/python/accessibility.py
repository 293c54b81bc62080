"""Accessibility checks shared by the browser tests: axe-core 4 at WCAG 2.2 AA, reflow at 320 CSS pixels, text
spacing, and content shown on hover or focus."""
import os

import axe_playwright_python

# axe-core 4.12.1, as the wheel axe-playwright-python ships it (installed --no-deps: only the script is used).
AXE = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# "Incomplete" results axe leaves for a person to judge, each with how this check judges it; any other fails.
EXPLAINED = {
    # axe cannot tell the background of text in an SVG chart, nor of a text area whose lines scroll;
    # contrast_beneath measures both below instead.
    "color-contrast": "SVG chart text against the shape beneath, a scrolling field against its own opaque "
                      "background: at least 4.5:1",
}

# The contrast of each SVG text against what lies beneath its centre (the nearest filled shape, else white), and of
# a form field's text against its own background, which must be opaque.
CONTRAST_BENEATH = r"""
const rgb = c => { const m = c.match(/[0-9.]+/g).map(Number); return m.slice(0, 3); };
const lum = c => {
  const v = rgb(c).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
const out = [];
for (const selector of arguments[0]) {
  const t = document.querySelector(selector);
  if (t && ['TEXTAREA', 'INPUT', 'SELECT'].includes(t.tagName)) {
    const s = getComputedStyle(t), a = lum(s.color), b = lum(s.backgroundColor);
    const opaque = !/rgba\(.*, 0(\.\d+)?\)$/.test(s.backgroundColor);
    out.push({selector, ratio: opaque ? (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) : 0});
    continue;
  }
  if (!t || !(t instanceof SVGTextElement)) { out.push({selector, ratio: 0, note: 'not SVG text'}); continue; }
  const r = t.getBoundingClientRect();
  const under = document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    .find(e => e !== t && e instanceof SVGGeometryElement && getComputedStyle(e).fill !== 'none');
  const back = under ? getComputedStyle(under).fill : 'rgb(255, 255, 255)';
  const a = lum(getComputedStyle(t).fill), b = lum(back);
  out.push({selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)});
}
return out;
"""


def contrast_beneath(driver, nodes):
    """The judgement axe leaves open: chart text and scrolling fields, large or not, at least 4.5:1."""
    selectors = [n["target"][0] for n in nodes if len(n["target"]) == 1]
    measured = driver.execute_script(CONTRAST_BENEATH, selectors)
    return [m for m in measured if m["ratio"] < 4.5] + [n["target"] for n in nodes if len(n["target"]) != 1]


def axe_results(driver):
    with open(AXE) as script:
        driver.execute_script(script.read())
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})"
        ".then(r => done({violations: r.violations, incomplete: r.incomplete}));",
        TAGS,
    )


def axe(driver, name):
    """Runs axe-core on the page: no violation, and no "incomplete" result without its explanation."""
    result = axe_results(driver)
    problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    problems += [("incomplete " + v["id"], [n["target"] for n in v["nodes"]][:3])
                 for v in result["incomplete"] if v["id"] not in EXPLAINED]
    for v in result["incomplete"]:
        if v["id"] == "color-contrast":
            problems += [("color-contrast", m) for m in contrast_beneath(driver, v["nodes"])]
    assert problems == [], f"{name}: {problems}"


def narrow(driver, width=320, height=640):
    """Lays the page out at `width` CSS pixels (400% zoom of 1280); a headless window cannot be narrower than 500."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def wide(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# The outermost elements that reach past the viewport's right edge, outside a table's own scroll container.
OVERFLOW = """
const limit = document.documentElement.clientWidth;
const out = [];
for (const e of document.body.querySelectorAll('*')) {
  if (e.closest('.table-scroll') && !e.classList.contains('table-scroll')) continue;
  if (e.closest('.visually-hidden, .skip-link')) continue;
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.right <= limit + 1) continue;
  if (e.parentElement && out.includes(e.parentElement)) continue;
  out.push(e);
}
return {scrollWidth: document.documentElement.scrollWidth, width: limit,
        offenders: out.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
          + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)')};
"""


def reflow(driver, name):
    """WCAG 1.4.10: at 320 CSS pixels nothing scrolls sideways but a data table inside its own container."""
    narrow(driver)
    try:
        measured = driver.execute_script(OVERFLOW)
    finally:
        wide(driver)
    assert measured["scrollWidth"] <= measured["width"] and not measured["offenders"], \
        f"{name}: {measured['scrollWidth']} px wide at 320: {measured['offenders']}"
    return measured["scrollWidth"]


# WCAG 1.4.12's spacing, set through the CSS object model (the content security policy allows no inline <style>);
# then any element that clips its content is named.
SPACING = """
for (const e of document.body.querySelectorAll('*')) {
  e.style.setProperty('line-height', '1.5', 'important');
  e.style.setProperty('letter-spacing', '0.12em', 'important');
  e.style.setProperty('word-spacing', '0.16em', 'important');
  if (e.tagName === 'P') e.style.setProperty('margin-bottom', '2em', 'important');
}
const clipped = [];
for (const e of document.body.querySelectorAll('*')) {
  if (e.closest('.visually-hidden, .skip-link, .table-scroll')) continue;
  const s = getComputedStyle(e);
  const hides = v => v === 'hidden' || v === 'clip';
  const wide = hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
  const tall = hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
  if (wide || tall)
    clipped.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
}
return {clipped: clipped.slice(0, 5), scrollWidth: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth};
"""


def text_spacing(driver, name):
    """WCAG 1.4.12: with the criterion's spacing no content is clipped and the page does not grow sideways."""
    measured = driver.execute_script(SPACING)
    driver.refresh()
    assert not measured["clipped"] and measured["scrollWidth"] <= measured["width"], f"{name}: {measured}"


# Style rules that show, hide or move content on hover or focus (WCAG 1.4.13), other than the focus indicator.
HOVER_RULES = """
const found = [];
for (const sheet of document.styleSheets) {
  for (const rule of sheet.cssRules) {
    if (!rule.selectorText || !/:hover|:focus/.test(rule.selectorText)) continue;
    for (const p of ['display', 'visibility', 'opacity', 'position', 'content', 'left', 'top', 'height', 'width']) {
      if (rule.style.getPropertyValue(p)) found.push(rule.selectorText + ' { ' + p + ' }');
    }
  }
}
return found;
"""


def hover_and_focus(driver):
    """WCAG 1.4.13: the only content that appears on focus is the skip link, which then takes its place in the flow
    (it covers nothing, so it needs no dismissing). Koers sends no scripts that could show anything else."""
    rules = driver.execute_script(HOVER_RULES)
    assert all(rule.startswith(".skip-link:focus") for rule in rules), rules
    assert driver.execute_script("return document.scripts.length") == 0


FOCUS_VISIBLE = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e);
return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').slice(0, 40),
        visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'};
"""
