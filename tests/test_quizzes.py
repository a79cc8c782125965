"""Self-check quizzes: answered by keyboard only, graded on request, progress kept per browser.

The tests read quizzes/sessie-1.yml for the right answers, so an editor may change the questions
without breaking them; they need one question of every type in that quiz.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from conftest import StaticServer  # noqa: E402
from test_quiz_files import build, tiny_site  # noqa: E402

from axe_check import violations  # noqa: E402
from kb import content_model, quiz_model  # noqa: E402

QUIZ_ID = "sessie-1"
QUIZ = yaml.safe_load((ROOT / "quizzes" / f"{QUIZ_ID}.yml").read_text(encoding="utf-8"))
HOST = quiz_model.hosts(content_model.load_site(ROOT / "content", ROOT)).get(QUIZ_ID, "")
QUIZ_NL = HOST.replace(".md", ".html")
QUIZ_EN = "en/" + QUIZ_NL
PROGRESS_NL, PROGRESS_EN = "training/mijn-opleiding.html", "en/training/mijn-opleiding.html"
TYPES = ["single", "multiple", "true-false", "fill-in", "order", "match"]
SAY = {
    "nl": {
        "right": "Juist",
        "wrong": "Fout",
        "partly": "Deels juist",
        "passed": "Geslaagd",
        "not_passed": "Nog niet geslaagd",
        "not_started": "Nog niet gedaan",
        "done": "Gedaan",
    },
    "en": {
        "right": "Right",
        "wrong": "Wrong",
        "partly": "Partly right",
        "passed": "Passed",
        "not_passed": "Not passed yet",
        "not_started": "Not done yet",
        "done": "Done",
    },
}


def first_of(kind: str) -> dict:
    return next(q for q in QUIZ["questions"] if q["type"] == kind)


def ready(page: Page, root: Locator | None = None) -> Locator:
    """The quiz, set up: quiz.js loads when a quiz comes near the viewport (quiz-loader.js), so
    bring it there and wait until it has the class quiz.js gives it when it is ready."""
    root = root or page.locator(f"[data-kb-quiz='{QUIZ_ID}']")
    root.scroll_into_view_if_needed()
    expect(root).to_have_class(re.compile(r"\bkb-quiz--js\b"))
    return root


def question(page: Page, qid: str) -> Locator:
    return page.locator(f"[data-kb-quiz='{QUIZ_ID}'] [data-qid='{qid}']")


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    """Reach a control by focus and use it with a key, as a keyboard user does."""
    target.focus()
    page.keyboard.press(key)


def action(page: Page, name: str) -> Locator:
    return page.locator(f"[data-kb-quiz='{QUIZ_ID}'] [data-action='{name}']")


def status(page: Page) -> Locator:
    return page.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__status")


def check(page: Page, root: Locator | None = None) -> None:
    """Press 'check my answers'; when questions are still open, say yes to the in-page question."""
    root = ready(page, root)
    press(page, root.locator("[data-action='check']"))
    if root.locator(".kb-quiz__confirm").is_visible():
        press(page, root.locator("[data-action='confirm-yes']"))


def choose(page: Page, qid: str, option_ids: list[str]) -> None:
    for option in option_ids:
        press(page, question(page, qid).locator(f"input[value='{option}']"), "Space")


def type_in(page: Page, qid: str, text: str) -> None:
    box = question(page, qid).locator("input")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(text)


def pick(page: Page, qid: str, left_id: str, right_id: str) -> None:
    """Choose in a closed select with arrow keys only (nothing is graded on change)."""
    select = question(page, qid).locator(f".kb-quiz__pair[data-id='{left_id}'] select")
    values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    current = select.input_value()
    select.focus()
    steps = values.index(right_id) - values.index(current)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    expect(select).to_have_value(right_id)


def put_in_order(page: Page, qid: str, ids: list[str]) -> None:
    """Move each step up with its 'up' button, by keyboard, until the list reads ``ids``."""
    for target, step_id in enumerate(ids):
        for _ in range(8):
            order = (
                question(page, qid)
                .locator(".kb-quiz__step")
                .evaluate_all("ls => ls.map(l => l.dataset.id)")
            )
            if order.index(step_id) == target:
                break
            press(
                page,
                question(page, qid).locator(
                    f".kb-quiz__step[data-id='{step_id}'] [data-move='-1']"
                ),
            )
            expect(
                question(page, qid).locator(f".kb-quiz__step[data-id='{step_id}'] [data-move='-1']")
            ).to_be_focused()


def wrong_order(page: Page, q: dict) -> list[str]:
    """A wrong order that differs from the shuffled one on screen: a reader answers an order
    question by moving a step (the shuffle may already show the steps reversed)."""
    ids = [s["id"] for s in q["steps"]]
    shown = (
        question(page, q["id"])
        .locator(".kb-quiz__step")
        .evaluate_all("ls => ls.map(l => l.dataset.id)")
    )
    return next(o for o in (ids[::-1], ids[1:] + ids[:1]) if o != shown)


def answer(page: Page, q: dict, right: bool, lang: str = "nl") -> None:
    """Answer one question of ``QUIZ`` rightly or wrongly, by keyboard, once the quiz is set up
    (it may restore or shuffle answers while it sets up)."""
    ready(page)
    kind, qid = q["type"], q["id"]
    if kind in ("single", "multiple"):
        good = [o["id"] for o in q["options"] if o.get("correct")]
        bad = [o["id"] for o in q["options"] if not o.get("correct")]
        choose(page, qid, good if right else bad[:1])
    elif kind == "true-false":
        choose(page, qid, [str(q["answer"] == right).lower()])
    elif kind == "fill-in":
        type_in(page, qid, q["answers"][lang][0] if right else "zzz")
    elif kind == "order":
        put_in_order(page, qid, [s["id"] for s in q["steps"]] if right else wrong_order(page, q))
    elif kind == "match":
        ids = [p["id"] for p in q["pairs"]]
        for i, left in enumerate(ids):
            pick(page, qid, left, left if right else ids[(i + 1) % len(ids)])


def result(page: Page, qid: str) -> Locator:
    return question(page, qid).locator(".kb-quiz__result")


@pytest.fixture
def quiz(page: Page) -> Page:
    """The quiz page, fresh: no saved progress, and the reader chose earlier to keep results."""
    assert HOST, f"no page shows the quiz {QUIZ_ID}: put <!-- kb:quiz {QUIZ_ID} --> on a page"
    page.goto(QUIZ_NL)
    page.evaluate("localStorage.clear(); localStorage.setItem('kb-progress-consent', 'yes')")
    page.reload()
    expect(ready(page)).to_have_class("kb-quiz kb-quiz--js")
    return page


def test_quiz_has_every_question_type() -> None:
    """Session 1's quiz is a real quiz: at least 8 questions, every type at least once."""
    assert len(QUIZ["questions"]) >= 8
    assert {q["type"] for q in QUIZ["questions"]} == set(TYPES)


class TestEachQuestionType:
    @pytest.mark.parametrize("kind", TYPES)
    def test_wrong_then_right_by_keyboard(self, quiz: Page, kind: str) -> None:
        """A wrong answer reads 'Fout' with a mark and no points; after 'try the wrong questions
        again' the right answer reads 'Juist' and the score counts it. Session 1 sets no pass
        mark, so no pass or fail is shown."""
        q, total = first_of(kind), len(QUIZ["questions"])
        answer(quiz, q, right=False)
        expect(result(quiz, q["id"])).to_be_hidden()  # nothing is graded before Check
        check(quiz)
        expect(result(quiz, q["id"])).to_have_text(SAY["nl"]["wrong"])
        wrong_mark = ".kb-quiz__result--wrong" if kind == "fill-in" else ".kb-quiz__mark--wrong"
        expect(question(quiz, q["id"]).locator(wrong_mark).first).to_be_visible()
        expect(question(quiz, q["id"]).locator(".kb-quiz__explanation")).to_be_visible()
        expect(status(quiz)).to_contain_text(f"0 van {total} (0%)")
        expect(status(quiz)).not_to_contain_text("geslaagd")  # this quiz sets no pass mark
        expect(action(quiz, "check")).to_be_focused()  # the result is announced, focus stays
        if kind in ("single", "multiple"):
            wrong = next(o for o in q["options"] if not o.get("correct"))
            if wrong.get("feedback"):
                expect(
                    question(quiz, q["id"]).locator(f"[data-id='{wrong['id']}'] .kb-quiz__feedback")
                ).to_be_visible()
        press(quiz, action(quiz, "retry-wrong"))
        expect(result(quiz, q["id"])).to_be_hidden()
        answer(quiz, q, right=True)
        check(quiz)
        expect(result(quiz, q["id"])).to_have_text(SAY["nl"]["right"])
        expect(question(quiz, q["id"]).locator(".kb-quiz__mark--wrong")).to_have_count(0)
        expect(status(quiz)).to_contain_text(f"1 van {total} ({round(100 / total)}%)")
        expect(status(quiz)).to_have_attribute("role", "status")

    def test_multiple_answers_give_partial_credit(self, quiz: Page) -> None:
        """One of several right answers counts as 'Deels juist' and a part of a point."""
        q = next(
            q
            for q in QUIZ["questions"]
            if q["type"] == "multiple" and sum(bool(o.get("correct")) for o in q["options"]) > 1
        )
        good = [o["id"] for o in q["options"] if o.get("correct")]
        choose(quiz, q["id"], good[:1])
        check(quiz)
        expect(result(quiz, q["id"])).to_have_text(SAY["nl"]["partly"])
        share = round(1 / len(good), 1)
        expect(status(quiz)).to_contain_text(
            f"{share:.1f}".replace(".", ",").rstrip("0").rstrip(",") + " van"
        )

    def test_fill_in_tolerates_case_accents_and_a_slip(self, quiz: Page) -> None:
        """Capitals, accents and one wrong letter in a long word still count as right."""
        q = first_of("fill-in")
        word = str(q["answers"]["nl"][0])
        assert len(word) >= 5
        slip = word[:2].upper() + word[2:-2] + word[-1]  # capitals, one letter left out
        type_in(quiz, q["id"], slip)
        check(quiz)
        expect(result(quiz, q["id"])).to_have_text(SAY["nl"]["right"])
        expect(question(quiz, q["id"]).locator(".kb-quiz__spelling")).to_have_text(
            f"Juiste schrijfwijze: {word}"
        )

    def test_moving_a_step_is_announced_and_keeps_focus(self, quiz: Page) -> None:
        """'Omlaag' moves a step one place down, keeps focus on the button and says where the step
        is now, without touching the score line."""
        q = first_of("order")
        press(quiz, action(quiz, "check"))
        score = status(quiz).text_content()
        first = question(quiz, q["id"]).locator(".kb-quiz__step").first
        step_id, text = (
            first.get_attribute("data-id"),
            first.locator(".kb-quiz__step-text").text_content(),
        )
        down = question(quiz, q["id"]).locator(
            f".kb-quiz__step[data-id='{step_id}'] [data-move='1']"
        )
        press(quiz, down)
        expect(down).to_be_focused()
        expect(question(quiz, q["id"]).locator(".kb-quiz__step").nth(1)).to_have_attribute(
            "data-id", step_id
        )
        announce = quiz.locator(f"[data-kb-quiz='{QUIZ_ID}'] [data-kb-announce]")
        expect(announce).to_have_text(f"{text}: nu op plaats 2 van {len(q['steps'])}.")
        expect(status(quiz)).to_have_text(score)

    def test_arrow_keys_in_a_question_grade_nothing(self, quiz: Page) -> None:
        """Moving through radio buttons with arrow keys selects but never grades."""
        q = first_of("single")
        press(quiz, question(quiz, q["id"]).locator("input").first, "Space")
        quiz.keyboard.press("ArrowDown")
        quiz.keyboard.press("ArrowDown")
        expect(question(quiz, q["id"]).locator(".kb-quiz__result")).to_be_hidden()
        expect(status(quiz)).to_have_text("")


class TestWholeQuiz:
    def test_all_right_scores_full_marks(self, quiz: Page) -> None:
        """Every question right: 100%, no 'try the wrong ones again' button, no pass or fail."""
        for q in QUIZ["questions"]:
            answer(quiz, q, right=True)
        check(quiz)
        total = len(QUIZ["questions"])
        expect(status(quiz)).to_have_text(f"Je score: {total} van {total} (100%).")
        expect(action(quiz, "retry-wrong")).to_be_hidden()
        expect(quiz.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__note")).to_contain_text(
            "telt niet mee"
        )

    def test_show_solution_and_start_again(self, quiz: Page) -> None:
        """'Show the solution' opens every answer with its explanation and read-again link;
        'start again' clears everything."""
        answer(quiz, first_of("single"), right=False)
        check(quiz)
        press(quiz, action(quiz, "solution"))
        answers = quiz.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__answer")
        expect(answers).to_have_count(len(QUIZ["questions"]))
        for i in range(answers.count()):
            expect(answers.nth(i)).to_have_attribute("open", "")
        for href in set(
            quiz.locator(".kb-quiz__read-again a").evaluate_all("as => as.map(a => a.href)")
        ):
            assert quiz.request.get(href).ok, f"read-again link {href} leads nowhere"
        press(quiz, action(quiz, "retry-all"))
        expect(quiz.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__result:visible")).to_have_count(
            0
        )
        expect(answers.first).to_be_hidden()

    def test_options_are_shuffled_per_attempt(self, quiz: Page) -> None:
        """Options come in a new order on new attempts (not always the order of the file)."""
        q = max(
            (q for q in QUIZ["questions"] if q["type"] in ("single", "multiple")),
            key=lambda q: len(q["options"]),
        )
        options = question(quiz, q["id"]).locator(".kb-quiz__option")
        orders = set()
        for _ in range(8):
            press(quiz, question(quiz, q["id"]).locator("input").first, "Space")
            check(quiz)
            press(quiz, action(quiz, "retry-all"))
            orders.add(tuple(options.evaluate_all("ls => ls.map(l => l.dataset.id)")))
        assert len(orders) > 1


class TestProgress:
    def test_progress_survives_reload_and_language_switch(self, quiz: Page) -> None:
        """The best score and the answers come back after a reload and on the English page."""
        for q in QUIZ["questions"]:
            answer(quiz, q, right=True)
        check(quiz)
        best = quiz.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__best")
        quiz.reload()
        ready(quiz)
        expect(best).to_contain_text("100%")
        single = first_of("single")
        good = next(o["id"] for o in single["options"] if o.get("correct"))
        expect(question(quiz, single["id"]).locator(f"input[value='{good}']")).to_be_checked()
        quiz.goto(QUIZ_EN)
        ready(quiz)
        expect(best).to_contain_text("Your best score so far: 100%")
        expect(question(quiz, single["id"]).locator(f"input[value='{good}']")).to_be_checked()
        keys = quiz.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kb-quiz:'))")
        assert keys == [f"kb-quiz:{QUIZ_ID}"]

    def test_changed_question_drops_its_saved_answer(self, quiz: Page) -> None:
        """A saved answer whose question changed (other hash) is not applied; an unchanged one is."""
        single = first_of("single")
        good = next(o["id"] for o in single["options"] if o.get("correct"))
        box = question(quiz, single["id"]).locator(f"input[value='{good}']")
        saved = {
            "best": 50,
            "date": "2026-11-20",
            "answers": {single["id"]: {"h": "changed", "a": [good]}},
        }
        quiz.evaluate("r => localStorage.setItem('kb-quiz:sessie-1', JSON.stringify(r))", saved)
        quiz.reload()
        ready(quiz)
        expect(box).not_to_be_checked()
        saved["answers"][single["id"]]["h"] = quiz_model.question_hash(single)
        quiz.evaluate("r => localStorage.setItem('kb-quiz:sessie-1', JSON.stringify(r))", saved)
        quiz.reload()
        ready(quiz)
        expect(box).to_be_checked()

    def test_training_path_shows_and_erases_progress(self, quiz: Page) -> None:
        """'My training' lists every quiz; after the quiz it shows 100% and 'Gedaan' in Dutch and
        'Done' in English (session 1 has no pass mark); erasing empties it and the quiz forgets
        its best score."""
        for q in QUIZ["questions"]:
            answer(quiz, q, right=True)
        check(quiz)
        quiz.goto(PROGRESS_NL)
        row = quiz.locator(f"[data-kb-progress-quiz='{QUIZ_ID}']")
        expect(quiz.locator("[data-kb-progress-quiz]")).to_have_count(len(quiz_model.load(ROOT)))
        expect(row.locator(".kb-progress__best")).to_have_text("100%")
        expect(row.locator(".kb-progress__status")).to_have_text(SAY["nl"]["done"])
        expect(row.locator("a")).to_have_attribute("href", f"{Path(HOST).stem}.html")
        quiz.goto(PROGRESS_EN)
        expect(row.locator(".kb-progress__status")).to_have_text(SAY["en"]["done"])
        with quiz.expect_download() as download:
            press(quiz, quiz.locator("[data-kb-progress] [data-action='download']"))
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert {"id": QUIZ_ID, "best": 100, "passed": None}.items() <= next(
            d for d in data["quizzes"] if d["id"] == QUIZ_ID
        ).items()
        quiz.once("dialog", lambda dialog: dialog.accept())
        press(quiz, quiz.locator("[data-kb-progress] [data-action='erase']"))
        expect(row.locator(".kb-progress__status")).to_have_text(SAY["en"]["not_started"])
        assert (
            quiz.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kb-quiz:'))") == []
        )
        quiz.goto(QUIZ_NL)
        expect(ready(quiz).locator(".kb-quiz__best")).to_be_hidden()

    def test_erase_can_be_cancelled(self, quiz: Page) -> None:
        """Saying 'no' to the question 'erase?' keeps the progress."""
        answer(quiz, first_of("single"), right=False)
        check(quiz)
        quiz.goto(PROGRESS_NL)
        quiz.once("dialog", lambda dialog: dialog.dismiss())
        press(quiz, quiz.locator("[data-kb-progress] [data-action='erase']"))
        expect(
            quiz.locator(f"[data-kb-progress-quiz='{QUIZ_ID}'] .kb-progress__best")
        ).to_have_text("0%")


PASS_QUIZ = """\
title: {nl: Drempel, en: Threshold}
pass_mark: 50
questions:
  - id: beslist
    type: true-false
    prompt: {nl: De coach beslist voor de nieuwkomer., en: The coach decides for the newcomer.}
    explanation: {nl: De nieuwkomer beslist zelf., en: The newcomer decides.}
    source: test.md
    answer: false
  - id: luistert
    type: true-false
    prompt: {nl: De coach luistert eerst., en: The coach listens first.}
    explanation: {nl: Luisteren komt eerst., en: Listening comes first.}
    source: test.md
    answer: true
"""
PASS_PAGE = "---\ntitle: Test\nsummary: Een test met een drempel.\n---\n\n# Test\n\n<!-- kb:quiz drempel -->\n"
PATH_PAGE = "---\ntitle: Voortgang\nsummary: Mijn voortgang in de testen.\n---\n\n# Voortgang\n\n<!-- kb:progress -->\n"


@pytest.fixture(scope="module")
def pass_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site whose quiz sets a pass mark of 50%, served locally."""
    project = tiny_site(
        tmp_path_factory.mktemp("pass"),
        {"drempel": PASS_QUIZ},
        {"test.md": PASS_PAGE, "voortgang.md": PATH_PAGE},
    )
    assert build(project).returncode == 0
    server = StaticServer(project / "site")
    yield server.url
    server.stop()


class TestPassMark:
    def test_pass_and_fail_against_the_pass_mark(self, page: Page, pass_site: str) -> None:
        """Under the pass mark the quiz says 'Nog niet geslaagd'; at the mark it says 'Geslaagd'
        with a check icon, and 'my training' shows the quiz as passed."""
        page.goto(pass_site + "test.html")
        root = page.locator("[data-kb-quiz='drempel']")
        expect(root.locator(".kb-quiz__note")).to_contain_text("Je slaagt vanaf 50%.")
        press(page, root.locator("input[value='true']").first, "Space")
        check(page, root)
        press(
            page, root.locator("[data-action='consent-yes']")
        )  # asked once, before the first save
        expect(root.locator(".kb-quiz__status")).to_have_text(
            "Je score: 0 van 2 (0%). Nog niet geslaagd. Je hebt 50% nodig."
        )
        expect(root.locator(".kb-quiz__status")).to_have_class(
            "kb-quiz__status kb-quiz__status--failed"
        )
        press(page, root.locator("[data-action='retry-wrong']"))
        press(page, root.locator("[data-qid='beslist'] input[value='false']"), "Space")
        check(page, root)
        expect(root.locator(".kb-quiz__consent")).to_be_hidden()
        expect(root.locator(".kb-quiz__status")).to_have_text(
            "Je score: 1 van 2 (50%). Geslaagd! Je haalde minstens 50%."
        )
        expect(root.locator(".kb-quiz__status")).to_have_class(
            "kb-quiz__status kb-quiz__status--passed"
        )
        page.goto(pass_site + "voortgang.html")
        row = page.locator("[data-kb-progress-quiz='drempel']")
        expect(row.locator(".kb-progress__status")).to_have_text(SAY["nl"]["passed"])
        expect(row.locator(".kb-progress__best")).to_have_text("50%")
        expect(row.locator("a")).to_have_attribute("href", "test.html")


class TestWithoutJavaScript:
    def test_questions_read_as_a_list_with_answers_behind_a_disclosure(
        self, browser, base_url: str
    ) -> None:
        """Without JavaScript: every question shows, each answer is closed behind 'Toon het
        antwoord', and there are no buttons that would do nothing."""
        context = browser.new_context(java_script_enabled=False, base_url=base_url)
        page = context.new_page()
        page.goto(QUIZ_NL)
        root = page.locator(f"[data-kb-quiz='{QUIZ_ID}']")
        expect(root.locator(".kb-quiz__question")).to_have_count(len(QUIZ["questions"]))
        expect(root.locator(".kb-quiz__nojs")).to_be_visible()
        expect(root.locator(".kb-quiz__actions")).to_be_hidden()
        expect(root.locator(".kb-quiz__moves").first).to_be_hidden()
        expect(root.locator("button")).to_have_count(0)  # none, hidden or not: quiz.js makes them
        answers = root.locator("details.kb-quiz__answer")
        expect(answers).to_have_count(len(QUIZ["questions"]))
        expect(answers.first.locator("summary")).to_have_text("Toon het antwoord")
        expect(answers.first).not_to_have_attribute("open", "")
        context.close()


class TestBeforeSetUp:
    def test_a_choice_made_before_the_script_arrives_stays_where_it_was(
        self, browser, base_url: str
    ) -> None:
        """quiz.js comes when the quiz is near; a reader who picks an option while it is on its
        way keeps that choice, in its place: the script does not shuffle that question."""
        # no offline copy's service worker: its requests would pass Playwright's routing by
        context = browser.new_context(base_url=base_url, service_workers="block")
        page = context.new_page()
        box = question(page, first_of("single")["id"])
        page.goto(QUIZ_NL)
        order = box.locator(".kb-quiz__option").evaluate_all("els => els.map(e => e.dataset.id)")

        def pick_then_deliver(route) -> None:  # quiz.js is held until the reader has chosen
            box.locator(f"[data-id='{order[-1]}'] label").click()
            route.continue_()

        page.route("**/quiz.js", pick_then_deliver)
        ready(page)
        expect(box.locator(f"[data-id='{order[-1]}'] input")).to_be_checked()
        after = box.locator(".kb-quiz__option").evaluate_all("els => els.map(e => e.dataset.id)")
        assert after == order
        context.close()


class TestAccessibility:
    def test_every_question_is_a_fieldset_and_every_input_labelled(self, quiz: Page) -> None:
        """Each question is a group with a legend; each control has a name."""
        root = quiz.locator(f"[data-kb-quiz='{QUIZ_ID}']")
        expect(root.locator("fieldset > legend")).to_have_count(len(QUIZ["questions"]))
        unnamed = root.locator("input, select, button").evaluate_all(
            "els => els.filter(e => !e.labels?.length && !e.getAttribute('aria-labelledby')"
            " && !e.textContent.trim()).map(e => e.outerHTML)"
        )
        assert unnamed == []

    def test_axe_finds_nothing_on_a_checked_quiz(self, quiz: Page) -> None:
        """With marks, feedback and the solution showing, axe finds no violation."""
        answer(quiz, first_of("single"), right=False)
        answer(quiz, first_of("match"), right=True)
        check(quiz)
        press(quiz, action(quiz, "solution"))
        assert violations(quiz) == []

    def test_axe_finds_nothing_on_the_training_path(self, quiz: Page) -> None:
        """The progress page, filled in, has no violation."""
        answer(quiz, first_of("single"), right=True)
        check(quiz)
        quiz.goto(PROGRESS_NL)
        assert violations(quiz) == []

    def test_axe_finds_nothing_in_the_dark_scheme(self, quiz: Page) -> None:
        """In the dark colour scheme, a checked quiz and the progress page keep their contrast."""
        quiz.emulate_media(color_scheme="dark")
        quiz.reload()
        answer(quiz, first_of("single"), right=False)
        check(quiz)
        press(quiz, action(quiz, "solution"))
        assert violations(quiz) == []
        quiz.goto(PROGRESS_NL)
        assert violations(quiz) == []

    def test_quiz_script_loads_only_where_a_quiz_is(self, page: Page) -> None:
        """Pages without a quiz do not load quiz.js."""
        page.goto("about.html")
        assert page.locator("script[src*='quiz']").count() == 0
