"""Plain language, measured: words per sentence and the LIX readability index of a Dutch page.

LIX = words per sentence + 100 x (share of words longer than six letters). The text measured is
what a reader reads: the page body and the prose fields of its front matter (the fact boxes and
lists rendered from them), without code, links' addresses, HTML comments or Markdown syntax.
List items count as sentences; headings and tables are left out (they are not prose).
The content check (kb.project) holds every Dutch page to the page limits; scripts/readability.py
prints the table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb import markers as kb_markers

__all__ = ["MAX_MEAN_LIX", "MAX_MEAN_WPS", "MAX_PAGE_LIX", "MAX_PAGE_WPS", "Score", "score"]

MAX_PAGE_WPS, MAX_PAGE_LIX = 15.0, 42.0
MAX_MEAN_WPS, MAX_MEAN_LIX = 13.0, 38.0
# Front-matter keys that hold no prose.
SKIP_KEYS = {
    "kind",
    "url",
    "date",
    "reviewed",
    "page",
    "related",
    "statuses",
    "stories",
    "tasks",
    "for_whom",
    "group",
    "when",
    "category",
    "region",
    "replaced_by",
    "mostly_replaced_by",
    "quiz",
    "session",
    "minutes",
    "order",
    "official",
    "basis",
    "start",
    "end",
    "type",
    "aliases",
    "tags",
    "topics",
    "changes",
    "refresher",
    "updated",
}
ABBREVIATIONS = re.compile(
    r"\b(bv|bijv|o\.a|enz|art|nr|d\.w\.z|i\.p\.v|m\.a\.w|incl|max|min|ca|vb|zgn|t\.e\.m|p|blz)\.",
    re.I,
)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.U)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?:;](?!\d)")


@dataclass
class Score:
    path: Path | str
    words: int
    sentences: int
    long_words: int

    @property
    def wps(self) -> float:
        return self.words / max(self.sentences, 1)

    @property
    def lix(self) -> float:
        return self.wps + 100 * self.long_words / max(self.words, 1)


def _prose(value, key: str = "") -> list[str]:
    if key in SKIP_KEYS:
        return []
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _prose(v, str(k))]
    if isinstance(value, list):
        return [s for v in value for s in _prose(v, key)]
    if isinstance(value, str) and not value.startswith("http"):
        return [value]
    return []


# Each pattern stops at the sign that would start it again, or runs to the end (an unclosed
# comment), so that a page of thousands of '[' or '<' is read in linear time.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_IMAGE = re.compile(r"!\[[^\][]*+\]\([^()]*+\)")
_LINK = re.compile(r"\[([^\][]*+)\]\([^()]*+\)")
_HTML_TAG = re.compile(r"<[^<>]++>")
_ABBR_DEF = re.compile(r"^\*\[[^\]\n]++\]:.*$", re.M)
_RULE = re.compile(r"[|:\- ]+")
_ITEM = re.compile(r"^(#+|[-*+]|\d+\.|!!!|\?\?\?\+?|>)\s")
_ITEM_START = re.compile(r"^(#+|[-*+]|\d+\.|!!!|\?\?\?\+?|>)\s*")


def _lines_of_body(body: str) -> list[str]:
    body = kb_markers.mask_code(body)
    body = _COMMENT.sub(" ", body)
    body = _IMAGE.sub(" ", body)
    body = _LINK.sub(r"\1", body)
    body = _HTML_TAG.sub(" ", body)
    body = _ABBR_DEF.sub(" ", body)  # abbreviation definitions
    lines: list[str] = []
    joinable = False  # a wrapped paragraph or list item continues on the next line
    for line in body.splitlines():
        line = line.strip()
        if not line or _RULE.fullmatch(line):
            joinable = False
            continue
        if line.startswith(("|", "#")):  # table rows and headings are not sentences: skip them
            joinable = False
        elif _ITEM.match(line):
            lines.append(_ITEM_START.sub("", line, count=1))
            joinable = not line.startswith("#")
        elif joinable and lines:
            lines[-1] += " " + line
        else:
            lines.append(line)
            joinable = True
    return lines


def score(meta: dict[str, Any], body: str, path: Path | str = "") -> Score:
    """Words, sentences and long words of one page (kept per content: an unchanged page is
    measured once per process)."""
    try:
        key = json.dumps(meta, sort_keys=True)
    except (TypeError, ValueError):  # not plain data: measure without keeping
        return Score(path, *_count(meta, body))
    return Score(path, *_count_kept(key, body))


@lru_cache(maxsize=4096)
def _count_kept(meta_json: str, body: str) -> tuple[int, int, int]:
    return _count(json.loads(meta_json), body)


def _count(meta: dict[str, Any], body: str) -> tuple[int, int, int]:
    chunks = _prose(meta) + _lines_of_body(body)
    words = sentences = long_words = 0
    for chunk in chunks:
        if "." in chunk:  # every abbreviation ends with one
            chunk = ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), chunk)
        for part in _SENTENCE_END.split(chunk):
            tokens = WORD.findall(part)
            if not tokens:  # no word: not a sentence
                continue
            words += len(tokens)
            # A word's letters: a word of letters holds nothing else but - ' and ’ between them.
            long_words += len(
                [
                    t
                    for t in tokens
                    if len(t) > 6
                    and not t[0].isdigit()
                    and len(t) - t.count("-") - t.count("'") - t.count("’") > 6
                ]
            )
            sentences += 1
    return words, sentences, long_words
