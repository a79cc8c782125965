"""The offline copy (service worker): give each page the text of its "offline copy" line.

The worker is ``overrides/sw.js`` (copied to the site root as a theme file), registered by
``overrides/assets/javascripts/offline.js`` on http(s) only. The line itself is
``overrides/partials/kb-offline.html``; its text, in the page's language, comes from
``hooks/content_strings.yml`` (``offline_saved``).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from steps.page_data import labels
from steps.site_language import current_language


def saved_text(context, page, config: MkDocsConfig, nav):
    context["kb_offline_text"] = labels(current_language(config))["offline_saved"]
    return context
