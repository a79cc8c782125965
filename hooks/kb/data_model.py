"""What the data lists under content/_data/ (meetings, signals) share: schema errors as Problems
with file, line, field and fix, through the one schema registry and its one error wording.

Pure Python with no MkDocs import.
"""

from __future__ import annotations

from typing import Any

from kb import schema_registry
from kb.problems import Problem
from kb.sources import YamlDoc

__all__ = ["item_line", "schema_problems"]


def item_line(doc: YamlDoc | None, index: int | None, key: str = "_") -> int | None:
    """The line of ``key`` in item ``index`` of a YAML list (the item's first line when the key is
    absent or ``_``)."""
    if doc is None or index is None:
        return None
    return doc.line([index] if key == "_" else [index, key])


def schema_problems(rel: str, name: str, doc: YamlDoc, data: Any = None) -> list[Problem]:
    """Every error of the list in ``doc`` (read from ``rel``) against ``kb/schemas/<name>.schema.yml``."""
    data = doc.data if data is None else data
    problems = []
    for error in schema_registry.errors(name, data):
        what, fix = schema_registry.describe(error)
        path = list(error.absolute_path)
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        problems.append(Problem(rel, what, fix, field=where or "list", line=doc.line(path[:2])))
    return problems
