"""The menu and the page contents on a phone, a tablet and a small laptop, used as a reader does.

Below 1220 px Material's menu is a drawer behind the ☰ button. Issue 26: a rendering shortcut
(``content-visibility`` on the drawer's inner box) left that drawer blank and dead on every such
screen while every score stayed green, because no test opened it. These tests open it with a tap,
ask the browser what lies under a finger at points down the panel
(``document.elementFromPoint``), tap a link there and check that its page opens. The same for the
page contents (the table of contents inside the drawer below 960 px, beside the page above).

Pages come from tests/pages.py (one of every kind, both languages).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from pages import PAGE_KINDS

WIDTHS = [320, 360, 768, 1024]
# Every page kind in both languages is swept at the smallest phone (page contents inside the
# drawer) and a small laptop (contents beside the page); the footer test still opens pages at all
# four widths, Material's break points (720 and 960 px) among them. Four widths for every page
# cost about as much as three other test files, for the same drawer.
SWEEP_WIDTHS = [320, 1024]
TOC_INLINE = 960  # below this width the page contents sit inside the drawer
HEIGHT = 740

# What lies under a finger at points down a panel: for each point the link or toggle there
# (href or 'for'), or what else is there ('' when nothing a reader can tap).
UNDER_FINGERS = """
([selector, step]) => {
  const panel = document.querySelector(selector);
  const box = panel.getBoundingClientRect();
  const top = Math.max(box.top, 0) + 8, bottom = Math.min(box.bottom, innerHeight) - 8;
  const x = box.left + Math.min(box.width / 2, 120);
  const found = [];
  for (let y = top; y < bottom; y += step) {
    const el = document.elementFromPoint(x, y);
    const hit = el && el.closest("a[href], label[for]");
    found.push(hit && panel.contains(hit)
      ? {kind: hit.tagName.toLowerCase(), href: hit.getAttribute("href") || "",
         url: hit.href || "", for: hit.getAttribute("for") || "", x: x, y: y,
         text: hit.textContent.trim()}
      : {kind: el ? "other:" + el.tagName.toLowerCase() + "." + el.className : "none", y: y});
  }
  return found;
}
"""


def cases() -> Iterator:
    for kind, pair in PAGE_KINDS.items():
        for lang, path in zip(("nl", "en"), pair, strict=True):
            yield pytest.param(path, id=f"{kind}-{lang}")


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Page]:
    """A touch screen, as on a phone; requests to other hosts are refused."""
    context = browser.new_context(base_url=base_url, has_touch=True, is_mobile=False)
    context.route(
        lambda url: urlsplit(url).hostname not in {"127.0.0.1", None}, lambda r: r.abort()
    )
    page = context.new_page()
    yield page
    context.close()


def open_drawer(page: Page) -> None:
    button = page.locator(".md-header label.md-header__button[for='__drawer']")
    expect(button).to_be_visible()
    button.tap()
    drawer = page.locator(".md-sidebar--primary")
    # Open when it has slid fully onto the screen (Material moves it with a transform).
    page.wait_for_function(
        "() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();"
        " return r.width > 0 && Math.abs(r.left) < 1; }"
    )
    expect(drawer).to_be_visible()


def taps(page: Page, selector: str, step: int = 40) -> list[dict]:
    return page.evaluate(UNDER_FINGERS, [selector, step])


def assert_links_under_fingers(points: list[dict], where: str) -> list[dict]:
    """Most points of the panel are something to tap, and several distinct links are among them."""
    hits = [p for p in points if p["kind"] in {"a", "label"}]
    links = {p["href"] for p in hits if p["kind"] == "a"}
    assert len(hits) * 2 >= len(points) and len(links) >= 3, (
        f"{where}: a finger finds {len(hits)} things to tap at {len(points)} points and "
        f"{len(links)} distinct links; under the finger: {points}"
    )
    return hits


def tap_link_to_another_page(page: Page, hits: list[dict]) -> None:
    here = page.url.split("#")[0]
    targets = [p for p in hits if p["kind"] == "a" and p["url"].split("#")[0] != here]
    assert targets, f"no link to another page under a finger: {hits}"
    target = targets[0]
    page.touchscreen.tap(target["x"], target["y"])
    page.wait_for_url(target["url"])
    expect(page.locator("h1").first).to_be_visible()


@pytest.mark.parametrize("path", cases())
def test_menu_opens_and_its_links_work(phone: Page, path: str) -> None:
    """On a phone and a small laptop (both below 1220 px): tap ☰, find links under a finger down
    the drawer, tap one, and its page opens."""
    for width in SWEEP_WIDTHS:
        phone.set_viewport_size({"width": width, "height": HEIGHT})
        phone.goto(path)
        open_drawer(phone)
        hits = assert_links_under_fingers(
            taps(phone, ".md-sidebar--primary .md-sidebar__scrollwrap"), f"{path} at {width} px"
        )
        tap_link_to_another_page(phone, hits)


def heading_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("article h2[id], article h3[id]", "els => els.map(e => e.id)")


@pytest.mark.parametrize("path", cases())
def test_page_contents_open_and_lead_to_their_section(phone: Page, path: str) -> None:
    """Below 960 px the page's own entry in the drawer opens its contents; a tapped section
    opens at that section. Wider, the contents stand beside the page and work by a tap too.
    A page without sections has no contents entry."""
    for width in SWEEP_WIDTHS:
        phone.set_viewport_size({"width": width, "height": HEIGHT})
        phone.goto(path)
        ids = heading_ids(phone)
        if width < TOC_INLINE:
            open_drawer(phone)
            entry = phone.locator(".md-sidebar--primary label.md-nav__link--active[for='__toc']")
            if not ids:
                expect(entry).to_have_count(0)
                continue
            if phone.locator(
                ".md-sidebar--primary .md-nav__container > a.md-nav__link--active"
            ).count():
                # A section's own index page (the statuses overview): Material's drawer lists the
                # section there and never the page's contents (partials/nav-item.html). Known and
                # left open (issue 26); its contents are beside the page from 960 px on.
                expect(entry).to_have_count(0)
                continue
            entry.tap()
            panel = ".md-sidebar--primary nav.md-nav--secondary"
            expect(phone.locator(panel)).to_be_visible()
            phone.wait_for_function(
                "s => { const r = document.querySelector(s).getBoundingClientRect();"
                " return r.height > 0 && Math.abs(r.left) < 1; }",
                arg=panel,
            )
        else:
            panel = ".md-sidebar--secondary nav.md-nav--secondary"
            if not ids:
                continue
            expect(phone.locator(panel)).to_be_visible()
        points = taps(phone, panel, step=24)
        hits = [p for p in points if p["kind"] == "a" and "#" in p["href"]]
        assert hits, f"{path} at {width} px: no section link under a finger: {points}"
        target = hits[-1]
        phone.touchscreen.tap(target["x"], target["y"])
        anchor = target["href"].split("#", 1)[1]
        phone.wait_for_url(urljoin(phone.url, "#" + anchor))
        heading = phone.locator(f"[id='{anchor}']")
        expect(heading).to_be_in_viewport()


@pytest.mark.parametrize("path", ["statuses/ibo.html", "en/training/sessie-2.html"])
def test_footer_links_work_after_scrolling_down(phone: Page, path: str) -> None:
    """The footer is laid out only near the screen (content-visibility): scrolled to the end, its
    'next page' link is under a finger and opens that page."""
    for width in WIDTHS:
        phone.set_viewport_size({"width": width, "height": HEIGHT})
        phone.goto(path)
        # Scroll to the end as a reader does, again while the page still grows (a quiz near the
        # end loads its script and style sheet when it comes near, and gets taller), until every
        # quiz is set up and the link stands still on the screen and is what a finger at its middle touches.
        point = phone.wait_for_function(
            """() => {
              scrollTo(0, document.documentElement.scrollHeight);
              const link = document.querySelector('.md-footer a.md-footer__link--next');
              const r = link.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              const still = window.kbLast === x + ',' + y;
              window.kbLast = x + ',' + y;
              const under = document.elementFromPoint(x, y);
              const quizzes = [...document.querySelectorAll('[data-kb-quiz]')];
              const set = quizzes.every(q => q.classList.contains('kb-quiz--js'));
              return set && still && r.bottom <= innerHeight && under && link.contains(under) && [x, y];
            }""",
            polling=250,
        ).json_value()
        x, y = point
        under = phone.locator(".md-footer a.md-footer__link--next").evaluate("a => a.href")
        phone.touchscreen.tap(x, y)
        phone.wait_for_url(under)
        expect(phone.locator("h1").first).to_be_visible()
