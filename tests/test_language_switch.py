"""The language switch keeps the reader on the same page, in both directions."""

from playwright.sync_api import Page, expect


def switch_language(page: Page, lang: str) -> None:
    """Open the header's language menu by keyboard and choose a language with Enter."""
    page.locator(".md-header__option .md-select > button").first.focus()
    link = page.locator(f"a.md-select__link[hreflang='{lang}']")
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Enter")


class TestLanguageSwitch:
    def test_dutch_page_to_english_partner(self, page: Page) -> None:
        """From the Dutch 'about' page the switch leads to the English 'about' page."""
        page.goto("about.html")
        switch_language(page, "en")
        expect(page).to_have_url(page.url.split("/about.html")[0] + "/en/about.html")
        expect(page.locator("h1")).to_have_text("About this portal")

    def test_english_page_back_to_dutch(self, page: Page) -> None:
        """From the English page the switch leads back to the same Dutch page."""
        page.goto("en/about.html")
        switch_language(page, "nl")
        expect(page.locator("h1")).to_have_text("Over dit portaal")
        expect(page.locator("html")).to_have_attribute("lang", "nl")

    def test_home_switch_under_subpath(self, page: Page, subpath_url: str) -> None:
        """On the home page under a sub-path, the switch stays inside the sub-path."""
        page.goto(subpath_url + "index.html")
        switch_language(page, "en")
        expect(page).to_have_url(subpath_url + "en/index.html")
        switch_language(page, "nl")
        expect(page).to_have_url(subpath_url + "index.html")
