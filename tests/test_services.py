"""Local places and the local services list in the browser (issue 27, part 2).

``tests/fixtures/site_local`` is built once with the portal's own code (as `make build` does)
and read in Chromium as a coach on a phone reads it. What each page should show is read from the
fixture's files through kb.local, so adding a service or an addition does not break the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sites import browser_context_args, site_fixture  # noqa: F401 (fixtures)

from axe_check import violations
from kb import kinds, languages, local, portal
from kb.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_local"
LOADED = portal.load(Project(FIXTURE, FIXTURE / "content", additions=FIXTURE / "additions"))
LANGS = ["nl", "en"]
PHONE = {"width": 320, "height": 640}


def prefix(lang: str) -> str:
    return "" if lang == languages.default() else f"{lang}/"


def address(page_base: str, lang: str) -> str:
    return prefix(lang) + page_base[:-3] + ".html"


def pages_with(filled: bool) -> list:
    """The fixture's Dutch pages whose local places have something to show (or not)."""
    return [
        p
        for p in sorted(LOADED.site.pages.values(), key=lambda p: p.src)
        if p.lang == languages.default()
        and p.kind != "service"
        and bool(local.place_view(LOADED, p, p.lang)) == filled
    ]


local_url = site_fixture("site_local", served=True)


def own(lang: str) -> dict:
    return kinds.labels(lang)["service"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_place_shows_its_text_and_its_services(page: Page, local_url: str, lang: str) -> None:
    filled = pages_with(True)
    assert filled, "the fixture needs a page whose place has an addition"
    for shared in filled:
        target = LOADED.site.by_slug(shared.kind, shared.slug, lang) or shared
        (place,) = local.place_view(LOADED, target, lang)
        page.goto(local_url + address(shared.base, lang))
        box = page.locator(f"[data-kb-local='{place['name']}']")
        expect(box.get_by_role("heading", level=2)).to_have_text(own(lang)["place"])
        for para in place["paragraphs"]:
            first = para if isinstance(para, str) else para[0]
            expect(box.locator(".kb-local__text")).to_contain_text(first.split("[")[0].strip())
        names = box.locator(".kb-service__name")
        expect(names).to_have_text([s.meta["title"] for s in place["services"]])
        names.first.get_by_role("link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            place["services"][0].meta["title"]
        )


def test_a_page_without_a_filled_place_shows_nothing_extra(page: Page, local_url: str) -> None:
    empty = pages_with(False)
    assert any(local.places(p) for p in empty), "the fixture needs an empty place"
    for shared in empty:
        for lang in LANGS:
            page.goto(local_url + address(shared.base, lang))
            expect(page.locator("h1")).to_be_visible()
            expect(page.locator("[data-kb-local]")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_filters_by_text_and_by_group_on_a_phone(
    page: Page, local_url: str, lang: str
) -> None:
    services = local.services(LOADED, lang)
    page.set_viewport_size(PHONE)
    page.goto(local_url + address("services/index.md", lang))
    cards = page.locator(".kb-service")
    expect(cards).to_have_count(len(services))
    search = page.get_by_label(own(lang)["search"])
    # a word that only one service's name holds
    word = next(
        w
        for s in services
        for w in s.meta["title"].split()
        if sum(w.lower() in t.meta["title"].lower() for t in services) == 1 and len(w) > 3
    )
    search.fill(word.lower())
    expect(page.locator(".kb-service:visible")).to_have_count(1)
    expect(page.locator(".kb-service:visible .kb-service__name")).to_contain_text(word)
    search.fill("")
    expect(page.locator(".kb-service:visible")).to_have_count(len(services))
    facet = services[-1].meta["for_whom"][-1]
    meant = [s for s in services if facet in s.meta["for_whom"]]
    page.locator(f"input[name=facet][value='{facet}']").check()
    expect(page.locator(".kb-service:visible")).to_have_count(len(meant))
    status = page.locator(".kb-services [role=status]")
    expect(status).to_have_text(
        own(lang)["count"].replace("{n}", str(len(meant))).replace("{total}", str(len(services)))
    )
    search.fill("zzzz-nothing")
    expect(status).to_have_text(own(lang)["none"])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_list_works_by_keyboard(page: Page, local_url: str) -> None:
    services = local.services(LOADED, "nl")
    page.goto(local_url + address("services/index.md", "nl"))
    page.locator(".kb-services input[type=search]").focus()
    page.keyboard.press("Tab")  # the first group
    first = page.locator("input[name=facet]").first
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    facet = first.get_attribute("value")
    meant = [s for s in services if facet in s.meta["for_whom"]]
    expect(page.locator(".kb-service:visible")).to_have_count(len(meant))
    page.locator(".kb-finder__reset").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kb-service:visible")).to_have_count(len(services))


def test_pages_pass_axe_in_light_and_dark_on_a_phone(
    page: Page, local_url: str, external_requests: list[str]
) -> None:
    page.set_viewport_size(PHONE)
    paths = [address("services/index.md", "nl"), address("services/index.md", "en")]
    paths += [address(p.base, "nl") for p in pages_with(True)[:1]]
    paths += [address(local.services(LOADED, "nl")[0].base, "en")]
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for path in paths:
            page.goto(local_url + path)
            assert violations(page) == [], (scheme, path)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    assert external_requests == []
