"""Search on a coach's phone (issue 26): whole matches first, clean titles and snippets.

The queries of several words in tests/search_queries.yml (``multi: true``) that are marked
``browser: true`` are typed into the search box at 360 px, as a coach types them: the expected
page is among the first three, first when its title is the query; a page that has every word
comes before one that misses a word (Material marks the missing words under a result); no
result's title or text shows a stray "<" or ">" or a highlight inside a highlight; and a fact
box's labels stay apart from their values ("Duur: Per jaar", not "DuurPer jaar").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_search import unique_word
from test_search_language import PREFIX, QUERIES, relative, result_pages

from content_index import html_path, labels, pages

PHONE = {"width": 360, "height": 740}
CONTENT = Path(__file__).resolve().parent.parent / "content"
GROUP = ".md-search-result__item"
ARTICLE = f"{GROUP} > .md-search-result__link:first-child"  # the page, then its sections


def type_query(page: Page, path: str, query: str) -> None:
    """Open ``path`` at 360 px, tap the search button, type the query."""
    page.set_viewport_size(PHONE)
    page.goto(path)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially(query)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def multi_word_queries() -> list[tuple[str, str, list[str]]]:
    cases = []
    for lang in ("nl", "en"):
        for item in QUERIES[lang]:
            if item.get("multi") and item.get("browser"):
                expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
                cases.append((lang, item["q"], expected))
    return cases


def title_of(lang: str, slug: str) -> str:
    suffix = ".en.md" if lang == "en" else ".md"
    text = (CONTENT / f"{slug}{suffix}").read_text(encoding="utf-8")
    match = re.search(r"^title:\s*(.+)$", text, re.M)
    return match.group(1).strip().strip("\"'") if match else ""


def assert_clean(page: Page) -> None:
    """Titles and snippets are text: no markup shows, no highlight sits inside another."""
    shown = page.locator(f"{GROUP} article").evaluate_all("els => els.map(e => e.innerText)")
    assert shown, "no results shown"
    stray = [text for text in shown if "<" in text or ">" in text]
    assert stray == [], f"markup shows in results: {stray[:3]}"
    assert page.locator(f"{GROUP} mark mark").count() == 0


CASES = multi_word_queries()

# Does a result say it misses a word? Material shows, under each result, the text of its best
# entry (the page itself, or the section below the page's title) and the words it misses.
LEAD_MISSES = """groups => groups.map(group => {
  const links = [...group.querySelectorAll(":scope > .md-search-result__link")];
  const page = links[0];
  const bare = page.querySelector("article").innerText.trim() === page.querySelector("h1").innerText.trim();
  const lead = bare && links[1] ? links[1] : page;
  return Boolean(lead.querySelector(".md-search-result__terms"));
})"""


class TestWholeMatchesFirst:
    @pytest.mark.parametrize(
        ("lang", "query", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
    )
    def test_query_of_several_words(
        self, page: Page, site_url: str, lang: str, query: str, expected: list[str]
    ) -> None:
        """The expected page shows among the first three (first if its title is the query), every
        result with all the words comes before any that misses one, and the text is clean."""
        type_query(page, f"{PREFIX[lang]}index.html", query)
        found = [relative(u, site_url) for u in result_pages(page, ARTICLE)]
        wanted = [f"{PREFIX[lang]}{slug}.html" for slug in expected]
        assert set(wanted) & set(found[:3]), f"{query!r}: top 3 {found[:3]}, expected {wanted}"
        exact = [
            w
            for w, slug in zip(wanted, expected, strict=True)
            if words(title_of(lang, slug)) == words(query)
        ]
        if exact:
            assert found[0] in exact, f"{query!r}: the page titled so is not first: {found[:3]}"
        missing = page.locator(GROUP).evaluate_all(LEAD_MISSES)
        complete = [i for i, miss in enumerate(missing) if not miss]
        partial = [i for i, miss in enumerate(missing) if miss]
        assert not complete or not partial or max(complete) < min(partial), (
            f"{query!r}: a result that misses a word comes before one that has them all: "
            f"{list(zip(found, missing, strict=False))[:8]}"
        )
        assert_clean(page)

    def test_title_highlight_is_not_broken(self, page: Page, site_url: str) -> None:
        """A page's whole English title typed as the query: its title is highlighted cleanly,
        each word once, and reads as the title (a word and its stem used to mark it twice)."""
        status = next(p for p in pages("status", "en") if len(words(str(p.meta["title"]))) >= 2)
        title = str(status.meta["title"])
        type_query(page, "en/index.html", title)
        result_pages(page)
        assert_clean(page)
        first = page.locator(f"{ARTICLE} h1").first
        assert words(first.inner_text()) == words(title)


class TestFactsInSnippets:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_labels_apart_from_values(self, page: Page, lang: str) -> None:
        """A fact box's label and value, searched, show apart in the results ("Duur: Per jaar",
        not "DuurPer jaar"), for every label that a status page's fact box has."""
        label = labels(lang)["duration"]
        status = next(  # a duration that starts with a word, not a number
            p
            for p in pages("status", lang)
            if re.match(r"[^\W\d]{5,} ", str(p.meta.get("duration")))
        )
        page.set_viewport_size(PHONE)
        page.goto(html_path(status))
        names = page.locator(".kb-facts dt").all_inner_texts()
        assert label in names, f"{html_path(status)}: no {label!r} in its fact box: {names}"
        value = " ".join(str(status.meta["duration"]).split()[:3])
        type_query(page, f"{PREFIX[lang]}index.html", f"{label} {value}")
        results = page.locator(".md-search-result__list")
        expect(results).to_contain_text(f"{label}: ", timeout=15_000)  # the full text is in
        assert_clean(page)
        shown = " ".join(
            page.locator(f"{GROUP} article").evaluate_all("els => els.map(e => e.innerText)")
        )
        glued = [n for n in names if re.search(re.escape(n) + r"[A-ZÀ-Ý0-9]", shown)]
        assert glued == [], f"labels glued to their values: {glued} in {shown[:400]}"


class TestNothingFound:
    def test_english_search_says_what_to_try(self, page: Page, built_site: Path) -> None:
        """A Dutch word that no English page uses: the English search says to try the Dutch word
        or the Dutch pages, instead of only "no matching documents"."""
        word, _ = unique_word(built_site)
        type_query(page, "en/index.html", word)
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_contain_text("No matching pages")
        expect(meta).to_contain_text("Nederlands")
        assert page.locator(GROUP).count() == 0
