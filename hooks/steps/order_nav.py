"""Order the navigation: sections as listed in `extra.sections`, pages by their `order` field.

MkDocs sorts folders and files alphabetically, which puts "kennisnetwerk" before "sessie-1".
Editors set `order:` in front matter instead; a section's index page always comes first.

A section with more pages than `extra.nav_group_size` (default 40) is split into groups, and
groups of groups when there are more groups than fit in a short list, with the same number of
entries (at most the size, and at most 8) at every level. A group is named by the first letters of its titles ("A–D") or, when
`order:` breaks the alphabet, by position ("Pagina's 41–80"). With `navigation.prune` a page then
carries only the lists on its own path: a menu of hundreds of links is no help on a phone, and it
would make every page, and the build, grow with the size of the whole section.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from steps.page_data import labels, site_for
from steps.site_language import current_language

LAST = 10_000
GROUP_SIZE = 40
FAN = 8  # entries per level of a grouped section: a short list on a phone, and fewer bytes a page


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


def _fan_out(count: int, size: int) -> int:
    """Entries per level for ``count`` pages: as many levels as lists of at most ``size``, and at
    most FAN, need; then equal shares.

    19 pages at size 5 need two levels (5 × 5 ≥ 19): 5 per level. 190 pages at size 40 need three
    levels of FAN (8 × 8 < 190): 6 per level, 18 links on a page instead of 5 groups and 40 pages.
    """
    most = min(size, FAN)
    levels = 1
    while most**levels < count:
        levels += 1
    fan = 2
    while fan**levels < count:
        fan += 1
    return fan


def _name(first: int, last: int, names: list[str], alphabetical: bool, words: dict) -> str:
    """A group's name: "A–D" by the first letters of its first and last titles, or by position."""
    if alphabetical:
        a, b = names[first][:1].upper(), names[last][:1].upper()
        return a if a == b else f"{a}–{b}"
    return words["nav_group"].format(first=first + 1, last=last + 1)


def _group(section: Section, size: int, words: dict, meta_of) -> None:
    """Split a long section's pages (not its index page) into groups of groups.

    More than ``size`` pages make groups; more groups than fit in one level make groups of
    groups, and so on, with the same number of entries at every level (at most ``size``). With
    ``navigation.prune`` a page's menu then holds one list per level, so it grows with the log of
    the section's size, not with the section.
    """
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
    fan = _fan_out(len(rest), size)
    # Each level: (entries, index of the first and of the last page each entry holds).
    level = [(item, n, n) for n, item in enumerate(rest)]
    while len(level) > fan:
        groups = []
        for start in range(0, len(level), fan):
            chunk = level[start : start + fan]
            first, last = chunk[0][1], chunk[-1][2]
            group = Section(_name(first, last, titles, alphabetical, words), [c[0] for c in chunk])
            for item, _, _ in chunk:
                item.parent = group
            groups.append((group, first, last))
        level = groups
    for item, _, _ in level:
        item.parent = section
    section.children = head + [item for item, _, _ in level]


def order(nav: Navigation, config: MkDocsConfig, files) -> Navigation:
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
