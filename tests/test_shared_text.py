"""The own-words check (scripts/shared_text.py) on a small made-up portal and source folder.

No browser: it runs the script as an editor would (``make shared-text SOURCES=…``) and reads
what it prints.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "shared_text.py"

SOURCE = """De jobcoach ging elke dinsdag met haar mee naar het kantoor van de bakkerij
in het centrum van de stad. Daarna dronken ze samen koffie.
Werkgevers vragen vaak een perfecte kennis van het Nederlands voor eenvoudig werk.
"""

PAGE = """---
kind: topic
title: Een proefpagina
summary: "Elke dinsdag ging de coach samen naar het kantoor van de bakkerij."
sources:
  - title: "Een perfecte kennis van het Nederlands voor eenvoudig werk (een geciteerd werk)"
---

Deze zin staat er in eigen woorden.
De jobcoach ging elke dinsdag met haar mee naar het
kantoor van de bakkerij, zegt de gids.
Eén coach zegt: "Werkgevers vragen vaak een perfecte kennis van het Nederlands voor eenvoudig werk."
"""

QUIZ = """title: Proefquiz
questions:
  - id: een
    explanation:
      nl: "Werkgevers vragen vaak een perfecte kennis van het Nederlands voor eenvoudig werk."
      en: "A coach says: \\"Werkgevers vragen vaak een perfecte kennis van het Nederlands.\\""
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "bronnen"), "--root", str(tmp_path), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    (tmp_path / "bronnen").mkdir()
    (tmp_path / "bronnen" / "gids.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "content" / "context").mkdir(parents=True)
    (tmp_path / "content" / "context" / "proef.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "proef.yml").write_text(QUIZ, encoding="utf-8")
    return tmp_path


def reported(out: str) -> list[str]:
    """The report lines: ``file:line: N words shared with source: the words``."""
    return [
        line for line in out.splitlines() if re.match(r"^\S+:\d+: \d+ words shared with ", line)
    ]


def test_finds_planted_run_and_ignores_quotes(portal: Path) -> None:
    """A run across a line break and different punctuation is found with its file and line;
    the same words between quotation marks, or as a cited title, are not reported."""
    result = run(portal)
    lines = reported(result.stdout)
    assert result.returncode == 1, result.stdout + result.stderr
    # The body run: 'jobcoach ging elke dinsdag ... bakkerij' starts on line 10 of the page.
    body = [line for line in lines if line.startswith("content/context/proef.md:10:")]
    assert len(body) == 1, lines
    assert "jobcoach ging elke dinsdag met haar mee naar het kantoor van de bakkerij" in body[0]
    assert "gids.txt" in body[0]
    # The quiz: YAML's own quotes are not quotation marks, so the copied explanation counts...
    quiz = [line for line in lines if line.startswith("quizzes/proef.yml:5:")]
    assert len(quiz) == 1 and "perfecte kennis van het nederlands" in quiz[0], lines
    # ...but a quote inside a YAML string (\") does not, nor does the summary's reordered
    # sentence (no 8 words in the same order), the quoted sentence in the body, or a cited title.
    assert len(lines) == 2, lines


def test_clean_page_reports_none(portal: Path) -> None:
    """When every run is rewritten, the script says so and exits 0."""
    page = portal / "content" / "context" / "proef.md"
    page.write_text(PAGE.replace("met haar mee naar het\nkantoor", "samen naar het\nkantoor"))
    (portal / "quizzes" / "proef.yml").write_text(
        QUIZ.replace("perfecte kennis", "foutloze beheersing")
    )
    result = run(portal)
    assert result.returncode == 0, result.stdout
    assert reported(result.stdout) == []
    assert "No run of 8 or more words" in result.stdout


def test_shorter_threshold_finds_more(portal: Path) -> None:
    """--min sets the length: the summary shares 'naar het kantoor van de bakkerij' (6 words)."""
    lines = reported(run(portal, "--min", "6").stdout)
    assert any(line.startswith("content/context/proef.md:4:") for line in lines), lines
