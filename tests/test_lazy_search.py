"""No search bytes before the first search (issue 16): hosted and from file://, in both languages.

Material would fetch the search index, its worker and lunr's language files while the page loads;
overrides/assets/javascripts/search-gate.js holds them back until the reader opens search, then
the head index answers and the full text follows (hooks/kb/search_index_model.py).
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_search import search

from content_index import html_path, pages

SEARCH_FILE = re.compile(r"/search/search_(index|full)\.js(on)?|/workers/search\.|/lunr/")
LANGS = {"nl": "", "en": "en/"}


def search_requests(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def status_page(lang: str):
    """A status page of this language and its title, from the content files."""
    page = next(p for p in pages("status", lang) if p.meta.get("abbreviation"))
    return html_path(page), str(page.meta["abbreviation"]), str(page.meta["title"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("hosting", ["hosted", "file"])
def test_no_search_file_before_search_then_search_works(
    page: Page, site_url: str, built_site: Path, lang: str, hosting: str
) -> None:
    path, abbreviation, title = status_page(lang)
    url = f"{site_url}/{path}" if hosting == "hosted" else (built_site / path).as_uri()
    seen = search_requests(page)
    page.goto(url, wait_until="networkidle")
    page.mouse.wheel(0, 2000)  # scrolling and reading is not searching
    page.wait_for_load_state("networkidle")
    assert [u for u in seen if SEARCH_FILE.search(u)] == []
    search(page, abbreviation)
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text(title.split(":")[0])
    assert any("/search/search_index." in u for u in seen)


def test_no_sitemap_fetched_on_load(page: Page, site_url: str) -> None:
    """Material fetched both languages' sitemap.xml on every load; they grow with the site."""
    seen = search_requests(page)
    page.goto(f"{site_url}/index.html", wait_until="networkidle")
    assert [u for u in seen if u.endswith("sitemap.xml")] == []


@pytest.mark.parametrize("lang", LANGS)
def test_word_only_in_full_text_is_found(page: Page, site_url: str, lang: str) -> None:
    """A word from deep in a section is not in the head index: the full text finds it."""
    page.goto(f"{site_url}/{LANGS[lang]}index.html")
    word = {"nl": "sollicitatiegesprek", "en": "interview"}[lang]
    search(page, word)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_landing_page_highlights_the_typed_word(page: Page, site_url: str) -> None:
    """A result's link highlights what the reader typed ("leefloon"), not its stem ("leeflon")."""
    page.goto(f"{site_url}/index.html")
    search(page, "leefloon")
    link = page.locator(".md-search-result__item a").first
    expect(link).to_have_attribute("href", re.compile(r"[?&]h=leefloon\b"))
    link.click()
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text(
        re.compile("leefloon", re.I)
    )


def test_page_named_like_the_query_comes_first(page: Page, site_url: str) -> None:
    """ "leefloon" ranks "Leefloon en werken" first, not a page that mentions it in its names."""
    page.goto(f"{site_url}/index.html")
    search(page, "leefloon")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute(
        "href", re.compile(r"support/leefloon\.html")
    )
