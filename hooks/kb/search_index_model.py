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

__all__ = ["FULL_PATH", "PAGE_TEXT", "head_index", "plain_start"]

FULL_PATH = "search/search_full.json"
PAGE_TEXT = 160  # characters of a page's own text kept in the head index

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
