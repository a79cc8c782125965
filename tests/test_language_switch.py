"""The language switch keeps the reader on the same page, in both directions, at the same section."""

import re

import pytest
from playwright.sync_api import Page, expect

from content_index import html_path, pages


def switch_language(page: Page, lang: str) -> None:
    """Open the header's language menu by keyboard and choose a language with Enter."""
    page.locator(".md-header__option .md-select > button").first.focus()
    link = page.locator(f"a.md-select__link[hreflang='{lang}']")
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Enter")


class TestLanguageSwitch:
    def test_dutch_page_to_english_partner(self, page: Page) -> None:
        """From the Dutch 'about' page the switch leads to the English 'about' page."""
        page.goto("about.html")
        switch_language(page, "en")
        expect(page).to_have_url(page.url.split("/about.html")[0] + "/en/about.html")
        expect(page.locator("h1")).to_have_text("About this portal")

    def test_english_page_back_to_dutch(self, page: Page) -> None:
        """From the English page the switch leads back to the same Dutch page."""
        page.goto("en/about.html")
        switch_language(page, "nl")
        expect(page.locator("h1")).to_have_text("Over dit portaal")
        expect(page.locator("html")).to_have_attribute("lang", "nl")

    def test_home_switch_under_subpath(self, page: Page, subpath_url: str) -> None:
        """On the home page under a sub-path, the switch stays inside the sub-path."""
        page.goto(subpath_url + "index.html")
        switch_language(page, "en")
        expect(page).to_have_url(subpath_url + "en/index.html")
        switch_language(page, "nl")
        expect(page).to_have_url(subpath_url + "index.html")


def several_sections(kind: str) -> list[str]:
    """The first page of ``kind`` with at least four sections, in both languages."""
    from kb.sections import outline

    for page in pages(kind, "nl"):
        if len(outline(page.body)) >= 4:
            return [html_path(page), "en/" + html_path(page)]
    raise AssertionError(f"no {kind} page has four sections")


def heading_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("article h2[id], article h3[id]", "els => els.map(e => e.id)")


SECTION_PAGES = [path for kind in ("status", "task-guide") for path in several_sections(kind)]


class TestSwitchKeepsTheSection:
    """Issue 26: the switch lost the place unless the address had an anchor, and a heading's
    anchor differs per language (#het-geld, #the-money). Now it lands on the same section."""

    @pytest.mark.parametrize("path", SECTION_PAGES)
    def test_section_on_the_screen_is_kept(self, page: Page, path: str) -> None:
        """A reader scrolls to the third section (no anchor in the address) and taps the other
        language: that page opens at its third section, under its own id."""
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(path)
        ids = heading_ids(page)
        page.evaluate(
            "id => scrollTo(0, document.getElementById(id).getBoundingClientRect().top"
            " + scrollY - 100)",
            ids[2],
        )
        other = "en" if not path.startswith("en/") else "nl"
        switch_language(page, other)
        expect(page.locator("html")).to_have_attribute("lang", other)
        page.wait_for_url(re.compile(r"#(?!kb-section-)[\w-]+$"))
        there = heading_ids(page)
        assert page.url.rsplit("#", 1)[1] == there[2]
        expect(page.locator(f"[id='{there[2]}']")).to_be_in_viewport()

    @pytest.mark.parametrize("path", SECTION_PAGES)
    def test_anchor_of_a_heading_is_translated(self, page: Page, path: str) -> None:
        """From an address with a heading's anchor (the last section), the other language opens
        at its own anchor for that section."""
        page.goto(path)
        ids = heading_ids(page)
        page.goto(f"{path}#{ids[-1]}")
        other = "en" if not path.startswith("en/") else "nl"
        switch_language(page, other)
        expect(page.locator("html")).to_have_attribute("lang", other)
        page.wait_for_url(re.compile(r"#(?!kb-section-)[\w-]+$"))
        there = heading_ids(page)
        assert page.url.rsplit("#", 1)[1] == there[len(ids) - 1]
        expect(page.locator(f"[id='{there[-1]}']")).to_be_in_viewport()

    def test_top_of_the_page_stays_the_top(self, page: Page) -> None:
        """A reader who has not scrolled gets the other page from its top, with no anchor."""
        path = SECTION_PAGES[0]
        page.goto(path)
        switch_language(page, "en")
        page.wait_for_url("**/en/" + path)
        assert page.evaluate("scrollY") == 0
