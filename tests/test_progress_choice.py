"""Keeping quiz results is the reader's choice (issue 14): asked once before the first save,
changeable on the progress page; progress moves to another device as a file; the printout names
the reader, the date and the site; the table reads on a phone.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_quiz_coach import LANGS, QUIZZES, long_date, quiz_root, s, saved_keys
from test_quizzes import (
    PROGRESS_EN,
    PROGRESS_NL,
    QUIZ,
    QUIZ_ID,
    QUIZ_NL,
    action,
    answer,
    check,
    first_of,
    press,
)

PROGRESS = {"nl": PROGRESS_NL, "en": PROGRESS_EN}


def fresh(page: Page, path: str) -> None:
    page.goto(path)
    page.evaluate("localStorage.clear()")
    page.reload()


def row(page: Page, quiz_id: str = QUIZ_ID):
    return page.locator(f"[data-kb-progress-quiz='{quiz_id}']")


def consent_radio(page: Page, value: str):
    return page.locator(f"[data-kb-progress] input[name='kb-progress-consent'][value='{value}']")


class TestChoice:
    def test_asked_once_and_no_keeps_nothing(self, page: Page) -> None:
        """The first check asks whether to keep results and keeps nothing before the answer;
        'no' is remembered (not asked again) and nothing is kept, also after a reload."""
        fresh(page, QUIZ_NL)
        answer(page, first_of("single"), right=True)
        check(page)
        consent = quiz_root(page).locator(".kb-quiz__consent")
        expect(consent).to_be_visible()
        expect(consent).to_contain_text(s("consent_question", "nl", page="Mijn opleiding"))
        assert saved_keys(page) == []
        press(page, action(page, "consent-no"))
        expect(consent).to_be_hidden()
        expect(quiz_root(page).locator(".kb-quiz__saved")).to_have_text(s("consent_refused", "nl"))
        check(page)
        expect(consent).to_be_hidden()
        assert saved_keys(page) == []
        page.reload()
        expect(quiz_root(page).locator(".kb-quiz__best")).to_be_hidden()
        page.goto(PROGRESS_NL)
        expect(consent_radio(page, "no")).to_be_checked()
        expect(row(page).locator(".kb-progress__status")).to_have_text(
            s("progress_not_started", "nl")
        )

    @pytest.mark.parametrize("lang", LANGS)
    def test_yes_keeps_and_can_be_changed_on_the_progress_page(self, page: Page, lang: str) -> None:
        """'Yes' keeps the attempt; on the progress page 'no' erases what was kept, and 'yes'
        there makes the next attempt kept without asking."""
        path = QUIZ_NL if lang == "nl" else "en/" + QUIZ_NL
        fresh(page, path)
        answer(page, first_of("single"), right=True, lang=lang)
        check(page)
        press(page, action(page, "consent-yes"))
        expect(quiz_root(page).locator(".kb-quiz__saved")).to_have_text(s("consent_saved", lang))
        assert saved_keys(page) == [f"kb-quiz:{QUIZ_ID}"]
        page.goto(PROGRESS[lang])
        expect(consent_radio(page, "yes")).to_be_checked()
        expect(row(page).locator(".kb-progress__status")).to_have_text(s("progress_done", lang))
        consent_radio(page, "no").check()
        expect(row(page).locator(".kb-progress__status")).to_have_text(
            s("progress_not_started", lang)
        )
        assert saved_keys(page) == []
        consent_radio(page, "yes").check()
        page.goto(path)
        answer(page, first_of("single"), right=True, lang=lang)
        check(page)
        expect(quiz_root(page).locator(".kb-quiz__consent")).to_be_hidden()
        assert saved_keys(page) == [f"kb-quiz:{QUIZ_ID}"]


class TestAnotherDevice:
    def test_export_then_import_on_another_device(self, page: Page, browser: Browser) -> None:
        """A file downloaded on one device loads on another, once the reader there chose to keep
        results; a wrong file is refused with a message."""
        fresh(page, QUIZ_NL)
        page.evaluate("localStorage.setItem('kb-progress-consent', 'yes')")
        page.reload()
        for q in QUIZ["questions"]:
            answer(page, q, right=True)
        check(page)
        page.goto(PROGRESS_NL)
        with page.expect_download() as download:
            press(page, page.locator("[data-kb-progress] [data-action='download']"))
        exported = Path(download.value.path())
        data = json.loads(exported.read_text(encoding="utf-8"))
        assert data["format"] == "jobcoach-progress"

        other = browser.new_context(base_url=page.url.split("training/")[0])
        phone = other.new_page()
        phone.goto(PROGRESS_EN)
        upload = phone.locator("#kb-progress-import")
        message = phone.locator(".kb-progress__message")
        upload.set_input_files(str(exported))
        expect(message).to_have_text(s("progress_import_needs_consent", "en"))
        consent_radio(phone, "yes").check()
        upload.set_input_files(str(exported))
        expect(message).to_have_text(s("progress_imported_one", "en", n=1))
        expect(row(phone).locator(".kb-progress__best")).to_have_text("100%")
        expect(row(phone).locator(".kb-progress__status")).to_have_text(s("progress_done", "en"))
        upload.set_input_files(
            files=[{"name": "x.json", "mimeType": "application/json", "buffer": b'{"a": 1}'}]
        )
        expect(message).to_have_text(s("progress_import_error", "en"))
        phone.goto("en/" + QUIZ_NL)
        expect(quiz_root(phone).locator(".kb-quiz__best")).to_contain_text("100%")
        other.close()


class TestPrint:
    @pytest.mark.parametrize("lang", LANGS)
    def test_printout_names_reader_date_and_site(self, page: Page, lang: str) -> None:
        """The printout shows the typed name, today's date and the site; the name is kept only
        when the reader ticks 'remember'."""
        fresh(page, PROGRESS[lang])
        page.evaluate("window.print = () => { window.kbPrinted = true; }")
        page.locator("#kb-progress-name").fill("Amal Haddad")
        press(page, page.locator("[data-kb-progress] [data-action='print']"))
        assert page.evaluate("window.kbPrinted")
        page.emulate_media(media="print")
        head = page.locator(".kb-progress__printhead")
        expect(head).to_be_visible()
        expect(head).to_contain_text(s("progress_name", lang, name="Amal Haddad"))
        expect(head).to_contain_text(long_date(datetime.date.today(), lang))
        site = "Jobcoachportaal" if lang == "nl" else "Job coach portal"
        expect(head).to_contain_text(site)
        expect(head).to_contain_text(page.url.split("#")[0])
        expect(page.locator(".kb-progress__actions")).to_be_hidden()
        page.emulate_media(media="screen")
        expect(head).to_be_hidden()
        assert page.evaluate("localStorage.getItem('kb-progress-name')") is None
        page.locator("#kb-progress-remember").check()
        page.reload()
        expect(page.locator("#kb-progress-name")).to_have_value("Amal Haddad")


class TestReadsOnAPhone:
    @pytest.mark.parametrize("lang", LANGS)
    def test_no_word_or_date_breaks_mid_word_and_no_sentence_twice(
        self, page: Page, lang: str
    ) -> None:
        """At 320 px every word and every date in the table stays on one line, and no sentence
        of the page appears twice."""
        page.set_viewport_size({"width": 320, "height": 800})
        fresh(page, PROGRESS[lang])
        records = {
            quiz_id: {
                "best": 80,
                "date": "2026-11-23",
                "passMark": data.get("pass_mark"),
                "passed": bool(data.get("pass_mark")),
            }
            for quiz_id, data in QUIZZES.items()
        }
        page.evaluate(
            """r => { localStorage.setItem('kb-progress-consent', 'yes');
                for (const [k, v] of Object.entries(r)) localStorage.setItem('kb-quiz:' + k, JSON.stringify(v)); }""",
            records,
        )
        page.reload()
        broken = page.evaluate(
            """() => {
              const out = [];
              for (const cell of document.querySelectorAll('.kb-progress__table :is(th, td)')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node; (node = walker.nextNode());) {
                  const re = /\\S+/g;
                  for (let m; (m = re.exec(node.data));) {
                    const range = document.createRange();
                    range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                    if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) out.push(m[0]);
                  }
                }
                if (cell.classList.contains('kb-progress__date') && cell.getClientRects().length &&
                    cell.scrollHeight > 2 * parseFloat(getComputedStyle(cell).lineHeight)) out.push(cell.textContent);
              }
              return out;
            }"""
        )
        assert broken == []
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        sentences = [
            x.strip()
            for x in page.locator("article").inner_text().replace("\n", " ").split(".")
            if len(x.strip()) > 20
        ]
        assert len(sentences) == len(set(sentences))

    @pytest.mark.parametrize("lang", LANGS)
    def test_plurals_per_language(self, page: Page, lang: str) -> None:
        """'You passed 1 test' and '2 tests', never '1 tests'."""
        passing = [q for q, data in QUIZZES.items() if data.get("pass_mark")]
        assert len(passing) >= 2
        fresh(page, PROGRESS[lang])
        summary = page.locator(".kb-progress__summary")
        for n in (1, 2):
            records = {
                q: {"best": 90, "date": "2026-11-23", "passMark": 70, "passed": True}
                for q in passing[:n]
            }
            page.evaluate(
                """r => { localStorage.clear(); localStorage.setItem('kb-progress-consent', 'yes');
                    for (const [k, v] of Object.entries(r)) localStorage.setItem('kb-quiz:' + k, JSON.stringify(v)); }""",
                records,
            )
            page.reload()
            key = "progress_passed_one" if n == 1 else "progress_passed_other"
            expect(summary).to_contain_text(s(key, lang, passed=n))
