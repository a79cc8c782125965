"""Plain-language check for Dutch pages: words per sentence and the LIX readability index.

LIX = words per sentence + 100 x (share of words longer than six letters). The text measured is
what a reader reads: the page body and the prose fields of its front matter (the fact boxes and
lists rendered from them), without code, links' addresses, HTML comments or Markdown syntax.
List items count as sentences; headings and tables are left out (they are not prose).

    python scripts/readability.py            # table of every Dutch page; exit 1 if over limits
    python scripts/readability.py content/statuses/ibo.md
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
sys.path.insert(0, str(ROOT / "hooks"))

from kb import languages, sources  # noqa: E402
from kb.readability import MAX_MEAN_LIX, MAX_MEAN_WPS, MAX_PAGE_LIX, MAX_PAGE_WPS, Score, score  # noqa: E402


def measure(path: Path) -> Score:
    """Words, sentences and long words of one page, read by the pipeline's one reader (a page
    whose front matter cannot be read counts its body only; `make check` says why)."""
    text, _ = sources.read_text(path, str(path))
    front, _ = sources.read_front_matter(text or "", str(path))
    if front is None:
        return score({}, text or "", path)
    return score(front.meta, front.body, path)


def dutch_pages(root: Path = CONTENT) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*.md")
        if languages.page_language(p.name) == languages.default()
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
