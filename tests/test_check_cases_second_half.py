"""The second half of tests/test_check_cases.py's cases: the same check and assertion, in a file
of its own so that ``--dist loadfile`` can give it to the other test process."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_check_cases import SECOND_HALF, _quiet_mkdocs, assert_cause_first  # noqa: F401


@pytest.mark.parametrize("case", SECOND_HALF, ids=[c["name"] for c in SECOND_HALF])
def test_make_check_names_the_cause_first(case: dict, case_project: Path, original: Path) -> None:
    """The first problem listed is the editor's mistake, word for word."""
    assert_cause_first(case, case_project, original)
