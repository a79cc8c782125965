"""Editors start from templates that are complete and correct, one per content kind."""

import sys

from content_index import ROOT, SITE
from kb import content_model

sys.path.insert(0, str(ROOT / "scripts"))
import make_snippets

TEMPLATES = sorted((ROOT / "content/_templates").glob("*.md"))
DUTCH = [p for p in TEMPLATES if not p.name.endswith(".en.md")]


def test_one_template_per_kind() -> None:
    """Every content kind that has a schema has a template, named after the kind."""
    assert sorted(p.stem for p in DUTCH) == content_model.kinds()


def test_every_template_in_english_too() -> None:
    """Each Dutch template has an English one, kind.en.md, and there is no English one without it."""
    assert sorted(p.name for p in TEMPLATES if p not in DUTCH) == sorted(
        f"{p.stem}.en.md" for p in DUTCH
    )


def test_templates_pass_the_checks() -> None:
    """Each template passes the schema and reference checks a real page must pass; an English
    template has the same language-neutral fields as its Dutch one."""
    quiz_ids = {p.stem for p in (ROOT / "quizzes").glob("*.yml")}
    problems = [str(p) for t in TEMPLATES for p in content_model.check_template(t, SITE, quiz_ids)]
    assert problems == []


def test_editor_snippets_match_templates() -> None:
    """The VS Code snippets (kb-status, kb-story, ...) are generated from the current templates."""
    committed = (ROOT / ".vscode/portal.code-snippets").read_text(encoding="utf-8")
    assert committed == make_snippets.snippets(), "run: python scripts/make_snippets.py"
