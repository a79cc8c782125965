"""The figures behind the charts: ``content/_data/figures.yml``, read and checked.

An editor keeps the numbers in one YAML file (``charts:``, a list; each chart has ``id``,
``title`` {nl, en}, ``unit`` (text, or {nl, en}), ``rows`` (each a ``label`` {nl, en} and a
``value``) and ``source`` {title, publisher, url}). ``load_figures`` gives the charts by id and
every mistake as a Problem with its line (``hooks/kb/problems.py``). Pure: no MkDocs here;
``hooks/steps/validate_content.py`` reports the problems, ``hooks/steps/render_charts.py`` draws the charts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from kb import content_model, languages, sources
from kb.problems import Problem

__all__ = ["FIGURES", "Chart", "Row", "load_figures"]

FIGURES = "content/_data/figures.yml"
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


def load_figures(
    path: Path, rel_path: str = FIGURES, langs: tuple[str, ...] | None = None
) -> tuple[dict[str, Chart], list[Problem]]:
    """Read and check figures.yml against hooks/kb/schemas/figures.schema.yml: the charts by id, and
    every problem found (empty if all is well)."""
    langs = langs or languages.codes()
    if not path.exists():
        return {}, []
    text, problems = sources.read_text(path, rel_path)
    doc, more = sources.load_yaml(text, rel_path) if text is not None else (None, [])
    if doc is None:
        return {}, problems + more
    problems = content_model.data_problems("figures", doc, rel_path)
    if problems:
        return {}, problems
    charts: dict[str, Chart] = {}
    for index, raw in enumerate(doc.data["charts"]):
        if raw["id"] in charts:
            problems.append(
                Problem(
                    rel_path,
                    f"the chart id '{raw['id']}' is used twice.",
                    "Give every chart its own id.",
                    f"charts[{index}].id",
                    doc.line(["charts", index, "id"]),
                )
            )
            continue
        for number, row in enumerate(raw["rows"]):
            if not math.isfinite(row["value"]):  # .nan passes every comparison of the schema
                problems.append(
                    Problem(
                        rel_path,
                        f"the value {row['value']} is not a number a chart can show.",
                        "write the number itself, e.g. 52.75.",
                        f"charts[{index}].rows[{number}].value",
                        doc.line(["charts", index, "rows", number, "value"]),
                    )
                )
        unit = raw["unit"]
        charts[raw["id"]] = Chart(
            raw["id"],
            {lang: raw["title"][lang].strip() for lang in langs},
            {lang: (unit if isinstance(unit, str) else unit[lang]).strip() for lang in langs},
            tuple(
                Row({lang: row["label"][lang].strip() for lang in langs}, row["value"])
                for row in raw["rows"]
            ),
            {
                key: str(raw["source"][key]).strip()
                for key in ("title", "publisher", "url")
                if key in raw["source"]
            },
        )
    return ({}, problems) if problems else (charts, [])
