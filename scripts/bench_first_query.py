"""Search at scale: bytes a reader downloads for a first query, and recall@3, at N times the content.

    .venv/bin/python scripts/bench_first_query.py               # the content x10 (scripts/bench_build.py)
    .venv/bin/python scripts/bench_first_query.py --size 1
    .venv/bin/python scripts/bench_first_query.py --site site   # a built site as it is

The content is copied N times as ``scripts/bench_build.py`` does (copy k of ``statuses/ibo.md``
is ``statuses/ibo-k.md``) and built with the portal's mkdocs.yml. Then, for each language:
- **hosted**: Chromium opens the home page from the local gzip server of scripts/audit.py, the
  reader clicks the search box and types a query of tests/search_queries.yml; counted are the
  bytes (gzip, with headers) of every response from the click until the first result shows;
- **offline**: the same from ``file://``; Chromium reports no sizes there, so each requested
  file's size on disk, gzip-compressed, is counted (the same measure as hosted);
- **recall@3 / MRR** on the index that answers a first query (head) and on the full text, with
  scripts/bench_search.py; a copy of an expected page counts as that page.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import bench_search  # noqa: E402
from audit import LANGUAGES, StaticServer  # noqa: E402
from bench_build import make_tree  # noqa: E402
from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

QUERY = {"nl": "leefloon", "en": "living wage"}


def build(size: int, base: Path) -> Path:
    tree = make_tree(base, size)
    out = base / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", "mkdocs.yml"]
    result = subprocess.run([*cmd, "-d", str(out)], cwd=tree, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"x{size} does not build:\n{result.stderr[-3000:]}")
    return out


def first_query(browser, url: str, query: str, offline: bool) -> tuple[int, int, int]:
    """(requests, bytes, bytes of the full text) from the first click into search until the
    first result shows. The full text (search_full.*) is counted apart: search-gate.js starts
    it only after the first results arrived, so a first query never waits for it."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    total = full = count = 0
    for request in seen:
        size = 0
        if offline:
            path = Path(unquote(urlparse(request.url).path))
            size = len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0
        else:
            sizes = request.sizes()
            response = request.response()
            length = int((response.headers.get("content-length") if response else None) or 0)
            size = max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]
        if "/search_full." in request.url:
            full += size
        else:
            total += size
            count += 1
    context.close()
    return count, total, full


def recall_with_copies(site: Path, size: int) -> list[str]:
    """recall@3 and MRR with a page and its copies as one result (the copies have the same text,
    so without this the copies of the runner-up would push the expected page out of the top 3)."""
    queries = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))
    copy = re.compile(rf"-({'|'.join(str(k) for k in range(2, size + 1)) or 'x'})\.html$")
    rows, misses = [], []
    for lang, items in queries.items():
        for part in ("head", "full"):
            index = bench_search.load_index(site, lang, part=part)
            hits, reciprocal = 0, 0.0
            for item in items:
                expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
                wanted = {f"{slug}.html" for slug in expected}
                ranked = list(
                    dict.fromkeys(copy.sub(".html", p) for p in index.search(str(item["q"])))
                )
                rank = next((i + 1 for i, p in enumerate(ranked) if p in wanted), None)
                hits += bool(rank and rank <= 3)
                reciprocal += 1 / rank if rank else 0.0
                if not rank or rank > 3:
                    misses.append(f"  {lang} {part} {item['q']!r}: rank {rank}, top 3 {ranked[:3]}")
            n = len(items)
            rows.append(f"{lang:6}{part:>6}{n:>9}{hits / n:>10.3f}{reciprocal / n:>8.3f}")
    return rows + (["Not in the top 3:", *misses] if misses else [])


def main() -> int:
    logging.getLogger("lunr").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="content multiplier (default 10)")
    parser.add_argument("--site", type=Path, help="measure this built site instead")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="kb-first-query-"))
    size = 1 if args.site else args.size
    try:
        site = args.site or build(args.size, base)
        print(f"Content x{size}: search files per language (KiB, gzip level 6)")
        print(f"{'lang':6}{'file':34}{'raw':>9}{'gzip':>9}")
        for lang, prefix in LANGUAGES.items():
            for name in ("search/search_index.json", "search/search_full.json"):
                data = (site / prefix / name).read_bytes()
                raw, packed = len(data) / 1024, len(gzip.compress(data, 6)) / 1024
                print(f"{lang:6}{prefix + name:34}{raw:>9.1f}{packed:>9.1f}")
        server = StaticServer(site)
        print("\nFirst query: bytes from the click into search until the first result (KiB)")
        print(
            f"{'lang':6}{'query':14}{'hosted':>9}{'requests':>10}{'offline':>9}{'requests':>10}"
            f"{'then full text':>16}"
        )
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=chromium_path(),
                    args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"],
                )
                for lang, prefix in LANGUAGES.items():
                    hosted = first_query(
                        browser, f"{server.url}{prefix}index.html", QUERY[lang], False
                    )
                    offline = first_query(
                        browser, (site / prefix / "index.html").as_uri(), QUERY[lang], True
                    )
                    print(
                        f"{lang:6}{QUERY[lang]:14}{hosted[1] / 1024:>9.1f}{hosted[0]:>10}"
                        f"{offline[1] / 1024:>9.1f}{offline[0]:>10}{hosted[2] / 1024:>16.1f}"
                    )
                browser.close()
        finally:
            server.stop()
        print("\nRecall on the query set (a page and its copies count as one result)")
        print(f"{'lang':6}{'index':>6}{'queries':>9}{'recall@3':>10}{'MRR':>8}")
        print("\n".join(recall_with_copies(site, size)))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
