"""Search answers in the reader's language, finds plurals and other names, in the real search box.

The query set is tests/search_queries.yml (scripts/bench_search.py measures all of it with Python's
lunr); here the queries marked ``browser: true`` are typed into Material's search box in Chromium,
and the top three result pages must contain the page a coach expects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from test_search import search, unique_word

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
PREFIX = {"nl": "", "en": "en/"}


STABLE_RESULTS = """sel => {
  const now = [...document.querySelectorAll(sel)].map(e => e.getAttribute("href")).join(" ");
  const same = now !== "" && now === window.__kbLastResults;
  window.__kbLastResults = now;
  return same;
}"""


def result_pages(
    page: Page, selector: str = ".md-search-result__item > .md-search-result__link"
) -> list[str]:
    """The page of each result group, in order, once the list has stopped changing (the same
    list on two checks 150 ms apart: the search worker answers each keystroke in turn)."""
    page.wait_for_function(STABLE_RESULTS, arg=selector, polling=150, timeout=10_000)
    links = page.locator(selector)
    return [
        re.sub(r"[?#].*$", "", href)
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]


def relative(url: str, root: str) -> str:
    return url[len(root) :] if url.startswith(root) else url


def browser_queries() -> list[tuple[str, str, list[str]]]:
    cases = []
    for lang in ("nl", "en"):
        for item in QUERIES[lang]:
            if item.get("browser"):
                expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
                cases.append((lang, item["q"], expected))
    return cases


class TestLanguageIsolation:
    def test_dutch_site_returns_only_dutch_pages(self, page: Page, site_url: str) -> None:
        """On the Dutch site, "IBO" lists Dutch pages only: no result leads into /en/."""
        page.goto("index.html")
        search(page, "IBO")
        found = result_pages(page)
        assert found, "no results for IBO on the Dutch site"
        assert not [u for u in found if relative(u, site_url).startswith("en/")]
        assert site_url + "statuses/ibo.html" in found[:3]

    def test_english_site_returns_only_english_pages(self, page: Page, site_url: str) -> None:
        """On the English site, "IBO" lists English pages only, each under /en/."""
        page.goto("en/index.html")
        search(page, "IBO")
        found = result_pages(page)
        assert found, "no results for IBO on the English site"
        assert all(relative(u, site_url).startswith("en/") for u in found), found
        assert site_url + "en/statuses/ibo.html" in found[:3]

    def test_dutch_only_word_is_not_found_on_english_site(
        self, page: Page, built_site: Path
    ) -> None:
        """A Dutch word that no English page uses gives "no results" on the English site."""
        word, _ = unique_word(built_site)
        page.goto("en/index.html")
        search(page, word)
        expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"No matching"))


class TestStemming:
    def test_plural_finds_singular(self, page: Page, site_url: str) -> None:
        """The plural "beroepsopleidingen" finds the page on the individuele beroepsopleiding."""
        page.goto("index.html")
        search(page, "beroepsopleidingen")
        assert site_url + "statuses/ibo.html" in result_pages(page)[:3]

    def test_whole_word_still_matches(self, page: Page, site_url: str) -> None:
        """The whole word "beroepsopleiding" (not only its stem) finds the same page."""
        page.goto("index.html")
        search(page, "beroepsopleiding")
        assert site_url + "statuses/ibo.html" in result_pages(page)[:3]

    def test_english_plural_finds_singular(self, page: Page, site_url: str) -> None:
        """On the English site, "internships" finds the page on the paid internship (BIS)."""
        page.goto("en/index.html")
        search(page, "internships")
        assert site_url + "en/statuses/bis.html" in result_pages(page)[:3]


class TestQuerySet:
    @pytest.mark.parametrize(
        ("lang", "query", "expected"),
        browser_queries(),
        ids=[f"{c[0]}-{c[1]}" for c in browser_queries()],
    )
    def test_expected_page_in_top_three(
        self, page: Page, site_url: str, lang: str, query: str, expected: list[str]
    ) -> None:
        """Typed into the search box, the query shows the page a coach expects among the first three."""
        content = Path(__file__).resolve().parent.parent / "content"
        assert any((content / f"{slug}.md").exists() for slug in expected), (
            f"tests/search_queries.yml expects {expected} for {query!r}, but none of them exists"
        )
        page.goto(f"{PREFIX[lang]}index.html")
        search(page, query)
        found = [relative(u, site_url) for u in result_pages(page)]
        wanted = [f"{PREFIX[lang]}{slug}.html" for slug in expected]
        assert set(wanted) & set(found[:3]), (
            f"{query!r}: top 3 {found[:3]}, expected one of {wanted}"
        )
        assert all(u.startswith("en/") == (lang == "en") for u in found), found


class TestHosting:
    def test_english_search_under_a_sub_path(self, page: Page, subpath_url: str) -> None:
        """Under /portaal/, English search loads the English index and links stay under /portaal/en/."""
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(subpath_url + "en/about.html")
        search(page, "IBO")
        found = result_pages(page)
        assert subpath_url + "en/statuses/ibo.html" in found[:3]
        assert all(u.startswith(subpath_url + "en/") for u in found), found
        assert failed == []

    def test_english_search_from_file(
        self, page: Page, built_site: Path, external_requests: list[str]
    ) -> None:
        """Opened from disk, the English site searches its own index and asks no other host."""
        page.goto((built_site / "en" / "index.html").as_uri())
        search(page, "IBO")
        found = result_pages(page)
        root = built_site.as_uri() + "/"
        assert root + "en/statuses/ibo.html" in found[:3]
        assert all(u.startswith(root + "en/") for u in found), found
        assert external_requests == []


class TestIndexFiles:
    def test_one_index_per_language(self, built_site: Path) -> None:
        """search/ holds only Dutch pages and en/search/ only English ones, as .json and .js."""
        for folder, lang in (("", "nl"), ("en/", "en")):
            index = json.loads(
                (built_site / folder / "search/search_index.json").read_text("utf-8")
            )
            assert index["config"]["lang"] == [lang]
            assert not [d for d in index["docs"] if d["location"].startswith("en/")]
            script = (built_site / folder / "search/search_index.js").read_text("utf-8")
            assert json.loads(script.removeprefix("var __index = ")) == index
