"""The register of signals, from content/_data/signals.yml (hooks/kb/signals_model.py).

Marker, on its own line in a page body:
  <!-- kb:signals -->   a table of every signal (what, where, how often, who is affected, status)
                        with checkboxes that filter it by status (filter.js; without
                        JavaScript the checkboxes stay hidden and every signal shows)
The HTML lives in overrides/hooks/render_signals.html.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from kb import markers as kb_markers
from kb import signals_model
from steps.news_view import labels
from steps.page_data import Linker, keeping, portal_for, render_macro
from steps.site_language import current_language

TEMPLATE = "hooks/render_signals.html"
SCRIPT = "assets/javascripts/filter.js"
TEXT_KEYS = ("what", "where", "how_often", "who", "passed_to", "answer")


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:signals" not in markdown:
        return markdown
    lang = current_language(config)
    signals, problems = portal_for(config).signals()
    if problems:  # validate_content stops the build before this; a safety net only
        raise PluginError("\n".join(map(str, problems)))
    rows = [
        {"id": s["id"], "status": s["status"], "source": s.get("source")}
        | {key: s[key][lang] for key in TEXT_KEYS if s.get(key)}
        for s in signals
    ]
    counts = {key: sum(s["status"] == key for s in signals) for key in signals_model.STATUSES}

    def replace(marker: kb_markers.Marker) -> str | None:
        if marker.name != "signals":
            return None
        return render_macro(
            config,
            TEMPLATE,
            "register",
            linker=Linker(page, files, config),
            signals=rows,
            t=labels(lang),
            counts=counts,
            script=get_relative_url(SCRIPT, page.url),
        )

    return kb_markers.replace(markdown, keeping(replace))
