"""The figures behind the charts: ``content/_data/figures.yml``, read and checked.

An editor keeps the numbers in one YAML file (``charts:``, a list; each chart has ``id``,
``title`` {nl, en}, ``unit`` (text, or {nl, en}), ``rows`` (each a ``label`` {nl, en} and a
``value``) and ``source`` {title, publisher, url}). ``load_figures`` gives the charts by id and
every mistake as a Problem with its line (``hooks/problems.py``). Pure: no MkDocs here;
``hooks/validate_content.py`` reports the problems, ``hooks/render_charts.py`` draws the charts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kb import sources, text_policy
from problems import Problem

__all__ = ["FIGURES", "LANGUAGES", "Chart", "Row", "load_figures"]

FIGURES = "content/_data/figures.yml"
LANGUAGES = ("nl", "en")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Row:
    label: dict[str, str]
    value: float | int


@dataclass(frozen=True)
class Chart:
    id: str
    title: dict[str, str]
    unit: dict[str, str]
    rows: tuple[Row, ...]
    source: dict[str, str]


def _line_of(node: yaml.Node | None, path: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``path`` (keys and list indexes), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == step), None)
            if child is None:
                key = next((k for k, _ in node.value if k.value == step), None)
                child = key
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            child = node.value[step]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _field(path: tuple[Any, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class _Checker:
    """Collects the problems of one figures.yml."""

    def __init__(self, rel_path: str, root: yaml.Node | None, langs: tuple[str, ...]) -> None:
        self.rel_path, self.root, self.langs = rel_path, root, langs
        self.problems: list[Problem] = []

    def add(self, path: tuple[Any, ...], message: str, fix: str) -> None:
        self.problems.append(
            Problem(self.rel_path, message, fix, _field(path), _line_of(self.root, path))
        )

    def text(self, value: Any, path: tuple[Any, ...], what: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.add(path, f"{what} is missing or empty.", f"Write {what} as plain text.")
        return None

    def per_language(
        self, value: Any, path: tuple[Any, ...], what: str, allow_plain: bool = False
    ) -> dict[str, str] | None:
        if allow_plain and isinstance(value, str) and value.strip():
            return {lang: value.strip() for lang in self.langs}
        if not isinstance(value, dict):
            self.add(
                path,
                f"{what} must give one text per language ({', '.join(self.langs)}).",
                f"Write it as {{{', '.join(f'{lang}: ...' for lang in self.langs)}}}.",
            )
            return None
        out: dict[str, str] = {}
        for lang in self.langs:
            text = self.text(value.get(lang), (*path, lang), f"the {lang} text of {what}")
            if text is not None:
                out[lang] = text
        for extra in sorted(set(map(str, value)) - set(self.langs)):
            self.add(
                (*path, extra),
                f"'{extra}' is not a language of this site.",
                f"Use only {', '.join(self.langs)}.",
            )
        return out if len(out) == len(self.langs) else None

    def chart(self, raw: Any, index: int, seen: set[str]) -> Chart | None:
        path: tuple[Any, ...] = ("charts", index)
        if not isinstance(raw, dict):
            self.add(
                path,
                "each chart must be a set of fields (id, title, unit, rows, source).",
                "Start the chart with '- id: my-chart' and indent its other fields.",
            )
            return None
        known = {"id", "title", "unit", "rows", "source"}
        for extra in sorted(set(map(str, raw)) - known):
            self.add(
                (*path, extra),
                f"'{extra}' is not a chart field.",
                f"Use only {', '.join(sorted(known))}.",
            )
        chart_id = raw.get("id")
        if not isinstance(chart_id, str) or not SLUG.match(chart_id):
            self.add(
                (*path, "id"),
                f"the chart id {chart_id!r} is missing or not a slug.",
                "Use lower-case letters, digits and hyphens, e.g. 'top-nationalities'.",
            )
            chart_id = None
        elif chart_id in seen:
            self.add(
                (*path, "id"),
                f"the chart id '{chart_id}' is used twice.",
                "Give every chart its own id.",
            )
        else:
            seen.add(chart_id)
        title = self.per_language(raw.get("title"), (*path, "title"), "the title")
        unit = self.per_language(raw.get("unit"), (*path, "unit"), "the unit", allow_plain=True)
        rows = self.rows(raw.get("rows"), (*path, "rows"))
        source = self.source(raw.get("source"), (*path, "source"))
        if None in (chart_id, title, unit, rows, source):
            return None
        return Chart(chart_id, title, unit, rows, source)

    def rows(self, raw: Any, path: tuple[Any, ...]) -> tuple[Row, ...] | None:
        if not isinstance(raw, list) or not raw:
            self.add(
                path,
                "a chart needs a list of rows (at least one).",
                "Add '- label: {nl: ..., en: ...}' and 'value: 12' lines under rows.",
            )
            return None
        out: list[Row] = []
        for i, item in enumerate(raw):
            where = (*path, i)
            if not isinstance(item, dict):
                self.add(
                    where,
                    "each row must have a label and a value.",
                    "Write '- label: {nl: ..., en: ...}' and 'value: 12'.",
                )
                continue
            for extra in sorted(set(map(str, item)) - {"label", "value"}):
                self.add(
                    (*where, extra), f"'{extra}' is not a row field.", "Use only label and value."
                )
            label = self.per_language(item.get("label"), (*where, "label"), "the label")
            value = item.get("value")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                self.add(
                    (*where, "value"),
                    f"the value {value!r} is not a number of 0 or more.",
                    "Write a plain number with a point for decimals, e.g. 52.75 (no % sign, no quotes).",
                )
                value = None
            if label is not None and value is not None:
                out.append(Row(label, value))
        return tuple(out) if len(out) == len(raw) else None

    def source(self, raw: Any, path: tuple[Any, ...]) -> dict[str, str] | None:
        if not isinstance(raw, dict):
            self.add(
                path, "every chart needs a source.", "Write 'source: {title: ..., publisher: ...}'."
            )
            return None
        for extra in sorted(set(map(str, raw)) - {"title", "publisher", "url"}):
            self.add(
                (*path, extra),
                f"'{extra}' is not a source field.",
                "Use only title, publisher and url.",
            )
        title = self.text(raw.get("title"), (*path, "title"), "the source title")
        out = {"title": title} if title else {}
        for key in ("publisher", "url"):
            if key in raw:
                value = self.text(raw.get(key), (*path, key), f"the source {key}")
                if value:
                    out[key] = value
        if "url" in out and text_policy.check_web_address(out["url"]):
            self.add(
                (*path, "url"),
                "the source url is not a web address.",
                "Start it with https:// or leave it out.",
            )
            return None
        return out if title else None


def load_figures(
    path: Path, rel_path: str = FIGURES, langs: tuple[str, ...] = LANGUAGES
) -> tuple[dict[str, Chart], list[Problem]]:
    """Read and check figures.yml: the charts by id, and every problem found (empty if all is well)."""
    if not path.exists():
        return {}, []
    text, problems = sources.read_text(path, rel_path)
    doc, more = sources.load_yaml(text, rel_path) if text is not None else (None, [])
    if doc is None:
        return {}, problems + more
    root, data = doc.node, doc.data
    check = _Checker(rel_path, root, langs)
    if not isinstance(data, dict) or not isinstance(data.get("charts"), list):
        check.add(
            ("charts",),
            "the file must start with 'charts:' followed by a list of charts.",
            "Write 'charts:' on the first line and each chart below it as '- id: ...'.",
        )
        return {}, check.problems
    for extra in sorted(set(map(str, data)) - {"charts"}):
        check.add(
            (extra,), f"'{extra}' is not a known top-level key.", "Put every chart under 'charts:'."
        )
    seen: set[str] = set()
    charts = {}
    for i, raw in enumerate(data["charts"]):
        chart = check.chart(raw, i, seen)
        if chart is not None:
            charts[chart.id] = chart
    return (charts if not check.problems else {}), check.problems
