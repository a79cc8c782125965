"""Bar charts from content/_data/figures.yml, rendered where a page says ``<!-- kb:chart <id> -->``.

The figures are read and checked by ``hooks/figures_model.py``. A marker on its own line in a
page body is replaced, in the language being built, by an accessible SVG bar chart and the same
numbers as a table. The HTML comes from ``overrides/hooks/render_charts.html``; no chart library,
no network.

A broken figures.yml or a marker with an unknown id fails the build with one message per mistake
(``hooks/problems.py``), never with a traceback. Markers inside code blocks are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from figures_model import FIGURES, LANGUAGES, Chart, load_figures
from page_data import template_env
from problems import Problem
from site_language import current_language, languages

__all__ = ["render_chart", "replace_markers"]

TEMPLATE = "hooks/render_charts.html"
MARKER = re.compile(r"^ {0,3}<!--\s*kb:chart\s+(?P<id>\S*)\s*-->\s*$")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
BAR_SPACE = 78.0  # the longest bar takes this share (%) of the width; its value label follows it


# --- rendering ----------------------------------------------------------------------------------


def _number(value: float | int, lang: str) -> str:
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if lang == "nl" else text


def render_chart(chart: Chart, lang: str, env) -> str:
    """The chart and its table as one HTML block, in ``lang``, from the Jinja template."""
    top = max((row.value for row in chart.rows), default=0) or 1
    percent = chart.unit[lang].strip() == "%"
    rows = [
        {
            "label": row.label[lang],
            "value": _number(row.value, lang) + ("%" if percent else ""),
            "width": round(BAR_SPACE * row.value / top, 2),
        }
        for row in chart.rows
    ]
    html = env.get_template(TEMPLATE).render(
        chart=chart,
        lang=lang,
        rows=rows,
        unit=chart.unit[lang],
        title=chart.title[lang],
        source=chart.source,
        percent=percent,
    )
    # A blank line would end the raw-HTML block in Markdown: keep the block in one piece.
    return "\n".join(line for line in html.splitlines() if line.strip())


def replace_markers(markdown: str, render, on_unknown) -> str:
    """Replace every chart marker outside code fences by ``render(id)``; ``on_unknown(id, index)``
    is told about markers whose id ``render`` returns None for."""
    out: list[str] = []
    fence: str | None = None
    for index, line in enumerate(markdown.split("\n")):
        opened = FENCE.match(line)
        if fence:
            if (
                opened
                and opened.group("fence")[0] == fence[0]
                and len(opened.group("fence")) >= len(fence)
                and not line.strip()[len(opened.group("fence")) :].strip()
            ):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened.group("fence")
            out.append(line)
            continue
        match = MARKER.match(line)
        if not match:
            out.append(line)
            continue
        html = render(match.group("id"))
        if html is None:
            on_unknown(match.group("id"), index)
            out.append(line)
        else:
            out.extend(["", html, ""])
    return "\n".join(out)


# --- MkDocs events ------------------------------------------------------------------------------

_state: dict[str, Any] = {"charts": {}, "problems": []}


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    path = docs / "_data" / "figures.yml"
    rel = (
        path.resolve().relative_to(root.resolve()).as_posix()
        if path.resolve().is_relative_to(root.resolve())
        else str(path)
    )
    langs = tuple(languages(config)) or LANGUAGES
    charts, problems = load_figures(path, rel, langs)
    if problems:
        raise PluginError(
            "figures.yml has mistakes:\n" + "\n".join(str(p) for p in sorted(problems))
        )
    _state["charts"], _state["problems"], _state["rel"] = charts, [], rel


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:chart" not in markdown:
        return markdown
    lang = current_language(config)
    env = template_env(config)
    charts: dict[str, Chart] = _state["charts"]
    source_lines = (page.file.content_string or "").split("\n")
    src = f"{Path(config.docs_dir).name}/{page.file.src_uri}"

    def render(chart_id: str) -> str | None:
        chart = charts.get(chart_id)
        return render_chart(chart, lang, env) if chart else None

    def unknown(chart_id: str, _index: int) -> None:
        line = next(
            (
                n
                for n, text in enumerate(source_lines, 1)
                if MARKER.match(text) and MARKER.match(text).group("id") == chart_id
            ),
            None,
        )
        known = ", ".join(sorted(charts)) or "(none yet)"
        _state["problems"].append(
            Problem(
                src,
                f"there is no chart '{chart_id}' in {_state.get('rel', FIGURES)}.",
                f"Use one of: {known}; or add a chart with this id to {_state.get('rel', FIGURES)}.",
                "kb:chart",
                line,
            )
        )

    return replace_markers(markdown, render, unknown)


def on_env(env, config: MkDocsConfig, files):
    problems = sorted(set(_state["problems"]))
    if problems:
        raise PluginError(
            "Chart markers point to charts that do not exist:\n"
            + "\n".join(str(p) for p in problems)
        )
    return env
