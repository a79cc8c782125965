"""Status pages show their facts, sources and last-checked date; the overview compares them all
and the finder filters it by keyboard; pages that name each other are linked both ways."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import StaticServer
from playwright.sync_api import Browser, Page, expect
from test_build_errors import copy_project

from content_index import ROOT, SITE, html_path, labels, pages
from kb import eligibility, kinds


def shown_for(facet: str, lang: str = "nl") -> list:
    """The status pages the finder shows for ``facet``: derived from their eligibility rules."""
    questions = eligibility.load(ROOT)[0]
    return [p for p in pages("status", lang) if facet in eligibility.facets(p, questions)]


LABELS = {
    "nl": ("Feiten op een rij", "Voor wie", "Laatst nagekeken op"),
    "en": ("Key facts", "Who can use it", "Last checked on"),
}


def status(slug: str, lang: str):
    return next(p for p in pages("status", lang) if p.slug == slug)


class TestFactBox:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_fact_box_in_page_language(self, page: Page, lang: str) -> None:
        """The IBO page shows its key facts, labelled in the page's language."""
        ibo = status("ibo", lang)
        page.goto(html_path(ibo))
        facts_title, for_whom, checked = LABELS[lang]
        box = page.locator(".kb-facts")
        expect(box.get_by_role("heading", name=facts_title)).to_be_visible()
        expect(box.locator("dt", has_text=for_whom)).to_be_visible()
        expect(box).to_contain_text(ibo.meta["organiser"].split(".")[0])
        expect(page.locator(".kb-reviewed")).to_contain_text(checked)

    def test_sources_with_official_link(self, page: Page) -> None:
        """Every source is listed; official ones are marked and link out."""
        ibo = status("ibo", "nl")
        page.goto(html_path(ibo))
        items = page.locator(".kb-sources li")
        expect(items).to_have_count(len(ibo.meta["sources"]))
        official = next(s for s in ibo.meta["sources"] if s.get("official"))
        expect(page.locator(f".kb-sources a[href='{official['url']}']")).to_be_visible()
        expect(page.locator(".kb-sources")).to_contain_text("officiële bron")

    def test_replaced_measure_points_to_successor(self, page: Page) -> None:
        """A replaced (or in Flanders mostly replaced) measure links to its successor."""
        key = next(
            k
            for k in ("replaced_by", "mostly_replaced_by")
            for p in pages("status")
            if p.meta.get(k)
        )
        old = next(p for p in pages("status") if p.meta.get(key))
        new = status(old.meta[key], "nl")
        page.goto(html_path(old))
        notice = page.locator(".kb-replaced")
        expect(notice).to_be_visible()
        if key == "mostly_replaced_by":  # it still exists: the notice must not say it is gone
            expect(notice).to_contain_text("bestaat nog")
            expect(notice).not_to_contain_text("niet meer")
        notice.get_by_role("link", name=new.meta["title"]).click()
        expect(page.locator("h1")).to_contain_text(new.meta["title"].split(":")[0])


class TestRegion:
    """The region a rule is about is data on the page, shown in the reader's language."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_fact_box_names_region_and_marks_each_difference(self, page: Page, lang: str) -> None:
        """A status whose rules differ per region shows, in its fact box, the region it covers
        and every difference with the region it is about."""
        t = labels(lang)
        marked = next(p for p in pages("status", lang) if p.meta.get("region_notes"))
        page.goto(html_path(marked))
        region = page.locator(".kb-facts dt", has_text=t["region"]).locator(
            "xpath=following-sibling::dd[1]"
        )
        expect(region).to_contain_text(t["regions"][marked.meta["region"]])
        notes = region.locator("li")
        expect(notes).to_have_count(len(marked.meta["region_notes"]))
        for note, item in zip(marked.meta["region_notes"], notes.all(), strict=True):
            expect(item.locator("strong")).to_have_text(t["regions"][note["region"]] + ":")
            expect(item).to_contain_text(note["text"].split(".")[0])

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_background_page_about_brussels_says_so(self, page: Page, lang: str) -> None:
        """A background page about Brussels says under its title that it is about Brussels, and
        a reader reaches it from the support section."""
        t = labels(lang)
        brussels = next(p for p in pages("topic", lang) if p.meta.get("region") == "brussels")
        index = next(
            p for p in SITE.pages.values() if p.base == "support/index.md" and p.lang == lang
        )
        page.goto(html_path(index))
        page.locator("article").get_by_role("link", name=brussels.meta["title"]).click()
        expect(page.locator("h1")).to_have_text(brussels.meta["title"])
        expect(page.locator(".kb-region")).to_contain_text(
            f"{t['region_page']} {t['regions']['brussels']}"
        )


class TestCrossLinks:
    def test_status_lists_pages_that_refer_to_it(self, page: Page) -> None:
        """A status shows the stories, guides and statuses whose front matter names it."""
        target, referrer = next((s, r) for s in pages("status") for _, r in SITE.referring(s, "nl"))
        page.goto(html_path(target))
        backlinks = page.locator(".kb-backlinks")
        expect(
            backlinks.get_by_role("link", name=referrer.meta["title"], exact=True)
        ).to_be_visible()


class TestOverview:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_table_lists_every_status(self, page: Page, lang: str) -> None:
        """The overview has one row per status page, with its title linking to it."""
        page.goto("en/statuses/index.html" if lang == "en" else "statuses/index.html")
        rows = page.locator("[data-kb-overview] tbody tr")
        expect(rows).to_have_count(len(pages("status", lang)))
        first = pages("status", lang)[0]
        expect(
            page.locator("[data-kb-overview]").get_by_role(
                "link", name=first.meta["title"], exact=True
            )
        ).to_be_visible()

    def test_without_javascript_full_table_and_no_finder(
        self, browser: Browser, site_url: str
    ) -> None:
        """With JavaScript off the finder stays hidden and every status is in the table."""
        context = browser.new_context(java_script_enabled=False, base_url=site_url)
        page = context.new_page()
        page.goto("statuses/index.html")
        expect(page.locator("[data-kb-finder]")).to_be_hidden()
        expect(page.locator("[data-kb-overview] tbody tr")).to_have_count(len(pages("status")))
        context.close()


class TestFinder:
    def test_filter_by_keyboard(self, page: Page) -> None:
        """Ticking a group with the keyboard shows only the statuses for it, and says how many."""
        page.goto("statuses/index.html")
        facet = "recognised-refugee"
        expected = shown_for(facet)
        box = page.get_by_label("Erkend vluchteling")
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
        expect(page.locator("[data-kb-overview] tbody tr:visible")).to_have_count(len(expected))
        expect(page.locator(".kb-finder__status")).to_have_text(
            f"{len(expected)} van {len(pages('status'))} statuten getoond"
        )
        page.get_by_role("button", name="Alles tonen").press("Enter")
        expect(page.locator("[data-kb-overview] tbody tr:visible")).to_have_count(
            len(pages("status"))
        )

    def test_finder_in_english(self, page: Page) -> None:
        """The English finder speaks English and filters the same way."""
        page.goto("en/statuses/index.html")
        page.get_by_label("Registered at VDAB").check()
        expected = shown_for("vdab-jobseeker", "en")
        expect(page.locator(".kb-finder__status")).to_have_text(
            f"{len(expected)} of {len(pages('status', 'en'))} statuses shown"
        )


# --- a separate build: the clock moved on, and a local page exists only in Dutch -----------------


@pytest.fixture(scope="module")
def aged_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("aged") / "project")
    (project / "content/lokaal.md").write_text(
        "---\ntitle: Ons lokaal aanbod\nsummary: Wat onze organisatie in de eigen gemeente aanbiedt.\n---\n\n"
        "# Ons lokaal aanbod\n\nDeze pagina bestaat alleen in het Nederlands.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PORTAL_TODAY": "2028-06-01"}
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    server = StaticServer(project / "site")
    yield result, server.url
    server.stop()


class TestFreshness:
    def test_build_warns_about_stale_pages_but_succeeds(self, aged_site) -> None:
        """Eighteen months later the build still publishes, and lists the pages to re-check."""
        result, _ = aged_site
        assert result.returncode == 0, result.stderr[-2000:]
        assert re.search(r"Review due: \d+ page\(s\), the oldest check first", result.stderr)
        assert "content/statuses/ibo.md: last checked" in result.stderr

    def test_stale_page_shows_notice(self, page: Page, aged_site) -> None:
        """A status checked longer ago than its kind's interval (six months) says so on the page,
        in the page's language."""
        _, url = aged_site
        months = kinds.get("status").review_months
        page.goto(url + "statuses/ibo.html")
        expect(page.locator(".kb-stale")).to_contain_text(f"meer dan {months} maanden geleden")
        page.goto(url + "en/statuses/ibo.html")
        expect(page.locator(".kb-stale")).to_contain_text(f"more than {months} months ago")


class TestTranslationFallback:
    def test_build_reports_missing_english(self, aged_site) -> None:
        result, _ = aged_site
        assert "have no English version yet" in result.stderr and "lokaal.md" in result.stderr

    def test_dutch_only_page_shown_with_english_notice(self, page: Page, aged_site) -> None:
        """On the English site a Dutch-only page opens in Dutch, with a notice in English."""
        _, url = aged_site
        page.goto(url + "en/lokaal.html")
        expect(page.locator(".kb-fallback")).to_contain_text("does not exist in English yet")
        expect(page.locator("[lang='nl'] h1")).to_contain_text("Ons lokaal aanbod")
