"""The answer a status or support page opens with: its summary and the few facts a coach asks
first (who, what it brings, how long), before the rest of its fact box.

A kind whose schema names its first facts per category (``x-first-facts``, the statuses) takes
them from its own fact fields, in that order; a kind whose schema has a ``first_facts`` field (the
topics) has its editor write them there, and its pages in ``content/support/`` need it. No kind is
named here: the schema says which way a kind goes.
"""

from __future__ import annotations

from typing import Any

from kb import schema_registry

__all__ = ["FIELD", "REQUIRED_IN", "first_facts", "missing", "order"]

FIELD = "first_facts"
REQUIRED_IN = "support/"  # the folder whose topics must open with their first facts


def _schema(kind: str) -> dict:
    return schema_registry.raw_schema(kind) if kind in schema_registry.kinds() else {}


def order(kind: str, category: str) -> list[str] | None:
    """The fact fields a page of ``kind`` and ``category`` (work, residence) shows first, in
    order; ``None`` when the kind's schema names none (``x-first-facts``)."""
    named = _schema(kind).get("x-first-facts")
    return None if named is None else list(named.get(category, []))


def missing(kind: str, src: str, meta: dict[str, Any]) -> bool:
    """Whether a page (``src`` under content/) must write its first facts and has not: its kind
    has the field and the page is in ``REQUIRED_IN``."""
    wanted = FIELD in _schema(kind).get("properties", {}) and src.startswith(REQUIRED_IN)
    return wanted and not meta.get(FIELD)


def first_facts(kind: str, meta: dict[str, Any]) -> list[tuple[str, Any]]:
    """The ``(field, value)`` pairs a page shows first, in order; empty when it has none."""
    named = order(kind, meta.get("category", ""))
    if named is not None:
        return [(name, meta[name]) for name in named if meta.get(name)]
    written = meta.get(FIELD)
    return list(written.items()) if isinstance(written, dict) else []
