"""The one registry of content kinds: each kind is declared once, in its own schema file.

A content kind is a schema whose ``kind`` property is a constant equal to the file's name
(``kb/schemas/task-guide.schema.yml``), its view (a template) and its tests. What the rest of the
portal needs to know about it sits in the schema, beside the fields it is about::

    x-kind:
      folder: tasks                      # its pages live in content/tasks/ (omit: anywhere)
      view: hooks/kinds/task-guide.html  # the template whose macros render its boxes (omit: none)
      labels:                            # per language: one page, its section (plural) and
        nl: {one: Taak, many: Taken van de coach}   # the titles of its own boxes, if any
        en: {one: Task, many: The coach's tasks}
      review_months: 12                  # months between two checks (omit: freshness_months)
      review_months_in: {support: 6}     # a folder whose pages of this kind are checked sooner
      plays: [schemes]                   # the parts of the portal it fills (``PARTS``)
    properties:
      statuses: {$ref: common.schema.yml#/$defs/slug-list, x-refers-to: status}

``x-refers-to`` marks a front-matter key that names pages of another kind by their slug: the
checks resolve it in that kind's folder, the fact box lists the pages, and the named pages show
"mentioned in". On a field of a list's items (``exercises: [{story: …}]``) it is checked. Why in the schema and not in a table here: then adding a kind is adding a file
(and its template), and a kind defined elsewhere (a test, an organisation's own layer) joins by
adding its folder (``extended``), with nothing to edit in the package.

Pure: no MkDocs. A mistake in a declaration is the developer's, so it raises ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jsonschema import Draft202012Validator

from kb import schema_registry

__all__ = [
    "PARTS",
    "Kind",
    "extended",
    "folders",
    "get",
    "item_references",
    "kinds",
    "labels",
    "playing",
    "references",
]

# The parts of the portal that one kind's pages fill (``x-kind: {plays: [...]}``), each played
# by at most one kind. The code asks ``playing(part)`` for the kind, so it names no kind itself.
PARTS = {
    "default": "the kind of a page whose front matter names none (kb/content_model.py)",
    "schemes": "the statuses and schemes a coach weighs: their `eligibility:` rules, the "
    "navigator's schemes and the statuses table (kb/eligibility.py, steps/render_tables.py)",
    "navigator": "its pages show the navigator block: the questions and every scheme with its "
    "rules (kb/navigator_view.py, the `navigator` block of kb/views.py)",
    "services": "an edition's local services, shown on the pages they help with and in the "
    "services list (kb/local.py, steps/render_tables.py)",
    "updates": "the dated updates: they fill the updates page and each page's change history, "
    "and make the pages they name under `changes` due for review (kb/news_model.py, "
    "kb/review.py, steps/render_news.py)",
    "sessions": "the training sessions: their activities' minutes add up to the session's, and "
    "their quiz is checked against the session (kb/content_model.py, kb/portal.py)",
}

# The shape of an ``x-kind`` block.
_DECLARATION = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "folder": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "view": {"type": "string", "pattern": r"^[\w./-]+\.html$"},
            "box_headings": {"enum": ["link", "list"]},
            "review_months": {"type": "integer", "minimum": 1},
            "review_months_in": {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z0-9-]+$"},
                "additionalProperties": {"type": "integer", "minimum": 1},
            },
            "plays": {"type": "array", "uniqueItems": True, "items": {"enum": sorted(PARTS)}},
            "labels": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "required": ["one"],
                    "additionalProperties": {"type": "string"},
                },
            },
        },
    }
)


@dataclass(frozen=True)
class Kind:
    """One content kind, as its schema declares it."""

    name: str
    schema: Path
    folder: str | None = None
    view: str | None = None
    references: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    item_references: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    label_texts: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # The headings of the boxes on its pages: "link" (they get ids and links and join the page
    # contents), "list" (those with an id join the contents as they are), None (neither: each
    # entry adds to every first load of the page).
    box_headings: str | None = None
    review_months: int | None = None
    """Months between two checks of a page of this kind that has ``reviewed``
    (``x-kind.review_months``; kb/review.py); ``None``: mkdocs.yml's ``extra.freshness_months``."""
    review_months_in: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    """Folder under content/ -> its own interval, for this kind's pages there
    (``x-kind.review_months_in``: the topics in support/ are about allowances and rights, which
    change as often as statuses)."""
    plays: frozenset[str] = frozenset()
    """The parts of the portal this kind's pages fill (``x-kind.plays``; each one of ``PARTS``)."""

    def label(self, lang: str, plural: bool = False) -> str:
        """What a reader of ``lang`` calls one page of this kind (or, ``plural``, its section);
        the kind's name where it has no such label."""
        texts = self.label_texts.get(lang, {})
        return texts.get("many" if plural else "one") or texts.get("one") or self.name


def _references(schema: dict) -> dict[str, str]:
    """Front-matter key -> the kind it names, from ``x-refers-to``, in the schema's order."""
    return {
        key: spec["x-refers-to"]
        for key, spec in schema.get("properties", {}).items()
        if isinstance(spec, dict) and "x-refers-to" in spec
    }


def _item_references(schema: dict) -> dict[tuple[str, str], str]:
    """(list key, field) -> the kind it names, for a field of the items of a front-matter list
    (``exercises: [{story: …}]``)."""
    found = {}
    for key, spec in schema.get("properties", {}).items():
        items = spec.get("items") if isinstance(spec, dict) else None
        if isinstance(items, dict):
            found.update({(key, name): target for name, target in _references(items).items()})
    return found


def _declared(name: str, path: Path, schema: dict) -> Kind:
    block = schema.get("x-kind") or {}
    for error in _DECLARATION.iter_errors(block):
        where = ".".join(map(str, error.absolute_path))
        raise ValueError(f"{path}: x-kind{'.' + where if where else ''}: {error.message}")
    return Kind(
        name=name,
        schema=path,
        folder=block.get("folder"),
        view=block.get("view"),
        references=MappingProxyType(_references(schema)),
        item_references=MappingProxyType(_item_references(schema)),
        label_texts=MappingProxyType(block.get("labels") or {}),
        box_headings=block.get("box_headings"),
        review_months=block.get("review_months"),
        review_months_in=MappingProxyType(block.get("review_months_in") or {}),
        plays=frozenset(block.get("plays") or ()),
    )


def _checked(found: dict[str, Kind]) -> dict[str, Kind]:
    """The kinds, once their declarations agree with each other: one folder per kind, a key
    names one kind wherever it is used, and that kind exists."""
    owners: dict[str, str] = {}
    targets: dict[str, tuple[str, str]] = {}
    players: dict[str, str] = {}
    for kind in found.values():
        for part in sorted(kind.plays):
            if players.setdefault(part, kind.name) != kind.name:
                raise ValueError(f"{kind.schema}: plays '{part}', as '{players[part]}' does.")
        if kind.folder in owners:
            raise ValueError(
                f"{kind.schema}: folder '{kind.folder}' is also the folder of '{owners[kind.folder]}'."
            )
        if kind.folder:
            owners[kind.folder] = kind.name
        for key, target in kind.references.items() | kind.item_references.items():
            if target not in found:
                name = key if isinstance(key, str) else f"{key[0]}[].{key[1]}"
                raise ValueError(f"{kind.schema}: {name}: x-refers-to names no kind: '{target}'.")
            first = targets.setdefault(key, (target, kind.name))
            if first[0] != target:
                raise ValueError(
                    f"{kind.schema}: {key} refers to '{target}', but in '{first[1]}' to "
                    f"'{first[0]}'; give one of the two keys another name."
                )
    return found


@lru_cache(maxsize=1)
def _registry(generation: int) -> dict[str, Kind]:
    paths = schema_registry.schema_paths()
    return _checked(
        {
            name: _declared(name, paths[name], schema_registry.raw_schema(name))
            for name in schema_registry.kinds()
        }
    )


def kinds() -> dict[str, Kind]:
    """Every content kind by name, in the order of their names."""
    return _registry(schema_registry.generation())


def get(name: str) -> Kind | None:
    return kinds().get(name)


@lru_cache(maxsize=1)
def _players(generation: int) -> dict[str, str]:
    return {part: kind.name for kind in _registry(generation).values() for part in kind.plays}


def playing(part: str) -> str | None:
    """The kind whose pages fill ``part`` of the portal (one of ``PARTS``), or ``None`` when no
    kind plays it (a fixture site without one)."""
    if part not in PARTS:
        raise ValueError(f"no such part of the portal: '{part}' (kb.kinds.PARTS)")
    return _players(schema_registry.generation()).get(part)


def folders() -> dict[str, str]:
    """Kind -> the folder under content/ where its pages live (kinds that have one)."""
    return {name: kind.folder for name, kind in kinds().items() if kind.folder}


def references() -> dict[str, str]:
    """Front-matter key -> the kind whose slugs it holds, over every kind."""
    found: dict[str, str] = {}
    for kind in kinds().values():
        found.update(kind.references)
    return found


def item_references() -> dict[tuple[str, str], str]:
    """(list key, field of its items) -> the kind whose slugs that field holds, over every kind."""
    found: dict[tuple[str, str], str] = {}
    for kind in kinds().values():
        found.update(kind.item_references)
    return found


def labels(lang: str) -> dict[str, dict[str, Any]]:
    """Kind -> its labels in ``lang`` (``one``, ``many`` and its boxes' titles), for templates."""
    return {
        name: {
            **kind.label_texts.get(lang, {}),
            "one": kind.label(lang),
            "many": kind.label(lang, plural=True),
        }
        for name, kind in kinds().items()
    }


@contextmanager
def extended(folder: Path) -> Iterator[dict[str, Kind]]:
    """The registry with the kinds whose schemas are in ``folder`` added, while the block runs
    (a test's toy kind; later an organisation's own layer)."""
    schema_registry.add_folder(folder)
    try:
        yield kinds()
    finally:
        schema_registry.remove_folder(folder)
