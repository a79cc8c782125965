"""Order the navigation: sections as listed in `extra.sections`, pages by their `order` field.

MkDocs sorts folders and files alphabetically, which puts "kennisnetwerk" before "sessie-1".
Editors set `order:` in front matter instead; a section's index page always comes first.

A section with more pages than `extra.nav_group_size` (default 40) is split into groups of at
most that many, named by the first letters of their titles ("A–D") or, when `order:` breaks the
alphabet, by position ("Pagina's 41–80"). With `navigation.prune` a page then carries only its
own group's links: a menu of hundreds of links is no help on a phone, and it would make every
page, and the build, grow with the size of the whole section.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from page_data import labels, site_for
from site_language import current_language

LAST = 10_000
GROUP_SIZE = 40


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


def _is_index(item) -> bool:
    return isinstance(item, Page) and item.file.src_uri.rsplit("/", 1)[-1].startswith("index.")


def _group(section: Section, size: int, words: dict, meta_of) -> None:
    """Split a long section's pages (not its index page) into sub-sections of ``size``."""
    head = [item for item in section.children if _is_index(item)]
    rest = [item for item in section.children if not _is_index(item)]
    if len(rest) <= size:
        return
    titles = [
        str(
            (meta_of(item.file.src_uri).get("title") if isinstance(item, Page) else item.title)
            or ""
        ).strip()
        for item in rest
    ]
    alphabetical = [t.casefold() for t in titles] == sorted(t.casefold() for t in titles)
    groups = []
    for start in range(0, len(rest), size):
        chunk, names = rest[start : start + size], titles[start : start + size]
        if alphabetical:
            first, last = names[0][:1].upper(), names[-1][:1].upper()
            title = first if first == last else f"{first}–{last}"
        else:
            title = words["nav_group"].format(first=start + 1, last=start + len(chunk))
        group = Section(title, chunk)
        group.parent = section
        for item in chunk:
            item.parent = group
        groups.append(group)
    section.children = head + groups


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
        return (2, *_page_key(item, meta_of)[1:])

    def sort(items: list) -> None:
        items.sort(key=lambda item: _page_key(item, meta_of))
        for item in items:
            if isinstance(item, Section):
                sort(item.children)

    size = config.extra.get("nav_group_size", GROUP_SIZE)  # checked by validate_content
    for item in nav.items:
        if isinstance(item, Section):
            sort(item.children)
            _group(item, size, labels(current_language(config)), meta_of)
    nav.items.sort(key=top_key)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    return nav
