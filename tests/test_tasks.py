"""Task guides: each task of the coach shows its steps, do's, don'ts, pitfalls and checklist, in Dutch
and in English, and a coach finds the tasks through the navigation.

The expected items are read from the pages' front matter, so the tests keep following the content
that editors write; what they check is that the build turns every item into the box a reader sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from content_index import front_matter, labels

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TASKS = ["traject-opvolgen", "mentoren", "werk-zoeken", "nazorg", "signaleren", "doorverwijzen"]
LANGUAGES = ["nl", "en"]


def source(slug: str, lang: str) -> Path:
    """The Markdown file of a task page in one language."""
    return CONTENT / "tasks" / (f"{slug}.md" if lang == "nl" else f"{slug}.{lang}.md")


def url(slug: str, lang: str) -> str:
    """Where the built page of a task lives, relative to the site root."""
    return f"tasks/{slug}.html" if lang == "nl" else f"{lang}/tasks/{slug}.html"


def expect_box(page: Page, kind: str, title: str, items: list[str]) -> None:
    """A box of this kind is visible, carries this title and lists exactly these items in order."""
    box = page.locator(f"section.kb-box.{kind}")
    expect(box).to_have_count(1)
    expect(box).to_be_visible()
    expect(box.locator("h2")).to_have_text(title)
    expect(box.locator("li")).to_have_text(items)


PAGES = [(slug, lang) for slug in TASKS for lang in LANGUAGES]
IDS = [f"{slug}-{lang}" for slug, lang in PAGES]


class TestTaskPage:
    @pytest.mark.parametrize(("slug", "lang"), PAGES, ids=IDS)
    def test_shows_checklist(self, page: Page, slug: str, lang: str) -> None:
        """The checklist box, titled in the page's language, lists every item of the task's checklist."""
        meta = front_matter(source(slug, lang))
        page.goto(url(slug, lang))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect_box(page, "checklist", labels(lang)["checklist"], meta["checklist"])

    @pytest.mark.parametrize(("slug", "lang"), PAGES, ids=IDS)
    def test_shows_dos_and_donts(self, page: Page, slug: str, lang: str) -> None:
        """A "Do" box and a "Don't" box, in the page's language, list the task's do's and don'ts."""
        meta = front_matter(source(slug, lang))
        page.goto(url(slug, lang))
        expect_box(page, "dos", labels(lang)["dos"], meta["dos"])
        expect_box(page, "donts", labels(lang)["donts"], meta["donts"])

    @pytest.mark.parametrize(("slug", "lang"), PAGES, ids=IDS)
    def test_shows_pitfalls_and_numbered_steps(self, page: Page, slug: str, lang: str) -> None:
        """The page gives numbered steps in its text and a box of pitfalls seen in practice."""
        meta = front_matter(source(slug, lang))
        page.goto(url(slug, lang))
        steps = page.locator("article > ol").first
        expect(steps).to_be_visible()
        assert steps.locator("> li").count() >= 3
        expect_box(page, "pitfalls", labels(lang)["pitfalls"], meta["pitfalls"])

    def test_same_boxes_in_both_languages(self, page: Page) -> None:
        """The English page shows as many do's, don'ts and checklist items as the Dutch page."""
        counts = {}
        for lang in LANGUAGES:
            page.goto(url("werk-zoeken", lang))
            counts[lang] = [
                page.locator(f"section.kb-box.{kind} li").count()
                for kind in ("dos", "donts", "pitfalls", "checklist")
            ]
        assert counts["nl"] == counts["en"]
        assert min(counts["nl"]) > 0


class TestTaskNavigation:
    @pytest.mark.parametrize(
        ("lang", "home", "section", "task", "heading"),
        [
            ("nl", "index.html", "Taken van de coach", "Werk zoeken", "Werk zoeken"),
            ("en", "en/index.html", "The coach's tasks", "Job hunting", "Job hunting"),
        ],
        ids=LANGUAGES,
    )
    def test_task_reached_from_navigation(
        self, page: Page, lang: str, home: str, section: str, task: str, heading: str
    ) -> None:
        """From the home page, the navigation leads to the tasks section and from there to a task."""
        page.goto(home)
        nav = page.locator("nav.md-nav--primary")
        nav.get_by_role("link", name=section, exact=True).first.click()
        expect(page).to_have_url(re.compile(r"tasks/index\.html$"))
        nav.get_by_role("link", name=task, exact=True).first.click()
        expect(page).to_have_url(re.compile(r"tasks/werk-zoeken\.html$"))
        expect(page.locator("h1")).to_have_text(heading)

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_section_lists_every_task(self, page: Page, lang: str) -> None:
        """The tasks section lists all six tasks in the navigation, each under its own title."""
        page.goto("tasks/index.html" if lang == "nl" else f"{lang}/tasks/index.html")
        nav = page.locator("nav.md-nav--primary")
        for slug in TASKS:
            title = front_matter(source(slug, lang))["title"]
            link = nav.get_by_role("link", name=title, exact=True).first
            expect(link).to_be_visible()
            expect(link).to_have_attribute("href", re.compile(rf"{slug}\.html$"))
