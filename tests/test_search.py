"""Search finds pages by the words on them."""

import json
import re
from pathlib import Path

import snowballstemmer
from playwright.sync_api import Page, expect


def search(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # fill() sends no key events, and Material listens for them


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]{9,}", re.sub(r"<[^>]+>", " ", text).lower()))


def unique_word(site: Path) -> tuple[str, str]:
    """A long Dutch word that only one Dutch page uses, and no English page: (word, page)."""
    nl = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = (site / "en/search/search_index.json").read_text(encoding="utf-8").lower()
    pages: dict[str, set[str]] = {}
    for doc in nl["docs"]:
        for word in words_of(doc["title"] + " " + doc["text"]):
            pages.setdefault(word, set()).add(doc["location"].split("#")[0])
    stem = snowballstemmer.stemmer("dutch_porter").stemWord  # the browser's Dutch stemmer
    stems = {w: stem(w) for w in pages}
    for word in sorted(pages):
        # search looks for "stem*": no other word (or stem) may start with this word's stem
        prefix = stems[word]
        if (
            len(pages[word]) == 1
            and prefix not in en
            and not any(
                w != word and (w.startswith(prefix) or s.startswith(prefix))
                for w, s in stems.items()
            )
        ):
            return word, next(iter(pages[word]))
    raise AssertionError("no word is unique to one Dutch page")


class TestSearch:
    def test_dutch_word_finds_dutch_page(self, page: Page, built_site: Path) -> None:
        """A word that only one Dutch page uses finds that page first."""
        word, location = unique_word(built_site)
        page.goto("index.html")
        search(page, word)
        first = page.locator(".md-search-result__item").first
        expect(first.locator("a").first).to_have_attribute("href", re.compile(re.escape(location)))
