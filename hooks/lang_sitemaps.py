"""Write a sitemap per language and keep the root 404 page in the default language.

Material's language selector fetches ``<lang>/sitemap.xml`` to stay on the same page; the i18n
plugin writes only the root sitemap, so the English one would be a 404 and a console error.
The i18n plugin points each page's ``<link rel="alternate">`` at the page's translation, so
Material also fetches ``sitemap.xml`` from every page folder (``statuses/sitemap.xml``); those
folders get an empty sitemap, which makes Material follow the alternate link itself (a 404 there
is a console error, which Lighthouse counts against best practices).
The i18n plugin also lets the last-built language overwrite ``404.html`` (static-i18n#284);
we keep the Dutch (default) one, which carries both languages' text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from site_language import current_language, default_language, is_nested_build, languages

_default_404: dict[str, str] = {}
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig):
    if template_name != "404.html":
        return output_content
    if current_language(config) == default_language(config):
        _default_404["html"] = output_content
        return output_content
    return _default_404.get("html", output_content)


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    site = Path(config.site_dir)
    for lang in languages(config):
        if lang == default_language(config) or not (site / lang).is_dir():
            continue
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).exists():
                shutil.copyfile(site / name, site / lang / name)
    for folder in {page.parent for page in site.rglob("*.html")}:
        if not (folder / "sitemap.xml").exists():
            (folder / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
