"""Lighthouse on each page kind in both languages (mobile preset), served with gzip and cache headers.

    make audit                                  # installs Lighthouse (npm ci) and runs this
    .venv/bin/python scripts/audit.py           # builds the portal into a temp dir first
    .venv/bin/python scripts/audit.py --site site

Results: one JSON report per page under .lighthouse/ and a table of the four category scores.
Targets (median of the runs): performance >= 98, accessibility, best practices and SEO = 100 (exit 1 if one is missed).
Lighthouse 12.8.2 (npm, pinned in package.json) drives Debian's chromium (CHROME_PATH, default
/usr/bin/chromium). No audit is skipped: the portal is built for the address the local server
has (``SITE_URL`` and ``ABSOLUTE_ALTERNATES=1``, as a hosted build would be), so its
``<link rel="alternate" hreflang>`` are absolute, as the audit ``hreflang`` requires (a build for
file:// keeps them relative; hooks/steps/fix_language_links.py). With ``--site``, build it that way.

The local server (``StaticServer``) sends text files gzip-compressed and with cache headers, as a
real static host does; ``python -m http.server`` sends neither, which caps mobile performance.
scripts/bench_weight.py uses the same server.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))
from kb import languages  # noqa: E402

REPORTS = ROOT / ".lighthouse"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --no-first-run "
    "--disable-sync"
)
# One page of each kind that readers land on, in both languages (paths from the site root).
PAGES = {
    "home": "index.html",
    "status": "statuses/ibo.html",
    "quiz": "training/sessie-1.html",
    "story": "stories/obaida.html",
}
LANGUAGES = languages.url_prefixes()
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class _Handler(SimpleHTTPRequestHandler):
    """Static files; text gzip-compressed when the browser accepts it; assets cached for a year."""

    def log_message(self, format: str, *args) -> None:  # quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            not path.is_file()
            or path.suffix not in COMPRESSIBLE
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header(
            "Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def end_headers(self) -> None:
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()


class _Body:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


class StaticServer:
    """A gzip-capable static server on a free port of 127.0.0.1, in a background thread."""

    def __init__(self, directory: Path) -> None:
        handler = partial(_Handler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build_site(site_url: str | None = None, target: Path | None = None) -> Path:
    """The portal, built strict into ``target`` (default: a temp dir); for ``site_url`` (absolute
    language links) if given."""
    import build as portal_build

    target = target or Path(tempfile.mkdtemp(prefix="kb-bench-")) / "site"
    saved = {name: os.environ.get(name) for name in ("SITE_URL", "ABSOLUTE_ALTERNATES")}
    if site_url:
        os.environ.update(SITE_URL=site_url, ABSOLUTE_ALTERNATES="1")
    try:
        if portal_build.build(target, strict=True) != 0:
            raise SystemExit("The portal does not build.")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return target


def run_lighthouse(url: str, name: str) -> dict[str, int]:
    """Lighthouse's four category scores (0–100) and total blocking time (ms, key ``tbt``) for
    one URL; the report goes to .lighthouse/."""
    REPORTS.mkdir(exist_ok=True)
    output = REPORTS / f"{name}.json"
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    cmd = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    subprocess.run(cmd, env=env, check=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {key: round(report["categories"][key]["score"] * 100) for key in TARGETS}
    scores["tbt"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    scores["load"] = os.getloadavg()[0]
    skipped = [
        audit
        for key in TARGETS
        for ref in report["categories"][key]["auditRefs"]
        if (audit := report["audits"].get(ref["id"], {})).get("scoreDisplayMode") == "error"
    ]
    if skipped:
        print(f"{name}: audits that could not run: {[a['id'] for a in skipped]}", file=sys.stderr)
    return scores


def summary(runs: list[dict[str, int]], key: str) -> str:
    """Median of the runs, with the range when there are several: "98 (96–100)"."""
    values = sorted(r[key] for r in runs)
    median = values[len(values) // 2] if len(values) % 2 else statistics.median(values)
    text = f"{median:g}"
    return text if len(values) == 1 else f"{text} ({values[0]}–{values[-1]})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median and range)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (or `make audit`).")
    if not Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium")).exists():
        raise SystemExit("Chromium is missing: `apt-get install chromium` or set CHROME_PATH.")
    if args.site:
        site = args.site
        server = StaticServer(site)
    else:  # the server first: the build needs its address
        site = Path(tempfile.mkdtemp(prefix="kb-bench-")) / "site"
        server = StaticServer(site)
        build_site(server.url, site)
    rows = []
    try:
        runs: dict[tuple, list] = {}
        for run in range(args.runs):  # round-robin, so a busy minute hits every page alike
            for lang, prefix in LANGUAGES.items():
                for kind, path in PAGES.items():
                    name = f"{lang}-{kind}" + (f"-{run + 1}" if args.runs > 1 else "")
                    runs.setdefault((lang, kind, prefix + path), []).append(
                        run_lighthouse(server.url + prefix + path, name)
                    )
        for (lang, kind, path), results in runs.items():
            median = {k: sorted(r[k] for r in results)[len(results) // 2] for k in TARGETS}
            rows.append((lang, kind, path, median, results))
    finally:
        server.stop()
        if not args.site:
            shutil.rmtree(site.parent, ignore_errors=True)
    loads = [r["load"] for results in runs.values() for r in results]
    print(
        f"Median of {args.runs} run(s) per page, range in brackets; load average (1 min) during "
        f"the runs {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"{'lang':5}{'kind':8}{'page':28}"
        + "".join(f"{k[:14]:>16}" for k in TARGETS)
        + f"{'TBT ms':>16}"
    )
    missed = []
    for lang, kind, path, scores, results in rows:
        print(
            f"{lang:5}{kind:8}{path:28}"
            + "".join(f"{summary(results, k):>16}" for k in TARGETS)
            + f"{summary(results, 'tbt'):>16}"
        )
        missed += [
            f"{lang} {kind}: {k} {scores[k]} < {t}" for k, t in TARGETS.items() if scores[k] < t
        ]
    print(
        "targets: "
        + ", ".join(f"{k} >= {t}" for k, t in TARGETS.items())
        + f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (performance is CPU-sensitive)"
    )
    print(f"reports: {REPORTS.relative_to(ROOT)}/<lang>-<kind>.json")
    if missed:
        print("MISSED:\n  " + "\n  ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
