"""The navigator, "Which path fits?" (issue 24), as a coach uses it in Chromium.

Most tests drive a small fixture site (tests/fixtures/site_nav: its own questions file and four
scheme pages with `eligibility:` rules), built with the portal's own hooks, overrides and
scripts: answering leads to the right groups, "I don't know" moves a scheme to "check first",
back and the summary work, the address restores the plan, a changed rule changes the result,
keyboard only, 320 px, axe in light and dark, and the printed plan read back from PDF. The
expected groups of each case are the fixture pages' rules, worked out by hand in ``CASES``.

The real site's navigator is checked without counting its questions or rules (they grow with
the content): it opens in both languages and lists every status page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from playwright.sync_api import Page, expect
from sites import browser_context_args, build_fixture, site_fixture  # noqa: F401 (fixtures)
from test_eligibility import CASES as ELIGIBILITY_CASES

from axe_check import violations
from content_index import pages
from kb import eligibility, portal
from kb.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_nav"
PATH = "statuses/welke-past.html"
PREFIX = {"nl": "", "en": "en/"}
GROUPS = ("open", "check", "closed")
QUESTIONS = yaml.safe_load((FIXTURE / "content/_data/eligibility.yml").read_text("utf-8"))
ORDER = [q["id"] for q in QUESTIONS["questions"]]
SCHEMES = sorted(  # the fixture's status pages: every scheme the navigator sorts
    path.stem
    for path in (FIXTURE / "content/statuses").glob("*.md")
    if "." not in path.stem and "kind: status" in path.read_text("utf-8")
)

# Realistic cases on the fixture's rules: the answers, and the group each scheme must land in.
CASES = {
    "refugee-on-leefloon": (
        {
            "residence": "recognised-refugee",
            "since": "unknown",
            "jobseeker": "vdab",
            "leefloon": "yes",
        },
        {
            "ibo": "open",
            "artikel-60": "open",
            "arbeidsovereenkomst": "open",
            "vrijwilligerswerk": "open",
        },
    ),
    "applicant-after-3-months": (
        {"residence": "applicant", "since": "under-4-months", "jobseeker": "no", "leefloon": "no"},
        {
            "ibo": "closed",
            "artikel-60": "closed",
            "arbeidsovereenkomst": "closed",
            "vrijwilligerswerk": "open",
        },
    ),
    "temporary-protection-in-brussels": (
        {
            "residence": "temporary-protection",
            "since": "unknown",
            "jobseeker": "actiris",
            "leefloon": "unknown",
        },
        {
            "ibo": "check",
            "artikel-60": "check",
            "arbeidsovereenkomst": "open",
            "vrijwilligerswerk": "open",
        },
    ),
    "single-permit-worker": (
        {"residence": "single-permit", "since": "unknown", "jobseeker": "vdab", "leefloon": "no"},
        {
            "ibo": "open",
            "artikel-60": "closed",
            "arbeidsovereenkomst": "check",
            "vrijwilligerswerk": "open",
        },
    ),
}


fixture_site = site_fixture("site_nav")
nav_url = site_fixture("site_nav", served=True)


def address(base: str, lang: str, answers: dict | None = None) -> str:
    return f"{base}{PREFIX[lang]}{PATH}" + (f"?{urlencode(answers)}" if answers else "")


def groups(page: Page) -> dict[str, str]:
    """Each scheme's group as the page shows it: the list it stands in, and its own mark."""
    found = {}
    for group in GROUPS:
        for item in page.locator(f"[data-group-list={group}] [data-scheme]").all():
            expect(item).to_have_attribute("data-group", group)
            found[item.get_attribute("data-scheme")] = group
    return found


def answer(page: Page, question: str, value: str) -> None:
    fieldset = page.locator(f"fieldset[data-question={question}]")
    expect(fieldset).to_be_visible()
    fieldset.locator(f"input[value='{value}']").check()
    page.locator("[data-nav=next]").click()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_answers_lead_to_the_right_groups(page: Page, nav_url: str, lang: str, case: str) -> None:
    answers, expected = CASES[case]
    page.goto(address(nav_url, lang))
    for question in ORDER:
        answer(page, question, answers[question])
    expect(page.locator(".kb-nav__result")).to_be_visible()
    assert groups(page) == expected
    expect(page.locator(".kb-nav__form")).to_be_hidden()
    # The plan is in the address, question by question; reopening it shows the same plan.
    assert dict(re.findall(r"([\w-]+)=([\w-]+)", page.url.split("?", 1)[1])) == answers
    page.goto(page.url)
    expect(page.locator(".kb-nav__result")).to_be_visible()
    assert groups(page) == expected
    given = page.locator(".kb-nav__given dd")
    expect(given).to_have_count(len(ORDER))


def test_i_dont_know_moves_to_check_and_hides_nothing(page: Page, nav_url: str) -> None:
    page.goto(address(nav_url, "en"))
    for _ in ORDER:
        page.locator("[data-nav=next]").click()  # no choice: "I don't know"
    expect(page.locator(".kb-nav__result")).to_be_visible()
    found = groups(page)
    assert sorted(found) == SCHEMES, "every scheme is shown"
    assert "closed" not in found.values()
    assert found["vrijwilligerswerk"] == "open"  # open whatever the answers
    tocheck = page.locator("[data-scheme=artikel-60] .kb-nav__tocheck")
    expect(tocheck).to_be_visible()
    expect(tocheck).to_contain_text(QUESTIONS["questions"][-1]["text"]["en"])
    # One answer known: artikel-60 leaves "check first", the others keep their group.
    page.locator("[data-answer=leefloon] button").click()
    answer(page, "leefloon", "no")
    assert groups(page) == {**found, "artikel-60": "closed"}


def test_back_and_summary(page: Page, nav_url: str) -> None:
    answers, expected = CASES["refugee-on-leefloon"]
    page.goto(address(nav_url, "nl"))
    expect(page.locator("[data-nav=back]")).to_be_hidden()
    answer(page, "residence", answers["residence"])
    page.locator("[data-nav=back]").click()
    first = page.locator("fieldset[data-question=residence]")
    expect(first).to_be_visible()
    expect(first.locator(f"input[value={answers['residence']}]")).to_be_checked()
    page.locator("[data-nav=next]").click()
    for question in ORDER[1:]:
        answer(page, question, answers[question])
    summary = page.locator(".kb-nav__given")
    expect(summary.locator("dd[data-answer=leefloon]")).to_contain_text("Ja")
    summary.locator("dd[data-answer=leefloon] button").click()
    answer(page, "leefloon", "no")  # the other answers are kept: straight back to the plan
    expect(summary.locator("dd[data-answer=leefloon]")).to_contain_text("Nee")
    assert groups(page) == {**expected, "artikel-60": "closed"}
    assert "leefloon=no" in page.url


def test_keyboard_only(page: Page, nav_url: str) -> None:
    answers, expected = CASES["applicant-after-3-months"]
    page.goto(address(nav_url, "en"))
    for question in ORDER:
        choices = page.locator(f"fieldset[data-question={question}] input")
        values = [c.get_attribute("value") for c in choices.all()]
        choices.first.focus()
        for _ in range(values.index(answers[question])):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        expect(choices.nth(values.index(answers[question]))).to_be_checked()
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.nav") == "back":
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.nav") == "next"
        page.keyboard.press("Enter")
    expect(page.locator(".kb-nav__result h2")).to_be_focused()
    assert groups(page) == expected


def test_a_changed_rule_changes_the_result(
    page: Page, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Artikel 60 made open without a leefloon too, in the data alone: the plan follows."""

    def change(content: Path) -> None:
        for name in ("artikel-60.md", "artikel-60.en.md"):
            path = content / "statuses" / name
            text = path.read_text("utf-8")
            path.write_text(text.replace("group: closed", "group: open"), "utf-8")

    site = build_fixture("site_nav", tmp_path_factory.mktemp("site-nav-changed"), change)
    answers, expected = CASES["applicant-after-3-months"]
    page.goto(address(site.as_uri() + "/", "nl", answers))  # and from file://
    expect(page.locator(".kb-nav__result")).to_be_visible()
    assert groups(page) == {**expected, "artikel-60": "open"}


def test_without_javascript_every_scheme_and_its_rules_show(browser, fixture_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address(fixture_site.as_uri() + "/", "nl"))
    expect(page.locator(".kb-nav__form")).to_be_hidden()
    schemes = page.locator(".kb-nav__all [data-scheme]")
    assert sorted(s.get_attribute("data-scheme") for s in schemes.all()) == SCHEMES
    for scheme in schemes.all():
        expect(scheme.locator(".kb-nav__rule").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_and_axe(page: Page, nav_url: str, scheme: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.emulate_media(color_scheme=scheme)
    answers, _ = CASES["temporary-protection-in-brussels"]
    wide = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    for lang in ("nl", "en"):
        page.goto(address(nav_url, lang))
        expect(page.locator("fieldset[data-question]").first).to_be_visible()
        assert not page.evaluate(wide)
        assert violations(page) == [], (scheme, lang, "question")
        # Each answer is a target a finger can hit (WCAG 2.5.8, 24 px; navigator.css, which
        # only this page links, makes them 44 px high).
        heights = page.locator("fieldset[data-question]:visible .kb-nav__answer").evaluate_all(
            "labels => labels.map(l => l.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 24, heights
        page.goto(address(nav_url, lang, answers))
        expect(page.locator(".kb-nav__result")).to_be_visible()
        assert not page.evaluate(wide)
        assert violations(page) == [], (scheme, lang, "plan")


def pdf_text(page: Page, pdf: Path) -> list[str]:
    """The plan printed as Chromium prints it (after `beforeprint`, as print.js expects), read
    back with pdftotext: the text of each sheet."""
    # Until print.js (in site.js, which may still be starting) has heard it and set the sheets'
    # margins: one event could come before its listener.
    page.wait_for_function(
        "() => { dispatchEvent(new Event('beforeprint')); return document.adoptedStyleSheets.length > 0; }",
        polling=200,
        timeout=10_000,
    )
    page.pdf(path=str(pdf), format="A4")
    tool = shutil.which("pdftotext") or pytest.fail("pdftotext is missing (poppler-utils)")
    text = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_printed_plan_is_one_a4_sheet(page: Page, nav_url: str, tmp_path: Path, lang: str) -> None:
    answers, expected = CASES["temporary-protection-in-brussels"]
    page.goto(address(nav_url, lang, answers))
    expect(page.locator(".kb-nav__result")).to_be_visible()
    shown = {s: page.locator(f"[data-scheme={s}] .kb-nav__title").inner_text() for s in expected}
    sheets = pdf_text(page, tmp_path / "plan.pdf")
    assert len(sheets) == 1
    text = " ".join(sheets[0].split())
    for question in QUESTIONS["questions"]:  # the answers
        assert question["text"][lang] in text
    for slug, group in expected.items():  # the schemes that fit, not those that do not
        assert (shown[slug] in text) == (group != "closed"), slug
    for reason in page.locator("[data-group-list=open] .kb-nav__because:visible").all_inner_texts():
        assert " ".join(reason.split()) in text
    # Each scheme's last check, and where its sources are: on its page, which the plan's address
    # opens (the source lists themselves stay on screen, so that the plan keeps to one sheet).
    reviewed = page.locator("[data-group-list=open] .kb-nav__sources time").all_inner_texts()
    assert reviewed and all(" ".join(r.split()) in text for r in reviewed)
    assert " ".join(page.locator(".kb-nav__on-paper").text_content().split()) in text
    assert page.locator("[data-scheme=ibo] .kb-nav__sources a").first.inner_text() not in text
    assert {"nl": "Afgedrukt op", "en": "Printed on"}[lang] in text
    # The address that reopens the plan (pdftotext drops a hyphen where a line breaks at it).
    joined = "".join(sheets[0].split()).replace("-", "")
    assert urlencode(answers).replace("-", "") in joined
    for hidden in page.locator(".kb-nav__form legend, [data-nav]").all_text_contents():
        assert " ".join(hidden.split()) not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_real_site_lists_every_status_page(page: Page, site_url: str, lang: str) -> None:
    page.goto(address(site_url, lang))
    expect(page.locator("h1")).to_be_visible()
    listed = page.locator(".kb-nav [data-scheme]")
    expected = sorted(p.slug for p in pages("status", "nl") if p.slug != "index")
    assert sorted(s.get_attribute("data-scheme") for s in listed.all()) == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_real_site_sorts_as_the_content_check_does(page: Page, site_url: str, lang: str) -> None:
    """The script and kb/eligibility.py read the same rules and must sort them alike: for each
    realistic case of tests/test_eligibility.py (every question not answered is "I don't know"),
    the groups the page shows are the groups the Python evaluator gives."""
    real = portal.load(Project(ROOT, ROOT / "content"))
    ids = real.eligibility()[0].ids()
    for answers, _ in ELIGIBILITY_CASES.values():
        given = {q: answers.get(q, eligibility.UNKNOWN) for q in ids}
        page.goto(address(site_url, lang, given))
        expect(page.locator(".kb-nav__result")).to_be_visible()
        expected = {r["slug"]: r["group"] for r in eligibility.evaluate_all(real, given, lang)}
        assert groups(page) == expected, given


def test_real_site_asks_only_the_questions_that_apply(page: Page, site_url: str) -> None:
    """A question the questions file asks only after certain answers (`ask_if`) is skipped for
    anyone else: a recognised refugee is not asked since when they applied; an applicant is."""
    real = portal.load(Project(ROOT, ROOT / "content"))
    items = real.eligibility()[0].in_language("nl")
    skipped = [q for q in items if q["ask_if"]]
    assert skipped, "the real questions ask every question of everyone"
    for question in skipped:
        before = [q["id"] for q in items[: items.index(question)]]
        (parent, wanted), *_ = question["ask_if"].items()
        other = next(
            a["id"] for a in items[before.index(parent)]["answers"] if a["id"] not in wanted
        )
        for value, shown in ((wanted[0], True), (other, False)):
            page.goto(address(site_url, "nl"))
            for q in before:
                answer(page, q, value if q == parent else "unknown")
            fieldset = page.locator(f"fieldset[data-question={question['id']}]")
            if shown:
                expect(fieldset).to_be_visible()
            else:
                expect(page.locator("fieldset[data-question]:visible")).not_to_have_attribute(
                    "data-question", question["id"]
                )
                expect(fieldset).to_be_hidden()
                # The next question is numbered among those asked: no gap where one was skipped.
                step = page.locator("fieldset[data-question]:visible .kb-nav__step").inner_text()
                position, total = map(int, re.findall(r"\d+", step))
                assert position == len(before) + 1 and total < len(items), step


def squashed(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_real_site_prints_the_plan(page: Page, site_url: str, tmp_path: Path, lang: str) -> None:
    """The real content's plan on paper, for a recognised refugee with every question answered
    (the other answers: each question's first): the answers, every scheme that is open or to
    check first with its reason, none that is not open, the date and the address that reopens
    it. How many sheets it takes is measured, not asserted (MEASUREMENTS.md): it grows with the
    content."""
    real = portal.load(Project(ROOT, ROOT / "content"))
    items = real.eligibility()[0].in_language(lang)
    answers = dict(next(iter(ELIGIBILITY_CASES.values()))[0])
    given = {q["id"]: answers.get(q["id"], q["answers"][0]["id"]) for q in items}
    page.goto(address(site_url, lang, given))
    expect(page.locator(".kb-nav__result")).to_be_visible()
    # pdftotext may break a line after a hyphen: compare without spaces and hyphens
    text = squashed(" ".join(pdf_text(page, tmp_path / "plan.pdf")))
    for scheme in page.locator("[data-scheme]").all():
        title = squashed(scheme.locator(".kb-nav__title").inner_text())
        printed = scheme.get_attribute("data-group") != "closed"
        assert (title in text) == printed, title
    for reason in page.locator("[data-group-list=open] .kb-nav__because:visible").all_inner_texts():
        assert squashed(reason) in text
    for dd in page.locator(".kb-nav__given dd span").all_inner_texts():
        assert squashed(dd) in text
    assert squashed({"nl": "Afgedrukt op", "en": "Printed on"}[lang]) in text
