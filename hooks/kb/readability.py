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
    "category",
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


def _lines_of_body(body: str) -> list[str]:
    body = kb_markers.mask_code(body)
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", body)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"<[^>]+>", " ", body)
    body = re.sub(r"^\*\[[^\]]+\]:.*$", " ", body, flags=re.M)  # abbreviation definitions
    lines: list[str] = []
    joinable = False  # a wrapped paragraph or list item continues on the next line
    for line in body.splitlines():
        line = line.strip()
        if not line or re.fullmatch(r"[|:\- ]+", line):
            joinable = False
            continue
        if line.startswith(("|", "#")):  # table rows and headings are not sentences: skip them
            joinable = False
        elif re.match(r"^(#+|[-*+]|\d+\.|!!!|\?\?\?\+?|>)\s", line):
            lines.append(re.sub(r"^(#+|[-*+]|\d+\.|!!!|\?\?\?\+?|>)\s*", "", line))
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
        chunk = ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), chunk)
        parts = [p for p in re.split(r"(?<!\d)[.!?:;](?!\d)", chunk) if WORD.search(p)]
        for part in parts:
            tokens = WORD.findall(part)
            words += len(tokens)
            long_words += sum(
                1 for t in tokens if len(re.sub(r"[^\w]", "", t)) > 6 and not t[0].isdigit()
            )
            sentences += 1
    return words, sentences, long_words
