"""Mistakes in the glossary file give one clear message each: the file, the term, the field, the line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import glossary_model  # noqa: E402

FILE = glossary_model.GLOSSARY_FILE

GOOD = """\
- term: IBO
  nl:
    name: individuele beroepsopleiding
    explanation: Een opleiding op de werkvloer, via VDAB.
  en:
    name: individual vocational training
    explanation: Training on the job, arranged through VDAB.
- term: VDAB
  nl:
    name: Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding
    explanation: De Vlaamse openbare dienst voor werk.
  en:
    name: Flemish public employment service
    explanation: The Flemish public employment service.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path


def messages(tmp_path: Path, text: str) -> list[str]:
    return [str(p) for p in glossary_model.check(write(tmp_path, text))]


class TestTheRealGlossary:
    def test_the_portal_glossary_has_no_problem(self) -> None:
        """The glossary that ships with the portal passes every check."""
        assert [str(p) for p in glossary_model.check(ROOT)] == []

    def test_the_portal_glossary_has_the_terms_coaches_meet(self) -> None:
        """The abbreviations the brief lists are all explained, in both languages."""
        terms = glossary_model.load(ROOT)
        for lang in ("nl", "en"):
            names = {t["term"] for t in terms[lang]}
            assert {
                "IBO",
                "BIS",
                "TWE",
                "OCMW",
                "VDAB",
                "NT2",
                "CVO",
                "EVC",
                "NARIC",
                "LOI",
                "CAW",
                "NODW",
                "VCA",
                "DVZ",
                "CGVS",
                "Fedasil",
                "GPMI",
                "SPI",
            } <= names

    def test_dutch_explanations_use_short_sentences(self) -> None:
        """Every Dutch explanation keeps sentences at 15 words or fewer (plain language, B1)."""
        import re

        for term in glossary_model.load(ROOT)["nl"]:
            for sentence in re.split(r"(?<=[.!?])\s+", term["explanation"]):
                assert len(sentence.split()) <= 15, (term["term"], sentence)


class TestMistakes:
    def test_good_file_has_no_problem(self, tmp_path: Path) -> None:
        """A correct file passes, and load gives both languages sorted A-Z with anchors."""
        assert messages(tmp_path, GOOD) == []
        data = glossary_model.load(tmp_path)
        assert [t["term"] for t in data["en"]] == ["IBO", "VDAB"]
        assert data["nl"][0]["anchor"] == "ibo"

    def test_missing_language(self, tmp_path: Path) -> None:
        """A term without English names the file, the term, the missing language and the line."""
        text = GOOD.replace(
            """  en:
    name: individual vocational training
    explanation: Training on the job, arranged through VDAB.
""",
            "",
        )
        found = messages(tmp_path, text)
        assert len(found) == 1
        assert found[0].startswith(f"{FILE}:1: IBO: the English text is missing.")
        assert "add 'en:'" in found[0]

    def test_missing_explanation(self, tmp_path: Path) -> None:
        """A language without its explanation names the term and field."""
        text = GOOD.replace("    explanation: De Vlaamse openbare dienst voor werk.\n", "")
        found = messages(tmp_path, text)
        assert found == [
            f"{FILE}:9: VDAB.nl: the field 'explanation' is missing. Fix: add 'explanation: …'."
        ]

    def test_duplicate_term(self, tmp_path: Path) -> None:
        """The same term twice names the term and the line of the second one."""
        found = messages(tmp_path, GOOD + GOOD.split("- term: VDAB")[0])
        assert len(found) == 1
        assert found[0].startswith(f"{FILE}:15: IBO.term: the term 'IBO' is in the glossary twice.")

    def test_duplicate_term_in_other_case(self, tmp_path: Path) -> None:
        """'Ibo' next to 'IBO' is reported as the same term written differently."""
        found = messages(
            tmp_path, GOOD + GOOD.split("- term: VDAB")[0].replace("term: IBO", "term: Ibo")
        )
        assert any("'Ibo' and 'IBO' are the same term" in m for m in found), found

    def test_html_in_explanation(self, tmp_path: Path) -> None:
        """HTML in an explanation names the term, language, field and line."""
        text = GOOD.replace(
            "De Vlaamse openbare dienst voor werk.", "De <b>Vlaamse</b> dienst voor werk."
        )
        found = messages(tmp_path, text)
        assert len(found) == 1
        assert found[0].startswith(f"{FILE}:11: VDAB.nl.explanation: contains HTML.")

    def test_markdown_in_explanation(self, tmp_path: Path) -> None:
        """Markdown (shown raw in a tooltip) is reported too."""
        text = GOOD.replace("Training on the job", "Training on the **job**")
        found = messages(tmp_path, text)
        assert len(found) == 1 and "IBO.en.explanation: contains Markdown" in found[0]

    def test_broken_yaml(self, tmp_path: Path) -> None:
        """Broken YAML names the file and the line, and says how to fix it."""
        text = GOOD.replace(
            "    name: individual vocational training", "    name: [individual vocational"
        )
        found = messages(tmp_path, text)
        assert len(found) == 1
        assert found[0].startswith(f"{FILE}:7: the YAML cannot be read")
        assert "Fix: check the indentation" in found[0]

    def test_key_written_twice(self, tmp_path: Path) -> None:
        """A field written twice under one term (YAML would keep only the last) is reported."""
        text = GOOD.replace(
            "    explanation: De Vlaamse openbare dienst voor werk.\n",
            "    explanation: De Vlaamse openbare dienst voor werk.\n"
            "    explanation: Nog een uitleg.\n",
        )
        found = messages(tmp_path, text)
        assert found == [
            f"{FILE}:12: the YAML cannot be read (the key 'explanation' is written twice "
            "(first on line 11)). Fix: keep one of the two; remove or rename the other."
        ]

    def test_page_that_does_not_exist(self, tmp_path: Path) -> None:
        """A 'page:' that is not in content/ names the term, the field, the line and the path."""
        found = messages(
            tmp_path, GOOD.replace("- term: IBO\n", "- term: IBO\n  page: statuses/ibo.md\n")
        )
        assert found == [
            f"{FILE}:2: IBO.page: the page 'content/statuses/ibo.md' does not exist. Fix: check "
            "the path (the Dutch file under content/, e.g. statuses/ibo.md) or remove 'page:'."
        ]
        (tmp_path / "content" / "statuses").mkdir()
        (tmp_path / "content" / "statuses" / "ibo.md").write_text(
            "---\ntitle: IBO\nsummary: Leren op de werkvloer.\n---\n# IBO\n", encoding="utf-8"
        )
        assert (
            messages(
                tmp_path, GOOD.replace("- term: IBO\n", "- term: IBO\n  page: statuses/ibo.md\n")
            )
            == []
        )

    def test_page_written_as_a_web_address(self, tmp_path: Path) -> None:
        """A web address or a path without .md in 'page:' says how to write it."""
        found = messages(
            tmp_path, GOOD.replace("- term: IBO\n", "- term: IBO\n  page: https://vdab.be/ibo\n")
        )
        assert found and "IBO.page: 'https://vdab.be/ibo' is not a page path." in found[0]

    def test_unknown_field(self, tmp_path: Path) -> None:
        """A misspelt field is named, with the allowed ones."""
        found = messages(
            tmp_path, GOOD.replace("    explanation: De Vlaamse", "    explenation: De Vlaamse")
        )
        assert any("VDAB.nl: unknown field 'explenation'" in m for m in found), found

    def test_not_a_list(self, tmp_path: Path) -> None:
        """A file that is not a list of terms says what shape it should have."""
        found = messages(tmp_path, "IBO: individuele beroepsopleiding\n")
        assert found and "should be a list of terms" in found[0]

    def test_missing_file(self, tmp_path: Path) -> None:
        """No glossary file at all is one clear problem."""
        assert messages(tmp_path, GOOD) == []
        (tmp_path / FILE).unlink()
        assert [str(p) for p in glossary_model.check(tmp_path)] == [
            f"{FILE}: the glossary file is missing. Fix: create it: a list of terms with term, nl and en."
        ]

    def test_load_refuses_a_broken_file(self, tmp_path: Path) -> None:
        """load raises GlossaryError carrying every problem, never a Python traceback of YAML."""
        write(
            tmp_path,
            GOOD.replace("<", "").replace("Training on the job", "<i>x</i> Training on the job"),
        )
        with pytest.raises(glossary_model.GlossaryError) as error:
            glossary_model.load(tmp_path)
        assert len(error.value.problems) == 1


class TestWrappingTerms:
    """The HTML pass that turns terms into explained abbreviations (pure, no browser)."""

    TITLES: ClassVar[dict[str, str]] = {
        "IBO": "individuele beroepsopleiding – uitleg",
        "IBO-T": 'met taal <en> "zo"',
        "VDAB": "Vlaamse dienst – uitleg",
    }

    def wrap(self, html: str) -> str:
        from steps import render_glossary

        return render_glossary.wrap_terms(html, self.TITLES)

    def test_every_use_is_explained_none_is_a_focus_stop_in_the_html(self) -> None:
        """Every IBO has the explanation; which one is a Tab stop (the first on the page) is
        decided by the glossary script in the browser, which sees the whole page (issue 25: the
        build wraps a page in pieces, tests/test_glossary.py checks the Tab stop)."""
        out = self.wrap("<p>Een IBO en nog een IBO.</p>")
        assert (
            out.count(
                '<abbr class="kb-term" title="individuele beroepsopleiding – uitleg">IBO</abbr>'
            )
            == 2
        )
        assert "tabindex" not in out

    def test_longest_term_wins_and_titles_are_escaped(self) -> None:
        """IBO-T is its own term, and quotes or angle brackets in a title cannot break the HTML."""
        out = self.wrap("<p>De IBO-T.</p>")
        assert ">IBO-T</abbr>" in out and 'title="met taal &lt;en&gt; &quot;zo&quot;"' in out

    def test_heading_ids_links_code_and_scripts_stay_as_they_are(self) -> None:
        """Attributes, link text, code, scripts and comments are never changed."""
        html = (
            '<h2 id="ibo-bij-vdab">Over IBO<a class="headerlink" href="#ibo-bij-vdab">¶</a></h2>'
            '<p><a href="https://vdab.be/IBO">VDAB IBO</a> <code>IBO</code></p>'
            '<script>var IBO = "VDAB";</script><!-- IBO --><pre>VDAB</pre>'
        )
        out = self.wrap(html)
        assert out == html.replace(
            "Over IBO",
            'Over <abbr class="kb-term" title="individuele beroepsopleiding – uitleg">IBO</abbr>',
        )

    def test_quiz_questions_and_controls_give_nothing_away(self) -> None:
        """Text in a quiz fieldset, a label or a button gets no explanation (it could be the answer)."""
        html = (
            "<fieldset><legend>Wat is een IBO?</legend><label>VDAB</label></fieldset>"
            "<button>IBO</button><dt data-kb-no-glossary><span>IBO</span></dt>"
        )
        assert self.wrap(html) == html

    def test_links_to_a_page_are_relative_to_the_glossary_page(self) -> None:
        """The 'more about' link works wherever the glossary page is and in both languages."""
        from steps import render_glossary

        assert (
            render_glossary.page_link("statuses/ibo.md", "woordenlijst.md") == "statuses/ibo.html"
        )
        assert (
            render_glossary.page_link("statuses/ibo.md", "woordenlijst.en.md")
            == "statuses/ibo.html"
        )
        assert (
            render_glossary.page_link("statuses/ibo.md", "hulp/woordenlijst.md")
            == "../statuses/ibo.html"
        )
        assert render_glossary.page_link(None, "woordenlijst.md") is None

    def test_parts_of_other_words_are_not_terms(self) -> None:
        """K-IBO and VDABX are not IBO or VDAB; OCMW-medewerker style compounds still count."""
        out = self.wrap("<p>K-IBO, VDABX, IBOs, VDAB-consulent.</p>")
        assert out.count("<abbr") == 1 and ">VDAB</abbr>-consulent" in out


class TestBuildFailsWithTheMessages:
    def test_build_stops_with_all_glossary_problems_and_no_traceback(self, tmp_path: Path) -> None:
        """A broken glossary stops the build with the problem list, no Python traceback."""
        import subprocess

        site = tmp_path / "project"
        # The portal's machinery with a minimal content folder, so only the glossary can fail.
        shutil.copytree(
            ROOT,
            site,
            ignore=shutil.ignore_patterns(
                ".venv", ".git", "site", "tests", "__pycache__", ".pytest_cache", "content", "*.whl"
            ),
        )
        (site / "content").mkdir()
        shutil.copytree(ROOT / "content" / "_data", site / "content" / "_data")
        for name in ("woordenlijst.md", "woordenlijst.en.md"):
            shutil.copy(ROOT / "content" / name, site / "content" / name)
        (site / "content" / "index.md").write_text(
            "---\ntitle: Welkom\nsummary: Een proefsite met alleen de woordenlijst erin.\n---\n\n# Welkom\n",
            encoding="utf-8",
        )
        (site / "content" / "index.en.md").write_text(
            "---\ntitle: Welcome\nsummary: A test site with only the glossary in it.\n---\n\n# Welcome\n",
            encoding="utf-8",
        )
        glossary = site / FILE
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace(
                "  en:\n    name: attest van immatriculatie",
                "  xx:\n    name: attest van immatriculatie",
                1,
            ),
            encoding="utf-8",
        )
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(site / "mkdocs.yml"),
                "-d",
                str(tmp_path / "out"),
            ],
            capture_output=True,
            text=True,
            cwd=site,
        )
        assert result.returncode != 0
        assert f"{FILE}:" in result.stderr and "AI: the English text is missing." in result.stderr
        assert "Traceback" not in result.stderr
