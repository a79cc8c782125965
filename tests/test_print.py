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
from playwright.sync_api import Page

from content_index import html_path, pages

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
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("document.adoptedStyleSheets.length > 0", timeout=10_000)
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
