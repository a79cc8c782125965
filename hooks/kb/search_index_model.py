"""The small index that answers a reader's first query (pure, no MkDocs).

Each language's search comes in two files: ``search/search_index.json`` (what Material loads when
the reader opens search) holds every entry with its title, names (``keywords``) and glossary
words, but only the first ``PAGE_TEXT`` characters of a page's own text and no text for its
sections; ``search/search_full.json`` (and ``.js`` for file://) holds the whole text. The search
gate (overrides/assets/javascripts/search-gate.js) loads the full file after the first results
are shown and repeats the query on it. Why these numbers (``scripts/bench_search.py --variants``,
92 pages per language): the full text is 105 KiB gzip per language, the head 20 KiB, with the
same recall@3 on the query set (nl 0.981, en 1.000); at 10x content the head stays under the
300 KB budget for a first query and the full file does not.
"""

from __future__ import annotations

import re

__all__ = ["FULL_PATH", "PAGE_TEXT", "head_index", "plain_start", "space_blocks"]

FULL_PATH = "search/search_full.json"
PAGE_TEXT = 160  # characters of a page's own text kept in the head index

# Elements that end a run of words but that Material's search parser drops without a space, so
# that "<dt>Soort</dt><dd>Werk</dd>" became the word "SoortWerk" (issue 26). Its kept tags (p, li,
# ul, ol, code, pre) already separate words.
BLOCKS = frozenset(
    "address article aside blockquote br caption dd details div dl dt figcaption figure footer "  # noqa: SIM905
    "h1 h2 h3 h4 h5 h6 header hr nav section summary table tbody td tfoot th thead tr".split()
)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_start(html: str, limit: int) -> str:
    """The first ``limit`` characters of the text (tags removed), ending at a whole word."""
    text = _SPACE.sub(" ", _TAG.sub(" ", html or "")).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def head_index(index: dict, page_text: int = PAGE_TEXT) -> dict:
    """The same entries and config with less text: see the module's docstring."""
    docs = []
    for entry in index["docs"]:
        is_page = "#" not in entry["location"]
        docs.append(
            dict(entry, text=plain_start(entry.get("text", ""), page_text) if is_page else "")
        )
    return dict(index, docs=docs)


def _space(parser, mark: str = "") -> None:
    """End the words before a block: ``mark`` (":" after a label) and one space."""
    section = getattr(parser, "section", None)
    if section is None or parser.skip.intersection(parser.context):
        return
    data = section.title if section.el in parser.context else section.text
    if not data or data[-1].isspace():
        return
    if mark and not data[-1].rstrip().endswith(mark):
        data.append(mark)
    data.append(" ")


def space_blocks(parser_class: type) -> None:
    """Make Material's search parser (``material.plugins.search.plugin.Parser``) put a space at
    the start and end of every element in ``BLOCKS``, and ":" after a ``<dt>`` label, so that
    labels and values stay apart in the index's words and in result snippets. Idempotent."""
    if getattr(parser_class, "kb_spaced", False):
        return
    start, end = parser_class.handle_starttag, parser_class.handle_endtag

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            _space(self)
        start(self, tag, attrs)

    def handle_endtag(self, tag):
        end(self, tag)
        if tag in BLOCKS:
            _space(self, ":" if tag == "dt" else "")

    parser_class.handle_starttag = handle_starttag
    parser_class.handle_endtag = handle_endtag
    parser_class.kb_spaced = True
