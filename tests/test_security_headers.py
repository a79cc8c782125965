"""The built site under the hosting guide's headers: hosting/nginx.conf run by Debian's nginx.

Every page kind in both languages loads under the strict Content-Security-Policy that
``scripts/csp.py`` computes (``script-src 'self'`` plus the hashes of Material's own inline
scripts) without a single ``securitypolicyviolation`` event or console error, also while search
runs and a glossary tooltip opens.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import csp
import pytest
from playwright.sync_api import Page, expect
from static_host import Nginx, StaticHost

from pages import PAGE_KINDS

ROOT = Path(__file__).resolve().parent.parent

# Registered before any script of the page runs; Playwright does not relax the page's CSP.
RECORD_VIOLATIONS = """
window.__kbViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kbViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`);
});
"""


def run_csp(site: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/csp.py"), "--site", str(site), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def nginx(subpath_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sub-path build served by nginx with hosting/nginx.conf, at …/portaal/."""
    headers = run_csp(subpath_site, "--format", "nginx")
    server = Nginx(subpath_site.parent, headers, tmp_path_factory.mktemp("nginx"))
    yield server.url + "portaal/"
    server.stop()


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


class TestPolicy:
    def test_policy_is_strict(self, built_site: Path) -> None:
        """`scripts/csp.py` prints one policy: scripts from the site and hashed inline ones only."""
        printed = run_csp(built_site).strip()
        assert "\n" not in printed
        rules = dict(part.strip().split(" ", 1) for part in printed.split(";"))
        sources = rules["script-src"].split()
        assert sources[0] == "'self'"
        assert sources[1:] and all(
            re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in sources[1:]
        )
        assert "unsafe" not in printed and "*" not in printed and "http" not in printed
        for name in ("object-src", "base-uri", "frame-ancestors"):
            assert rules[name] == "'none'", name

    def test_every_inline_script_is_allowed(self, built_site: Path) -> None:
        """Each inline script of every page has its hash in the policy (or it could not run)."""
        sources = set(run_csp(built_site).split("script-src ")[1].split(";")[0].split())
        pages = sorted(built_site.rglob("*.html"))
        assert len(pages) > 20
        for html in pages:
            for body in re.findall(
                r"<script>(.*?)</script>", html.read_text(encoding="utf-8"), re.S
            ):
                digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
                assert f"'sha256-{digest}'" in sources, html.name

    @pytest.mark.parametrize("form", ["nginx", "apache", "headers"])
    def test_every_server_format_carries_every_header(self, built_site: Path, form: str) -> None:
        """The nginx, Apache and _headers (Netlify, Cloudflare Pages) outputs hold the same set;
        _headers also names each hashed file with a year of caching."""
        printed = run_csp(built_site, "--format", form)
        for name, value in csp.security_headers(built_site).items():
            assert f"{name}: {value}" in printed or f'{name} "{value}"' in printed, name
        if form == "headers":
            for path in csp.hashed_assets(built_site):
                assert f"/{path}\n  Cache-Control: {csp.CACHE_HASHED}" in printed, path


def load_without_violation(page: Page, url: str) -> None:
    """Open the page, point at a glossary term, search; no CSP violation, no console error."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url, wait_until="networkidle")
    expect(page.locator("h1").first).to_be_visible()
    term = page.locator(".md-content abbr.kb-term").first
    if term.count():
        term.hover()
    page.locator("input.md-search__input").click()
    page.keyboard.type("werk")
    expect(page.locator(".md-search-result__meta")).not_to_have_text("")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__kbViolations") == []
    assert errors == []


class TestMetaPolicy:
    """For hosts that send no headers of one's choosing (GitHub Pages, GitLab Pages)."""

    def test_policy_in_every_page_holds_without_headers(
        self, page: Page, built_site: Path, tmp_path: Path
    ) -> None:
        copy = tmp_path / "portaal"
        shutil.copytree(built_site, copy)
        run_csp(copy, "--meta")
        run_csp(copy, "--meta")  # twice: still one policy per page
        expected = csp.policy(built_site, meta=True)
        for html in copy.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            assert text.count(f'content="{expected}"') == 1, html
        host = StaticHost(copy, "/", headers=False)
        try:
            for kind in ("home", "status", "training-session", "glossary"):
                for path in PAGE_KINDS[kind]:
                    load_without_violation(page, host.url + path)
        finally:
            host.stop()


class TestNginx:
    def test_headers_on_pages_assets_and_404(self, nginx: str, subpath_site: Path) -> None:
        """Pages, hashed assets and both 404 pages carry every header; only hashed assets are
        cached for a year."""
        expected = csp.security_headers(subpath_site)
        bundle = next(p for p in csp.hashed_assets(subpath_site) if "bundle." in p)
        cases = {
            "index.html": (200, "no-cache", None),
            bundle: (200, csp.CACHE_HASHED, None),
            "bestaat/niet.html": (404, "no-cache", "Pagina niet gevonden"),
            "en/does/not/exist.html": (404, "no-cache", "Page not found"),
        }
        for path, (status, cache, heading) in cases.items():
            got_status, headers, body = fetch(nginx + path)
            assert got_status == status, path
            for name, value in expected.items():
                assert headers.get(name) == value, f"{path}: {name}"
            assert headers.get("Cache-Control") == cache, path
            if heading:
                assert f"<h1>{heading}</h1>" in body, path

    @pytest.mark.parametrize("lang", [0, 1], ids=["nl", "en"])
    @pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
    def test_no_policy_violation(self, page: Page, nginx: str, kind: str, lang: int) -> None:
        """The page loads, searches and shows a tooltip under the CSP with no violation."""
        with page.expect_response(lambda r: r.url == nginx + PAGE_KINDS[kind][lang]) as first:
            load_without_violation(page, nginx + PAGE_KINDS[kind][lang])
        assert first.value.headers.get("content-security-policy")
