"""Translations in step and review dates that mean something (issue 23, points 3 and 4).

Fast tests on small content trees written for each test: the translation record that
`make translations-ok` writes, what `make translations` lists, the notice's text, the parity of
numbers, dates, link targets and markers between the two languages, and which pages are due for
a check. One browser test builds a copy of the portal in which a Dutch page changed after its
English page was recorded, and reads the notice and follows its link in Chromium.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml
from conftest import StaticServer
from playwright.sync_api import Page, expect
from test_build_errors import build, copy_project

from content_index import ROOT, labels
from kb import content_model, kinds, languages, review, translations
from pages import PAGE_KINDS
from steps.page_data import inline_markdown

SCRIPT = ROOT / "scripts" / "translations.py"
TODAY = dt.date(2026, 12, 7)
THREE_LANGUAGES = languages.from_settings(
    [
        {"locale": "nl", "name": "Nederlands", "default": True},
        {"locale": "en", "name": "English"},
        {"locale": "fr", "name": "Français"},
    ]
)


def _script():
    spec = importlib.util.spec_from_file_location("translations_command", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMMAND = _script()


def write(root: Path, files: dict[str, tuple[dict, str]]) -> Path:
    """Pages under ``root/content`` from (front matter, body) pairs."""
    for name, (meta, body) in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return root


def site_of(root: Path) -> content_model.Site:
    return content_model.load_site(root / "content", root)


NL_BODY = (
    "# Leefloon\n\nHet OCMW betaalt het leefloon.\n\n"
    "## Hoeveel\n\nWie alleen woont, krijgt € 1.314,20 per maand (sinds 1 mei 2024).\n\n"
    "## Meer lezen\n\nZie [IBO](statuses/ibo.md) en <https://www.mi-is.be/nl/leefloon>.\n"
)
EN_BODY = (
    "# Leefloon\n\nThe OCMW pays the leefloon.\n\n"
    "## How much\n\nSomeone living alone gets €1,314.20 a month (since 1 May 2024).\n\n"
    "## Read more\n\nSee [IBO](statuses/ibo.md#conditions) and <https://www.mi-is.be/en/leefloon>.\n"
)


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """A Dutch page and its English translation, in step, plus the status they link to."""
    status = {"title": "IBO", "summary": "Een opleiding bij een werkgever, met een plan."}
    return write(
        tmp_path,
        {
            "leefloon.md": ({"title": "Leefloon", "summary": "Wat het leefloon is."}, NL_BODY),
            "leefloon.en.md": ({"title": "Leefloon", "summary": "What the leefloon is."}, EN_BODY),
            "statuses/ibo.md": (status, "# IBO\n\nTekst.\n\n## Voorwaarden\n\nTekst.\n"),
            "statuses/ibo.en.md": (status, "# IBO\n\nText.\n\n## Conditions\n\nText.\n"),
        },
    )


def stamp(root: Path, *names: str) -> str:
    assert COMMAND.main(["ok", *names, "--content", str(root / "content")]) == 0
    return (root / "content" / "leefloon.en.md").read_text(encoding="utf-8")


def listed(root: Path, capsys: pytest.CaptureFixture) -> str:
    capsys.readouterr()
    assert COMMAND.main(["--content", str(root / "content")]) == 0
    return capsys.readouterr().out


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the record and `make translations` ------------------------------------------------------


class TestRecord:
    def test_the_command_writes_the_record_and_changes_no_other_line(self, pair: Path) -> None:
        """`make translations-ok PAGE=leefloon.md` adds the record at the end of the English
        page's front matter; the text and the other fields stay byte for byte."""
        before = (pair / "content" / "leefloon.en.md").read_text(encoding="utf-8")
        after = stamp(pair, "leefloon.md")
        front, _, rest = after.partition("\ntranslation:")
        assert before.startswith(front + "\n") and before.endswith(rest.split("---\n", 1)[1])
        record = site_of(pair).pages["leefloon.en.md"].meta["translation"]
        assert set(record["parts"]) == {"title", "summary", "#", "## Hoeveel", "## Meer lezen"}
        assert stamp(pair, "leefloon.en.md") == after, "stamping again changes nothing"

    def test_a_page_in_step_is_not_listed(self, pair: Path, capsys) -> None:
        stamp(pair, "all")
        assert listed(pair, capsys).startswith("Every English page follows its Dutch page.")

    def test_a_change_of_meaning_lists_the_section_and_the_field(self, pair: Path, capsys):
        """The Dutch amount and summary change: the English page is behind, with both named."""
        stamp(pair, "all")
        edit(pair, "leefloon.md", "€ 1.314,20", "€ 1.350,00")
        edit(pair, "leefloon.md", "Wat het leefloon is.", "Wat het leefloon is en wie het krijgt.")
        out = listed(pair, capsys)
        assert (
            f"content/leefloon.en.md (follows the Dutch page of {content_model.today()}): "
            "field 'summary', section 'Hoeveel'\n"
        ) in out
        assert "content/statuses/ibo.en.md" not in out
        assert "1 English page(s) behind." in out

    def test_new_and_removed_sections_are_named(self, pair: Path) -> None:
        stamp(pair, "all")
        edit(pair, "leefloon.md", "## Meer lezen", "## Verder lezen")
        lag = translations.behind(site_of(pair), site_of(pair).pages["leefloon.en.md"])
        assert lag.labels() == ["section 'Verder lezen' (new)", "section 'Meer lezen' (removed)"]

    def test_rewrapped_lines_and_language_neutral_fields_need_no_translation(self, pair: Path):
        """A line broken elsewhere and a new ``order`` (the same in both languages) are no change
        a translator must follow."""
        stamp(pair, "all")
        edit(pair, "leefloon.md", "Het OCMW betaalt", "Het OCMW\nbetaalt")
        edit(pair, "leefloon.md", "title: Leefloon\n", "title: Leefloon\norder: 3\n")
        site = site_of(pair)
        assert translations.behind(site, site.pages["leefloon.en.md"]) is None

    def test_a_small_correction_is_confirmed_with_the_same_command(self, pair: Path, capsys):
        """A Dutch typo fix makes the page behind until the editor confirms it needs no new
        translation: then it is in step, and the English text is untouched."""
        stamp(pair, "all")
        edit(pair, "leefloon.md", "betaalt het leefloon", "betaalt het leefloon.")
        assert "content/leefloon.en.md" in listed(pair, capsys)
        stamp(pair, "leefloon.md")
        assert listed(pair, capsys).startswith("Every English page follows its Dutch page.")
        assert EN_BODY in (pair / "content" / "leefloon.en.md").read_text(encoding="utf-8")

    def test_an_unknown_page_is_named_with_a_fix(self, pair: Path, capsys) -> None:
        capsys.readouterr()
        assert COMMAND.main(["ok", "bestaat-niet.md", "--content", str(pair / "content")]) == 1
        assert capsys.readouterr().out.startswith(
            "bestaat-niet.md: no English page with a Dutch page by that name. Fix:"
        )

    def test_a_record_on_a_dutch_page_is_a_problem(self, pair: Path) -> None:
        edit(pair, "leefloon.md", "title: Leefloon\n", "title: Leefloon\ntranslation: {}\n")
        found = [str(p) for p in translations.record_problems(site_of(pair))]
        assert found == [
            "content/leefloon.md:3: translation: a Dutch page has no translation record: it is "
            "the source. Fix: remove 'translation:' and what is indented under it."
        ]


# --- the notice --------------------------------------------------------------------------------


def notice(lang: str, parts: list[tuple[str, str]]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    env.filters["md"] = inline_markdown  # as the build's environment (page_data.template_env)
    module = env.get_template("hooks/render_facts.html").make_module({"lang": lang})
    return str(
        module.behind(
            t=labels(lang),
            checked_on="7 December 2026",
            parts=parts,
            href="../x.html",
            source_lang="nl",
        )
    )


def test_the_notice_says_what_changed_in_its_own_language_and_links_the_source() -> None:
    """The English notice names the changed Dutch section, marked as Dutch, and links the Dutch
    page; a heading is text, never markup."""
    html = notice("en", [("Wie krijgt <b>wat</b>?", "nl"), ("the page's details", "en")])
    assert labels("en")["behind_title"] in html
    assert "follows the Dutch page as it was on 7 December 2026" in html
    assert '(<span lang="nl">Wie krijgt &lt;b&gt;wat&lt;/b&gt;?</span>, ' in html
    assert '<a href="../x.html" hreflang="nl">Read the Dutch page</a>' in html


# --- parity ------------------------------------------------------------------------------------


def parity(root: Path) -> list[str]:
    return [str(p) for p in translations.parity_problems(site_of(root))]


class TestParity:
    def test_written_differently_is_the_same(self, pair: Path) -> None:
        """€ 1.314,20 and €1,314.20, 1 mei 2024 and 1 May 2024, an anchor in the reader's own
        language and the English version of an official address all agree."""
        assert parity(pair) == []

    def test_an_amount_that_differs_names_file_line_part_and_fix(self, pair: Path) -> None:
        edit(pair, "leefloon.en.md", "€1,314.20", "€1,341.20")
        assert parity(pair) == [
            "content/leefloon.en.md:12: section 'How much': the numbers differ from the Dutch "
            "page (1314.2 only in Dutch; 1341.2 only here), in section 'Hoeveel' "
            "(content/leefloon.md:10). Fix: write the same numbers in both languages and "
            "correct the one that is wrong (write numbers in digits in both)."
        ]

    def test_a_date_that_differs(self, pair: Path) -> None:
        edit(pair, "leefloon.en.md", "1 May 2024", "1 March 2024")
        found = parity(pair)
        assert len(found) == 1 and found[0].startswith("content/leefloon.en.md:12: section 'How")
        assert (
            "the dates differ from the Dutch page (2024-05-01 only in Dutch; 2024-03-01 only "
            in (found[0])
        )

    def test_a_link_target_that_differs(self, pair: Path) -> None:
        edit(pair, "leefloon.en.md", "(statuses/ibo.md#conditions)", "(leefloon.md)")
        found = parity(pair)
        assert len(found) == 1 and found[0].startswith("content/leefloon.en.md:16: section 'Read")
        assert (
            "link targets differ from the Dutch page (statuses/ibo.md only in Dutch; " in (found[0])
        )

    def test_a_number_in_a_field(self, pair: Path) -> None:
        edit(pair, "leefloon.en.md", "What the leefloon is.", "What the leefloon is (2 kinds).")
        assert parity(pair) == [
            "content/leefloon.en.md:3: summary: the numbers differ from the Dutch page (2 only "
            "here), in summary (content/leefloon.md:3). Fix: write the same numbers in both "
            "languages and correct the one that is wrong (write numbers in digits in both)."
        ]

    def test_a_third_language_is_held_to_the_same_facts(self, pair: Path) -> None:
        """A French page (a third language in mkdocs.yml) is compared with its Dutch page as the
        English one is, with French month names and separators (CLDR's, through Babel)."""
        fr_body = (
            "# Leefloon\n\nLe CPAS paie le leefloon.\n\n"
            "## Combien\n\nUne personne seule reçoit 1314,20 € par mois (depuis le 1 mai 2024)."
            "\n\n## Lire plus\n\nVoir [IBO](statuses/ibo.md) et <https://www.mi-is.be/fr/leefloon>.\n"
        )
        meta = {"title": "Leefloon", "summary": "Ce qu'est le leefloon."}
        write(pair, {"leefloon.fr.md": (meta, fr_body)})
        languages.use(THREE_LANGUAGES)
        try:
            assert parity(pair) == []
            edit(pair, "leefloon.fr.md", "1 mai 2024", "1 mars 2024")
            found = parity(pair)
        finally:
            languages.use(None)
        assert len(found) == 1 and found[0].startswith("content/leefloon.fr.md:12: section 'Comb")
        assert (
            "the dates differ from the Dutch page (2024-05-01 only in Dutch; 2024-03-01"
            in (found[0])
        )

    def test_markers_and_quiz_ids_must_match(self, pair: Path) -> None:
        edit(pair, "leefloon.md", "## Meer lezen", "<!-- kb:quiz sessie-1 -->\n\n## Meer lezen")
        edit(pair, "leefloon.en.md", "## Read more", "<!-- kb:quiz sessie-2 -->\n\n## Read more")
        assert parity(pair) == [
            "content/leefloon.en.md:14: markers: the markers differ from the Dutch page (here: "
            "kb:quiz sessie-2; in content/leefloon.md: kb:quiz sessie-1). Fix: use the same "
            "<!-- kb:… --> markers, with the same quiz ids, in the same order in both languages."
        ]

    def test_a_quiz_text_with_another_number(self, tmp_path: Path) -> None:
        quiz = tmp_path / "quizzes" / "proef.yml"
        quiz.parent.mkdir()
        quiz.write_text(
            "title: {nl: Proef, en: Test}\nquestions:\n  - id: duur\n    prompt:\n"
            "      nl: Hoe lang duurt een IBO? Hoogstens 26 weken.\n"
            "      en: How long does an IBO last? At most 24 weeks.\n",
            encoding="utf-8",
        )
        found = [str(p) for p in translations.quiz_parity_problems(tmp_path)]
        assert found == [
            "quizzes/proef.yml:6: questions[duur].prompt: the numbers differ from the Dutch "
            "text (26 only in Dutch; 24 only here). Fix: write the same numbers in both "
            "languages and correct the one that is wrong (write numbers in digits in both)."
        ]


# --- review dates ------------------------------------------------------------------------------


def topic(reviewed: str, **extra) -> dict:
    return {
        "kind": "topic",
        "title": "Onderwerp",
        "summary": "Een onderwerp.",
        "reviewed": reviewed,
        **extra,
    }


class TestReview:
    @pytest.fixture
    def tree(self, tmp_path: Path) -> content_model.Site:
        body = "# Onderwerp\n\nTekst.\n"
        return site_of(
            write(
                tmp_path,
                {
                    "support/oud.md": (topic("2026-01-10"), body),
                    "support/recent.md": (topic("2026-11-01"), body),
                    "support/eigen.md": (topic("2026-01-05", review_months=24), body),
                    "context/jaarlijks.md": (topic("2026-03-01"), body),
                    "statuses/ibo.md": (topic("2026-06-01"), body),
                    "support/veranderd.md": (topic("2026-10-01"), body),
                    "news/2026-11-15-nieuw.md": (
                        {
                            "kind": "news",
                            "title": "Nieuw",
                            "summary": "Een regel veranderde.",
                            "date": "2026-11-15",
                            "changes": ["support/veranderd.md"],
                        },
                        "# Nieuw\n\nTekst.\n",
                    ),
                },
            )
        )

    def test_the_interval_comes_from_the_page_its_folder_or_its_kind(self, tree) -> None:
        assert (
            review.interval(tree.pages["support/oud.md"])
            == kinds.get("topic").review_months_in["support"]
        )
        assert review.interval(tree.pages["support/eigen.md"]) == 24
        assert (
            review.interval(tree.pages["context/jaarlijks.md"]) == kinds.get("topic").review_months
        )

    def test_the_report_lists_every_page_past_its_interval_oldest_first(self, tree) -> None:
        """Support pages after six months, other topics after twelve, a page's own interval
        wins, and an update after the last check makes a page due at once."""
        assert review.report(tree, TODAY) == [
            "content/support/oud.md: last checked 2026-01-10 (10 months ago, check every 6)",
            "content/support/veranderd.md: last checked 2026-10-01 (changed by "
            "content/news/2026-11-15-nieuw.md on 2026-11-15)",
        ]

    def test_the_page_says_review_due_in_both_languages(self) -> None:
        assert labels("nl")["review_due"] == "Herziening nodig"
        assert labels("en")["review_due"] == "review due"


# --- in the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def behind_site(tmp_path_factory: pytest.TempPathFactory):
    """The portal with every English page recorded, after which one Dutch status page gained a
    sentence; built with a date a year later, so that its facts are due for a check too."""
    project = copy_project(tmp_path_factory.mktemp("behind") / "project")
    run = [sys.executable, "scripts/translations.py"]
    subprocess.run([*run, "ok", "all"], cwd=project, check=True, capture_output=True, timeout=120)
    dutch_html = PAGE_KINDS["status"][0]
    source = project / "content" / (dutch_html[: -len(".html")] + ".md")
    source.write_text(
        source.read_text(encoding="utf-8").rstrip() + "\n\nEen nieuwe zin over deze regel.\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PORTAL_TODAY", "2027-12-01")
        result = build(project, project / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    server = StaticServer(project / "site")
    yield result, server.url, content_model.load_site(project / "content", project)
    server.stop()


class TestBehindInTheBrowser:
    def test_an_english_page_behind_its_dutch_page_says_so_and_links_it(
        self, page: Page, behind_site
    ) -> None:
        """The reader of the English page sees the notice under the title, in English, and its
        link opens the Dutch page; a page in step shows none."""
        result, url, site = behind_site
        dutch_html, english_html = PAGE_KINDS["status"]
        assert "Translation status: 1 English page(s) follow an older version" in result.stderr
        page.goto(url + english_html)
        box = page.locator(".kb-behind")
        expect(box).to_be_visible()
        expect(box).to_contain_text(labels("en")["behind_title"])
        # the day the translation was recorded, written out for a reader
        said = labels("en")["behind"].split("{date}")[0].strip()
        expect(box).to_contain_text(re.compile(re.escape(said) + r" \d{1,2} [A-Z][a-z]+ \d{4}\."))
        expect(page.locator("h1 + .kb-behind, h1 ~ .kb-behind").first).to_be_visible()
        box.get_by_role("link", name=labels("en")["behind_link"]).click()
        expect(page).to_have_url(url + dutch_html)
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        title = site.pages[dutch_html[: -len(".html")] + ".md"].meta["title"]
        expect(page.locator("h1")).to_contain_text(title.split(":")[0])
        expect(page.locator(".kb-behind")).to_have_count(0)
        page.goto(url + PAGE_KINDS["page"][1])
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator(".kb-behind")).to_have_count(0)

    def test_a_page_past_its_review_interval_says_review_due(self, page: Page, behind_site):
        _, url, _ = behind_site
        page.goto(url + PAGE_KINDS["status"][1])
        expect(page.locator(".kb-reviewed")).to_contain_text(f"· {labels('en')['review_due']}")
        page.goto(url + PAGE_KINDS["status"][0])
        expect(page.locator(".kb-reviewed")).to_contain_text(f"· {labels('nl')['review_due']}")
