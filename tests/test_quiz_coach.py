"""Quizzes as a coach uses them on a phone (issue 14): per-question check, solution and retry,
the answered counter, the in-page question before checking open questions, missed answers,
forgiven spellings, summaries, history, dates and plurals per language, and control sizes.

Expectations come from quizzes/*.yml and hooks/ui_strings.yml, so editors may change questions.
"""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from playwright.sync_api import Page, expect
from test_quizzes import (
    PROGRESS_EN,
    PROGRESS_NL,
    QUIZ,
    QUIZ_EN,
    QUIZ_ID,
    QUIZ_NL,
    ROOT,
    action,
    answer,
    check,
    first_of,
    pick,
    press,
    question,
    ready,
    result,
    type_in,
)

from axe_check import violations
from kb import content_model, quiz_model

STRINGS = yaml.safe_load((ROOT / "hooks" / "ui_strings.yml").read_text(encoding="utf-8"))
QUIZZES = quiz_model.load(ROOT)
HOSTS = quiz_model.hosts(content_model.load_site(ROOT / "content", ROOT))
URL = {"nl": QUIZ_NL, "en": QUIZ_EN}
TOTAL = len(QUIZ["questions"])
MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def s(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key][lang]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def long_date(day: datetime.date, lang: str) -> str:
    """'1 december 2026' (nl-BE) or '1 December 2026' (en-GB)."""
    return f"{day.day} {MONTHS[lang].split()[day.month - 1]} {day.year}"


def open_quiz(page: Page, lang: str) -> None:
    page.goto(URL[lang])
    page.evaluate("localStorage.clear(); localStorage.setItem('kb-progress-consent', 'yes')")
    page.reload()
    expect(ready(page)).to_have_class("kb-quiz kb-quiz--js")


def quiz_root(page: Page):
    """The quiz, set up (brought near the viewport, so that quiz.js loads)."""
    return ready(page)


def saved_keys(page: Page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kb-quiz:'))")


def named(q: dict, lang: str) -> str:
    """How the summary names a question: the start of its prompt (a fill-in: of its sentence)."""
    text = q["text"][lang] if q["type"] == "fill-in" else q["prompt"][lang]
    return " ".join(text.split())[:25]


def summary_line(q: dict, n: int, lang: str, state: str) -> re.Pattern[str]:
    """'Question 2: <its text, perhaps shortened> – Wrong' (the mark's sign is not text)."""
    start = s("summary_question", lang, n=n, question=named(q, lang))
    return re.compile(f"^{re.escape(start)}.* \u2013 {re.escape(s(state, lang))}$")


def page_of(quiz_id: str, lang: str) -> str:
    path = HOSTS[quiz_id].replace(".md", ".html")
    return path if lang == "nl" else "en/" + path


LANGS = ["nl", "en"]


class TestPerQuestion:
    @pytest.mark.parametrize("lang", LANGS)
    def test_check_solution_and_retry_one_question(self, page: Page, lang: str) -> None:
        """A question's own 'check' grades only that question and keeps no attempt; its own
        'show the solution' opens its answer; its own 'try again' clears it."""
        open_quiz(page, lang)
        q = first_of("single")
        box = question(page, q["id"])
        answer(page, q, right=False, lang=lang)
        press(page, box.locator("[data-qaction='check']"))
        expect(result(page, q["id"])).to_have_text(s("wrong", lang))
        expect(box.locator(".kb-quiz__explanation")).to_be_visible()
        expect(page.locator(".kb-quiz__result:visible")).to_have_count(1)
        expect(quiz_root(page).locator(".kb-quiz__status")).to_have_text("")
        assert saved_keys(page) == []
        press(page, box.locator("[data-qaction='solution']"))
        expect(box.locator(".kb-quiz__answer")).to_have_attribute("open", "")
        press(page, box.locator("[data-qaction='retry']"))
        expect(result(page, q["id"])).to_be_hidden()
        expect(box.locator("input:checked")).to_have_count(0)
        expect(box.locator("input").first).to_be_focused()
        answer(page, q, right=True, lang=lang)
        press(page, box.locator("[data-qaction='check']"))
        expect(result(page, q["id"])).to_have_text(s("right", lang))

    @pytest.mark.parametrize("lang", LANGS)
    def test_counter_counts_answered_questions(self, page: Page, lang: str) -> None:
        """'x of y answered' follows the reader's answers, also a moved step."""
        open_quiz(page, lang)
        count = quiz_root(page).locator(".kb-quiz__count")
        expect(count).to_have_text(s("answered_other", lang, n=0, total=TOTAL))
        answer(page, first_of("single"), right=True, lang=lang)
        expect(count).to_have_text(s("answered_other", lang, n=1, total=TOTAL))
        order = question(page, first_of("order")["id"])
        press(page, order.locator("[data-move='1']").first)
        expect(count).to_have_text(s("answered_other", lang, n=2, total=TOTAL))

    def test_missed_right_answers_are_marked(self, page: Page) -> None:
        """Choosing one of several right answers marks every other right answer as missed."""
        quiz = page
        open_quiz(quiz, "nl")
        q = next(
            q
            for q in QUIZ["questions"]
            if q["type"] == "multiple" and sum(bool(o.get("correct")) for o in q["options"]) > 1
        )
        good = [o["id"] for o in q["options"] if o.get("correct")]
        press(quiz, question(quiz, q["id"]).locator(f"input[value='{good[0]}']"), "Space")
        press(quiz, question(quiz, q["id"]).locator("[data-qaction='check']"))
        missed = question(quiz, q["id"]).locator(".kb-quiz__mark--missed")
        expect(missed).to_have_count(len(good) - 1)
        for option in good[1:]:
            expect(
                question(quiz, q["id"]).locator(f"[data-id='{option}'] .kb-quiz__mark--missed")
            ).to_have_text(s("missed", "nl"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_forgiven_slip_shows_the_spelling_and_right_once(self, page: Page, lang: str) -> None:
        """A slip accepted as right shows the accepted spelling; 'Right' appears once."""
        open_quiz(page, lang)
        q = next(
            q
            for q in QUIZ["questions"]
            if q["type"] == "fill-in" and len(str(q["answers"][lang][0])) >= 5
        )
        word = str(q["answers"][lang][0])
        type_in(page, q["id"], word[:-2] + word[-1])
        press(page, question(page, q["id"]).locator("[data-qaction='check']"))
        box = question(page, q["id"])
        expect(box.locator(".kb-quiz__spelling")).to_have_text(
            s("accepted_spelling", lang, answer=word)
        )
        expect(box.get_by_text(s("right", lang), exact=True)).to_have_count(1)
        type_in(page, q["id"], word)
        press(page, box.locator("[data-qaction='check']"))
        expect(box.locator(".kb-quiz__spelling")).to_be_hidden()  # spelled right: nothing to add

    @pytest.mark.parametrize("lang", LANGS)
    def test_number_blank_is_labelled_as_a_number(self, page: Page, lang: str) -> None:
        """A fill-in whose answers include a number asks for the missing number, not a word."""
        numeric = [
            (quiz_id, q)
            for quiz_id, data in QUIZZES.items()
            for q in data["questions"]
            if q["type"] == "fill-in"
            and any(quiz_model.NUMBER.match(str(a)) for a in q["answers"][lang])
        ]
        assert numeric, "no quiz has a fill-in question with a number"
        for quiz_id, q in numeric:
            page.goto(page_of(quiz_id, lang))
            label = page.locator(
                f"[data-kb-quiz='{quiz_id}'] [data-qid='{q['id']}'] .kb-quiz__fill"
            )
            expect(label).to_contain_text(s("fill_number_label", lang))
        word = first_of("fill-in")
        page.goto(URL[lang])
        expect(question(page, word["id"]).locator(".kb-quiz__fill")).to_contain_text(
            s("fill_label", lang)
        )

    @pytest.mark.parametrize("lang", LANGS)
    def test_true_false_feedback_never_contradicts_the_choice(self, page: Page, lang: str) -> None:
        """Rightly choosing 'False' reads 'Right', and the explanation under it holds no verdict."""
        open_quiz(page, lang)
        q = next(q for q in QUIZ["questions"] if q["type"] == "true-false" and not q["answer"])
        press(page, question(page, q["id"]).locator("input[value='false']"), "Space")
        press(page, question(page, q["id"]).locator("[data-qaction='check']"))
        expect(result(page, q["id"])).to_have_text(s("right", lang))
        text = question(page, q["id"]).locator(".kb-quiz__explanation p").first.text_content()
        assert not quiz_model.VERDICT.match(text), text


class TestWholeQuizCheck:
    def test_nothing_answered_is_never_graded_or_kept(self, page: Page) -> None:
        """'Check' with nothing answered says so, opens no explanation, and saves nothing, so the
        progress page does not count the quiz as done."""
        quiz = page
        open_quiz(quiz, "nl")
        press(quiz, action(quiz, "check"))
        expect(quiz_root(quiz).locator(".kb-quiz__status")).to_have_text(
            s("nothing_answered", "nl")
        )
        expect(
            quiz.locator(".kb-quiz__explanation:visible, .kb-quiz__result:visible")
        ).to_have_count(0)
        assert saved_keys(quiz) == []
        quiz.goto("training/mijn-opleiding.html")
        expect(
            quiz.locator(f"[data-kb-progress-quiz='{QUIZ_ID}'] .kb-progress__status")
        ).to_have_text(s("progress_not_started", "nl"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_open_questions_are_asked_about_in_the_page(self, page: Page, lang: str) -> None:
        """With open questions, 'check' asks in the page (no browser dialog): Escape and 'no'
        grade nothing and lead back; 'yes' grades and keeps focus on 'check'."""
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_quiz(page, lang)
        answer(page, first_of("single"), right=True, lang=lang)
        confirm = quiz_root(page).locator(".kb-quiz__confirm")
        press(page, action(page, "check"))
        expect(confirm).to_be_visible()
        expect(confirm).to_have_attribute("role", "alertdialog")
        expect(confirm).to_contain_text(s("unanswered_other", lang, n=TOTAL - 1))
        expect(action(page, "confirm-yes")).to_be_focused()
        page.keyboard.press("Escape")
        expect(confirm).to_be_hidden()
        expect(action(page, "check")).to_be_focused()
        press(page, action(page, "check"))
        press(page, action(page, "confirm-no"))
        expect(confirm).to_be_hidden()
        first_open = next(q["id"] for q in QUIZ["questions"] if q is not first_of("single"))
        focused = page.evaluate("document.activeElement.closest('[data-qid]')?.dataset.qid")
        assert focused == first_open
        expect(page.locator(".kb-quiz__result:visible")).to_have_count(0)
        assert saved_keys(page) == []
        press(page, action(page, "check"))
        press(page, action(page, "confirm-yes"))
        expect(action(page, "check")).to_be_focused()
        expect(quiz_root(page).locator(".kb-quiz__status")).to_contain_text(
            f"1 {'van' if lang == 'nl' else 'out of'} {TOTAL}"
        )
        assert dialogs == []

    @pytest.mark.parametrize("lang", LANGS)
    def test_summary_with_bar_and_a_mark_per_question(self, page: Page, lang: str) -> None:
        """After checking: a bar as long as the score and one line per question, linked to it."""
        open_quiz(page, lang)
        questions = QUIZ["questions"]
        for q in questions[1:]:
            answer(page, q, right=True, lang=lang)
        answer(page, questions[0], right=False, lang=lang)
        check(page)
        summary = quiz_root(page).locator(".kb-quiz__summary")
        expect(summary).to_be_visible()
        marks = summary.locator(".kb-quiz__marks li")
        expect(marks).to_have_count(TOTAL)
        expect(marks.first).to_have_text(summary_line(questions[0], 1, lang, "wrong"))
        expect(marks.nth(1)).to_have_text(summary_line(questions[1], 2, lang, "right"))
        href = marks.first.locator("a").get_attribute("href")
        expect(page.locator(href)).to_have_attribute("data-qid", questions[0]["id"])
        share = summary.evaluate(
            "s => s.querySelector('.kb-quiz__bar-fill').getBoundingClientRect().width"
            " / s.querySelector('.kb-quiz__bar').clientWidth"
        )
        assert abs(share - (TOTAL - 1) / TOTAL) < 0.06

    def test_history_and_dates_per_language(self, page: Page) -> None:
        """Two attempts show as a short history with dates in words: Dutch (nl-BE) on the Dutch
        page, English (en-GB) on the English one, never 12/1/2026."""
        quiz = page
        open_quiz(quiz, "nl")
        today = datetime.date.today()
        answer(quiz, first_of("single"), right=True)
        check(quiz)
        press(quiz, action(quiz, "retry-all"))
        for q in QUIZ["questions"]:
            answer(quiz, q, right=True)
        check(quiz)
        history = quiz_root(quiz).locator(".kb-quiz__history li")
        expect(history).to_have_count(2)
        expect(history.first).to_have_text(f"{long_date(today, 'nl')}: 100%")
        expect(history.nth(1)).to_have_text(f"{long_date(today, 'nl')}: {round(100 / TOTAL)}%")
        quiz.goto(QUIZ_EN)
        expect(quiz_root(quiz).locator(".kb-quiz__best")).to_have_text(
            s("best", "en", percent=100, date=long_date(today, "en"))
        )
        expect(quiz_root(quiz).locator(".kb-quiz__history li")).to_have_count(2)


class TestPhone:
    @pytest.mark.parametrize("width", [320, 390])
    @pytest.mark.parametrize("lang", LANGS)
    def test_options_sit_on_their_text_and_controls_are_24px(
        self, page: Page, width: int, lang: str
    ) -> None:
        """On a phone each radio button and checkbox sits on the first line of its own text, and
        every quiz control is at least 24 by 24 px (WCAG 2.5.8)."""
        page.set_viewport_size({"width": width, "height": 800})
        open_quiz(page, lang)
        off_line = page.evaluate(
            """() => [...document.querySelectorAll('.kb-quiz__option')].filter(li => {
                const i = li.querySelector('input').getBoundingClientRect();
                const l = li.querySelector('label').getBoundingClientRect();
                return Math.abs(i.top - l.top) > 8 || i.right > l.left;
            }).map(li => li.textContent.trim())"""
        )
        assert off_line == []
        small = page.evaluate(
            """() => [...document.querySelectorAll('.kb-quiz input, .kb-quiz select, .kb-quiz button')]
              .filter(e => e.offsetParent).map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
              .filter(([, r]) => r.width < 24 || r.height < 24).map(([h]) => h)"""
        )
        assert small == []

    @pytest.mark.parametrize("width", [320, 390])
    def test_matching_dropdowns_fit_the_screen(self, page: Page, width: int) -> None:
        """Every quiz page with a matching question fits the phone: no select reaches past the
        edge, and the page does not scroll sideways."""
        page.set_viewport_size({"width": width, "height": 800})
        hosts = {
            page_of(quiz_id, lang)
            for quiz_id, data in QUIZZES.items()
            if quiz_id in HOSTS and any(q["type"] == "match" for q in data["questions"])
            for lang in LANGS
        }
        assert hosts
        for path in sorted(hosts):
            page.goto(path)
            wide = page.evaluate(
                "() => [...document.querySelectorAll('.kb-quiz__select')]"
                ".filter(s => s.getBoundingClientRect().right > innerWidth).length"
            )
            assert wide == 0, path
            assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path


PROGRESS = {"nl": PROGRESS_NL, "en": PROGRESS_EN}
PROGRESS_TITLE = {
    lang: content_model.load_site(ROOT / "content", ROOT)
    .pages[path.removeprefix("en/").replace(".html", ".md" if lang == "nl" else ".en.md")]
    .meta["title"]
    for lang, path in (("nl", PROGRESS_NL), ("en", PROGRESS_EN))
}


def on_a_small_phone(page: Page, lang: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_quiz(page, lang)


class TestSmallPhone:
    """Issue 26, point 6: the quiz on a 320 px phone."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_chosen_matching_answer_reads_in_full(self, page: Page, lang: str) -> None:
        """A closed drop-down shows only the start of a long answer; the whole chosen answer
        reads under it, wrapped inside the screen, and follows a new choice."""
        on_a_small_phone(page, lang)
        q = first_of("match")
        longest = max(q["pairs"], key=lambda pair: len(pair["right"][lang]))
        first = q["pairs"][0]["id"]
        pair = question(page, q["id"]).locator(f".kb-quiz__pair[data-id='{first}']")

        def shown(text: str):  # text the reader sees (a closed drop-down's options are not)
            return pair.get_by_text(text, exact=True).locator("visible=true")

        pick(page, q["id"], first, longest["id"])
        chosen = shown(longest["right"][lang])
        expect(chosen).to_have_count(1)
        fits = chosen.evaluate(
            "e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= innerWidth"
        )
        assert fits, "the chosen answer is cut or runs past the screen"
        other = next(p for p in q["pairs"] if p["id"] != longest["id"])
        pick(page, q["id"], first, other["id"])
        expect(shown(other["right"][lang])).to_have_count(1)
        expect(shown(longest["right"][lang])).to_have_count(0)

    @pytest.mark.parametrize("lang", LANGS)
    def test_back_to_top_button_never_covers_a_question(self, page: Page, lang: str) -> None:
        """Scrolling back up inside the quiz, when the theme would bring up its back-to-top
        button, the question number under it stays visible and tappable."""
        on_a_small_phone(page, lang)
        number = page.locator(f"[data-kb-quiz='{QUIZ_ID}'] .kb-quiz__number").nth(2)
        number.scroll_into_view_if_needed()
        # Scroll down, then back up by 70 px more: the number ends at about 92 px from the top,
        # just under the header, where the theme shows its button when a reader scrolls up.
        page.evaluate(
            "n => window.scrollBy(0, n.getBoundingClientRect().top - 22)", number.element_handle()
        )
        page.mouse.wheel(0, 200)
        page.mouse.wheel(0, -270)
        page.wait_for_function("() => !document.querySelector('.md-top').hidden")  # theme: show
        covered = number.evaluate(
            """n => { const r = n.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.top < 0 || r.bottom > innerHeight || !n.contains(hit) ? String(hit && hit.className) : ''; }"""
        )
        assert covered == "", f"the question number is covered by {covered}"
        expect(page.locator(".md-top")).to_be_hidden()

    @pytest.mark.parametrize("lang", LANGS)
    def test_summary_names_each_question(self, page: Page, lang: str) -> None:
        """After checking, each line of the summary names its question by number and text (cut
        after a word when long), then its result, and leads to that question."""
        on_a_small_phone(page, lang)
        questions = QUIZ["questions"]
        answer(page, questions[0], right=False, lang=lang)
        check(page)
        marks = quiz_root(page).locator(".kb-quiz__marks li")
        expect(marks).to_have_count(TOTAL)
        for n, q in enumerate(questions, start=1):
            state = "wrong" if n == 1 else "unanswered"
            expect(marks.nth(n - 1)).to_have_text(summary_line(q, n, lang, state))
            text = marks.nth(n - 1).locator("a").inner_text()
            assert len(text) <= len(s("summary_question", lang, n=n, question="")) + 60
        marks.last.locator("a").click()
        expect(question(page, questions[-1]["id"])).to_be_in_viewport()

    @pytest.mark.parametrize("lang", LANGS)
    def test_saving_question_links_to_the_progress_page(self, page: Page, lang: str) -> None:
        """The question whether to keep results names the progress page as a link; it leads
        there, in the same language."""
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(URL[lang])
        page.evaluate("localStorage.clear()")
        page.reload()
        answer(page, first_of("single"), right=True, lang=lang)
        check(page)
        consent = quiz_root(page).locator(".kb-quiz__consent")
        expect(consent).to_be_visible()
        link = consent.get_by_role("link", name=PROGRESS_TITLE[lang])
        expect(link).to_be_visible()
        link.click()
        expect(page).to_have_url(re.compile(re.escape(PROGRESS[lang]) + "$"))
        expect(page.locator("h1")).to_have_text(PROGRESS_TITLE[lang])


class TestAccessibility:
    @pytest.mark.parametrize("scheme", ["light", "dark"])
    def test_axe_on_confirm_consent_summary_and_history(self, page: Page, scheme: str) -> None:
        """The in-page question, the saving question, the summary and the history pass axe in
        both colour schemes."""
        page.emulate_media(color_scheme=scheme)
        page.goto(QUIZ_NL)
        page.evaluate("localStorage.clear()")
        page.reload()
        answer(page, first_of("single"), right=True)
        multiple = first_of("multiple")
        good = next(o["id"] for o in multiple["options"] if o.get("correct"))
        press(page, question(page, multiple["id"]).locator(f"input[value='{good}']"), "Space")
        word = first_of("fill-in")
        type_in(page, word["id"], str(word["answers"]["nl"][0])[:-1])
        press(page, action(page, "check"))
        expect(quiz_root(page).locator(".kb-quiz__confirm")).to_be_visible()
        assert violations(page) == []
        press(page, action(page, "confirm-yes"))
        expect(quiz_root(page).locator(".kb-quiz__consent")).to_be_visible()
        expect(quiz_root(page).locator(".kb-quiz__summary")).to_be_visible()
        assert violations(page) == []
        press(page, action(page, "consent-yes"))
        expect(quiz_root(page).locator(".kb-quiz__history li")).to_have_count(1)
        assert violations(page) == []


def test_without_javascript_no_control_that_would_do_nothing(browser, base_url: str) -> None:
    """Without JavaScript the new controls stay hidden: no per-question buttons, counter,
    questions or summary on the quiz; no saving choice, name, file or print header on the
    progress page."""
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(QUIZ_NL)
    for part in ("qactions", "count", "confirm", "consent", "summary", "history", "saved"):
        expect(page.locator(f".kb-quiz__{part}").first).to_be_hidden()
    page.goto("training/mijn-opleiding.html")
    for part in ("consent", "tools", "printhead", "actions"):
        expect(page.locator(f".kb-progress__{part}")).to_be_hidden()
    context.close()
