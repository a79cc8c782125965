"""What the data lists under content/_data/ (meetings, signals) share: their schema, the line of
each item's keys, and schema errors as Problems with file, line and fix.

Pure Python with no MkDocs import.
"""

from __future__ import annotations

import yaml
from jsonschema import Draft202012Validator

from kb.content_model import _describe as describe_error
from kb.content_model import data_validator
from kb.problems import Problem

__all__ = ["item_lines", "schema_problems", "validator"]


def validator(schema_file: str) -> Draft202012Validator:
    """The validator of one schema in hooks/kb/schemas/ (the content model's one registry)."""
    return data_validator(schema_file.removesuffix(".schema.yml"))


def item_lines(node: yaml.Node | None) -> list[dict[str, int]]:
    """For each item of a YAML list (its node tree, from kb.sources.load_yaml), the line of each
    of its keys ('_': the '- ' line)."""
    items: list[dict[str, int]] = []
    if not isinstance(node, yaml.SequenceNode):
        return items
    for item in node.value:
        lines = {"_": item.start_mark.line + 1}
        if isinstance(item, yaml.MappingNode):
            for key, _ in item.value:
                lines[str(key.value)] = key.start_mark.line + 1
        items.append(lines)
    return items


def line_of(lines: list[dict[str, int]], index: int | None, key: str = "_") -> int | None:
    """The line of ``key`` in item ``index`` (the item's first line when the key is absent)."""
    if index is None or index >= len(lines):
        return None
    return lines[index].get(key, lines[index]["_"])


def schema_problems(rel: str, schema_file: str, data, lines: list[dict[str, int]]) -> list[Problem]:
    """Every schema error in ``data`` (a list read from ``rel``) as a Problem."""
    problems = []
    for error in validator(schema_file).iter_errors(data):
        what, fix = describe_error(error)
        path = list(error.absolute_path)
        index = path[0] if path and isinstance(path[0], int) else None
        key = str(path[1]) if len(path) > 1 else "_"
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        problems.append(
            Problem(rel, what, fix, field=where or "list", line=line_of(lines, index, key))
        )
    return problems
