"""Print: task guides, training sessions, employer guides with a checklist and the progress page,
printed to PDF by Chromium (page.pdf, A4) and read back with pdftotext (poppler-utils).

On every sheet: the site name, the page's public address and the print date; no menu, search,
footer or buttons; links to other sites show their address; no sheet but the last is under half
full; a checklist is never split over two sheets. The pages come from the content files.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from content_index import ROOT, html_path, pages
from kb import quiz_model

A4_HEIGHT = 842.0  # points
MARGIN = 16 / 25.4 * 72  # print.css: 16 mm above and below
PRINTED = {"nl": "Afgedrukt op", "en": "Printed on"}
# Words of the screen furniture that must not reach paper.
SCREEN_ONLY = {"nl": "Terug naar boven", "en": "Back to top"}
HIDDEN_IN_PRINT = (
    ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-content__button, "
    ".md-content button, .md-content .headerlink"
)


def printed_pages() -> list[tuple[str, str, object]]:
    chosen = []
    for lang in ("nl", "en"):
        for kind in ("task-guide", "training-session", "employer-guide"):
            for page in pages(kind, lang):
                if kind == "employer-guide" and not page.meta.get("checklist"):
                    continue
                chosen.append((kind, lang, page))
        progress = "training/mijn-opleiding.md" if lang == "nl" else "training/mijn-opleiding.en.md"
        chosen += [("progress", lang, p) for p in pages("page", lang) if p.src == progress]
    return chosen


CASES = printed_pages()


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        pytest.fail(f"{tool} is missing: run `make setup-test` (installs Debian's poppler-utils)")
    return path


def sheets(pdf: Path) -> list[str]:
    """The text of each sheet."""
    text = subprocess.run(
        [poppler("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def fill(pdf: Path) -> list[float]:
    """How far down each sheet's text area the lowest line of content reaches (0 to 1)."""
    xml = subprocess.run(
        [poppler("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    result = []
    for sheet in xml.split("<page ")[1:]:
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', sheet)]
        inside = [y for y in bottoms if MARGIN < y < A4_HEIGHT - MARGIN]
        result.append((max(inside, default=MARGIN) - MARGIN) / (A4_HEIGHT - 2 * MARGIN))
    return result


def test_there_is_something_of_every_kind_to_print() -> None:
    kinds = {(kind, lang) for kind, lang, _ in CASES}
    for lang in ("nl", "en"):
        for kind in ("task-guide", "training-session", "employer-guide", "progress"):
            assert (kind, lang) in kinds


@pytest.mark.parametrize(
    ("kind", "lang", "source"), CASES, ids=[f"{lang}-{p.src}" for _, lang, p in CASES]
)
def test_prints_cleanly(
    page: Page, built_site: Path, tmp_path: Path, kind: str, lang: str, source
) -> None:
    path = html_path(source)
    page.goto((built_site / path).as_uri(), wait_until="networkidle")
    # A browser fires `beforeprint` when the reader prints (print.js fills in the sheets then);
    # Chromium's page.pdf() does not, so the test does what the browser does.
    # Until print.js (in site.js, which may still be starting) has heard it and set the sheets'
    # margins: one event could come before its listener.
    page.wait_for_function(
        "() => { dispatchEvent(new Event('beforeprint')); return document.adoptedStyleSheets.length > 0; }",
        polling=200,
        timeout=10_000,
    )
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    texts = sheets(pdf)
    flat = [re.sub(r"\s+", " ", t) for t in texts]
    site_name = "Jobcoachportaal" if lang == "nl" else "Job coach portal"
    address = f"https://jobcoach.example.org/{path}"
    today = dt.date.today()
    for number, text in enumerate(flat, start=1):
        assert site_name in text, f"sheet {number}: no site name in {text[:120]!r}…{text[-120:]!r}"
        assert address in text, f"sheet {number}: no page address"
        assert PRINTED[lang] in text and str(today.year) in text, f"sheet {number}: no date"
        assert f"{number} / {len(flat)}" in text, f"sheet {number}: no sheet number"
    body = " ".join(flat)
    assert SCREEN_ONLY[lang] not in body
    page.emulate_media(media="print")
    shown = page.locator(HIDDEN_IN_PRINT).evaluate_all(
        "els => els.filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 80))"
    )
    assert shown == [], "menu, search, footer or buttons on paper"
    title = str(source.meta["title"])
    assert re.sub(r"\s+", " ", title) in body
    # The first link a reader sees on paper (a quiz's sources sit in closed explanations).
    external = page.locator(".md-content a[href^='http']:visible")
    if external.count():
        href = external.first.get_attribute("href")
        assert href[:40] in body.replace(" ", "")  # long addresses wrap inside the brackets
    filled = fill(pdf)
    for number, share in enumerate(filled[:-1], start=1):
        assert share >= 0.5, f"sheet {number} of {len(filled)} is only {share:.0%} full"
    checklist = source.meta.get("checklist") or {}
    items = [
        str(i) for i in (checklist.get("items", []) if isinstance(checklist, dict) else checklist)
    ]
    if items:
        first_words = [re.sub(r"\s+", " ", item)[:30] for item in items]
        holding = {n for n, text in enumerate(flat) for w in first_words if w in text}
        assert len(holding) == 1, f"the checklist is split over sheets {sorted(holding)}"


# --- a session's quiz: a handout, and the answer key apart (issue 26, point 5) -------------------

QUIZZES = quiz_model.load(ROOT)
UI = yaml.safe_load((ROOT / "hooks" / "ui_strings.yml").read_text(encoding="utf-8"))
SESSIONS = [
    (lang, p)
    for lang in ("nl", "en")
    for p in pages("training-session", lang)
    if p.meta.get("quiz")
]


def paper_text(page: Page, pdf: Path, address: str, lang: str) -> str:
    """Print as the browser does (beforeprint, print, afterprint) and read the sheets back as one
    text, without what every sheet carries in its margins."""
    # Until print.js (in site.js, which may still be starting) has heard it and set the sheets'
    # margins: one event could come before its listener.
    page.wait_for_function(
        "() => { dispatchEvent(new Event('beforeprint')); return document.adoptedStyleSheets.length > 0; }",
        polling=200,
        timeout=10_000,
    )
    page.pdf(path=str(pdf), format="A4")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    lines = [
        line
        for sheet in sheets(pdf)
        for line in sheet.splitlines()
        if address not in line and PRINTED[lang] not in line
    ]
    return re.sub(r"\s+", " ", " ".join(lines))


def start(text: str, size: int = 40) -> str:
    return re.sub(r"\s+", " ", text).strip()[:size]


@pytest.mark.parametrize(
    ("lang", "source"), SESSIONS, ids=[f"{lang}-{p.src}" for lang, p in SESSIONS]
)
def test_session_prints_as_handout_and_answer_key_apart(
    page: Page, built_site: Path, tmp_path: Path, lang: str, source
) -> None:
    """Printed, a session is a handout: every question of its quiz, but no answer, feedback or
    explanation, before the quiz has been set up and after the reader checked it on screen.
    "Print the answer key" prints
    that quiz alone, headed "Answer key", with each question's answer and explanation; after
    printing, the page prints as a handout again."""
    quiz_id = source.meta["quiz"]
    questions = QUIZZES[quiz_id]["questions"]
    path = html_path(source)
    address = f"https://jobcoach.example.org/{path}"
    page.goto((built_site / path).as_uri())
    root = page.locator(f"[data-kb-quiz='{quiz_id}']")
    title = start(f"{UI['quiz_label'][lang]}: {QUIZZES[quiz_id]['title'][lang]}")
    # Printed at once, before the quiz's script and style sheet have come (the reader never
    # scrolled down to it): no answers either.
    expect(root).not_to_have_class(re.compile(r"\bkb-quiz--js\b"))
    early = paper_text(page, tmp_path / "early.pdf", address, lang)
    assert title in early
    early = early[early.index(title) :]
    for q in questions:
        assert start(q["prompt"][lang]) in early, f"question {q['id']} is not on the handout"
        assert start(q["explanation"][lang]) not in early, f"{q['id']}: explanation printed"
    root.scroll_into_view_if_needed()
    expect(root).to_have_class(re.compile(r"\bkb-quiz--js\b"))
    root.locator(".kb-quiz__option label").first.click()
    root.locator("[data-action='check']").click()
    root.locator("[data-action='confirm-yes']").click()
    expect(root.locator(".kb-quiz__explanation").first).to_be_visible()

    handout = paper_text(page, tmp_path / "handout.pdf", address, lang)
    goal = start(str(source.meta["goals"][0]))
    assert goal in handout
    assert title in handout
    handout = handout[handout.index(title) :]  # the quiz (the page's text may quote a question)
    for q in questions:
        assert start(q["prompt"][lang]) in handout, f"question {q['id']} is not on the handout"
        assert start(q["explanation"][lang]) not in handout, f"{q['id']}: explanation printed"
    assert UI["key_heading"][lang] not in handout

    # The browser's print dialog, which a headless browser has not: the test prints instead.
    page.evaluate(
        "() => { window.print = () => { window.kbPrintCalls = 1 + (window.kbPrintCalls || 0); }; }"
    )
    root.get_by_role("button", name=UI["print_key"][lang]).click()
    assert page.evaluate("window.kbPrintCalls") == 1
    key = paper_text(page, tmp_path / "key.pdf", address, lang)
    assert UI["key_heading"][lang] in key
    assert goal not in key
    for q in questions:
        assert start(q["prompt"][lang]) in key, f"question {q['id']} is not on the key"
        assert start(q["explanation"][lang]) in key, f"{q['id']}: no explanation on the key"

    page.emulate_media(media="print")
    expect(root.get_by_text(UI["key_heading"][lang], exact=True)).to_be_hidden()
    expect(root.locator(".kb-quiz__answer").first).to_be_hidden()
