"""Both languages of a page have the same sections in the same order.

The language switch (overrides/assets/javascripts/lang-switch.js) takes a reader to the section
they were reading in the other language by its place: the page's n-th heading. Each language
gives its headings ids of its own (``#het-geld``, ``#the-money``), so that place is what the two
pages share; it holds only while both list their sections (level 2 and 3 headings) alike.
"""

from __future__ import annotations

import re

from kb import markers
from kb.problems import Problem

__all__ = ["check", "outline"]

# A level-2 or level-3 heading: "## " or "### " at the start of a line (ATX, as the portal writes
# them). Linear: no nested repetition.
_HEADING = re.compile(r"^(#{2,3})[ \t]+(\S[^\n]*)$", re.M)


def outline(body: str) -> list[tuple[int, int, str]]:
    """(level, line in the body, title) of each level-2/3 heading outside code fences."""
    masked = markers.mask_code(body)
    return [
        (len(m.group(1)), masked.count("\n", 0, m.start()) + 1, m.group(2).strip())
        for m in _HEADING.finditer(masked)
    ]


def check(site) -> list[Problem]:
    """A problem for each translated page whose sections differ from its source page's."""
    problems = []
    for page in sorted(site.pages.values(), key=lambda p: p.src):
        source = site.pages.get(page.base) if page.base != page.src else None
        if source is None:
            continue
        ours, theirs = outline(page.body), outline(source.body)
        levels = [level for level, _, _ in ours], [level for level, _, _ in theirs]
        if levels[0] == levels[1]:
            continue
        at = next(
            (i for i, (a, b) in enumerate(zip(*levels, strict=False)) if a != b),
            min(len(ours), len(theirs)),
        )
        where = ours[at] if at < len(ours) else (ours[-1] if ours else None)
        said = (
            f"section {at + 1} is '{'#' * ours[at][0]} {ours[at][2]}' here but "
            f"'{'#' * theirs[at][0]} {theirs[at][2]}' in content/{source.src}"
            if at < len(ours) and at < len(theirs)
            else f"it has {len(ours)} sections and content/{source.src} has {len(theirs)}"
        )
        problems.append(
            Problem(
                f"{site.content_dir.name}/{page.src}",
                f"the sections differ from the {source.lang} page's: {said}. The language "
                "switch takes a reader to the same section by its place.",
                fix=f"give both languages the same headings (## and ###) in the same order as "
                f"content/{source.src}.",
                line=page.body_line + where[1] - 1 if where else page.body_line,
            )
        )
    return problems
