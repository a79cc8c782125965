"""Bar charts from content/_data/figures.yml, rendered where a page says ``<!-- kb:chart <id> -->``.

The figures are read and checked by ``hooks/kb/figures_model.py``. A marker on its own line in a
page body is replaced, in the language being built, by an accessible SVG bar chart and the same
numbers as a table. The HTML comes from ``overrides/hooks/render_charts.html``; no chart library,
no network.

A broken figures.yml or a marker with an unknown id fails the build with one message per mistake
(``hooks/kb/problems.py``), never with a traceback. Markers inside code blocks are left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import markers as kb_markers
from kb.figures_model import Chart
from steps.page_data import keeping, labels, portal_for, template_env
from steps.site_language import current_language, languages

__all__ = ["render_chart", "replace_markers"]

TEMPLATE = "hooks/render_charts.html"
BAR_SPACE = 78.0  # the longest bar takes this share (%) of the width; its value label follows it


# --- rendering ----------------------------------------------------------------------------------


def _number(value: float | int, lang: str) -> str:
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", labels(lang)["decimal_sign"])


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
        t=labels(lang),
        rows=rows,
        unit=chart.unit[lang],
        title=chart.title[lang],
        source=chart.source,
        percent=percent,
    )
    # A blank line would end the raw-HTML block in Markdown: keep the block in one piece.
    return "\n".join(line for line in html.splitlines() if line.strip())


def replace_markers(markdown: str, render) -> str:
    """Replace every chart marker outside code fences by ``render(id)``; a marker whose id
    ``render`` returns None for stays (the content check reports it before the build)."""
    return kb_markers.replace(
        markdown, keeping(lambda m: render(m.arg) if m.name == "chart" else None)
    )


# --- MkDocs events ------------------------------------------------------------------------------

_state: dict[str, Any] = {"charts": {}, "problems": []}


def load(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    path = Path(config.docs_dir) / "_data" / "figures.yml"
    rel = (
        path.resolve().relative_to(root.resolve()).as_posix()
        if path.resolve().is_relative_to(root.resolve())
        else str(path)
    )
    langs = tuple(languages(config))
    charts, problems = portal_for(config).figures(langs)
    if problems:
        raise PluginError(
            "figures.yml has mistakes:\n" + "\n".join(str(p) for p in sorted(problems))
        )
    _state["charts"], _state["problems"], _state["rel"] = charts, [], rel


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:chart" not in markdown:
        return markdown
    lang = current_language(config)
    env = template_env(config)
    charts: dict[str, Chart] = _state["charts"]

    def render(chart_id: str) -> str | None:
        chart = charts.get(chart_id)
        return render_chart(chart, lang, env) if chart else None

    return replace_markers(markdown, render)
