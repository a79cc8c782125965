"""The knowledge network's pages: the register of signals (a table a coordinator filters by
status, complete without JavaScript), intervision and its printable case sheet, the return day.
Expectations come from content/_data/signals.yml."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Page, expect

from axe_check import violations
from content_index import ROOT
from kb import signals_model

LANGS = ("nl", "en")
SIGNALS, PROBLEMS = signals_model.load(ROOT)
STRINGS = yaml.safe_load((ROOT / "hooks/news_strings.yml").read_text("utf-8"))
A4_PRINTABLE_PX = (297 - 2 * 15) / 25.4 * 96  # A4 height less two 15 mm margins, in CSS px


def prefix(lang: str) -> str:
    return "" if lang == "nl" else "en/"


def test_shipped_signals_are_valid_and_anonymous() -> None:
    assert PROBLEMS == [] and len(SIGNALS) >= 5
    assert {s["status"] for s in SIGNALS} <= set(signals_model.STATUSES)


@pytest.mark.parametrize("lang", LANGS)
class TestSignalRegister:
    def test_table_lists_every_signal(self, page: Page, lang: str, external_requests) -> None:
        page.goto(f"{prefix(lang)}coaching/signalen.html")
        rows = page.locator(".kb-signals__row")
        expect(rows).to_have_count(len(SIGNALS))
        for row, signal in zip(rows.all(), SIGNALS, strict=True):
            expect(row.locator("td").first).to_have_text(signal["what"][lang])
            status = STRINGS[lang]["sig_statuses"][signal["status"]]
            expect(row.locator("td").last).to_contain_text(status)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert violations(page) == [], scheme
        assert external_requests == []

    def test_coordinator_filters_by_status(self, page: Page, lang: str) -> None:
        page.goto(f"{prefix(lang)}coaching/signalen.html")
        for status in signals_model.STATUSES:
            label = STRINGS[lang]["sig_statuses"][status]
            box = page.get_by_role("checkbox", name=label)
            box.check()
            expected = [s["what"][lang] for s in SIGNALS if s["status"] == status]
            visible = page.locator(".kb-signals__row:visible td:first-child")
            expect(visible).to_have_count(len(expected))
            assert visible.all_inner_texts() == expected
            box.uncheck()
        expect(page.locator(".kb-signals__row:visible")).to_have_count(len(SIGNALS))

    def test_without_javascript_the_whole_table_shows(self, browser, site_url, lang) -> None:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{site_url}{prefix(lang)}coaching/signalen.html")
        expect(page.locator(".kb-signals-filter")).to_be_hidden()
        expect(page.locator(".kb-signals__row:visible")).to_have_count(len(SIGNALS))
        context.close()


@pytest.mark.parametrize("lang", LANGS)
class TestIntervision:
    def test_pages_pass_axe(self, page: Page, lang: str) -> None:
        for path in ("intervisie", "casusblad", "terugkomdag"):
            page.goto(f"{prefix(lang)}training/{path}.html")
            assert violations(page) == [], path

    def test_case_sheet_fits_one_a4_page_in_print(self, page: Page, lang: str) -> None:
        page.set_viewport_size({"width": 718, "height": 1000})  # A4 width less margins, in px
        page.goto(f"{prefix(lang)}training/casusblad.html")
        page.emulate_media(media="print")
        bottom = page.locator(".kb-case-sheet").evaluate(
            "el => el.getBoundingClientRect().bottom + window.scrollY"
        )
        assert bottom < A4_PRINTABLE_PX, bottom
        expect(page.locator(".kb-case-sheet__lines")).to_have_count(6)
