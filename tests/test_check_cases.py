"""`make check` tells an editor exactly what the build tells them, without building.

Every case of tests/fixtures/broken_content.yml is written into a copy of the portal and checked
in-process with the function `make check` runs (scripts/check_content.py -> collect_problems). The
first message must be the one the build prints first (test_build_errors.py checks the build).
Fast: no browser and no MkDocs build. The cases are two halves, this file's and
tests/test_check_cases_second_half.py's, so that the fast tier's two processes (``--dist
loadfile`` keeps a file in one) each check half of them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from test_build_errors import (
    CASES,
    copy_project,
    exact_message,
    reset_copy,
    rewrite,
    write_case,
)

from steps.validate_content import collect_problems

EXACT = [case for case in CASES["cases"] if "exact" in case]
# every other case in each half: neighbouring cases are often alike in cost
FIRST_HALF, SECOND_HALF = EXACT[0::2], EXACT[1::2]


@pytest.fixture(scope="module", autouse=True)
def _quiet_mkdocs() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)


def check(project: Path) -> list[str]:
    return [str(p) for p in collect_problems(load_config(str(project / "mkdocs.yml")))]


def test_at_least_thirty_kinds_of_mistake_with_their_exact_message() -> None:
    assert len(EXACT) >= 30


def test_the_two_halves_are_every_case_once() -> None:
    assert sorted(c["name"] for c in FIRST_HALF + SECOND_HALF) == sorted(c["name"] for c in EXACT)


def assert_cause_first(case: dict, project: Path, original: Path) -> None:
    """The first problem listed is the editor's mistake, word for word. ``project`` is a copy
    linked to ``original`` (the ``case_project`` fixture): the case is written into it, and
    undone after the check whatever its outcome, so the next case starts from the portal."""
    write_case(project, case)
    try:
        found = check(project)
    finally:
        reset_copy(project, original)
    assert found and found[0] == exact_message(case), found[:5]


@pytest.mark.parametrize("case", FIRST_HALF, ids=[c["name"] for c in FIRST_HALF])
def test_make_check_names_the_cause_first(case: dict, case_project: Path, original: Path) -> None:
    """The first problem listed is the editor's mistake, word for word."""
    assert_cause_first(case, case_project, original)


def test_the_real_portal_passes(case_project: Path) -> None:
    """No false alarm: the portal as shipped has no problem."""
    assert check(case_project) == []


def test_another_content_folder_is_checked_the_same(tmp_path: Path, original: Path) -> None:
    """An organisation may call its content folder otherwise (``docs_dir``): every kind, the
    glossary, meetings, signals and topics included, is read from there, and a mistake there is
    named with that folder."""
    project = copy_project(tmp_path / "project", like=original)
    (project / "content").rename(project / "inhoud")
    settings = project / "mkdocs.yml"
    rewrite(
        settings,
        settings.read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: inhoud"),
    )
    assert "docs_dir: inhoud" in settings.read_text(encoding="utf-8")
    assert check(project) == []
    glossary = project / "inhoud" / "_data" / "glossary.yml"
    rewrite(
        glossary,
        glossary.read_text(encoding="utf-8").replace(
            "- term: IBO\n", "- term: IBO\n  page: x.md\n", 1
        ),
    )
    found = check(project)
    assert found and found[0].startswith("inhoud/_data/glossary.yml:"), found[:3]
