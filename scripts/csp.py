"""Print the security headers for a built portal: the Content-Security-Policy and the rest.

The portal runs no inline script of its own; Material for MkDocs writes a few small ones into
every page (the colour-scheme switch, the tab restore, and one that sets the storage scope,
which differs with the page's depth). Their SHA-256 hashes are the only exception to
``script-src 'self'``. The hashes change when Material or the folder depth changes, so the
policy is computed from the built site, never copied by hand:

    python scripts/csp.py --site site                   # the policy, one line (make csp)
    python scripts/csp.py --site site --format nginx    # add_header lines for an nginx include
    python scripts/csp.py --site site --format apache   # Header lines for Apache
    python scripts/csp.py --site site --format headers  # a _headers file (Netlify, Cloudflare Pages)
    python scripts/csp.py --site site --meta            # write the policy into every page, for
                                                        # hosts that send no headers (GitHub Pages)

The README's hosting guide says where each output goes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Assets whose name carries a hash of their content (Material's bundle, styles and search worker;
# the portal's stemming worker): they never change under the same name, so they can be cached.
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}(?:\.[0-9a-f]{8})?\.min\.(?:css|js)$")
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_OTHER = "no-cache"  # pages, search index, unhashed files: the browser asks again each time

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_META_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
META_MARK = '<meta http-equiv="Content-Security-Policy"'
REFERRER_META = '<meta name="referrer" content="no-referrer">'


def inline_script_hashes(site: Path) -> list[str]:
    """The CSP source (``'sha256-…'``) of every distinct inline script in the built site."""
    hashes: set[str] = set()
    for html in sorted(site.rglob("*.html")):
        for match in _SCRIPT.finditer(html.read_text(encoding="utf-8")):
            attrs = match.group("attrs")
            if re.search(r"\bsrc\s*=", attrs, re.I):
                continue
            kind = _TYPE.search(attrs)
            if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
                continue  # data, such as <script type="application/json">: never run
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def directives(site: Path) -> dict[str, str]:
    """The policy as directive -> value. Nothing may come from another host."""
    return {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *inline_script_hashes(site)]),
        "style-src": "'self'",
        "img-src": "'self' data:",  # Material's icons are data: SVGs in its stylesheet
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "manifest-src": "'self'",
        "form-action": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }


def policy(site: Path, meta: bool = False) -> str:
    """The Content-Security-Policy header value; ``meta``: the form a <meta> element allows
    (browsers ignore frame-ancestors there and log an error, so it is left out)."""
    items = directives(site)
    if meta:
        items.pop("frame-ancestors")
    return "; ".join(f"{name} {value}" for name, value in items.items())


def security_headers(site: Path) -> dict[str, str]:
    """Every header the hosting guide asks for, except Cache-Control (see cache_control)."""
    return {
        "Content-Security-Policy": policy(site),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": (
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()"
        ),
    }


def cache_control(path: str) -> str:
    return CACHE_HASHED if HASHED_ASSET.search(path) else CACHE_OTHER


def as_nginx(headers: dict[str, str]) -> str:
    lines = [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def as_apache(headers: dict[str, str]) -> str:
    lines = [f'Header always set {name} "{value}"' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def hashed_assets(site: Path) -> list[str]:
    """Paths (from the site root) of the files whose name carries a hash of their content."""
    files = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return sorted(path for path in files if HASHED_ASSET.search(path))


def as_headers_file(site: Path, headers: dict[str, str], prefix: str = "/") -> str:
    """Netlify's and Cloudflare Pages' ``_headers``: security headers on every path, long caching
    for each hashed asset, named one by one (both hosts add the rules of every path that matches;
    everything else keeps the host's own default, which asks again before using a cached copy)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    lines = [f"{prefix}*"] + [f"  {name}: {value}" for name, value in headers.items()] + [""]
    for path in hashed_assets(site):
        lines += [f"{prefix}{path}", f"  Cache-Control: {CACHE_HASHED}", ""]
    return "\n".join(lines)


def write_meta(site: Path) -> int:
    """Put the policy (and the referrer policy) into every page as <meta> elements, for a host
    that sends no headers of one's choosing. A <meta> cannot carry frame-ancestors,
    X-Content-Type-Options or Permissions-Policy. Works on a copy that replaces the site only
    when every page has it (a failure leaves the site as it was); running it twice changes
    nothing. Returns the number of pages."""
    site = site.resolve()
    value = policy(site, meta=True)
    tag = f'{META_MARK} content="{value}">{REFERRER_META}'
    staging = Path(tempfile.mkdtemp(prefix=".site-csp-", dir=site.parent))
    try:
        copy = staging / site.name
        shutil.copytree(site, copy)
        pages = sorted(copy.rglob("*.html"))
        for html in pages:
            text = html.read_text(encoding="utf-8")
            text = re.sub(rf"{re.escape(META_MARK)}[^>]*>", "", text).replace(REFERRER_META, "")
            text, count = _META_CHARSET.subn(lambda m: m.group(0) + tag, text, count=1)
            if count != 1:
                raise SystemExit(f"{html.relative_to(copy)}: no <meta charset>: nothing changed")
            html.write_text(text, encoding="utf-8")
        old = site.with_name(f".site-old-{os.getpid()}")
        site.rename(old)
        copy.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument(
        "--format",
        choices=["policy", "nginx", "apache", "headers"],
        default="policy",
        help="policy: the CSP value only; nginx/apache: config lines; headers: a _headers file",
    )
    parser.add_argument("--prefix", default="/", help="sub-path, for --format headers")
    parser.add_argument("--meta", action="store_true", help="write the policy into every page")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here. Run `make build` first.", file=sys.stderr)
        return 1
    if args.meta:
        count = write_meta(args.site)
        print(f"Wrote the Content-Security-Policy into {count} pages of {args.site.resolve()}")
        return 0
    headers = security_headers(args.site)
    if args.format == "policy":
        print(headers["Content-Security-Policy"])
    elif args.format == "nginx":
        print(as_nginx(headers), end="")
    elif args.format == "apache":
        print(as_apache(headers), end="")
    else:
        print(as_headers_file(args.site, headers, args.prefix), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
