"""kb.portal: one load of the whole portal, each kind loaded and validated once however many
steps ask for it, and the same problems as the per-kind checks find (issue 25 point 2)."""

from __future__ import annotations

import datetime as dt
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


def _as_text(value):
    """A value as the portal reads it: a date (which MkDocs' reader makes of one) as its text."""
    if isinstance(value, dict):
        return {key: _as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def test_mkdocs_gets_the_fields_it_would_read_itself() -> None:
    """The build hands MkDocs each page's fields from the portal's one parse, after the whole
    check (hooks/steps/validate_content.py, ``page_source`` and ``page_fields``): they are the
    fields MkDocs' own reader gets from the file, a date as its text, for every page."""
    from mkdocs.utils import meta as mkdocs_meta

    from kb import sources

    loaded = portal.load(Project(ROOT, ROOT / "content"))
    portal.check(loaded, bodies=False)
    assert len(loaded.site.pages) > 100
    for page in loaded.site.pages.values():
        text, _ = sources.read_text(loaded.site.content_dir / page.src, page.src)
        body, theirs = mkdocs_meta.get_data(text)
        assert _as_text(theirs) == page.meta, page.src
        assert body == page.body.lstrip("\n"), page.src
