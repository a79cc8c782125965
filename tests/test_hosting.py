"""One build works at a domain root, under a sub-path and from file:// (a USB stick)."""

from pathlib import Path

from playwright.sync_api import Page, expect
from test_search import search


def assert_styled(page: Page) -> None:
    """Material's stylesheet loaded: the header is fixed-position, not plain text flow."""
    header = page.locator("header.md-header")
    expect(header).to_be_visible()
    assert header.evaluate("h => getComputedStyle(h).position") in {"sticky", "fixed"}


class TestSubPath:
    def test_navigation_assets_and_search(self, page: Page, subpath_url: str) -> None:
        """Under /portaal/ the styles load, the nav leads to another page and search answers."""
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(subpath_url + "index.html")
        assert_styled(page)
        page.locator(".md-content a[href='about.html']").click()
        expect(page).to_have_url(subpath_url + "about.html")
        expect(page.locator("h1")).to_have_text("Over dit portaal")
        search(page, "IBO")  # a name whose page is certain to rank first (title and abbreviation)
        expect(page.locator(".md-search-result__item").first).to_contain_text(
            "individuele beroepsopleiding"
        )
        assert failed == []


class TestSitemaps:
    def test_each_language_has_a_sitemap(self, page: Page, site_url: str) -> None:
        """/sitemap.xml and /en/sitemap.xml exist and name real addresses (no 'None')."""
        for path in ("sitemap.xml", "en/sitemap.xml"):
            response = page.request.get(site_url + path)
            assert response.status == 200, path
            body = response.text()
            assert "en/about.html" in body and "None" not in body


class TestOffline:
    def test_file_url_navigation_and_search(
        self, page: Page, built_site: Path, external_requests: list[str]
    ) -> None:
        """Opened from disk, the portal navigates, searches and asks no other host."""
        page.goto((built_site / "index.html").as_uri())
        assert_styled(page)
        page.locator(".md-content a[href='about.html']").click()
        expect(page.locator("h1")).to_have_text("Over dit portaal")
        search(page, "IBO")  # a name whose page is certain to rank first (title and abbreviation)
        expect(page.locator(".md-search-result__item").first).to_contain_text(
            "individuele beroepsopleiding"
        )
        assert external_requests == []
