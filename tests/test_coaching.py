"""The coach's framework: the home page points new coaches to "start here", the start-here page
leads through its route by links that work, and every coaching page is reachable from the
navigation, with its sources and last-checked date, in both languages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import content_model  # noqa: E402

SITE = content_model.load_site(ROOT / "content", ROOT)
LABELS = yaml.safe_load((ROOT / "hooks" / "content_strings.yml").read_text(encoding="utf-8"))
HOME = {"nl": "index.html", "en": "en/index.html"}
START_LINK = {"nl": "Nieuw als coach? Begin hier", "en": "New coach? Start here"}
SECTION = {"nl": "Kader voor coaches", "en": "The coach's framework"}
ROUTE_HEADINGS = {
    "nl": ("Je eerste week", "Je eerste maand"),
    "en": ("Your first week", "Your first month"),
}
AGREED_SLUGS = {
    "start-hier",
    "vrijwilligersovereenkomst",
    "opleiding-en-kennisnetwerk",
    "grenzen-van-de-rol",
    "matching",
    "waarom-coachen",
    "inspiratie-elders",
}


def coaching_pages(lang: str) -> list[content_model.Page]:
    """The coaching topics in one language, in navigation order."""
    return [p for p in SITE.of_kind("topic", lang) if p.base.startswith("coaching/")]


def html_path(entry: content_model.Page) -> str:
    """Address of a page under the site root, e.g. en/coaching/matching.html."""
    return ("en/" if entry.lang == "en" else "") + entry.base[:-3] + ".html"


def start_here(lang: str) -> content_model.Page:
    return next(p for p in coaching_pages(lang) if p.slug == "start-hier")


class TestFrameworkPages:
    def test_agreed_pages_exist_in_both_languages(self) -> None:
        """The seven agreed coaching pages are there, each in Dutch and in English."""
        for lang in ("nl", "en"):
            assert {p.slug for p in coaching_pages(lang)} == AGREED_SLUGS

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_sources_and_last_checked(self, page: Page, lang: str) -> None:
        """Every coaching page names its sources and says when it was last checked."""
        for entry in coaching_pages(lang):
            page.goto(html_path(entry))
            expect(page.locator("h1")).to_have_text(entry.meta["title"])
            sources = page.locator(".kb-sources li")
            expect(sources).to_have_count(len(entry.meta["sources"]))
            expect(sources.first).to_contain_text(entry.meta["sources"][0]["title"])
            expect(page.locator(".kb-reviewed")).to_contain_text(LABELS[lang]["reviewed"])


class TestStartHere:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_home_page_points_new_coaches_here(self, page: Page, lang: str) -> None:
        """The home page has a visible "start here" link that opens the start-here page (it may
        stand both under "for whom?" and in the text)."""
        page.goto(HOME[lang])
        link = page.locator("article").get_by_role("link", name=START_LINK[lang], exact=True).first
        expect(link).to_be_visible()
        link.click()
        expect(page.locator("h1")).to_have_text(start_here(lang).meta["title"])

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_route_is_an_ordered_path_of_working_links(self, page: Page, lang: str) -> None:
        """Under "first week" and "first month" the reader finds numbered steps; every step's
        link opens a real page in the same language."""
        page.goto(html_path(start_here(lang)))
        targets: list[str] = []
        for heading in ROUTE_HEADINGS[lang]:
            title = page.locator("article h2", has_text=heading)
            expect(title).to_be_visible()
            steps = title.locator("xpath=following-sibling::ol[1]/li")
            assert steps.count() >= 3, f"'{heading}' has fewer than three numbered steps"
            for i in range(steps.count()):
                links = steps.nth(i).locator("a")
                assert links.count() >= 1, f"step {i + 1} under '{heading}' has no link"
                targets += [links.nth(j).get_attribute("href") for j in range(links.count())]
        base = page.url
        for href in targets:
            response = page.goto(re.sub(r"[^/]*$", "", base) + href)
            assert response is not None and response.ok, f"{href} does not open"
            expect(page.locator("html")).to_have_attribute("lang", lang)
            expect(page.locator("h1")).to_be_visible()
            assert "404" not in page.title()

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_route_covers_the_whole_framework(self, page: Page, lang: str) -> None:
        """The route passes every other page of the coach's framework."""
        page.goto(html_path(start_here(lang)))
        hrefs = page.locator("article ol a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        for entry in coaching_pages(lang):
            if entry.slug != "start-hier":
                assert f"{entry.slug}.html" in hrefs, f"the route skips {entry.slug}"


class TestNavigation:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_every_coaching_page_reachable_from_navigation(self, page: Page, lang: str) -> None:
        """From the home page, the navigation opens the coach's framework, and from there
        every coaching page."""
        for entry in coaching_pages(lang):
            page.goto(HOME[lang])
            nav = page.locator("nav.md-nav--primary")
            nav.locator("a[href$='coaching/index.html']").first.click()
            expect(page.locator("h1")).to_have_text(SECTION[lang])
            nav = page.locator("nav.md-nav--primary")
            nav.get_by_role("link", name=entry.meta["title"], exact=True).first.click()
            expect(page.locator("h1")).to_have_text(entry.meta["title"])
            expect(page.locator("html")).to_have_attribute("lang", lang)
