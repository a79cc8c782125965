"""Strings files in the content (content/_data/strings/, issue 25: a new language is settings and
content) are editor content: a mistake in one is a problem with its file and line, found by the one
check, never a traceback in the build; a clean one adds its texts to the portal's own."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import strings  # noqa: E402


def write(root: Path, name: str, text: str) -> Path:
    folder = root / "content" / strings.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return root / "content"


def test_broken_yaml_is_a_problem_with_its_line(tmp_path: Path) -> None:
    content = write(tmp_path, "content_strings.yml", "fr:\n  facts: Faits\n  facts: Encore\n")
    found = strings.problems(content, tmp_path)
    assert [(p.path, p.line) for p in found] == [("content/_data/strings/content_strings.yml", 3)]
    assert strings.extra(content, tmp_path, "content_strings.yml") is None


def test_a_file_that_extends_nothing_is_named(tmp_path: Path) -> None:
    content = write(tmp_path, "labels.yml", "fr: {facts: Faits}\n")
    (problem,) = strings.problems(content, tmp_path)
    assert problem.path == "content/_data/strings/labels.yml"
    assert "content_strings.yml" in problem.fix


def test_a_list_is_not_a_strings_file(tmp_path: Path) -> None:
    content = write(tmp_path, "ui_strings.yml", "- Faits\n")
    (problem,) = strings.problems(content, tmp_path)
    assert problem.path == "content/_data/strings/ui_strings.yml" and problem.line == 1


def test_a_clean_file_adds_its_texts(tmp_path: Path) -> None:
    content = write(tmp_path, "content_strings.yml", "fr:\n  facts: Faits\n")
    assert strings.problems(content, tmp_path) == []
    assert strings.extra(content, tmp_path, "content_strings.yml") == {"fr": {"facts": "Faits"}}
    assert strings.extra(content, tmp_path, "news_strings.yml") is None
