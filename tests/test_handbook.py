"""The PDF handbook per language (scripts/pdf.py, `make pdf`): a cover, a table of contents whose
page numbers are right, every training session, links inside the PDF, sources, page headers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from content_index import pages

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = {
    "nl": ("Inhoud", "Bronnen", "Handboek voor vrijwillige jobcoaches"),
    "en": ("Contents", "Sources", "Handbook for volunteer job coaches"),
}


@pytest.fixture(scope="module")
def handbooks(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("handbooks")
    printed = subprocess.run(
        [sys.executable, ROOT / "scripts/pdf.py", "--site", built_site, "--output", out],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out, printed


def sheets(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"[ \t]+", " ", sheet) for sheet in text.split("\f")[:-1]]


def first_lines(sheet: str) -> str:
    lines = [line.strip() for line in sheet.splitlines() if line.strip()]
    return " ".join(lines[1:3])  # under the page header


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_handbook(handbooks: tuple[Path, str], lang: str) -> None:
    out, printed = handbooks
    [pdf] = sorted(out.glob(f"jobcoachportaal-handbook-{lang}-*-????-??-??.pdf"))
    assert not list(out.glob("*.part"))
    assert re.search(
        rf"{re.escape(str(pdf.resolve()))} \(\d+ pages, [\d.]+ MiB, \d+ bytes, [\d.]+ s\)", printed
    )
    contents, sources, title = HEADINGS[lang]
    text = sheets(pdf)
    assert title in text[0]  # the cover
    assert all(title in sheet.splitlines()[0] for sheet in text)  # a header on every sheet
    toc_sheets = [s for s in text[1:4] if contents in s or re.search(r"\S \d+\n", s)]
    entries = re.findall(r"^(\S.*?\S) (\d+)$", "\n".join(text[1 : 1 + len(toc_sheets)]), re.M)
    entries = [(t, int(n)) for t, n in entries if t != contents]
    sessions = [str(p.meta["title"]) for p in pages("training-session", lang)]
    assert len(sessions) >= 5
    listed = [t for t, _ in entries]
    for session in sessions:
        assert session in listed, f"{session} not in the table of contents"
    for entry, number in entries:
        assert first_lines(text[number - 1]).startswith(entry), f"{entry} is not on page {number}"
    numbers = [n for _, n in entries]
    assert numbers == sorted(numbers) and len(text) >= len(entries) + 2
    body = " ".join(text)
    assert all(re.sub(r"\s+", " ", s) in body for s in sessions)
    assert body.count(sources) >= len(sessions)  # each session lists its sources
    raw = pdf.read_bytes()
    assert raw.count(b"/Dest") >= len(entries)  # the contents and cross-references link inside
