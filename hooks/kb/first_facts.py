"""The answer a status or support page opens with: its summary and the few facts a coach asks
first (who, what it brings, how long), before the rest of its fact box.

A status takes them from its own fact fields, in the order its schema names them per category
(``x-first-facts`` in ``schemas/status.schema.yml``); a topic has no such fields, so its editor
writes them in ``first_facts``, which every page in ``content/support/`` needs.
"""

from __future__ import annotations

from typing import Any

from kb import schema_registry

__all__ = ["FIELD", "REQUIRED_IN", "first_facts", "order"]

FIELD = "first_facts"
REQUIRED_IN = "support/"  # the folder whose topics must open with their first facts


def order(category: str) -> list[str]:
    """The fact fields a status of ``category`` (work, residence) shows first, in order."""
    return list(schema_registry.raw_schema("status").get("x-first-facts", {}).get(category, []))


def first_facts(kind: str, meta: dict[str, Any]) -> list[tuple[str, Any]]:
    """The ``(field, value)`` pairs a page shows first, in order; empty when it has none."""
    if kind == "status":
        return [(name, meta[name]) for name in order(meta.get("category", "")) if meta.get(name)]
    written = meta.get(FIELD)
    return list(written.items()) if isinstance(written, dict) else []
