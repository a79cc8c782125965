"""Overview tables and the status finder, generated from the status pages' front matter.

Markers, each on its own line in a page body:
  <!-- kb:table statuses -->  one table per category, every status with its key facts
  <!-- kb:finder -->          checkboxes that filter those tables by "for whom" (works by keyboard;
                              without JavaScript the finder stays hidden and the full table shows)
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import languages as kb_languages
from kb import markers as kb_markers
from steps.page_data import Linker, keeping, labels, render_macro, site_for
from steps.site_language import current_language

TEMPLATE = "hooks/render_tables.html"
TABLES = {"statuses": "status"}


def _rows(config: MkDocsConfig, page, files) -> dict[str, list[dict]]:
    lang, site, link = current_language(config), site_for(config), Linker(page, files)
    groups: dict[str, list[dict]] = {}
    for rec in site.of_kind("status", lang) or site.of_kind("status", kb_languages.default()):
        groups.setdefault(rec.meta["category"], []).append(
            {"meta": rec.meta, "url": link(rec.base)}
        )
    return dict(sorted(groups.items(), key=lambda kv: ["work", "residence"].index(kv[0])))


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:table" not in markdown and "kb:finder" not in markdown:
        return markdown
    lang = current_language(config)

    def render(marker: kb_markers.Marker) -> str | None:
        # An unknown table is an editor error that the content check (kb.project) reports.
        if marker.name == "table" and marker.arg in TABLES:
            return render_macro(
                config, TEMPLATE, "table", groups=_rows(config, page, files), t=labels(lang)
            )
        if marker.name == "finder":
            script = get_relative_url("assets/javascripts/filter.js", page.url)
            return render_macro(
                config,
                TEMPLATE,
                "finder",
                t=labels(lang),
                script=script,
                facets=labels(lang)["facets"],
            )
        return None

    return kb_markers.replace(markdown, keeping(render))
