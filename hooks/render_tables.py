"""Overview tables and the status finder, generated from the status pages' front matter.

Markers, each on its own line in a page body:
  <!-- kb:table statuses -->  one table per category, every status with its key facts
  <!-- kb:finder -->          checkboxes that filter those tables by "for whom" (works by keyboard;
                              without JavaScript the finder stays hidden and the full table shows)
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from page_data import Linker, labels, render_macro, site_for
from site_language import current_language

TEMPLATE = "hooks/render_tables.html"
MARKER = re.compile(r"^<!--\s*kb:(table|finder)\s*([a-z-]*)\s*-->\s*$", re.M)
TABLES = {"statuses": "status"}
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def _rows(config: MkDocsConfig, page, files) -> dict[str, list[dict]]:
    lang, site, link = current_language(config), site_for(config), Linker(page, files)
    groups: dict[str, list[dict]] = {}
    for rec in site.of_kind("status", lang) or site.of_kind("status", "nl"):
        groups.setdefault(rec.meta["category"], []).append(
            {"meta": rec.meta, "url": link(rec.base)}
        )
    return dict(sorted(groups.items(), key=lambda kv: ["work", "residence"].index(kv[0])))


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:table" not in markdown and "kb:finder" not in markdown:
        return markdown
    lang = current_language(config)
    fences = [m.span() for m in FENCE.finditer(markdown)]

    def replace(match: re.Match) -> str:
        if any(a <= match.start() < b for a, b in fences):
            return match.group(0)
        marker, arg = match.groups()
        if marker == "table":
            if arg not in TABLES:
                raise PluginError(
                    f"content/{page.file.src_uri}: unknown table '{arg}' in "
                    f"<!-- kb:table {arg} -->. Fix: use one of: {', '.join(TABLES)}."
                )
            return render_macro(
                config, TEMPLATE, "table", groups=_rows(config, page, files), t=labels(lang)
            )
        script = get_relative_url("assets/javascripts/finder.js", page.url)
        return render_macro(
            config, TEMPLATE, "finder", t=labels(lang), script=script, facets=labels(lang)["facets"]
        )

    return MARKER.sub(replace, markdown)
