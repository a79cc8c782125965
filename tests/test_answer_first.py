"""Every status and support page opens with its answer (issue 26.3): on a 360 x 740 phone the
page's one-line summary and the facts a coach asks first are on the first screen, in both
languages, and the rest of the fact box follows. Pages whose rules depend on each other
(``depends_on``) link to each other in their text, so a coach can follow the rule across."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from axe_check import violations
from content_index import SITE, html_path, labels, pages
from kb import content_model, first_facts

LANGS = ["nl", "en"]
PHONE = {"width": 360, "height": 740}
# Links in the page's own text and facts; not the boxes of related pages, back-links or sources
# that the portal adds by itself.
TEXT_LINKS = "article a:not(.kb-box a):not(.kb-backlinks a):not(.kb-sources a)"
STATUS_FACTS = ["eligibility", "organiser", "duration", "income", "employer", "conditions", "after"]
STATUS_FACTS += ["legal_basis"]


def answer_pages(lang: str) -> list[content_model.Page]:
    """Every status page and every support page, as the content has them today."""
    support = [p for p in pages("topic", lang) if p.src.startswith(first_facts.REQUIRED_IN)]
    return pages("status", lang) + support


ANSWERS = [doc for lang in LANGS for doc in answer_pages(lang)]
DEPENDENCIES = [
    (doc, target)
    for lang in LANGS
    for doc in answer_pages(lang)
    for target in doc.meta.get("depends_on") or []
]


def opening_words(value: str) -> str:
    """The start of a fact as a reader sees it: its text up to the first link or emphasis."""
    return re.split(r"[\[*_]", value)[0].strip()[:40]


def text_link_to(page: Page, doc: content_model.Page) -> Locator:
    """The first link in the page's text that leads to ``doc`` (in the page's language)."""
    links = page.locator(TEXT_LINKS)
    paths = links.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    target = "/" + html_path(doc)
    found = [i for i, path in enumerate(paths) if path.endswith(target)]
    assert found, f"no link in the text leads to {target}"
    return links.nth(found[0])


def test_every_status_and_support_page_is_covered() -> None:
    """The sweep below finds the pages in the content, and all of them open with first facts."""
    for lang in LANGS:
        found = answer_pages(lang)
        assert len(found) > len(pages("status", lang)), "no support page found"
        assert all(len(first_facts.first_facts(d.kind, d.meta)) in (2, 3) for d in found)
    assert DEPENDENCIES, "no page names the pages its rules depend on"


@pytest.mark.parametrize("doc", ANSWERS, ids=[html_path(d) for d in ANSWERS])
def test_summary_and_first_facts_on_the_first_screen(page: Page, doc: content_model.Page) -> None:
    """Opened on a phone, the page shows its summary and then its first facts, each whole and
    labelled in the page's language, without the reader scrolling."""
    page.set_viewport_size(PHONE)
    page.goto(html_path(doc))
    t = labels(doc.lang)
    lead = page.locator("article .kb-lead")
    expect(lead).to_have_text(doc.meta["summary"])
    expect(lead).to_be_in_viewport(ratio=1)
    shown = page.locator("article .kb-facts__first .kb-facts__fact")
    expected = first_facts.first_facts(doc.kind, doc.meta)
    expect(shown).to_have_count(len(expected))
    for i, (field, value) in enumerate(expected):
        fact = shown.nth(i)
        expect(fact.locator("dt")).to_have_text(t[field])
        for words in [t["facets"][f] for f in value] if isinstance(value, list) else [value]:
            expect(fact.locator("dd")).to_contain_text(opening_words(words))
        expect(fact).to_be_in_viewport(ratio=1)
    assert page.evaluate("scrollY") == 0


@pytest.mark.parametrize("lang", LANGS)
def test_rest_of_the_fact_box_follows_without_repeating(page: Page, lang: str) -> None:
    """Below its first facts, each status's fact box goes on with its other facts: every fact
    appears once, the first ones on top."""
    t = labels(lang)
    for doc in pages("status", lang):
        page.goto(html_path(doc))
        box = page.locator("article .kb-facts")
        first = box.locator(".kb-facts__first dt").all_inner_texts()
        rest = box.locator(".kb-facts__list > dt").all_inner_texts()
        expected = [t[f] for f, _ in first_facts.first_facts(doc.kind, doc.meta)]
        assert first == expected, (doc.src, first)
        assert not set(first) & set(rest), (doc.src, first, rest)
        assert {t[f] for f in STATUS_FACTS} <= set(first) | set(rest), (doc.src, first, rest)
        top = box.locator(".kb-facts__first").bounding_box()
        below = box.locator(".kb-facts__list").bounding_box()
        assert top and below and top["y"] + top["height"] <= below["y"], doc.src


@pytest.mark.parametrize(
    ("doc", "target"),
    DEPENDENCIES,
    ids=[f"{html_path(d)}->{t}" for d, t in DEPENDENCIES],
)
def test_pages_that_depend_on_each_other_link_both_ways(
    page: Page, doc: content_model.Page, target: str
) -> None:
    """Where a page says its rule depends on another page, a coach on a phone follows the link
    there (in the same language), and finds a link back from that page's text."""
    dest, why = content_model.resolve(SITE, target, "", doc.lang)
    assert dest is not None and not why, target
    page.set_viewport_size(PHONE)
    page.goto(html_path(doc))
    link = text_link_to(page, dest)
    link.scroll_into_view_if_needed()
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(re.escape(html_path(dest)) + r"(#.*)?$"))
    expect(page.locator("article h1")).to_have_text(dest.meta["title"])
    back = text_link_to(page, doc)
    back.scroll_into_view_if_needed()
    expect(back).to_be_visible()


def _sample() -> list[str]:
    """One work measure, one residence status and one support page, in both languages."""
    picks = []
    for lang in LANGS:
        statuses = pages("status", lang)
        for category in ("work", "residence"):
            picks.append(next(d for d in statuses if d.meta["category"] == category))
        picks.append(answer_pages(lang)[-1])
    return [html_path(d) for d in picks]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", _sample())
def test_answer_passes_axe_on_a_phone(page: Page, path: str, scheme: str) -> None:
    """The answer block keeps the page free of axe violations (contrast, heading order) on a
    phone, in the light and the dark scheme."""
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    slate = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", slate)
    expect(page.locator("article .kb-lead")).to_be_visible()
    assert violations(page) == []
