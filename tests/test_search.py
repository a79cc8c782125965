"""Search finds pages by the words on them."""

import re

from playwright.sync_api import Page, expect


def search(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # fill() sends no key events, and Material listens for them


class TestSearch:
    def test_dutch_word_finds_dutch_page(self, page: Page) -> None:
        """A word that only the Dutch 'about' page uses (also after stemming) finds that page."""
        page.goto("index.html")
        search(page, "nakeken")
        first = page.locator(".md-search-result__item").first
        expect(first).to_contain_text("Over dit portaal")
        expect(first.locator("a").first).to_have_attribute("href", re.compile(r"/about\.html"))
