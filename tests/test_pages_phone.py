"""Pages as a coach reads them on a phone (issue 14): no sideways scroll on any built page, the
statuses overview as cards, do/don't markers, dark mode on every page kind, an entry per audience
on the home page, "last checked" next to the fact box, no repeated links, a language switch that
keeps the anchor and marks the language, and glossary explanations that close on Escape.

Pages come from the built site's files and the content files, so they follow editors' changes.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from axe_check import violations
from content_index import html_path, labels, pages
from pages import ALL_PAGES

LANGS = ["nl", "en"]
WIDTHS = [320, 390]


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_no_page_scrolls_sideways(built_site: Path, browser: Browser, site_url: str) -> None:
    """Every page the build wrote, in both languages, fits 320 and 390 px without sideways
    scrolling (WCAG 1.4.10), measured as the document's scroll width against the window."""
    paths = built_pages(built_site)
    assert len(paths) >= 2 * len(pages("status"))
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(path)
            scroll = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if scroll[0] > scroll[1]:
                wide.append(f"{path} at {width} px: {scroll[0]} px wide")
    context.close()
    assert wide == []


class TestStatusesOverview:
    @pytest.mark.parametrize("lang", LANGS)
    def test_overview_is_one_card_per_status_on_a_phone(self, page: Page, lang: str) -> None:
        """At 390 px each status is a card with its name on top and every fact labelled; nothing
        scrolls sideways inside the overview."""
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto("statuses/index.html" if lang == "nl" else "en/statuses/index.html")
        rows = page.locator(".kb-overview__row")
        expect(rows).to_have_count(len(pages("status", lang)))
        t = labels(lang)
        first = rows.first
        name = first.locator("th[scope='row']").bounding_box()
        cell = first.locator("td").first.bounding_box()
        assert name["y"] + name["height"] <= cell["y"] + 1  # the name above its facts
        assert cell["x"] + cell["width"] <= 390
        label = (
            first.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
        )
        assert t["organiser"] in label
        boxes = page.evaluate(
            "[...document.querySelectorAll('.kb-overview .md-typeset__scrollwrap')]"
            ".filter(b => b.scrollWidth > b.clientWidth + 1).length"
        )
        assert boxes == 0

    def test_overview_keeps_its_columns_on_a_desktop(self, page: Page) -> None:
        """On a wide screen the overview stays a table with column headers."""
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto("statuses/index.html")
        expect(page.locator(".kb-overview thead th").first).to_be_visible()
        assert page.locator(".kb-overview tr").first.evaluate(
            "r => getComputedStyle(r).display"
        ) == ("table-row")


@pytest.mark.parametrize("lang", LANGS)
def test_do_and_dont_lists_show_their_markers(page: Page, lang: str) -> None:
    """A task guide's do's show ✔ and its don'ts ✘."""
    guide = next(p for p in pages("task-guide", lang) if p.meta.get("dos"))
    page.goto(html_path(guide))
    for box, sign in (("dos", "✔"), ("donts", "✘")):
        marker = page.locator(f".kb-box.{box} li").first.evaluate(
            "li => getComputedStyle(li, '::marker').content"
        )
        assert sign in marker, (box, marker)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_dark_mode_passes_axe_on_every_page_kind(page: Page, path: str) -> None:
    """In the dark scheme, one page of every kind in both languages has no axe violation (the
    finder's 'show all' button included)."""
    page.emulate_media(color_scheme="dark")
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGS)
def test_home_has_an_entry_per_audience(page: Page, lang: str) -> None:
    """'Who is it for?' gives coaches, employers and organisations each a link to their part."""
    page.goto("index.html" if lang == "nl" else "en/index.html")
    heading = "Voor wie?" if lang == "nl" else "Who is it for?"
    items = page.locator(f"h2:text-is('{heading}') + ul > li")
    expect(items).to_have_count(3)
    for i in range(3):
        links = items.nth(i).locator("a")
        assert links.count() >= 1
        for href in links.evaluate_all("as => as.map(a => a.href)"):
            assert page.request.get(href).ok, href
    employers = items.nth(1).locator("a").first
    expect(employers).to_have_attribute("href", "employers/index.html")


class TestStatusPage:
    @pytest.mark.parametrize("lang", LANGS)
    def test_last_checked_sits_in_the_fact_box(self, page: Page, lang: str) -> None:
        """Every status page says when it was last checked inside its fact box, near the top."""
        page.set_viewport_size({"width": 390, "height": 800})
        for status in pages("status", lang):
            page.goto(html_path(status))
            line = page.locator(".kb-facts .kb-facts__reviewed time")
            expect(line).to_have_attribute("datetime", str(status.meta["reviewed"]))
        top = page.locator(".kb-facts__reviewed").bounding_box()["y"]
        bottom = page.locator(".kb-reviewed").bounding_box()["y"]
        assert top < bottom

    def test_mentioned_in_repeats_no_linked_page(self, built_site: Path) -> None:
        """No page lists a link under 'mentioned in' that a box above already gives."""
        repeated = []
        for path in built_pages(built_site):
            boxes = _links_per_box((built_site / path).read_text(encoding="utf-8"))
            above = set().union(
                *(v for k, v in boxes.items() if k in {"related", "statuses", "stories", "tasks"})
            )
            if both := above & boxes.get("kb-backlinks", set()):
                repeated.append(f"{path}: {sorted(both)}")
        assert repeated == []


class _Boxes(HTMLParser):
    """The links inside each <section class="kb-box NAME"> (or kb-backlinks) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, set[str]] = {}
        self.stack: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "section":
            classes = (attrs.get("class") or "").split()
            name = None
            if "kb-backlinks" in classes:
                name = "kb-backlinks"
            elif "kb-box" in classes:
                name = next((c for c in classes if c != "kb-box"), None)
            self.stack.append(name)
        elif tag == "a" and self.stack and self.stack[-1]:
            self.boxes.setdefault(self.stack[-1], set()).add(attrs.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.stack:
            self.stack.pop()


def _links_per_box(html: str) -> dict[str, set[str]]:
    parser = _Boxes()
    parser.feed(html)
    return parser.boxes


class TestLanguageSwitch:
    @pytest.mark.parametrize("lang", LANGS)
    def test_switch_keeps_the_anchor_and_marks_the_language(self, page: Page, lang: str) -> None:
        """From a status page at #kb-facts, the other language opens at #kb-facts; the menu marks
        the page's own language with aria-current."""
        here, there = ("statuses/ibo.html", "en/statuses/ibo.html")[:: 1 if lang == "nl" else -1]
        other = "en" if lang == "nl" else "nl"
        page.goto(here + "#kb-facts")
        current = page.locator(f"a.md-select__link[hreflang='{lang}']")
        expect(current).to_have_attribute("aria-current", "true")
        expect(page.locator(f"a.md-select__link[hreflang='{other}']")).not_to_have_attribute(
            "aria-current", "true"
        )
        page.locator(f"a.md-select__link[hreflang='{other}']").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{there}#kb-facts")
        expect(page.locator(f"a.md-select__link[hreflang='{other}']")).to_have_attribute(
            "aria-current", "true"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_explanation_closes_on_escape(page: Page, lang: str) -> None:
    """A term's explanation opened by keyboard focus closes on Escape, and focus stays on the term
    (WCAG 1.4.13)."""
    page.goto("statuses/ibo.html" if lang == "nl" else "en/statuses/ibo.html")
    term = page.locator("article abbr[tabindex]").first
    term.focus()
    tip = page.locator(".md-tooltip2[role='tooltip']")
    expect(page.locator(".md-tooltip2--active[role='tooltip']")).to_have_count(1)
    expect(tip.first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    expect(term).to_be_focused()


@pytest.mark.parametrize("lang", LANGS)
def test_menu_toggles_are_24px_on_a_phone(page: Page, lang: str) -> None:
    """Every control in the phone menu (drawer, section toggles, links) is at least 24 by 24 px."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("statuses/ibo.html" if lang == "nl" else "en/statuses/ibo.html")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    small = page.evaluate(
        """() => [...document.querySelectorAll('.md-header__button, .md-nav label, .md-nav a')]
          .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24))
          .map(([h]) => h)"""
    )
    assert small == []
