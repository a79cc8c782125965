"""The employers' guide: every page in both languages, with sources, and checklists that print on one A4 page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from axe_check import violations

ROOT = Path(__file__).resolve().parent.parent
EMPLOYERS = ROOT / "content" / "employers"
SLUGS = [
    "nieuwkomers-aanwerven",
    "vacatures-zonder-taaldrempel",
    "communicatie-op-de-werkvloer",
    "onthaal",
    "nederlands-leren-op-het-werk",
    "diversiteitsbeleid",
    "steun-en-premies",
    "wat-een-jobcoach-doet",
    "verblijf-controleren",
]
MEDIA_BOX = re.compile(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def url(slug: str, lang: str) -> str:
    return f"employers/{slug}.html" if lang == "nl" else f"en/employers/{slug}.html"


def source(slug: str, lang: str) -> Path:
    return EMPLOYERS / (f"{slug}.md" if lang == "nl" else f"{slug}.en.md")


WITH_CHECKLIST = [s for s in SLUGS if "checklist" in front_matter(source(s, "nl"))]


class TestEveryEmployerPage:
    def test_agreed_pages_exist_in_both_languages(self) -> None:
        """All nine agreed employer pages exist in Dutch and English (and nothing else but the index)."""
        found = {p.name for p in EMPLOYERS.glob("*.md")}
        expected = {f"{s}{suffix}" for s in SLUGS for suffix in (".md", ".en.md")}
        assert expected <= found
        assert found - expected <= {"index.md", "index.en.md"}

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("slug", SLUGS)
    def test_page_shows_title_sources_and_check_date(
        self, page: Page, slug: str, lang: str
    ) -> None:
        """The reader sees the page title, its sources and the date the facts were last checked."""
        meta = front_matter(source(slug, lang))
        page.goto(url(slug, lang))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("article h1")).to_have_text(meta["title"])
        expect(page.locator(".kb-sources li")).to_have_count(len(meta["sources"]))
        expect(page.locator(".kb-reviewed time")).to_have_attribute(
            "datetime", str(meta["reviewed"])
        )


class TestChecklists:
    def test_at_least_two_pages_have_a_checklist(self) -> None:
        """Employers get at least two printable checklists."""
        assert len(WITH_CHECKLIST) >= 2

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("slug", WITH_CHECKLIST)
    def test_checklist_shows_every_item(self, page: Page, slug: str, lang: str) -> None:
        """The checklist from the front matter shows as a list with one box per item, in the page's language."""
        items = front_matter(source(slug, lang))["checklist"]["items"]
        page.goto(url(slug, lang))
        expect(page.locator("ul.kb-checklist > li")).to_have_count(len(items))
        first = re.sub(r"\*", "", items[0])
        expect(page.locator("ul.kb-checklist > li").first).to_have_text(first)

    @pytest.mark.parametrize("slug", WITH_CHECKLIST)
    def test_checklist_is_never_split_when_printed(self, page: Page, slug: str) -> None:
        """Printed, the checklist (with its heading) is never split over two sheets; it does not
        force a new sheet either, so no sheet before it is left nearly empty. That it lands on one
        sheet in both languages is checked on the printed PDF in tests/test_print.py."""
        page.goto(url(slug, "nl"))
        page.emulate_media(media="print")
        box = page.locator("section:has(> ul.kb-checklist)")
        assert box.evaluate("e => getComputedStyle(e).breakInside") == "avoid"

    def test_longest_checklist_is_shorter_than_an_a4_page(self, page: Page) -> None:
        """In the whole printed page, the longest checklist is less tall than one A4 page's printable area."""
        slug = max(
            WITH_CHECKLIST, key=lambda s: len(front_matter(source(s, "nl"))["checklist"]["items"])
        )
        page.set_viewport_size(
            {"width": 680, "height": 1000}
        )  # 180 mm: A4 minus the 15 mm margins, at 96 dpi
        page.goto(url(slug, "nl"))
        page.emulate_media(media="print")
        height = page.locator("section:has(> ul.kb-checklist)").bounding_box()["height"]
        assert height <= 1009  # 267 mm: A4 height minus the margins


class TestEmployerPagesAreAccessible:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_axe_on_a_checklist_page(self, page: Page, lang: str) -> None:
        """axe finds nothing on an employer page with a checklist."""
        page.goto(url(WITH_CHECKLIST[0], lang))
        assert violations(page) == []


CHECKLIST_MARK = {"nl": "(afvinklijst)", "en": "(checklist)"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_index_names_the_pages_with_a_checklist(page: Page, lang: str) -> None:
    """The employers' page says which pages have a checklist (issue 26: it said "four pages"
    without naming them): each marked link opens a page with a checklist, and every employer
    page with a checklist is marked."""
    page.goto("employers/index.html" if lang == "nl" else "en/employers/index.html")
    marked = page.locator("article li").filter(has_text=CHECKLIST_MARK[lang]).locator("a")
    hrefs = [a.get_attribute("href") for a in marked.all()]
    assert sorted(h.removesuffix(".html") for h in hrefs) == sorted(WITH_CHECKLIST)
    for href in hrefs:
        page.goto(("employers/" if lang == "nl" else "en/employers/") + href)
        expect(page.locator("ul.kb-checklist > li").first).to_be_visible()
