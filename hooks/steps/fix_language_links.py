"""Make the language switcher's links relative, so they work under a sub-path and from file://.

mkdocs-static-i18n leaves the links on the home pages absolute (``/`` and ``/en/``, from
``site_url``), which breaks when the portal is hosted under another path (static-i18n#320, #261).
Stripping the ``site_url`` path lets Material's ``url`` filter make them page-relative.

A hosted build can ask for absolute links instead (``ABSOLUTE_ALTERNATES=1`` with ``SITE_URL`` set
to the address it is served at): search engines read ``<link rel="alternate" hreflang>`` only
when it is absolute (Lighthouse's audit ``hreflang``). The language menu uses the same addresses,
so in such a build it always leads to ``SITE_URL``; that is why this is not the default: a copy
opened from ``file://``, a preview or a host other than ``SITE_URL`` must switch language within
itself, with relative links.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig


def fix_alternates(context, page, config: MkDocsConfig, nav):
    root = urlsplit(config.site_url or "/").path or "/"
    # The i18n plugin sets the attribute, not the dict item; Jinja reads the attribute.
    for alt in getattr(config.extra, "alternate", None) or []:
        link = alt.get("link", "")
        if link.startswith(root):
            link = alt["link"] = link[len(root) :] or "./"
        if absolute_alternates(config) and not urlsplit(link).scheme:
            alt["link"] = urljoin(config.site_url, link)
    return context


def absolute_alternates(config: MkDocsConfig) -> bool:
    """Whether the build was asked for absolute language links (``extra.absolute_alternates``)."""
    value = (config.extra or {}).get("absolute_alternates")
    return str(value).strip().lower() in {"1", "true", "yes"}
