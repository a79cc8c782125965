"""Overview tables and the status finder, generated from the status pages' front matter.

Markers, each on its own line in a page body:
  <!-- kb:table statuses -->  one table per category, every status with its key facts
  <!-- kb:finder -->          checkboxes that filter those tables by "for whom" (works by keyboard;
                              without JavaScript the finder stays hidden and the full table shows)
  <!-- kb:services -->        an edition's local services (kb/local.py), with a search field and
                              the same "for whom" groups; the kind's index view (its `index` macro)

"For whom" is derived from each page's eligibility rules (kb.eligibility.facets): a page shows
for a group when the answer that stands for it does not make the page closed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import eligibility, kinds
from kb import languages as kb_languages
from kb import local as kb_local
from kb import markers as kb_markers
from steps.page_data import (
    Linker,
    format_date,
    keeping,
    labels,
    portal_for,
    render_macro,
)
from steps.site_language import current_language

TEMPLATE = "hooks/render_tables.html"
TABLES = {"statuses": "schemes"}  # a table's name -> the part of the portal whose pages it lists


def _rows(config: MkDocsConfig, page, files) -> dict[str, list[dict]]:
    lang, portal, link = current_language(config), portal_for(config), Linker(page, files, config)
    site, questions = portal.site, portal.eligibility()[0]
    groups: dict[str, list[dict]] = {}
    kind = kinds.playing(TABLES["statuses"])
    for rec in site.of_kind(kind, lang) or site.of_kind(kind, kb_languages.default()):
        groups.setdefault(rec.meta["category"], []).append(
            {"meta": rec.meta, "url": link(rec.base), "facets": eligibility.facets(rec, questions)}
        )
    return dict(sorted(groups.items(), key=lambda kv: ["work", "residence"].index(kv[0])))


def _services(config: MkDocsConfig, page, files, script: str) -> str:
    """The services list: every service of the edition in this language, and the groups that at
    least one of them is meant for."""
    lang, link = current_language(config), Linker(page, files, config)
    found = kb_local.services(portal_for(config), lang)
    items = [{"link": {"url": link(s.base)}, "meta": s.meta} for s in found]
    used = {f for s in found for f in s.meta.get("for_whom") or []}
    facets = {k: v for k, v in labels(lang)["facets"].items() if k in used}
    kind = kinds.playing("services")
    return render_macro(
        config,
        kinds.get(kind).view,
        "index",
        linker=link,
        services=items,
        own=kinds.labels(lang)[kind],
        facets=facets,
        date=lambda value: format_date(value, lang),
        script=script,
        style=get_relative_url("assets/stylesheets/local.css", page.url),
    )


def _facets(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """The finder's groups: the facets the navigator's answers stand for, in their order."""
    names = labels(lang)["facets"]
    answers = portal_for(config).eligibility()[0].facet_answers()
    return {facet: names[facet] for _, _, facet in answers if facet in names}


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if not any(f"kb:{name}" in markdown for name in ("table", "finder", "services")):
        return markdown
    lang = current_language(config)

    def render(marker: kb_markers.Marker) -> str | None:
        # An unknown table is an editor error that the content check (kb.project) reports.
        if marker.name == "table" and marker.arg in TABLES:
            return render_macro(
                config,
                TEMPLATE,
                "table",
                linker=Linker(page, files, config),
                groups=_rows(config, page, files),
                t=labels(lang),
            )
        script = get_relative_url("assets/javascripts/filter.js", page.url)
        if marker.name == "services":
            return _services(config, page, files, script)
        if marker.name == "finder":
            return render_macro(
                config,
                TEMPLATE,
                "finder",
                linker=Linker(page, files, config),
                t=labels(lang),
                script=script,
                facets=_facets(config, lang),
            )
        return None

    return kb_markers.replace(markdown, keeping(render))
