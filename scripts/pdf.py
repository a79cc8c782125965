"""The PDF handbook, one per language: the training path and the coach's handbook in reading order.

    python scripts/pdf.py                 # builds the portal, writes dist/*-handbook-<lang>-….pdf (make pdf)
    python scripts/pdf.py --site site     # from an existing build
    python scripts/pdf.py --lang en --output /tmp

Contents: a cover, a table of contents with page numbers, then the sections training, tasks,
skills, stories and coaching (the coach's framework), each page in menu order (index first, then
``order:``, then title), each starting on a new sheet with its own sources. Links between those
pages become links inside the PDF; other links to the portal point at its public address
(SITE_URL); links to other sites stay as they are and print their address. Every sheet has a
header (site name, "handbook") and a footer (page n of m).

Engine: Chromium's own print (Playwright's ``page.pdf`` on Debian's chromium), not WeasyPrint.
The tests already install that browser, so nothing new is needed (``make setup-test``), and it
renders Material's stylesheets exactly as the site shows them; WeasyPrint would need pango from
Debian and lacks parts of the CSS Material uses. Chromium has no ``target-counter()`` for page
numbers in a table of contents, so the PDF is printed twice: the first print tells on which page
each chapter starts (read back with ``pdftotext`` from poppler-utils), the second prints the
numbers. Each PDF is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import offline
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import content_model, languages  # noqa: E402


def handbook_words(lang: str) -> dict[str, str]:
    """The handbook's own words in ``lang`` (``handbook:`` in hooks/content_strings.yml)."""
    return yaml.safe_load(STRINGS.read_text(encoding="utf-8"))[lang]["handbook"]


def prefix(lang: str) -> str:
    """Where a language's pages are in the site: "" for the default language, "en/"."""
    return "" if lang == languages.default() else f"{lang}/"


SECTIONS = ["training", "tasks", "skills", "stories", "coaching"]
CSS = [
    "assets/stylesheets/main.*.min.css",
    "assets/stylesheets/palette.*.min.css",
    "assets/stylesheets/portal.css",
    "assets/stylesheets/quiz.css",
    "assets/stylesheets/print.css",
]
STRINGS = ROOT / "hooks" / "content_strings.yml"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_DROP = [
    re.compile(r'<p class="kb-offline".*?</p>', re.S),
    re.compile(r'<p class="kb-report">.*?</p>', re.S),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S),
    re.compile(r"<script\b.*?</script>", re.S),
]


@dataclass
class Chapter:
    key: str  # c1, c2, …
    path: str  # html path from the site root, e.g. en/training/sessie-1.html
    title: str
    section: str
    body: str = ""


def chapters(site_dir: Path, lang: str) -> list[Chapter]:
    """The pages of the handbook in reading order (the progress page, which needs the browser's
    storage, is left out)."""
    site = content_model.load_site(ROOT / "content", ROOT)
    found = []
    for section in SECTIONS:
        pages = [
            p
            for p in site.pages.values()
            if p.lang == lang and p.src.startswith(f"{section}/") and "kb:progress" not in p.body
        ]
        pages.sort(
            key=lambda p: (
                0 if p.base.endswith("index.md") else 1,
                p.meta.get("order", 100),
                str(p.meta.get("title", p.src)).lower(),
            )
        )
        for page in pages:
            path = prefix(lang) + page.base[:-3] + ".html"
            if (site_dir / path).is_file():
                title = str(page.meta.get("title", page.base))
                found.append(Chapter(f"c{len(found) + 1}", path, title, section))
    return found


def public_address(site_dir: Path) -> str:
    match = re.search(
        r'<link rel="canonical" href="([^"]+)index\.html">', (site_dir / "index.html").read_text()
    )
    return match.group(1) if match else ""


def rewrite(chapter: Chapter, by_path: dict[str, Chapter], public: str, text: str) -> str:
    """Ids made unique per chapter; links to handbook pages point inside the PDF."""
    for pattern in _DROP:
        text = pattern.sub("", text)
    text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{chapter.key}-{m.group(1)}"', text)
    text = re.sub(
        r'\baria-(labelledby|describedby)="([^"]+)"',
        lambda m: f'aria-{m.group(1)}="{chapter.key}-{m.group(2)}"',
        text,
    )
    folder = posixpath.dirname(chapter.path)

    def link(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return match.group(0)
        if href.startswith("#"):
            return f'href="#{chapter.key}-{href[1:]}"'
        target = posixpath.normpath(posixpath.join(folder, parts.path))
        if target in by_path:
            other = by_path[target]
            return f'href="#{other.key}{"-" + parts.fragment if parts.fragment else ""}"'
        return f'href="{html.escape(public + target + ("#" + parts.fragment if parts.fragment else ""))}"'

    return re.sub(r'\bhref="([^"]*)"', link, text)


def document(
    site_dir: Path, lang: str, chs: list[Chapter], pages: dict[str, int], release: str, day: dt.date
) -> str:
    words = handbook_words(lang)
    public = public_address(site_dir)
    css = []
    for pattern in CSS:
        css += sorted(site_dir.glob(pattern))
    links = "\n".join(f'<link rel="stylesheet" href="{p.resolve().as_uri()}">' for p in css)
    toc = "\n".join(
        f'<li><a href="#{c.key}">{html.escape(c.title)}</a>'
        f'<span class="kb-toc__page">{pages.get(c.key, "00")}</span></li>'
        for c in chs
    )
    body = "\n".join(f'<section class="kb-chapter" id="{c.key}">{c.body}</section>' for c in chs)
    made = words["made"].format(date=day.isoformat(), version=html.escape(release))
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(words["title"])}</title>
{links}
<style>
  .kb-cover {{ height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }}
  .kb-cover h1 {{ font-size: 26pt !important; margin: 0 0 0.4em !important; }}
  .kb-toc ol {{ list-style: none; padding: 0; margin: 0; }}
  .kb-toc li {{ display: flex; gap: 0.5em; margin: 0 0 0.25em !important; break-inside: avoid; }}
  .kb-toc li a {{ flex: 1 1 auto; text-decoration: none !important; }}
  .kb-toc li a::after {{ content: none !important; }}
  .kb-toc__page {{ font-variant-numeric: tabular-nums; }}
  .kb-chapter {{ break-before: page; }}
  .kb-quiz__actions, .kb-quiz__nojs {{ display: none !important; }}
</style></head>
<body><div class="md-typeset">
<div class="kb-cover"><h1>{html.escape(words["title"])}</h1><p>{html.escape(words["subtitle"])}</p>
<p>{made}</p><p>{html.escape(public)}</p></div>
<nav class="kb-toc"><h2>{html.escape(words["contents"])}</h2><ol>{toc}</ol></nav>
{body}
</div></body></html>
"""


def sheet_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def first_pages(pdf: Path, chs: list[Chapter]) -> dict[str, int]:
    """The sheet on which each chapter starts: its title first on a sheet (under the header line),
    in order."""
    sheets = sheet_texts(pdf)
    found, sheet = {}, 0
    for chapter in chs:
        title = re.sub(r"\s+", " ", chapter.title)
        for number in range(sheet + 1, len(sheets)):
            lines = [line.strip() for line in sheets[number].splitlines() if line.strip()]
            head = re.sub(r"\s+", " ", " ".join(lines[1:3]))
            if head.startswith(title):
                found[chapter.key], sheet = number + 1, number
                break
    return found


def header_footer(lang: str, site_name: str) -> tuple[str, str]:
    words = handbook_words(lang)
    style = "font-size:8pt;font-family:sans-serif;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#333"
    header = f'<div style="{style}"><span>{html.escape(site_name)}</span><span>{html.escape(words["title"])}</span></div>'
    footer = (
        f'<div style="{style}"><span></span><span>{words["page"]} <span class="pageNumber"></span> '
        f'{words["of"]} <span class="totalPages"></span></span></div>'
    )
    return header, footer


def make_pdf(
    site_dir: Path, lang: str, output: Path, release: str, day: dt.date
) -> tuple[Path, int]:
    from playwright.sync_api import sync_playwright

    if not shutil.which("pdftotext"):
        raise SystemExit("pdftotext is missing: run `make setup-test` (installs poppler-utils).")
    chs = chapters(site_dir, lang)
    by_path = {c.path: c for c in chs}
    public = public_address(site_dir)
    for c in chs:
        match = _ARTICLE.search((site_dir / c.path).read_text(encoding="utf-8"))
        c.body = rewrite(c, by_path, public, match.group(1) if match else "")
    site_name = re.search(
        r"<title>(?:.* - )?([^<]*)</title>",
        (site_dir / prefix(lang) / "index.html").read_text(),
    ).group(1)
    header, footer = header_footer(lang, site_name)
    output.mkdir(parents=True, exist_ok=True)
    target = output / f"{offline.NAME}-handbook-{lang}-{release}-{day.isoformat()}.pdf"
    with tempfile.TemporaryDirectory(prefix=".pdf-") as work:
        source, draft = Path(work) / "handbook.html", Path(work) / "draft.pdf"
        chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            page = browser.new_page(java_script_enabled=False)
            numbers: dict[str, int] = {}
            for _ in range(3):  # the numbers only take their width; two prints normally do
                source.write_text(
                    document(site_dir, lang, chs, numbers, release, day), encoding="utf-8"
                )
                page.goto(source.as_uri(), wait_until="load")
                page.pdf(
                    path=str(draft),
                    format="A4",
                    display_header_footer=True,
                    header_template=header,
                    footer_template=footer,
                    margin={"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                )
                found = first_pages(draft, chs)
                if found == numbers:
                    break
                numbers = found
            browser.close()
        missing = [c.title for c in chs if c.key not in numbers]
        if missing:
            raise SystemExit(f"Chapters not found in the PDF: {missing}. No PDF was written.")
        fd, partial = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=output)
        os.close(fd)
        try:
            shutil.copyfile(draft, partial)
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    return target, len(sheet_texts(target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build now)")
    parser.add_argument("--output", type=Path, default=ROOT / "dist", help="folder for the PDFs")
    parser.add_argument(
        "--lang", choices=languages.codes(), action="append", help="default: every language"
    )
    parser.add_argument("--edition", help="build the local edition editions/<name>/ first")
    args = parser.parse_args(argv)
    release, day = offline.version(), dt.datetime.now(dt.UTC).date()
    with tempfile.TemporaryDirectory(prefix=".pdf-site-") as work:
        site = offline.site_to_use(args.site, work, "PDF", args.edition)
        if site is None:
            return 1
        for lang in args.lang or languages.codes():
            start = time.perf_counter()
            target, sheets = make_pdf(site.resolve(), lang, args.output, release, day)
            size = target.stat().st_size
            print(
                f"Wrote the {lang} handbook {target.resolve()} ({sheets} pages, "
                f"{size / 1024 / 1024:.1f} MiB, {size} bytes, {time.perf_counter() - start:.1f} s)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
