"""Order the navigation: sections as listed in `extra.sections`, pages by their `order` field.

MkDocs sorts folders and files alphabetically, which puts "kennisnetwerk" before "sessie-1".
Editors set `order:` in front matter instead; a section's index page always comes first.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from page_data import site_for

LAST = 10_000


def _page_key(item, meta_of) -> tuple:
    if isinstance(item, Page):
        src = item.file.src_uri
        meta = meta_of(src)
        is_index = src.rsplit("/", 1)[-1].startswith("index.")
        return (0 if is_index else 1, meta.get("order", 100), str(meta.get("title", src)).lower())
    return (1, LAST, str(item.title).lower())


def _folder(section: Section) -> str:
    for page in _get_by_type(section.children, Page):
        return page.file.src_uri.split("/", 1)[0]
    return ""


@event_priority(-150)  # after the i18n plugin (-100) has built this language's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files) -> Navigation:
    site = site_for(config)

    def meta_of(src: str) -> dict:
        record = site.pages.get(src)
        return record.meta if record else {}

    sections = list(config.extra.get("sections", []))

    def top_key(item) -> tuple:
        if isinstance(item, Section):
            folder = _folder(item)
            return (1, sections.index(folder) if folder in sections else len(sections), "")
        if item.file.src_uri.split(".")[0] == "index":
            return (0, 0, "")
        return (2,) + _page_key(item, meta_of)[1:]

    def sort(items: list) -> None:
        items.sort(key=lambda item: _page_key(item, meta_of))
        for item in items:
            if isinstance(item, Section):
                sort(item.children)

    for item in nav.items:
        if isinstance(item, Section):
            sort(item.children)
    nav.items.sort(key=top_key)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    return nav
