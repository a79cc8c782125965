"""Make the language switcher's links relative, so they work under a sub-path and from file://.

mkdocs-static-i18n leaves the links on the home pages absolute (``/`` and ``/en/``, from
``site_url``), which breaks when the portal is hosted under another path (static-i18n#320, #261).
Stripping the ``site_url`` path lets Material's ``url`` filter make them page-relative.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-50)  # after the i18n plugin (50) has written the alternates for this page
def on_page_context(context, page, config: MkDocsConfig, nav):
    root = urlsplit(config.site_url or "/").path or "/"
    # The i18n plugin sets the attribute, not the dict item; Jinja reads the attribute.
    for alt in getattr(config.extra, "alternate", None) or []:
        link = alt.get("link", "")
        if link.startswith(root):
            alt["link"] = link[len(root) :] or "./"
    return context
