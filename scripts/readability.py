"""Plain-language check for Dutch pages: words per sentence and the LIX readability index.

LIX = words per sentence + 100 x (share of words longer than six letters). The text measured is
what a reader reads: the page body and the prose fields of its front matter (the fact boxes and
lists rendered from them), without code, links' addresses, HTML comments or Markdown syntax.
List items count as sentences; headings and tables are left out (they are not prose).

    python scripts/readability.py            # table of every Dutch page; exit 1 if over limits
    python scripts/readability.py content/statuses/ibo.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
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
    path: Path
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
    body = re.sub(r"```.*?```", " ", body, flags=re.S)
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


def measure(path: Path) -> Score:
    """Words, sentences and long words of one page."""
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        body = text[match.end() :]
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
    return Score(path, words, sentences, long_words)


def dutch_pages(root: Path = CONTENT) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*.md")
        if not p.name.endswith(".en.md")
        and not any(part.startswith("_") for part in p.relative_to(root).parts)
    )


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or dutch_pages()
    scores = [measure(p) for p in paths]
    print(f"{'page':<55} {'words':>6} {'w/sent':>7} {'LIX':>6}")
    bad = []
    for s in scores:
        flag = ""
        if s.wps > MAX_PAGE_WPS or s.lix > MAX_PAGE_LIX:
            flag = "  <- too hard"
            bad.append(s)
        rel = (
            s.path.resolve().relative_to(ROOT) if s.path.resolve().is_relative_to(ROOT) else s.path
        )
        print(f"{rel!s:<55} {s.words:>6} {s.wps:>7.1f} {s.lix:>6.1f}{flag}")
    mean_wps = sum(s.wps for s in scores) / max(len(scores), 1)
    mean_lix = sum(s.lix for s in scores) / max(len(scores), 1)
    print(
        f"{'average over ' + str(len(scores)) + ' pages':<55} {'':>6} {mean_wps:>7.1f} {mean_lix:>6.1f}"
    )
    print(
        f"limits: page {MAX_PAGE_WPS:g} words/sentence and LIX {MAX_PAGE_LIX:g}; "
        f"average {MAX_MEAN_WPS:g} and {MAX_MEAN_LIX:g}"
    )
    ok = not bad and (argv or (mean_wps <= MAX_MEAN_WPS and mean_lix <= MAX_MEAN_LIX))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
