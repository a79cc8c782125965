"""Abbreviations are explained on hover and on keyboard focus, in the page's language, and the
glossary page lists every term in both languages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from axe_check import violations
from pages import ALL_PAGES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import glossary_model  # noqa: E402

TERMS = glossary_model.load(ROOT)
BY_TERM = {lang: {t["term"]: t for t in terms} for lang, terms in TERMS.items()}
GLOSSARY_PAGE = {"nl": "woordenlijst.html", "en": "en/woordenlijst.html"}


def source_exists(path: str) -> bool:
    """Whether the English page at ``path`` (en/x/y.html) has its own file content/x/y.en.md."""
    return (ROOT / "content" / re.sub(r"^en/", "", path).replace(".html", ".en.md")).exists()


def tab_to(page: Page, text: str, limit: int = 80) -> Locator:
    """Press Tab until the focused element is the abbreviation ``text``; fail if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.textContent]"
        )
        if focused == ["ABBR", text]:
            return page.locator("abbr:focus")
    pytest.fail(f"The Tab key never reached the abbreviation {text}")


def tooltip_of(abbr: Locator) -> Locator:
    """The tooltip the abbreviation points to with aria-describedby (as a screen reader follows it)."""
    expect(abbr).to_have_attribute("aria-describedby", re.compile(r"\S"))
    return abbr.page.locator(f"[id='{abbr.get_attribute('aria-describedby')}']")


@pytest.mark.parametrize("lang", ["nl", "en"])
class TestExplanationOnHoverAndFocus:
    def test_hover_shows_the_explanation_in_the_page_language(self, page: Page, lang: str) -> None:
        """Pointing at 'VDAB' on the glossary page's intro shows VDAB's full name and explanation."""
        page.goto(GLOSSARY_PAGE[lang])
        vdab = BY_TERM[lang]["VDAB"]
        page.locator(".md-content abbr", has_text="VDAB").first.hover()
        tip = tooltip_of(page.locator(".md-content abbr", has_text="VDAB").first)
        expect(tip).to_be_visible()
        expect(tip).to_contain_text(vdab["explanation"])
        expect(tip).to_contain_text(vdab["name"])

    def test_keyboard_focus_shows_the_explanation(self, page: Page, lang: str) -> None:
        """Tabbing to 'OCMW' shows its explanation, and it is the page language's explanation."""
        page.goto(GLOSSARY_PAGE[lang])
        abbr = tab_to(page, "OCMW")
        tip = tooltip_of(abbr)
        expect(tip).to_be_visible()
        expect(tip).to_contain_text(BY_TERM[lang]["OCMW"]["explanation"])
        other = "en" if lang == "nl" else "nl"
        expect(tip).not_to_contain_text(BY_TERM[other]["OCMW"]["explanation"])

    def test_tooltip_goes_away_when_focus_moves_on(self, page: Page, lang: str) -> None:
        """After tabbing past the abbreviation, its explanation no longer covers the text."""
        page.goto(GLOSSARY_PAGE[lang])
        abbr = tab_to(page, "OCMW")
        tip = tooltip_of(abbr)
        expect(tip).to_be_visible()
        page.keyboard.press("Tab")
        expect(tip).to_be_hidden()

    def test_focused_abbreviation_has_a_visible_focus_ring(self, page: Page, lang: str) -> None:
        """A keyboard user sees where the focus is: the abbreviation gets an outline."""
        page.goto(GLOSSARY_PAGE[lang])
        abbr = tab_to(page, "VDAB")
        style = abbr.evaluate(
            "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
        )
        assert not style.startswith("none") and not style.endswith(" 0px"), style


STATUS_PAGE = {"nl": "statuses/ibo.html", "en": "en/statuses/ibo.html"}


@pytest.mark.parametrize("lang", ["nl", "en"])
class TestLazyTooltips:
    """glossary.js makes a tooltip only when a term is first hovered, focused or touched."""

    def test_no_tooltip_exists_before_interaction(self, page: Page, lang: str) -> None:
        """After the page has loaded, no tooltip element is in the page and no term points to one;
        every term still carries its explanation in its title."""
        page.goto(STATUS_PAGE[lang], wait_until="load")
        page.wait_for_timeout(300)  # past any task the page would run after load
        assert page.locator(".md-content abbr.kb-term[title]").count() > 0
        expect(page.locator(".md-tooltip2, [role='tooltip']")).to_have_count(0)
        expect(page.locator("abbr[aria-describedby]")).to_have_count(0)

    def test_focus_shows_it_and_escape_closes_it(self, page: Page, lang: str) -> None:
        """Tab reaches the first term (the glossary script makes it a focus stop) and shows one
        tooltip inside <main>, linked by aria-describedby; Escape closes it and focus stays on the
        term; focusing the term again shows it again."""
        page.goto(STATUS_PAGE[lang])
        term = page.locator("article abbr.kb-term[tabindex]").first
        title = term.get_attribute("title")
        # Tab reaches it from the focus stop before it (the script made it one: the HTML has none)
        page.evaluate(
            """t => {
            const stops = [...document.querySelectorAll(
                'a[href], button, input, select, textarea, summary, [tabindex]')]
                .filter(e => e.tabIndex >= 0 && e.getClientRects().length);
            stops[stops.indexOf(t) - 1].focus();
        }""",
            term.element_handle(),
        )
        page.keyboard.press("Tab")
        expect(term).to_be_focused()
        tip = tooltip_of(term)
        expect(tip).to_be_visible()
        expect(tip).to_have_text(title or "")
        expect(tip).to_have_attribute("role", "tooltip")
        assert tip.evaluate("t => !!t.closest('main')")
        expect(page.locator("[role='tooltip']")).to_have_count(1)
        page.keyboard.press("Escape")
        expect(page.locator("[role='tooltip']")).to_have_count(0)
        expect(term).to_be_focused()
        expect(term).not_to_have_attribute("aria-describedby", re.compile("."))
        expect(term).to_have_attribute("title", title or "")
        page.locator("article a").first.focus()
        term.focus()
        expect(tooltip_of(term)).to_be_visible()

    def test_hover_shows_it_it_can_be_hovered_and_escape_closes_it(
        self, page: Page, lang: str
    ) -> None:
        """Pointing at a term shows its tooltip; the pointer can move onto the tooltip and it stays
        (WCAG 1.4.13 hoverable); Escape closes it; pointing elsewhere lets it go."""
        page.goto(STATUS_PAGE[lang])
        term = page.locator("article abbr.kb-term").first
        term.hover()
        tip = tooltip_of(term)
        expect(tip).to_have_css("opacity", "1")
        box = tip.locator(".md-tooltip2__inner").bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
        page.wait_for_timeout(600)  # longer than the 250 ms a tooltip stays after the pointer left
        expect(tip).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator("[role='tooltip']")).to_have_count(0)
        term.hover()
        expect(tooltip_of(term)).to_be_visible()
        page.mouse.move(1, 1)
        expect(page.locator("[role='tooltip']")).to_have_count(0)

    def test_fits_a_320px_screen(self, page: Page, lang: str) -> None:
        """On a 320 px wide phone the tooltip of a term near the right edge stays on screen and the
        page does not scroll sideways."""
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(STATUS_PAGE[lang])
        terms = page.locator("article abbr.kb-term")
        rightmost = max(
            range(terms.count()), key=lambda i: (terms.nth(i).bounding_box() or {"x": 0})["x"]
        )
        term = terms.nth(rightmost)
        term.scroll_into_view_if_needed()
        term.dispatch_event("touchstart")
        tip = tooltip_of(term)
        expect(tip).to_have_css("opacity", "1")
        box = tip.locator(".md-tooltip2__inner").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, box
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_term_on_a_page_is_explained_in_its_language(page: Page, path: str) -> None:
    """Every glossary term in a page's running text is an abbreviation whose explanation is in
    the page's language, and each term can be reached with the keyboard once."""
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} was not built"
    lang = page.locator("html").get_attribute("lang") or "nl"
    lang = "en" if lang.startswith("en") else "nl"
    # A Dutch page on the English site (no English file yet) keeps Dutch explanations, like its text.
    text_lang = lang if lang == "nl" or source_exists(path) else "nl"
    found = page.evaluate("""() => [...document.querySelectorAll('.md-content abbr[title]')]
        .map(a => [a.textContent, a.title, a.hasAttribute('tabindex')])""")
    focusable = {text for text, _, tab in found if tab}
    for text, title, _ in found:
        known = [t for terms in TERMS.values() for t in terms if text in [t["term"], *t["aliases"]]]
        from_glossary = [t for t in known if title == f"{t['name']} – {t['explanation']}"]
        if not from_glossary:
            continue  # a page's own abbreviation (e.g. a fact box's), not from the glossary
        mine = next(t for t in TERMS[text_lang] if t["term"] == from_glossary[0]["term"])
        assert title.endswith(mine["explanation"]), (path, text, title)
        assert text in focusable or page.locator(".md-content a abbr", has_text=text).count() > 0, (
            text
        )
    # Terms in the running text (Markdown and the rendered boxes) must have been wrapped, except
    # where the hook leaves text alone on purpose (links, code, controls, quiz questions).
    plain = page.evaluate("""() => {
        const skip = 'a, abbr, button, code, fieldset, kbd, label, pre, samp, script, select, style,'
                   + ' summary, svg, textarea, [data-kb-no-glossary]';
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        const out = [];
        while (walker.nextNode()) {
            if (!walker.currentNode.parentElement.closest(skip)) out.push(walker.currentNode.textContent);
        }
        return out.join(' ');
    }""")
    for term in TERMS[lang]:
        assert not re.search(rf"(?<![\w-]){re.escape(term['term'])}(?!\w)", plain), (
            f"{term['term']} appears on {path} without explanation"
        )


class TestGlossaryPage:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_lists_every_term_a_to_z_with_name_and_explanation(self, page: Page, lang: str) -> None:
        """The glossary page lists all terms, A-Z, each with its full name and explanation."""
        page.goto(GLOSSARY_PAGE[lang])
        terms = page.locator(".kb-glossary__abbr").all_inner_texts()
        expected = [t["term"] for t in TERMS[lang]]
        assert terms == expected
        assert expected == sorted(expected, key=str.casefold)
        for term in TERMS[lang]:
            entry = page.locator(f"dt#{term['anchor']}")
            expect(entry).to_contain_text(term["name"])
            explanation = entry.locator("xpath=following-sibling::dd[1]")
            expect(explanation).to_have_text(re.compile("^" + re.escape(term["explanation"])))
            expect(explanation.locator("a.kb-glossary__more")).to_have_count(
                1 if term["page"] else 0
            )

    def test_english_and_dutch_explanations_differ(self, page: Page) -> None:
        """The English glossary is in English: no Dutch explanation appears on it."""
        page.goto(GLOSSARY_PAGE["en"])
        text = page.locator(".kb-glossary").inner_text()
        assert not [t["term"] for t in TERMS["nl"] if t["explanation"] in text]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_more_about_link_opens_the_page_in_the_same_language(
        self, page: Page, lang: str, base_url: str
    ) -> None:
        """'Meer over IBO' / 'More about IBO' opens the IBO page of the same language."""
        page.goto(GLOSSARY_PAGE[lang])
        more = page.locator("dd", has_text=BY_TERM[lang]["IBO"]["explanation"]).locator(
            "a.kb-glossary__more"
        )
        expect(more).to_have_text("More about IBO" if lang == "en" else "Meer over IBO")
        more.click()
        expect(page).to_have_url(
            base_url + ("en/statuses/ibo.html" if lang == "en" else "statuses/ibo.html")
        )
        expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{lang}"))

    def test_a_term_has_an_anchor_to_link_to(self, page: Page) -> None:
        """woordenlijst.html#ibo opens the page at IBO's entry."""
        page.goto(GLOSSARY_PAGE["nl"] + "#ibo")
        expect(page.locator("dt#ibo")).to_be_in_viewport()

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_glossary_page_has_no_axe_violation(self, page: Page, lang: str) -> None:
        """axe finds nothing on the glossary page, also with an explanation open."""
        page.goto(GLOSSARY_PAGE[lang])
        assert violations(page) == []
        tip = tooltip_of(tab_to(page, "VDAB"))
        expect(tip).to_have_css("opacity", "1")  # axe judges contrast; wait for the fade-in to end
        assert violations(page) == []
