"""The training path: five evening sessions and the knowledge network, in Dutch and in English.

Each session page shows its goals, a programme with timings for the trainer, exercises, reflection
questions and its self-check quiz; the training index lists the five sessions in order. The boxes
are rendered from the page's front matter, so the tests compare what the reader sees with it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from content_index import html_path, pages
from kb import quiz_model

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "content" / "training"
QUIZZES = ROOT / "quizzes"
LABELS = yaml.safe_load((ROOT / "hooks" / "content_strings.yml").read_text(encoding="utf-8"))
SESSIONS = [f"sessie-{n}" for n in range(1, 6)]
LANGS = ["nl", "en"]
MINUTES = {"nl": "minuten", "en": "minutes"}
# Quizzes written for the training path (sessie-1 belongs to the quiz engine's own set).
TRAINING_QUIZZES = [
    "sessie-2",
    "sessie-3",
    "sessie-4",
    "sessie-5",
    "opfrissing-statuten",
    "opfrissing-doorverwijzen",
]
QUESTION_TYPES = {"single", "multiple", "true-false", "fill-in", "order", "match"}
UI = yaml.safe_load((ROOT / "hooks" / "ui_strings.yml").read_text(encoding="utf-8"))
LINK_LABEL = {"nl": "Link naar deze sectie", "en": "Link to this section"}
# Every training page (sessions and the knowledge network) in both languages, from the content.
TRAINING_PAGES = [(lang, p) for lang in LANGS for p in pages("training-session", lang)]
BOX_FIELDS = {"read_before": "read_before", "programme": "programme", "exercises": "exercises"}


def source(slug: str, lang: str) -> Path:
    return TRAINING / (f"{slug}.md" if lang == "nl" else f"{slug}.en.md")


def front_matter(slug: str, lang: str) -> dict:
    text = source(slug, lang).read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    assert match, f"{source(slug, lang)} has no front matter"
    return yaml.safe_load(match.group(1))


def quiz(quiz_id: str) -> dict:
    return yaml.safe_load((QUIZZES / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def address(slug: str, lang: str) -> str:
    return ("en/" if lang == "en" else "") + f"training/{slug}.html"


def box(page: Page, name: str) -> Locator:
    """A box rendered from front matter (goals, programme, exercises, reflection)."""
    return page.locator(f"article section.kb-box.{name}")


def heading_text(title: str) -> re.Pattern[str]:
    """A heading's text as a reader sees it: its title, then its heading link (¶)."""
    return re.compile(rf"^\s*{re.escape(title)}\s*¶$")


def plain(text: str) -> str:
    """Front-matter text as the reader sees it (Markdown emphasis removed)."""
    return re.sub(r"[*_]", "", text)


class TestSessionPage:
    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("slug", SESSIONS)
    def test_goals(self, page: Page, slug: str, lang: str) -> None:
        """The coach sees under 'Goals of this session' every goal of the evening."""
        meta = front_matter(slug, lang)
        page.goto(address(slug, lang))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text(meta["title"])
        goals = box(page, "goals")
        expect(goals.get_by_role("heading", name=LABELS[lang]["goals"])).to_be_visible()
        expect(goals.locator("li")).to_have_text([plain(goal) for goal in meta["goals"]])

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("slug", SESSIONS)
    def test_programme_with_timings(self, page: Page, slug: str, lang: str) -> None:
        """The trainer sees a table with the minutes of each activity, in the page's language,
        and the activities add up to the length of the session."""
        meta = front_matter(slug, lang)
        assert sum(item["minutes"] for item in meta["programme"]) == meta["minutes"]
        page.goto(address(slug, lang))
        programme = box(page, "programme")
        expect(programme.get_by_role("heading", name=LABELS[lang]["programme"])).to_be_visible()
        rows = programme.locator("tbody tr")
        expect(rows).to_have_count(len(meta["programme"]))
        for row, item in zip(rows.all(), meta["programme"], strict=False):
            expect(row.locator("td").first).to_have_text(f"{item['minutes']} {MINUTES[lang]}")
            expect(row.locator("td").last).to_have_text(plain(item["activity"]))

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("slug", SESSIONS)
    def test_exercises_and_their_stories(self, page: Page, slug: str, lang: str) -> None:
        """Each exercise shows its title and task; one built on a story links to that story."""
        meta = front_matter(slug, lang)
        page.goto(address(slug, lang))
        exercises = box(page, "exercises")
        expect(exercises.get_by_role("heading", name=LABELS[lang]["exercises"])).to_be_visible()
        expect(exercises.locator("h3")).to_have_text(
            [heading_text(plain(ex["title"])) for ex in meta["exercises"]]
        )
        stories = [ex["story"] for ex in meta["exercises"] if ex.get("story")]
        assert stories, f"{slug} has no exercise built on a story"
        for story in stories:
            link = exercises.locator(f"a[href$='stories/{story}.html']")
            expect(link).to_have_count(1)
        link = exercises.locator("a[href*='stories/']").first
        link.click()
        expect(page).to_have_url(re.compile(r"/stories/[a-z-]+\.html$"))
        expect(page.locator("html")).to_have_attribute("lang", lang)

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("slug", SESSIONS)
    def test_reflection(self, page: Page, slug: str, lang: str) -> None:
        """The evening ends with questions to reflect on."""
        meta = front_matter(slug, lang)
        page.goto(address(slug, lang))
        reflection = box(page, "reflection")
        expect(reflection.get_by_role("heading", name=LABELS[lang]["reflection"])).to_be_visible()
        expect(reflection.locator("li")).to_have_text([plain(q) for q in meta["reflection"]])

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("slug", SESSIONS)
    def test_quiz(self, page: Page, slug: str, lang: str) -> None:
        """The page ends with the session's self-check quiz, every question in the page's language."""
        meta = front_matter(slug, lang)
        assert meta["quiz"] == slug
        questions = quiz(slug)["questions"]
        page.goto(address(slug, lang))
        section = page.locator(f"article section.kb-quiz[data-kb-quiz='{slug}']")
        expect(section).to_have_count(1)
        expect(section.locator("h2")).to_contain_text(quiz(slug)["title"][lang])
        expect(section.locator(".kb-quiz__question")).to_have_count(len(questions))
        expect(section.locator(".kb-quiz__prompt").first).to_have_text(questions[0]["prompt"][lang])


class TestKnowledgeNetwork:
    @pytest.mark.parametrize("lang", LANGS)
    def test_meeting_and_refreshers(self, page: Page, lang: str) -> None:
        """The knowledge network page shows how a meeting goes (programme with timings, intervision
        exercise) and both refresher quizzes."""
        meta = front_matter("kennisnetwerk", lang)
        page.goto(address("kennisnetwerk", lang))
        expect(box(page, "goals").locator("li")).to_have_count(len(meta["goals"]))
        expect(box(page, "programme").locator("tbody tr")).to_have_count(len(meta["programme"]))
        expect(box(page, "exercises").locator("h3").first).to_have_text(
            heading_text(meta["exercises"][0]["title"])
        )
        for quiz_id in ("opfrissing-statuten", "opfrissing-doorverwijzen"):
            section = page.locator(f"article section.kb-quiz[data-kb-quiz='{quiz_id}']")
            expect(section.locator(".kb-quiz__question")).to_have_count(
                len(quiz(quiz_id)["questions"])
            )


class TestTrainingIndex:
    @pytest.mark.parametrize("lang", LANGS)
    def test_lists_the_five_sessions_in_order(self, page: Page, lang: str) -> None:
        """The training index lists sessions 1 to 5 in order, each leading to its page."""
        page.goto(("en/" if lang == "en" else "") + "training/index.html")
        links = page.locator("article ol").first.locator("a")
        expect(links).to_have_count(len(SESSIONS))
        hrefs = [link.get_attribute("href") for link in links.all()]
        assert [h.rsplit("/", 1)[-1] for h in hrefs] == [f"{slug}.html" for slug in SESSIONS]
        for link, slug in zip(links.all(), SESSIONS, strict=False):
            title = front_matter(slug, lang)["title"]
            assert link.inner_text().lower() in title.lower(), (link.inner_text(), title)
        links.nth(2).click()
        expect(page.locator("h1")).to_have_text(front_matter("sessie-3", lang)["title"])


class TestTrainingQuizzes:
    @pytest.mark.parametrize("quiz_id", TRAINING_QUIZZES)
    def test_enough_questions_in_both_languages(self, quiz_id: str) -> None:
        """Each quiz asks at least eight questions, each with a prompt and an explanation in
        Dutch and English; only the refreshers may set a pass mark."""
        data = quiz(quiz_id)
        assert len(data["questions"]) >= 8
        for question in data["questions"]:
            for field in ("prompt", "explanation"):
                assert question[field]["nl"].strip() and question[field]["en"].strip()
        if "pass_mark" in data:
            assert quiz_id.startswith("opfrissing-")

    def test_every_question_type_is_used(self) -> None:
        """Across the training quizzes a coach meets every kind of question."""
        used = {q["type"] for quiz_id in TRAINING_QUIZZES for q in quiz(quiz_id)["questions"]}
        assert used == QUESTION_TYPES


def promised_sections(record, lang: str) -> list[str]:
    """The section titles a training page's content promises: its boxes (from front matter), the
    headings of its text and a "Test yourself" per quiz."""
    meta, t = record.meta, LABELS[lang]
    titles = [t["goals"]] if meta.get("goals") else []
    titles += [  # without an attribute list ({#id}) at the end
        re.sub(r"\s*\{[^}]*\}\s*$", "", line[3:]).strip()
        for line in record.body.splitlines()
        if line.startswith("## ")
    ]
    titles += [t[label] for label, field in BOX_FIELDS.items() if meta.get(field)]
    titles += [t["reflection"]] if meta.get("reflection") else []
    ids = [arg for _, name, arg in quiz_model.markers(record.body) if name == "quiz"]
    ids += [meta["quiz"]] if meta.get("quiz") and meta["quiz"] not in ids else []
    titles += [f"{UI['quiz_label'][lang]}: {quiz(i)['title'][lang]}" for i in ids]
    return titles


def heading_texts(page: Page, selector: str) -> list[str]:
    """The text of each heading, without its ¶ link."""
    return page.locator(selector).evaluate_all(
        "hs => hs.map(h => [...h.childNodes].filter(n => !(n.classList &&"
        " n.classList.contains('headerlink'))).map(n => n.textContent).join('').trim())"
    )


class TestPageContents:
    """Issue 26, point 5: the sections the hooks write are sections like any other."""

    @pytest.mark.parametrize(
        ("lang", "record"), TRAINING_PAGES, ids=[f"{lang}-{p.src}" for lang, p in TRAINING_PAGES]
    )
    def test_every_section_is_in_the_page_contents(self, page: Page, lang: str, record) -> None:
        """On a 320 px phone the menu's page contents lists every section of the page in its
        order (goals, the text's own sections, read before, programme, exercises, reflection
        and the quiz); tapping an entry brings that section into view."""
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(html_path(record))
        shown = heading_texts(page, "article h2")
        for title in promised_sections(record, lang):
            assert re.sub(r"[*_]", "", title) in shown, f"no section '{title}' on the page"
        page.locator("label.md-header__button[for='__drawer']").click()
        page.locator(".md-nav--primary label.md-nav__link--active[for='__toc']").click()
        entries = page.locator(".md-nav--primary [data-md-component='toc'] > li > a")
        expect(entries).to_have_text(shown)
        last = entries.last  # the quiz, or the last box: written by a hook
        expect(last).to_be_visible()
        target = last.get_attribute("href")
        last.click()
        expect(page).to_have_url(re.compile(re.escape(target) + "$"))
        expect(page.locator(target)).to_be_in_viewport()

    @pytest.mark.parametrize(
        ("lang", "record"), TRAINING_PAGES, ids=[f"{lang}-{p.src}" for lang, p in TRAINING_PAGES]
    )
    def test_every_heading_has_its_link(self, page: Page, lang: str, record) -> None:
        """Every heading under the title, the boxes', exercises' and quiz's included, has a ¶
        link to itself, named in the page's language; following one lands on its heading."""
        page.goto(html_path(record))
        headings = page.locator("article :is(h2, h3, h4)")
        assert headings.count() >= len(promised_sections(record, lang))
        for heading in headings.all():
            anchor = heading.get_attribute("id")
            assert anchor, f"a heading without an id: {heading.inner_text()}"
            link = heading.locator("a.headerlink")
            expect(link).to_have_attribute("href", f"#{anchor}")
            expect(link).to_have_attribute("aria-label", LINK_LABEL[lang])
        quiz_title = page.locator("article .kb-quiz h2").first
        quiz_title.hover()
        quiz_title.locator("a.headerlink").click()
        expect(page).to_have_url(re.compile(f"#{quiz_title.get_attribute('id')}$"))
