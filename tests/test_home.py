"""The home page greets the reader in Dutch at the root and in English under /en/."""

from playwright.sync_api import Page, expect


class TestHomePage:
    def test_dutch_home_at_root(self, page: Page) -> None:
        """The root shows the Dutch home page, marked as Dutch for screen readers."""
        page.goto("index.html")
        expect(page).to_have_title("Welkom - Jobcoachportaal")
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.locator("h1")).to_have_text("Jobcoachportaal")

    def test_english_home_under_en(self, page: Page) -> None:
        """/en/ shows the English home page, marked as English."""
        page.goto("en/index.html")
        expect(page).to_have_title("Welcome - Job coach portal")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.locator("h1")).to_have_text("Job coach portal")

    def test_interface_in_page_language(self, page: Page) -> None:
        """Material's own labels (search box) follow the page's language."""
        page.goto("index.html")
        expect(page.locator("input.md-search__input")).to_have_attribute("placeholder", "Zoeken")
        page.goto("en/index.html")
        expect(page.locator("input.md-search__input")).to_have_attribute("placeholder", "Search")

    def test_no_generator_line(self, page: Page) -> None:
        """The footer carries the portal's own copyright and no "made with" line."""
        page.goto("index.html")
        expect(page.locator(".md-copyright")).to_contain_text("Jobcoachportaal")
        expect(page.locator(".md-copyright")).not_to_contain_text("Material for MkDocs")
