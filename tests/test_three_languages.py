"""A new language is settings and content, not code (issue 25, proofs 5a and 5b).

Two fixture sites under tests/fixtures/ hold only a mkdocs.yml and content: ``site_fr`` in Dutch,
English and French (pages, one quiz, glossary terms in all three, one page only in Dutch) and
``site_ar`` in Dutch and Arabic. Each is built with the portal's own hooks, overrides and
scripts. The languages the tests expect come from the fixture's mkdocs.yml (kb.languages), so
adding a page or a language to a fixture does not break them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Page, expect
from sites import browser_context_args, site_fixture  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import languages  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def prefix(lang: languages.Language) -> str:
    return "" if lang.default else f"{lang.code}/"


def html_of(site: Path, lang: languages.Language, path: str) -> str:
    return (site / prefix(lang) / path).read_text(encoding="utf-8")


three = site_fixture("site_fr")
arabic = site_fixture("site_ar")
three_url = site_fixture("site_fr", served=True)
arabic_url = site_fixture("site_ar", served=True)


THREE = languages.from_file(FIXTURES / "site_fr" / "mkdocs.yml")
ARABIC = languages.from_file(FIXTURES / "site_ar" / "mkdocs.yml")
FRENCH = next(lang for lang in THREE if lang.code == "fr")
# The French labels the fixture supplies as content (content/_data/strings/), no code.
STRINGS = FIXTURES / "site_fr/content/_data/strings"
FRENCH_LABELS = yaml.safe_load((STRINGS / "content_strings.yml").read_text("utf-8"))["fr"]
FRENCH_UI = yaml.safe_load((STRINGS / "ui_strings.yml").read_text("utf-8"))


def meta(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def translated(langs: languages.Languages, rel: str) -> dict[str, str]:
    """The title of page ``rel`` (default-language path) in each language that has it."""
    content = FIXTURES / ("site_fr" if langs is THREE else "site_ar") / "content"
    found = {}
    for lang in langs:
        path = content / languages.translation_path(rel, lang.code, langs)
        if path.is_file():
            found[lang.code] = str(meta(path)["title"])
    return found


def test_the_fixture_has_three_languages_and_a_page_missing_in_french() -> None:
    """What the proofs below rely on, read from the fixture itself."""
    assert len(THREE) == 3 and FRENCH.dir == "ltr"
    assert "fr" not in translated(THREE, "guides/alleen-nederlands.md")


class TestBuildThreeLanguages:
    def test_each_language_has_its_own_search_index(self, three: Path) -> None:
        """Each language's index holds its own titles of the start page, and no other's."""
        titles = translated(THREE, "guides/start.md")
        assert len(set(titles.values())) == len(THREE), titles
        for lang in THREE:
            index = json.loads(html_of(three, lang, "search/search_index.json"))
            found = {doc.get("title") for doc in index["docs"]}
            assert titles[lang.code] in found, (lang.code, sorted(found))
            others = set(titles.values()) - {titles[lang.code]}
            assert not found & others, (lang.code, found & others)

    def test_language_switch_offers_every_language_and_keeps_the_page(self, three: Path) -> None:
        for lang in THREE:
            html = html_of(three, lang, "guides/start.html")
            links = dict(
                re.findall(
                    r'<a href="([^"]+)" hreflang="([a-z]+)"[^>]*class="md-select__link', html
                )
            )
            offered = {code: href for href, code in links.items()}
            assert set(offered) == set(languages.codes(THREE)), (lang.code, offered)
            here = "http://host/" + prefix(lang) + "guides/start.html"
            for target in THREE:
                wanted = "http://host/" + prefix(target) + "guides/start.html"
                assert urljoin(here, offered[target.code]) == wanted, (lang.code, target.code)

    def test_a_page_missing_in_french_is_the_dutch_page_with_a_notice(self, three: Path) -> None:
        html = html_of(three, FRENCH, "guides/alleen-nederlands.html")
        dutch = translated(THREE, "guides/alleen-nederlands.md")[languages.default(THREE)]
        assert dutch in html
        notice = re.search(r'class="admonition note kb-fallback".*?</div>', html, re.S)
        assert notice, "no fallback notice"
        assert FRENCH_LABELS["fallback_title"] in notice.group(0)

    def test_glossary_page_lists_the_terms_in_each_language(self, three: Path) -> None:
        terms = yaml.safe_load(
            (FIXTURES / "site_fr/content/_data/glossary.yml").read_text(encoding="utf-8")
        )
        for lang in THREE:
            html = html_of(three, lang, "woordenlijst.html")
            for term in terms:
                name = term[lang.code]["name"]
                assert name.replace("'", "&#39;") in html, (lang.code, name)


class TestBuildRightToLeft:
    def test_arabic_pages_are_right_to_left_and_dutch_ones_not(self, arabic: Path) -> None:
        for lang in ARABIC:
            html = html_of(arabic, lang, "guides/start.html")
            assert f'<html lang="{lang.code}"' in html
            assert re.search(rf'<body dir="{lang.dir}"', html), lang.code
        assert [lang.dir for lang in ARABIC] == ["ltr", "rtl"]


def test_quiz_works_in_french(page: Page, three_url: str) -> None:
    """The quiz on the French page asks in French and grades the right answer as right."""
    quiz = yaml.safe_load((FIXTURES / "site_fr/quizzes/drietalig.yml").read_text("utf-8"))
    question = quiz["questions"][0]
    right = next(o for o in question["options"] if o.get("correct"))
    page.goto(three_url + "fr/guides/start.html")
    root = page.locator("[data-kb-quiz='drietalig']")
    root.scroll_into_view_if_needed()
    expect(root).to_have_class(re.compile(r"\bkb-quiz--js\b"))
    expect(root).to_contain_text(question["prompt"]["fr"])
    expect(root.locator("[data-action='check']")).to_have_text(FRENCH_UI["check"]["fr"])
    item = root.locator(f"[data-qid='{question['id']}']")
    item.locator(f"input[value='{right['id']}']").check()
    root.locator("[data-action='check']").click()
    if root.locator(".kb-quiz__confirm").is_visible():
        root.locator("[data-action='confirm-yes']").click()
    expect(item.locator(".kb-quiz__mark--right, .kb-quiz__result--right").first).to_be_visible()
    expect(item.locator(".kb-quiz__explanation")).to_contain_text(question["explanation"]["fr"])


def test_glossary_tooltip_in_french(page: Page, three_url: str) -> None:
    """Pointing at an abbreviation on a French page shows its French explanation."""
    terms = yaml.safe_load(
        (FIXTURES / "site_fr/content/_data/glossary.yml").read_text(encoding="utf-8")
    )
    term = terms[0]
    page.goto(three_url + "fr/guides/start.html")
    abbr = page.locator(".md-content abbr", has_text=term["term"]).first
    abbr.hover()
    tip = page.locator(f"[id='{abbr.get_attribute('aria-describedby')}']")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(term["fr"]["explanation"])


@pytest.mark.parametrize("width", [320])
def test_arabic_pages_do_not_scroll_sideways(page: Page, arabic_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 640})
    for lang in ARABIC:
        for path in ["index.html", "guides/start.html"]:
            page.goto(arabic_url + prefix(lang) + path)
            expect(page.locator("body")).to_have_attribute("dir", lang.dir)
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            assert scroll <= inner, (lang.code, path, scroll, inner)
