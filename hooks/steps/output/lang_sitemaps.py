"""Write a sitemap per language and a "page not found" page per language.

Material's language selector fetches ``<lang>/sitemap.xml`` to stay on the same page; the i18n
plugin writes only the root sitemap, so the English one would be a 404 and a console error.
The i18n plugin points each page's ``<link rel="alternate">`` at the page's translation, so
Material also fetches ``sitemap.xml`` from every page folder (``statuses/sitemap.xml``); those
folders get an empty sitemap, which makes Material follow the alternate link itself (a 404 there
is a console error, which Lighthouse counts against best practices).
The i18n plugin also lets the last-built language overwrite ``404.html`` (static-i18n#284):
the default language's page stays at ``404.html`` and each other language's goes to
``<lang>/404.html`` (a host that can pick a 404 page per folder shows it under ``/<lang>/``).
Both point at their language's search index and stemming worker, as every other page does
(``split_search_index.point_at_index``). Their links start from the path of ``site_url``
(see overrides/404.html).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb import languages as kb_languages
from steps.output import split_search_index
from steps.page_data import labels
from steps.site_language import current_language, default_language, is_nested_build, languages

_not_found: dict[str, str] = {}  # language -> its rendered 404 page
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def not_found_globals(env, config: MkDocsConfig, files):
    """What overrides/404.html says, for every language (it has no page, so no page data):
    ``kb_languages`` (code, name, dir, the address of its home page) and ``kb_labels``."""
    env.globals["kb_languages"] = [
        {
            "code": lang.code,
            "name": lang.name,
            "dir": lang.dir,
            "home": "index.html" if lang.default else f"{lang.code}/index.html",
        }
        for lang in kb_languages.project()
    ]
    env.globals["kb_labels"] = {lang: labels(lang) for lang in kb_languages.codes()}
    return env


class _NotFoundPage:
    """What ``split_search_index.point_at_index`` reads of a page: its address from the root."""

    def __init__(self, lang: str, default: str) -> None:
        self.url = "404.html" if lang == default else f"{lang}/404.html"


def not_found_language_links(template, template_name: str, config: MkDocsConfig):
    """A 404 page has no translation: its language links lead to each language's home page.

    (Without this they keep the links of the last page the i18n plugin rendered.)"""
    if template_name == "404.html":
        default = default_language(config)
        for alt in getattr(config.extra, "alternate", None) or []:
            lang = alt.get("lang")
            alt["link"] = "index.html" if lang == default else f"{lang}/index.html"
    return template


def keep_not_found_page(output_content: str, template_name: str, config: MkDocsConfig):
    if template_name != "404.html":
        return output_content
    lang, default = current_language(config), default_language(config)
    page = _NotFoundPage(lang, default)
    _not_found[lang] = split_search_index.point_at_index(output_content, page, config)
    return _not_found.get(default, _not_found[lang])


def write(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    site = Path(config.site_dir)
    for lang in languages(config):
        if lang == default_language(config) or not (site / lang).is_dir():
            continue
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).exists():
                shutil.copyfile(site / name, site / lang / name)
    for lang, html in _not_found.items():
        if lang != default_language(config) and (site / lang).is_dir():
            (site / lang / "404.html").write_text(html, encoding="utf-8")
    for folder in {page.parent for page in site.rglob("*.html")}:
        if not (folder / "sitemap.xml").exists():
            (folder / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
