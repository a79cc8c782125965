"""The hooks' own HTML boxes go past Markdown untouched (build cost, issue 16).

A render hook that writes a finished HTML box into a page's Markdown (``page_data.keep(html)``)
sets it between two comment lines. After every hook has written its Markdown (last of all
``on_page_markdown``), each such box that Markdown would copy as it is (a block-level element,
apart from the text by blank lines, no blank line, tab, carriage return or ``markdown`` attribute
inside) is replaced by
a one-line comment, and put back in its place first of all in ``on_page_content``. The HTML
comes out the same, but Markdown and MkDocs no longer parse every box's HTML twice. The ids in
a box stay link targets for MkDocs' anchor check (``page.present_anchor_ids``). A box that
does not fit those rules is left in the Markdown without its comment lines, as before.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import NamedTuple

from markdown.util import BLOCK_LEVEL_ELEMENTS
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import kinds
from steps.page_data import (
    KEEP_CLOSE,
    KEEP_OPEN,
    KEEP_TOKEN,
    Heading,
    declared_headings,
    forget_headings,
    record_for,
)

_EDGE = re.compile(f"^{re.escape(KEEP_OPEN)}\n|\n{re.escape(KEEP_CLOSE)}$", re.M)
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_UNSAFE = re.compile(r"[\t\r\x02\x03]")  # characters Markdown changes or uses itself
# a markdown= attribute (md_in_html). The search goes only where the word is: backtracking from
# each tag's end, it read every box again (0.6 s profiled at x10)
_MARKDOWN_ATTR = re.compile(r"<[^>]*\smarkdown\b")
_BLANK_LINE = re.compile(r"\n[ ]*\n")
_ID = re.compile(r'\sid="([^"]*)"')
SLOT = re.compile(f"<!--kb-kept-{KEEP_TOKEN}:([0-9]+)-->")  # no editor can write one
_kept: dict[int, list[str]] = {}  # id(page) -> the boxes taken out of its Markdown
_left: set[int] = set()  # id(page) of each page with a box left in its Markdown


class HeadingPlan(NamedTuple):
    """The boxes' declared headings of the page Markdown renders next, for its contents
    (hooks/steps/polish_headings.py): per box in page order, its slot number (``None``: a box
    left in the Markdown) and its headings."""

    boxes: list[tuple[int | None, tuple[Heading, ...]]]


_plan: list[HeadingPlan] = []  # the plan of the page being rendered, from take_out to Markdown


def _listing(page, config: MkDocsConfig | None) -> str | None:
    """The page's kind's ``box_headings`` (kb/kinds.py): "link", "list" or None."""
    record = record_for(page, config) if config is not None else None
    kind = kinds.get(record.kind) if record is not None else None
    return kind.box_headings if kind is not None else None


def heading_plan() -> HeadingPlan | None:
    """The plan ``take_out`` made for the page Markdown is rendering (taken: used once)."""
    return _plan.pop() if _plan else None


def _regions(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost box, comment lines included."""
    regions, depth, start = [], 0, 0
    for match in re.finditer(f"{re.escape(KEEP_OPEN)}|{re.escape(KEEP_CLOSE)}", markdown):
        if match.group() == KEEP_OPEN:
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                regions.append((start, match.end()))
    return regions


def _passes_as_is(html: str, before: str, after: str) -> bool:
    """True when Markdown would copy ``html`` into the page unchanged, as one raw block (it
    would empty lines of spaces, and write its own blank lines between two elements)."""
    tag = _FIRST_TAG.match(html)
    return bool(
        tag
        and tag.group(1).lower() in BLOCK_LEVEL_ELEMENTS
        and (before.strip("\n") == "" or before.endswith("\n\n"))
        and (after == "" or after.startswith("\n\n") or after == "\n")
        and not _UNSAFE.search(html)
        and not ("markdown" in html and _MARKDOWN_ATTR.search(html))
        and html == html.strip()
        and not _BLANK_LINE.search(html)
    )


def take_out(markdown: str, page, config: MkDocsConfig, files) -> str:
    _kept.pop(id(page), None)  # a page of an earlier (failed) build may have had this id
    _left.discard(id(page))
    _plan.clear()
    if KEEP_OPEN not in markdown:
        return markdown
    out, kept, at = [], [], 0
    listing, boxes = _listing(page, config), []
    for start, end in _regions(markdown):
        out.append(markdown[at:start])
        inner = _EDGE.sub("", markdown[start:end])
        inner = inner.replace(f"{KEEP_OPEN}\n", "").replace(f"\n{KEEP_CLOSE}", "")
        # Blank lines at the edges of a box stay in the Markdown, around its comment.
        box = inner.strip("\n")
        lead = inner[: len(inner) - len(inner.lstrip("\n"))]
        trail = inner[len(lead) + len(box) :]
        before = "".join(out) + lead
        headings = _headings(markdown[start:end])
        if box and _passes_as_is(box, before, trail + markdown[end:]):
            boxes.append((len(kept), headings))
            out.append(f"{lead}<!--kb-kept-{KEEP_TOKEN}:{len(kept)}-->{trail}")
            kept.append(box)
        else:
            boxes.append((None, headings))
            out.append(inner)
            _left.add(id(page))
        at = end
    out.append(markdown[at:])
    text = "".join(out)
    if KEEP_OPEN in text or KEEP_CLOSE in text:  # unbalanced: leave every box to Markdown
        kept = []
        _left.add(id(page))
        text = markdown.replace(f"{KEEP_OPEN}\n", "").replace(f"\n{KEEP_CLOSE}", "")
        boxes = [(None, headings) for _, headings in boxes]
    forget_headings()
    if kept:
        _kept[id(page)] = kept
    if listing is not None and any(headings for _, headings in boxes):
        _plan.append(HeadingPlan(boxes))
    return text


def _headings(region: str) -> tuple[Heading, ...]:
    """The headings declared with a box (``page_data.keep``), then those of each box inside it."""
    html = region.removeprefix(f"{KEEP_OPEN}\n").removesuffix(f"\n{KEEP_CLOSE}")
    found = [*declared_headings(html)]
    for start, end in _regions(html):
        found.extend(_headings(html[start:end]))
    return tuple(found)


def left_in_markdown(page) -> bool:
    """Whether a box of this page went through Markdown with its text (it did not stand apart
    from it), so that MkDocs' render of the page holds the box's HTML where the body's is
    (hooks/steps/judge_pages.py then judges the body by itself)."""
    return id(page) in _left


def put_back(html: str, page, config: MkDocsConfig, files) -> str:
    kept = _kept.pop(id(page), None)
    if not kept:
        return html
    if page.present_anchor_ids is not None:
        for box in kept:
            page.present_anchor_ids |= {html_lib.unescape(i) for i in _ID.findall(box)}
    put_back: set[int] = set()

    def box(match: re.Match[str]) -> str:
        put_back.add(int(match.group(1)))
        return kept[int(match.group(1))]

    html = SLOT.sub(box, html)
    if len(put_back) != len(kept):  # Markdown dropped or moved a slot: never lose a box silently
        raise PluginError(
            f"{page.file.src_uri}: {len(kept) - len(put_back)} of the page's boxes (fact box, "
            "table, list) did not come back after Markdown (hooks/steps/keep_html.py). This is a "
            "fault of the portal, not of the page: please report it with this page."
        )
    return html
