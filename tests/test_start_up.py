"""What a page does while it starts (issue 16, blocking time): no script change restyles every
element of the page once it has been parsed, and what was moved out of start-up still happens.

- The root element's ``no-js`` becomes ``js`` in the head, before the body exists
  (``start-early.js``); without JavaScript the page keeps ``no-js`` and its no-script layout.
- No style rule depends on ``data-md-color-switching``, the attribute Material's palette sets
  on <body> at every page load; switching light/dark still works.
- The print labels (``print.js``) are set when the reader prints, not while the page starts.

Pages come from tests/pages.py (one of every kind, both languages).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from pages import ALL_PAGES

# Records, for every change of the root element's classes, whether the body existed yet.
WATCH_ROOT_CLASS = """
window.kbRootClass = [];
// Before the parser has made <html>: watch the whole document, keep changes of the root.
new MutationObserver(function (records) {
  records.forEach(function (r) {
    if (r.target !== document.documentElement) return;
    window.kbRootClass.push({ classes: r.target.className, body: !!document.body });
  });
}).observe(document, { attributes: true, attributeFilter: ["class"], subtree: true });
"""


@pytest.mark.parametrize("path", ALL_PAGES)
def test_the_root_becomes_js_before_the_body_exists(page: Page, path: str) -> None:
    page.add_init_script(WATCH_ROOT_CLASS)
    page.goto(path, wait_until="load")
    changes = page.evaluate("window.kbRootClass")
    swap = [c for c in changes if "no-js" not in c["classes"].split()]
    assert swap, f"the root never lost 'no-js': {changes}"
    assert swap[0]["body"] is False, f"'no-js' went after the body was parsed: {changes}"
    classes = page.evaluate("document.documentElement.className").split()
    assert "js" in classes and "no-js" not in classes


def test_without_javascript_the_page_keeps_its_no_script_layout(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("statuses/ibo.html")
        assert "no-js" in page.evaluate("document.documentElement.className").split()
        # Material's no-script rules: no search box, which needs JavaScript.
        expect(page.locator(".md-search")).to_be_hidden()
        expect(page.locator("h1")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["index.html", "en/stories/luwam.html"])
def test_no_style_rule_hangs_on_the_palette_switching_attribute(page: Page, path: str) -> None:
    page.goto(path, wait_until="load")
    selectors = page.evaluate(
        """() => {
          const found = [];
          const walk = rules => { for (const r of rules) {
            if (r.selectorText && r.selectorText.includes("data-md-color-switching")) found.push(r.selectorText);
            if (r.cssRules) walk(r.cssRules);
          } };
          for (const sheet of document.styleSheets) walk(sheet.cssRules);
          return found;
        }"""
    )
    assert selectors == []


TOGGLE_NAMES = {"nl": ("Donkere weergave", "Lichte weergave"), "en": ("Dark mode", "Light mode")}


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_light_and_dark_still_switch(page: Page, lang: str, system: str) -> None:
    """The palette's button has two states and starts from the reader's system setting, so the
    first tap always changes the colours (issue 26: with a third 'automatic' state first, the
    first tap seemed to do nothing); its name is in the page's language."""
    page.emulate_media(color_scheme=system)
    page.goto("index.html" if lang == "nl" else "en/index.html")
    body = page.locator("body")
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    to_dark, to_light = TOGGLE_NAMES[lang]
    first, other = ("default", "slate") if system == "light" else ("slate", "default")
    expect(body).to_have_attribute("data-md-color-scheme", first)
    expect(toggle).to_have_attribute("title", to_dark if system == "light" else to_light)

    def colours() -> tuple[str, str]:
        return body.evaluate(
            "b => [getComputedStyle(b).backgroundColor,"
            " getComputedStyle(document.querySelector('.md-typeset')).color]"
        )

    start = colours()
    seen = []
    for _ in range(2):
        toggle.first.click()
        expect(body).not_to_have_attribute("data-md-color-switching", "")
        page.wait_for_timeout(400)  # colour transitions (0.25 s at most) have played out
        seen.append((body.get_attribute("data-md-color-scheme"), colours()))
    schemes = [scheme for scheme, _ in seen]
    assert schemes == [other, first], schemes
    switched = seen[0][1]
    assert switched[0] != start[0] and switched[1] != start[1], (start, switched)
    assert seen[1][1] == start


@pytest.mark.parametrize("path", ["tasks/werk-zoeken.html", "en/tasks/werk-zoeken.html"])
def test_print_labels_wait_until_the_reader_prints(page: Page, path: str) -> None:
    page.goto(path, wait_until="load")
    page.wait_for_timeout(500)
    labelled = page.locator(".md-content a[data-kb-address]")
    assert labelled.count() == 0 and page.evaluate("document.adoptedStyleSheets.length") == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert labelled.count() > 0
    assert labelled.first.get_attribute("data-kb-address").startswith(("http://", "https://"))
    assert page.evaluate("document.adoptedStyleSheets.length") == 1
