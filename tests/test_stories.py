"""Story pages show the person, the lessons and the source in both languages; the stories index
leads to every story; a story links the statuses it shows, and those pages link back."""

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


def pages(kind: str, lang: str) -> list[content_model.Page]:
    return SITE.of_kind(kind, lang)


def html_path(entry: content_model.Page) -> str:
    """Address of a page under the site root, e.g. en/stories/luwam.html."""
    return ("en/" if entry.lang == "en" else "") + entry.base[:-3] + ".html"


LABELS = yaml.safe_load((ROOT / "hooks" / "content_strings.yml").read_text(encoding="utf-8"))
STORY_SLUGS = [story.slug for story in pages("testimonial", "nl")]
AGREED_SLUGS = {
    "obaida",
    "luwam",
    "gokhan",
    "eyasu",
    "abdurrahman",
    "farouk",
    "ruket",
    "rasha",
    "fatima-en-mohammad",
}


def story(slug: str, lang: str):
    return SITE.by_slug("testimonial", slug, lang)


class TestStoryPage:
    def test_all_agreed_stories_exist_in_both_languages(self) -> None:
        """The nine stories the team agreed on are there, each in Dutch and in English."""
        assert set(STORY_SLUGS) == AGREED_SLUGS
        for slug in AGREED_SLUGS:
            assert story(slug, "en").lang == "en", f"stories/{slug}.en.md is missing"

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("slug", STORY_SLUGS)
    def test_person_lessons_and_source(self, page: Page, slug: str, lang: str) -> None:
        """The reader sees whose story it is, what we learn from it and where it was published."""
        entry = story(slug, lang)
        labels = LABELS[lang]
        page.goto(html_path(entry))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        for name in entry.meta["person"].split(" en "):
            expect(page.locator("h1")).to_contain_text(name)

        lessons = page.locator("section.lessons")
        expect(lessons.get_by_role("heading", name=labels["lessons"])).to_be_visible()
        items = lessons.locator("li")
        expect(items).to_have_count(len(entry.meta["lessons"]))
        for i, lesson in enumerate(entry.meta["lessons"]):
            expect(items.nth(i)).to_have_text(lesson)

        source = page.locator(".kb-sources")
        expect(source.get_by_role("heading", name=labels["source"])).to_be_visible()
        expect(source.locator("cite")).to_have_text(entry.meta["source"]["title"])
        expect(source).to_contain_text(entry.meta["source"]["publisher"])
        expect(source.locator(".kb-consent")).to_contain_text(labels["consent"])
        expect(source.locator(".kb-consent")).to_contain_text(entry.meta["consent"]["note"])

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_lessons_come_before_the_source(self, page: Page, lang: str) -> None:
        """The lessons close the story; the source and consent note follow them."""
        page.goto(html_path(story("luwam", lang)))
        order = page.evaluate(
            "() => [...document.querySelectorAll('article section')].map(s => s.className)"
        )
        lessons = next(i for i, c in enumerate(order) if "lessons" in c)
        sources = next(i for i, c in enumerate(order) if "kb-sources" in c)
        assert lessons < sources


class TestStoriesIndex:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_index_leads_to_every_story(self, page: Page, lang: str) -> None:
        """The stories overview links to each story under its title, and each link works."""
        index = html_path(
            next(p for p in SITE.pages.values() if p.base == "stories/index.md" and p.lang == lang)
        )
        for slug in STORY_SLUGS:
            entry = story(slug, lang)
            page.goto(index)
            page.locator("article").get_by_role(
                "link", name=entry.meta["title"], exact=True
            ).click()
            expect(page).to_have_url(re.compile(rf"stories/{slug}\.html$"))
            expect(page.locator("h1")).to_have_text(entry.meta["title"])


class TestStoryLinks:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_story_lists_its_statuses_and_tasks(self, page: Page, lang: str) -> None:
        """Each story names the statuses and the coach's tasks it shows, by their titles."""
        for entry in pages("testimonial", lang):
            page.goto(html_path(entry))
            for field, kind in (("statuses", "status"), ("tasks", "task-guide")):
                box = page.locator(f"section.{field}")
                for slug in entry.meta.get(field, []):
                    target = SITE.by_slug(kind, slug, lang)
                    link = box.get_by_role("link", name=target.meta["title"], exact=True)
                    expect(link).to_have_attribute("href", re.compile(rf"{slug}\.html$"))

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_status_and_task_pages_link_back(self, page: Page, lang: str) -> None:
        """From a story the reader opens a status and a task; both link back to the story (in
        "Hierover ook", or in a box of their own when they name the story themselves)."""
        entry = story("luwam", lang)
        for field, kind in (("statuses", "status"), ("tasks", "task-guide")):
            target = SITE.by_slug(kind, entry.meta[field][0], lang)
            page.goto(html_path(entry))
            page.locator(f"section.{field}").get_by_role(
                "link", name=target.meta["title"], exact=True
            ).click()
            expect(page.locator("h1")).to_contain_text(target.meta["title"].split(":")[0])
            back = page.locator(".md-content").get_by_role("link", name=entry.meta["title"])
            expect(back.first).to_be_visible()
