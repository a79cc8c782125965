"""No page sends a request to another host: no web fonts, no CDN, no analytics."""

import pytest
from playwright.sync_api import Page, expect

from pages import ALL_PAGES


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_request_leaves_the_machine(page: Page, external_requests: list[str], path: str) -> None:
    """Loading the page and opening search asks nothing of any other host."""
    page.goto(path, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("werk")
    expect(page.locator(".md-search-result__meta")).not_to_have_text("")
    page.wait_for_load_state("networkidle")
    assert external_requests == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_local_request_succeeds(page: Page, path: str) -> None:
    """Nothing the page loads by itself is missing (a 404 is a console error for the reader)."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(path, wait_until="networkidle")
    assert failed == []
