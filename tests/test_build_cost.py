"""The build's faster paths give exactly what the slower ones gave (issue 16 point 5): the
schemas here, the YAML, readability, glossary and text-policy shortcuts in
tests/test_build_cost_texts.py (two files, so that the fast tier's two test processes can each
take one).

- ``schema_registry.errors``: a value that the compiled check of the written-out schema (every
  ``$ref`` replaced by its target; fastjsonschema) calls valid is one that the original schema
  finds no error in, and ``errors`` finds exactly the original schema's errors; checked on every
  page, quiz and data file of the portal and on many broken variants of them.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from kb import content_model, languages, schema_registry, sources

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

BROKEN_VALUES = [
    None,
    0,
    7,
    -1,
    1.5,
    True,
    "",
    "x",
    "<b>html</b>",
    "a &amp; b",
    "x\n",  # a pattern's "$" matches before a final newline in jsonschema, not in fastjsonschema
    "2024-02-30",
    "javascript:alert(1)",
    False,
    [],
    ["x"],
    {},
    {"x": 1},
]


def _variants(value, depth: int = 0):
    """``value`` itself, and copies with one field or item removed, replaced or added."""
    yield value
    if depth > 1:
        return
    if isinstance(value, dict):
        for key in list(value):
            smaller = dict(value)
            del smaller[key]
            yield smaller
            for broken in BROKEN_VALUES:
                yield {**value, key: broken}
            for inner in _variants(value[key], depth + 1):
                yield {**value, key: inner}
        yield {**value, "unknown_field": "x"}
    elif isinstance(value, list) and value:
        yield value + value[:1]  # a duplicate item
        for broken in BROKEN_VALUES[:8]:
            yield [broken, *value[1:]]
        for inner in _variants(value[0], depth + 1):
            yield [inner, *value[1:]]


def _agree(name: str, instance) -> None:
    fast = schema_registry._fast()[name]
    assert fast is not None, f"{name}: the schema could not be written out"
    slow = next(iter(schema_registry.validator(name).iter_errors(instance)), None) is None
    # The compiled check may be stricter (the value is then validated again), never looser.
    assert slow or not schema_registry._valid(fast, instance), (name, instance)
    walker = schema_registry._walker(languages.project(), name)
    assert walker.is_valid(instance) == slow, (name, instance)
    assert (schema_registry.errors(name, instance) == []) == slow


def test_every_schema_can_be_written_out() -> None:
    assert all(v is not None for v in schema_registry._fast().values())


def _pages():
    """Every page of the shared content and of the editions' own content (the kinds only an
    edition has, such as `service`, are there)."""
    found = []
    for content in [CONTENT, *sorted(ROOT.glob("editions/*/content"))]:
        site = content_model.load_site(content, ROOT)
        found += [(p.kind, p.meta) for p in site.pages.values()]
    return [(kind, meta) for kind, meta in found if kind in schema_registry.kinds()]


@pytest.mark.parametrize("kind", sorted(schema_registry.kinds()))
def test_fast_verdict_is_the_schema_verdict_on_pages(kind: str) -> None:
    metas = [meta for k, meta in _pages() if k == kind]
    if not metas:
        pytest.skip(f"no page of kind {kind}")
    for meta in metas[:2]:
        for variant in _variants(copy.deepcopy(meta)):
            _agree(kind, variant)


def test_fast_verdict_is_the_schema_verdict_on_data_and_quizzes() -> None:
    checked = 0
    for name, path in [
        ("glossary", CONTENT / "_data" / "glossary.yml"),
        ("figures", CONTENT / "_data" / "figures.yml"),
        ("meetings", CONTENT / "_data" / "meetings.yml"),
        ("signals", CONTENT / "_data" / "signals.yml"),
        *[("quiz", p) for p in sorted((ROOT / "quizzes").glob("*.yml"))[:3]],
    ]:
        if not path.is_file():
            continue
        doc, problems = sources.load_yaml(path.read_text(encoding="utf-8"), path.name)
        assert not problems
        for variant in _variants(doc.data):
            _agree(name, variant)
            checked += 1
    assert checked > 100


def test_errors_are_those_of_the_original_schema() -> None:
    kind, meta = next((k, m) for k, m in _pages() if k == "status")
    broken = {**meta, "title": 7, "summary": "", "unknown_field": 1}
    del broken["sources"]
    got = [(e.message, list(e.absolute_path)) for e in schema_registry.errors(kind, broken)]
    want = [
        (e.message, list(e.absolute_path))
        for e in schema_registry.validator(kind).iter_errors(broken)
    ]
    assert got == want and len(got) >= 4
