"""Skills modules: each skill shows its exercise (a title and numbered steps) and its reflection
questions, in Dutch and in English, and links to the tasks it serves.

The expected items are read from the pages' front matter, so the tests keep following the content
that editors write; what they check is that the build turns every item into the box a reader sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from content_index import front_matter, labels
from kb import kinds

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SKILLS = [
    "coachingsvaardigheden",
    "proactiviteit",
    "tijd-en-flexibiliteit",
    "empathie-over-culturen",
    "open-communicatie",
    "vertrouwen-en-leefwereld",
    "meertaligheid",
    "grenzen-stellen",
    "arbeidsmarktkennis",
]
LANGUAGES = ["nl", "en"]


def source(folder: str, slug: str, lang: str) -> Path:
    """The Markdown file of a page in one language."""
    return CONTENT / folder / (f"{slug}.md" if lang == "nl" else f"{slug}.{lang}.md")


def url(slug: str, lang: str) -> str:
    """Where the built page of a skills module lives, relative to the site root."""
    return f"skills/{slug}.html" if lang == "nl" else f"{lang}/skills/{slug}.html"


PAGES = [(slug, lang) for slug in SKILLS for lang in LANGUAGES]
IDS = [f"{slug}-{lang}" for slug, lang in PAGES]


class TestSkillsPage:
    @pytest.mark.parametrize(("slug", "lang"), PAGES, ids=IDS)
    def test_shows_exercise(self, page: Page, slug: str, lang: str) -> None:
        """The exercise box names the exercise and lists its steps as a numbered list."""
        exercise = front_matter(source("skills", slug, lang))["exercise"]
        page.goto(url(slug, lang))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        box = page.locator("section.kb-box.exercise")
        expect(box).to_have_count(1)
        expect(box).to_be_visible()
        expect(box.locator("h2")).to_have_text(f"{labels(lang)['exercise']}: {exercise['title']}")
        expect(box.locator("ol > li")).to_have_text(exercise["steps"])

    @pytest.mark.parametrize(("slug", "lang"), PAGES, ids=IDS)
    def test_shows_reflection_questions(self, page: Page, slug: str, lang: str) -> None:
        """The reflection box, titled in the page's language, lists every reflection question."""
        questions = front_matter(source("skills", slug, lang))["reflection"]
        page.goto(url(slug, lang))
        box = page.locator("section.kb-box.reflection")
        expect(box).to_have_count(1)
        expect(box).to_be_visible()
        expect(box.locator("h2")).to_have_text(labels(lang)["reflection"])
        expect(box.locator("li")).to_have_text(questions)
        assert all(question.rstrip().endswith("?") for question in questions), (
            "each item is a question"
        )

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_links_to_its_tasks(self, page: Page, lang: str) -> None:
        """The module links to the tasks it serves; a link leads to that task in the same language."""
        slugs = front_matter(source("skills", "proactiviteit", lang))["tasks"]
        page.goto(url("proactiviteit", lang))
        box = page.locator("section.kb-box.tasks")
        # The box of a page's tasks is titled with the kind's plural label (kb/kinds.py).
        expect(box.locator("h2")).to_have_text(kinds.get("task-guide").label(lang, plural=True))
        titles = [front_matter(source("tasks", slug, lang))["title"] for slug in slugs]
        expect(box.locator("li a")).to_have_text(titles)
        box.locator("li a").first.click()
        expect(page).to_have_url(re.compile(rf"tasks/{slugs[0]}\.html$"))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text(titles[0])


class TestSkillsNavigation:
    @pytest.mark.parametrize(
        ("home", "section", "skill"),
        [
            ("index.html", "Vaardigheden", "Grenzen stellen"),
            ("en/index.html", "Skills", "Setting boundaries"),
        ],
        ids=LANGUAGES,
    )
    def test_skill_reached_from_navigation(
        self, page: Page, home: str, section: str, skill: str
    ) -> None:
        """From the home page, the navigation leads to the skills section and from there to a module."""
        page.goto(home)
        nav = page.locator("nav.md-nav--primary")
        nav.get_by_role("link", name=section, exact=True).first.click()
        expect(page).to_have_url(re.compile(r"skills/index\.html$"))
        nav.get_by_role("link", name=skill, exact=True).first.click()
        expect(page).to_have_url(re.compile(r"skills/grenzen-stellen\.html$"))
        expect(page.locator("h1")).to_have_text(skill)
