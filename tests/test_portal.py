"""kb.portal: one load of the whole portal, each kind loaded and validated once however many
steps ask for it, and the same problems as the per-kind checks find (issue 25 point 2)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kb import glossary_model, meetings_model, portal, schema_registry, signals_model
from kb.figures_model import load_figures
from kb.project import Project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Schema validations by schema name, from now on."""
    seen: Counter[str] = Counter()
    validate = schema_registry.errors

    def counted(name, instance):
        seen[name] += 1
        return validate(name, instance)

    monkeypatch.setattr(schema_registry, "errors", counted)
    return seen


def test_each_data_file_is_validated_once_however_often_it_is_asked_for(
    validations: Counter,
) -> None:
    loaded = portal.load(Project(ROOT, ROOT / "content"))
    for _ in range(3):
        loaded.glossary()
        loaded.glossary(in_file_order=True)
        loaded.glossary_problems()
        loaded.meetings()
        loaded.signals()
        loaded.figures()
        loaded.quizzes()
    assert {name: validations[name] for name in ("glossary", "meetings", "signals", "figures")} == {
        "glossary": 1,
        "meetings": 1,
        "signals": 1,
        "figures": 1,
    }


def test_the_portal_gives_what_the_models_give() -> None:
    loaded = portal.load(Project(ROOT, ROOT / "content"))
    assert loaded.glossary() == glossary_model.load(ROOT)
    assert loaded.glossary(in_file_order=True) == glossary_model.load(ROOT, in_file_order=True)
    assert loaded.meetings() == meetings_model.load(ROOT)
    assert loaded.signals() == signals_model.load(ROOT)
    assert loaded.figures() == load_figures(ROOT / "content" / "_data" / "figures.yml")


def test_a_broken_glossary_is_reported_by_the_check_and_refused_to_the_views(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    (content / "_data").mkdir(parents=True)
    (content / "_data" / "glossary.yml").write_text("- term: ibo\n  nl: 7\n", encoding="utf-8")
    loaded = portal.load(Project(tmp_path, content))
    problems = loaded.glossary_problems()
    assert problems and all(p.path == "content/_data/glossary.yml" for p in problems)
    assert [str(p) for p in problems] == [str(p) for p in glossary_model.check(tmp_path)]
    assert set(map(str, problems)) <= set(map(str, portal.check(loaded)))
    with pytest.raises(glossary_model.GlossaryError):
        loaded.glossary()
