"""Page weight: the bytes a browser receives for each page kind, gzip-compressed, everything it loads.

    .venv/bin/python scripts/bench_weight.py                 # builds the portal into a temp dir first
    .venv/bin/python scripts/bench_weight.py --site site

Each page is opened in Chromium (Debian's, as in the tests) with an empty cache from the local
server of scripts/audit.py, which sends text gzip-compressed like a real static host. Counted:
every response's body as sent (compressed) plus its headers, until the network is quiet,
including anything for search (the index, the worker, the lunr language files; none before the
reader opens search). One page of every kind in both languages (tests/pages.py, plus the quiz
pages, news, meetings and signals); each row says whether the page loaded quiz.js and whether it
has a quiz, and whether it is within the limit of issue 16: 70 KB (70,000 bytes = 68.4 KiB).
Below it: each language's search index on disk, raw and gzip-compressed. Exit 1 if a page is
over the limit or loads quiz.js without a quiz.
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

from pages import PAGE_KINDS  # noqa: E402

LIMIT = 70_000  # bytes: "70 KB gzip" of issue 16
# Every kind of tests/pages.py, plus the pages audit.py measures and the kinds it has not.
KINDS = {
    **{kind: paths[0] for kind, paths in PAGE_KINDS.items()},
    **{
        f"audit-{kind}": path
        for kind, path in PAGES.items()
        if path not in {paths[0] for paths in PAGE_KINDS.values()}
    },
    "quiz-network": "training/kennisnetwerk.html",  # the largest quiz page
    "news": "news/index.html",
    "news-item": "news/2018-09-01-ibo-en-bis.html",
    "meetings": "news/agenda.html",
    "signals": "coaching/signalen.html",
    "accessibility": "toegankelijkheid.html",
}


def is_search(url: str) -> bool:
    return "/search/search_index" in url or "/workers/" in url or "/lunr/" in url


def weigh(page, url: str) -> tuple[int, int, int, bool, bool]:
    """(requests, bytes in total, bytes for search, quiz.js loaded, page has a quiz) for one page
    load with an empty cache."""
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
    quiz_js = any(request.url.split("?")[0].endswith("/quiz.js") for request in responses)
    has_quiz = page.locator("[data-kb-quiz]").count() > 0
    return len(responses), total, search, quiz_js, has_quiz


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
                for kind, path in KINDS.items():
                    if not (site / (prefix + path)).exists():
                        print(f"not built: {prefix + path}", file=sys.stderr)
                        continue
                    context = browser.new_context()  # empty cache for every page
                    page = context.new_page()
                    rows.append(
                        (lang, kind, prefix + path, *weigh(page, server.url + prefix + path))
                    )
                    context.close()
            browser.close()
    finally:
        server.stop()
    print("Bytes received per page load (gzip, empty cache; KiB, and kB = 1000 bytes):")
    print(
        f"{'lang':5}{'kind':17}{'page':41}{'requests':>9}{'KiB':>7}{'kB':>7}{'search':>8}"
        f"{'quiz.js':>8}{'quiz':>6}  verdict"
    )
    failed = 0
    for lang, kind, path, count, total, search, quiz_js, has_quiz in rows:
        problems = [f"over {LIMIT // 1000} kB"] if total > LIMIT else []
        if quiz_js and not has_quiz:
            problems.append("quiz.js without a quiz")
        failed += bool(problems)
        print(
            f"{lang:5}{kind:17}{path:41}{count:>9}{kib(total):>7}{total / 1000:>7.1f}"
            f"{kib(search):>8}{'yes' if quiz_js else 'no':>8}{'yes' if has_quiz else 'no':>6}  "
            + ("; ".join(problems) or "ok")
        )
    heaviest = max(rows, key=lambda row: row[4])
    print(
        f"\nHeaviest: {heaviest[2]} {kib(heaviest[4])} KiB = {heaviest[4] / 1000:.1f} kB "
        f"(limit {LIMIT / 1024:.1f} KiB = {LIMIT // 1000} kB); {failed} page(s) fail."
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
