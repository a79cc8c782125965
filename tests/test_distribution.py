"""Host it anywhere, carry it offline: what a new host or a coach without network sees.

- a "page not found" page per language, at a domain root and under a sub-path, from a server
  that answers unknown addresses with the nearest 404.html (tests/static_host.py);
- no console error on any page kind, in both languages, opened from file://.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from static_host import StaticHost

from pages import PAGE_KINDS

NOT_FOUND = {
    # language: (a missing address, the page's heading, its home link's text, the home page)
    "nl": ("statuses/bestaat-niet.html", "Pagina niet gevonden", "startpagina", "index.html"),
    "en": ("en/no/such/page.html", "Page not found", "home page", "en/index.html"),
}


@pytest.fixture(scope="module", params=["root", "sub-path"])
def host(request, built_site: Path, subpath_site: Path) -> Iterator[str]:
    """The site at a domain root (SITE_URL's path is /) or under /portaal/ (built for it)."""
    server = (
        StaticHost(built_site, "/")
        if request.param == "root"
        else StaticHost(subpath_site, "/portaal/")
    )
    yield server.url
    server.stop()


def watch_console(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_not_found_page_works_at_any_depth(page: Page, host: str, lang: str) -> None:
    """An unknown address shows the styled 404 page in its language; its home link works."""
    missing, heading, link, home = NOT_FOUND[lang]
    errors = watch_console(page)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    response = page.goto(host + missing, wait_until="networkidle")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text(heading)
    assert page.locator("html").get_attribute("lang") == lang
    header = page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).position") in {"sticky", "fixed"}
    assert failed == [host + missing]  # only the page itself: styles and scripts all loaded
    assert errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    page.locator(".md-content a", has_text=link).first.click()
    expect(page).to_have_url(host + home)
    expect(page.locator("h1").first).not_to_have_text(heading)


def test_not_found_page_searches_its_language(page: Page, host: str) -> None:
    """Search on the English 404 page answers from the English index."""
    page.goto(host + NOT_FOUND["en"][0])
    page.locator("input.md-search__input").click()
    page.keyboard.type("employer")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile(r"/en/"))


@pytest.mark.parametrize("lang", [0, 1], ids=["nl", "en"])
@pytest.mark.parametrize("kind", sorted(set(PAGE_KINDS) - {"not-found"}))
def test_no_console_error_from_disk(
    page: Page, built_site: Path, external_requests: list[str], kind: str, lang: int
) -> None:
    """Opened from file://, the page logs no error and asks no other host.

    (The 404 pages are left out: without a web server nothing ever shows them.)"""
    errors = watch_console(page)
    page.goto((built_site / PAGE_KINDS[kind][lang]).as_uri(), wait_until="networkidle")
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert external_requests == []


def test_language_switch_from_disk(page: Page, built_site: Path) -> None:
    """From file://, the language button still leads to the same page in English."""
    page.goto((built_site / "statuses/ibo.html").as_uri())
    page.locator(".md-header a[hreflang='en']").first.dispatch_event("click")
    expect(page).to_have_url((built_site / "en/statuses/ibo.html").as_uri())
