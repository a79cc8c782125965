"""axe finds no accessibility violation on any kind of page, in either language."""

import pytest
from playwright.sync_api import Page

from axe_check import violations
from pages import ALL_PAGES


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_axe_violation(page: Page, path: str) -> None:
    """The page as a reader first sees it."""
    page.goto(path)
    assert violations(page) == []


def test_open_search_has_no_axe_violation(page: Page) -> None:
    """The search dialog, open with results, has a name and meets contrast rules."""
    page.goto("index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("coach")
    page.locator(".md-search-result__item").first.wait_for()
    assert violations(page) == []
