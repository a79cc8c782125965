"""Page weight: the bytes a browser receives for each page kind, gzip-compressed, everything it loads.

    .venv/bin/python scripts/bench_weight.py                 # builds the portal into a temp dir first
    .venv/bin/python scripts/bench_weight.py --site site

Each page is opened in Chromium (Debian's, as in the tests) with an empty cache from the local
server of scripts/audit.py, which sends text gzip-compressed like a real static host. Counted:
every response's body as sent (compressed) plus its headers, including what Material loads at
start-up for search (the index, the worker, the lunr language files). The table splits off the
search part. Below it: each language's search index on disk, raw and gzip-compressed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from audit import LANGUAGES, PAGES, StaticServer, build_site  # noqa: E402
from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402


def is_search(url: str) -> bool:
    return "/search/search_index" in url or "/workers/" in url or "/lunr/" in url


def weigh(page, url: str) -> tuple[int, int, int]:
    """(requests, bytes in total, bytes for search) for one page load with an empty cache."""
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)  # the search worker fetches its language files after load
    total = search = 0
    for request in responses:
        sizes = request.sizes()
        response = request.response()
        # Chromium reports 0 body bytes for a worker's own script: fall back to Content-Length
        length = int((response.headers.get("content-length") if response else None) or 0)
        size = max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]
        total += size
        search += size if is_search(request.url) else 0
    return len(responses), total, search


def kib(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args()
    site = args.site or build_site()
    server = StaticServer(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for lang, prefix in LANGUAGES.items():
                for kind, path in PAGES.items():
                    context = browser.new_context()  # empty cache for every page
                    page = context.new_page()
                    rows.append(
                        (lang, kind, prefix + path, *weigh(page, server.url + prefix + path))
                    )
                    context.close()
            browser.close()
    finally:
        server.stop()
    print("Bytes received per page load (gzip, empty cache; KiB):")
    print(
        f"{'lang':5}{'kind':8}{'page':32}{'requests':>9}{'total':>9}{'search':>9}{'page only':>11}"
    )
    for lang, kind, path, count, total, search in rows:
        print(
            f"{lang:5}{kind:8}{path:32}{count:>9}{kib(total):>9}{kib(search):>9}{kib(total - search):>11}"
        )
    print("\nSearch index per language (KiB):")
    print(f"{'lang':5}{'file':34}{'entries':>8}{'raw':>9}{'gzip':>9}")
    for lang, prefix in LANGUAGES.items():
        for name in ("search/search_index.json", "search/search_index.js"):
            file = site / prefix / name
            if file.exists():
                data = file.read_bytes()
                entries = len(
                    json.loads(data.decode("utf-8").removeprefix("var __index = "))["docs"]
                )
                print(
                    f"{lang:5}{prefix + name:34}{entries:>8}{kib(len(data)):>9}"
                    f"{kib(len(gzip.compress(data, 6))):>9}"
                )
    if not args.site:
        shutil.rmtree(site.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
