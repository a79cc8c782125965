"""Find text the portal shares word for word with its source documents (own words check).

Reports every run of at least 8 words (``--min``) that a page shares with a text in the source
folder, outside quotation marks, with the file and line where the run starts. Words are compared
after normalising case, punctuation and white space, so "Werk, zoeken." and "werk zoeken" match.
Text between quotation marks ("…", “…”, „…”, ‘…’, «…») is a quote: it is skipped, and a run
does not continue across it. Link addresses, HTML comments, YAML keys and the titles of cited
works (``title`` and ``publisher`` under ``sources``/``source``) are left out.

Pages are ``content/**/*.md`` and ``quizzes/*.yml`` under ``--root`` (the portal by default).
Sources are every ``.txt`` and ``.md`` file in the folder given.

    python scripts/shared_text.py ../shared/seeds          # exit 1 if any run is found
    python scripts/shared_text.py ../shared/seeds --min 10
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_WORDS = 8

WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits; everything else separates
URL = re.compile(r"https?://\S+|\]\([^)]*\)|<!--.*?-->")
BROKEN_WORD = re.compile(r"(\w)-\n\s*(\w)")  # "job-" + line break + "coach" in a source
YAML_STRING = re.compile(r'(?<![\w"])"((?:[^"\\]|\\.)*)"(?=\s*(?:[,}\]#]|$))')
CITATION_KEY = re.compile(r"^\s*(?:-\s+)?(?:title|publisher):")
YAML_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?=\s|$)")
# Opening mark -> closing marks. Straight double quotes open and close themselves.
QUOTES = {'"': '"', "“": "”", "„": "”“", "«": "»", "‘": "’", "‚": "’‘"}


def words(text: str) -> list[str]:
    """The normalised words of a text: case-folded, without punctuation."""
    return [w.casefold() for w in WORD.findall(text)]


def source_grams(folder: Path, n: int) -> dict[tuple[str, ...], str]:
    """Every run of ``n`` words in the source texts, mapped to the file it comes from."""
    grams: dict[tuple[str, ...], str] = {}
    files = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md"} and p.is_file())
    if not files:
        raise SystemExit(f"No .txt or .md source files in {folder}")
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        ws = words(BROKEN_WORD.sub(r"\1\2", text))
        for i in range(len(ws) - n + 1):
            grams.setdefault(tuple(ws[i : i + n]), path.name)
    return grams


def unquoted_segments(line: str) -> list[str]:
    """The parts of a line that are not between quotation marks (a quote ends at the line end)."""
    out, buf, closing = [], [], ""
    for i, ch in enumerate(line):
        if closing:
            if ch in closing:
                closing = ""
            continue
        if ch in QUOTES and _opens(line, i):
            out.append("".join(buf))
            buf, closing = [], QUOTES[ch]
            continue
        buf.append(ch)
    out.append("".join(buf))
    return out


def _opens(line: str, i: int) -> bool:
    """A curly single quote only opens a quote at the start of a word (not in "zo’n")."""
    if line[i] not in "‘‚":
        return True
    return i == 0 or not line[i - 1].isalnum()


@dataclass
class Run:
    path: Path
    line: int
    words: list[str]
    source: str


def page_runs(path: Path, grams: dict[tuple[str, ...], str], n: int) -> list[Run]:
    """The maximal runs of ``n`` or more words that ``path`` shares with the sources."""
    # Each segment is a list of (word, line number); quotes and YAML keys break segments.
    segments: list[list[tuple[str, int]]] = [[]]
    lines = path.read_text(encoding="utf-8").splitlines()
    yaml_lines = _yaml_lines(path, lines)
    top_key = ""
    for number, raw in enumerate(lines, start=1):
        line = URL.sub(" ", raw)
        if number in yaml_lines:
            key = YAML_KEY.match(line)
            if key and not line[:1].isspace():
                top_key = line[: line.index(":")]
            if top_key in {"sources", "source"} and CITATION_KEY.match(line):
                segments.append([])  # a cited work's own title is not the portal's text
                continue
            if key:  # a key such as "title:" or "- nl:" is markup, not text
                segments.append([])
                line = line[key.end() :]
            # YAML's own "…" around a value are not quotation marks; \" inside one is.
            line = YAML_STRING.sub(lambda m: " " + m.group(1).replace('\\"', '"') + " ", line)
        parts = unquoted_segments(line)
        for k, part in enumerate(parts):
            if k:  # a quote sat between this part and the previous one
                segments.append([])
            segments[-1].extend((w, number) for w in words(part))
    runs = []
    for seg in segments:
        ws = [w for w, _ in seg]
        hits = [i for i in range(len(ws) - n + 1) if tuple(ws[i : i + n]) in grams]
        start = prev = None
        for i in [*hits, None]:
            if start is not None and (i is None or i > prev + 1):
                end = prev + n
                runs.append(
                    Run(path, seg[start][1], ws[start:end], grams[tuple(ws[start : start + n])])
                )
                start = None
            if i is not None:
                start = i if start is None else start
                prev = i
    return runs


def _yaml_lines(path: Path, lines: list[str]) -> set[int]:
    """Line numbers holding YAML: a whole quiz file, or a page's front matter."""
    if path.suffix in {".yml", ".yaml"}:
        return set(range(1, len(lines) + 1))
    if not lines or lines[0].strip() != "---":
        return set()
    end = next((i for i, line in enumerate(lines[1:], start=2) if line.strip() == "---"), 1)
    return set(range(1, end + 1))


def page_files(root: Path) -> list[Path]:
    return sorted(root.glob("content/**/*.md")) + sorted(root.glob("quizzes/*.yml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path, help="folder with the source texts (.txt, .md)")
    parser.add_argument("--min", type=int, default=MIN_WORDS, help="shortest run to report")
    parser.add_argument("--root", type=Path, default=ROOT, help="the portal (content/, quizzes/)")
    args = parser.parse_args(argv)
    if args.min < 2:
        parser.error("--min must be 2 or more")
    grams = source_grams(args.sources, args.min)
    runs = [r for p in page_files(args.root) for r in page_runs(p, grams, args.min)]
    for r in runs:
        rel = r.path.relative_to(args.root)
        print(f"{rel}:{r.line}: {len(r.words)} words shared with {r.source}: {' '.join(r.words)}")
    pages = len({r.path for r in runs})
    if runs:
        print(f"\n{len(runs)} runs of {args.min}+ words outside quotation marks, in {pages} files.")
        return 1
    print(f"No run of {args.min} or more words shared with the sources outside quotation marks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
