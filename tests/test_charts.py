"""Charts: a `<!-- kb:chart <id> -->` line becomes a bar chart plus its table, in the page's language."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from axe_check import violations

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb.figures_model import load_figures  # noqa: E402
from steps.render_charts import replace_markers  # noqa: E402

FIGURES = ROOT / "content" / "_data" / "figures.yml"
CHARTS = {c["id"]: c for c in yaml.safe_load(FIGURES.read_text(encoding="utf-8"))["charts"]}
FIGURES_PAGE = {"nl": "context/cijfers.html", "en": "en/context/cijfers.html"}
FIGURES_SOURCE = {
    "nl": ROOT / "content/context/cijfers.md",
    "en": ROOT / "content/context/cijfers.en.md",
}


def shown(value: float, lang: str, unit) -> str:
    """How a value reads on the page: decimal comma in Dutch, a % sign for percentages."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    if lang == "nl":
        text = text.replace(".", ",")
    return text + ("%" if unit == "%" else "")


def charts_on(lang: str) -> list[str]:
    text = FIGURES_SOURCE[lang].read_text(encoding="utf-8")
    return re.findall(r"^<!-- kb:chart (\S+) -->$", text, re.M)


class TestFiguresPageShowsCharts:
    """The facts-and-figures page shows each chart with its table, with the numbers of figures.yml."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_page_uses_charts(self, lang: str) -> None:
        """The figures page has charts in both languages, and the same ones."""
        assert charts_on(lang), f"{FIGURES_SOURCE[lang]} has no chart marker"
        assert charts_on("nl") == charts_on("en")

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_chart_and_table_carry_the_numbers(self, page: Page, lang: str) -> None:
        """Each chart has a caption, an image with a text alternative, one bar per row, and a table
        whose rows give every label and number in the page's language."""
        page.goto(FIGURES_PAGE[lang])
        expect(page.locator("html")).to_have_attribute("lang", lang)
        for chart_id in charts_on(lang):
            chart = CHARTS[chart_id]
            figure = page.locator(f'figure.kb-chart[data-kb-chart="{chart_id}"]')
            expect(figure).to_have_count(1)
            expect(figure.locator("figcaption")).to_have_text(chart["title"][lang])
            svg = figure.locator('svg[role="img"]')
            expect(svg).to_be_visible()
            alt = svg.get_attribute("aria-label") or ""
            expect(svg.locator("rect")).to_have_count(len(chart["rows"]))
            body = figure.locator("table tbody tr")
            expect(body).to_have_count(len(chart["rows"]))
            for i, row in enumerate(chart["rows"]):
                label, value = row["label"][lang], shown(row["value"], lang, chart["unit"])
                assert f"{label}: {value}" in alt, (
                    f"{chart_id}: '{label}: {value}' missing from {alt!r}"
                )
                expect(body.nth(i).locator("th")).to_have_text(label)
                expect(body.nth(i).locator("td")).to_have_text(value)
                expect(svg.locator("text.kb-chart__value").nth(i)).to_have_text(value)

    def test_bar_lengths_follow_the_values(self, page: Page) -> None:
        """A bar twice as long means a value twice as big: the widths are proportional."""
        page.goto(FIGURES_PAGE["nl"])
        for chart_id in charts_on("nl"):
            rows = CHARTS[chart_id]["rows"]
            widths = [
                page.locator(f'figure[data-kb-chart="{chart_id}"] rect')
                .nth(i)
                .bounding_box()["width"]
                for i in range(len(rows))
            ]
            top = max(r["value"] for r in rows)
            longest = max(widths)
            for row, width in zip(rows, widths, strict=False):
                assert width == pytest.approx(longest * row["value"] / top, abs=1.5)

    def test_numbers_come_from_the_guide(self) -> None:
        """The project's own figures are those of the seed guide (94 jobseekers: 67 men, 27 women)."""
        gender = {r["label"]["en"]: r["value"] for r in CHARTS["werkzoekenden-geslacht"]["rows"]}
        assert gender == {"Men": 67, "Women": 27}
        channels = sum(r["value"] for r in CHARTS["doorverwijzers"]["rows"])
        assert channels == 94
        contract = [r["value"] for r in CHARTS["werk-per-contract"]["rows"]]
        assert sum(contract[:-1]) == pytest.approx(contract[-1])


class TestFiguresPageIsAccessible:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_axe_finds_nothing(self, page: Page, lang: str) -> None:
        """axe finds no accessibility violation on the figures page with all its charts."""
        page.goto(FIGURES_PAGE[lang])
        assert violations(page) == []

    def test_no_request_to_another_host(self, page: Page, external_requests: list[str]) -> None:
        """The charts need no chart library or CDN: the page asks no other host for anything."""
        page.goto(FIGURES_PAGE["en"])
        page.wait_for_load_state("networkidle")
        assert external_requests == []


class TestMarkersInCode:
    def test_marker_in_a_code_fence_is_left_alone(self) -> None:
        """An editor can show the marker in a code block: it stays text there and is not replaced."""
        text = "Intro\n\n```markdown\n<!-- kb:chart nationaliteiten -->\n```\n\n<!-- kb:chart nationaliteiten -->\n"
        out = replace_markers(text, lambda chart_id: "<figure>CHART</figure>")
        assert out.count("CHART") == 1
        assert "```markdown\n<!-- kb:chart nationaliteiten -->\n```" in out

    def test_indented_code_is_left_alone(self) -> None:
        """A marker indented as a code block (four spaces) is not a marker."""
        out = replace_markers("    <!-- kb:chart x -->\n", lambda chart_id: "CHART")
        assert "CHART" not in out


class TestEditorMistakesInFiguresFile:
    def test_valid_file_has_no_problems(self) -> None:
        """The portal's own figures.yml is valid."""
        charts, problems = load_figures(FIGURES)
        assert problems == [] and set(charts) == set(CHARTS)

    def test_problems_name_file_line_and_field(self, tmp_path: Path) -> None:
        """A value written as text and a missing English label are both reported, by field and line."""
        bad = tmp_path / "figures.yml"
        bad.write_text(
            "charts:\n  - id: test\n    title: {nl: Titel, en: Title}\n    unit: '%'\n"
            "    rows:\n      - label: {nl: Een}\n        value: 'veel'\n"
            "    source: {title: Gids}\n",
            encoding="utf-8",
        )
        _, problems = load_figures(bad, "content/_data/figures.yml")
        text = [str(p) for p in problems]
        assert any(
            t.startswith("content/_data/figures.yml:6: charts[0].rows[0].label") for t in text
        ), text
        assert any(
            t.startswith("content/_data/figures.yml:7: charts[0].rows[0].value:") for t in text
        )

    def test_broken_yaml_is_reported_with_its_line(self, tmp_path: Path) -> None:
        """Broken YAML gives one problem with the line, not a traceback."""
        bad = tmp_path / "figures.yml"
        bad.write_text("charts:\n  - id: test\n    title: {nl: Titel\n", encoding="utf-8")
        _, problems = load_figures(bad, "content/_data/figures.yml")
        assert (
            len(problems) == 1
            and "the YAML cannot be read" in problems[0].message
            and problems[0].line
        )


# --- the real build, on a tiny copy of the portal -----------------------------------------------


def tiny_portal(tmp_path: Path, page_body: str, figures: str | None = None) -> Path:
    """The portal's configuration, hooks and theme with a two-page content folder."""
    root = tmp_path / "portal"
    for name in ("hooks", "overrides", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for extra in ("quizzes",):
        if (ROOT / extra).is_dir():
            (root / extra).mkdir()
    content = root / "content"
    shutil.copytree(
        ROOT / "content" / "_data", content / "_data"
    )  # other data files (e.g. the glossary)
    # The real glossary links terms to pages this two-page copy does not have: use a one-term list.
    (content / "_data" / "glossary.yml").write_text(
        "- term: VDAB\n  nl: {name: Vlaamse Dienst voor Arbeidsbemiddeling, explanation: De Vlaamse dienst voor werk.}\n"
        "  en: {name: Flemish Public Employment Service, explanation: The Flemish employment service.}\n",
        encoding="utf-8",
    )
    (content / "_data" / "figures.yml").write_text(
        figures or FIGURES.read_text(encoding="utf-8"), encoding="utf-8"
    )
    for suffix, title in ((".md", "Welkom"), (".en.md", "Welcome")):
        (content / f"index{suffix}").write_text(
            f"---\ntitle: {title}\nsummary: A test page for the chart hook of the portal.\n---\n\n{page_body}\n",
            encoding="utf-8",
        )
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


class TestBuildFailsClearly:
    def test_unknown_chart_id_fails_the_build(self, tmp_path: Path) -> None:
        """A marker with an unknown id stops the build with the page, line, field and the known ids."""
        root = tiny_portal(tmp_path, "Tekst.\n\n<!-- kb:chart bestaat-niet -->")
        result = build(root)
        out = result.stdout + result.stderr
        assert result.returncode != 0
        assert "content/index.md:" in out and "bestaat-niet" in out
        assert "Traceback" not in out

    def test_malformed_figures_file_fails_the_build(self, tmp_path: Path) -> None:
        """A figures.yml with a missing field stops the build naming the file and the field."""
        broken = FIGURES.read_text(encoding="utf-8").replace("value: 67", "value: zevenenzestig", 1)
        root = tiny_portal(tmp_path, "Tekst.\n\n<!-- kb:chart werkzoekenden-geslacht -->", broken)
        result = build(root)
        out = result.stdout + result.stderr
        assert result.returncode != 0
        assert "content/_data/figures.yml:" in out and "charts[0].rows[0].value" in out
        assert "Traceback" not in out

    def test_marker_in_code_fence_builds(self, tmp_path: Path) -> None:
        """A marker shown inside a code fence is neither replaced nor an error."""
        root = tiny_portal(
            tmp_path, "Zo zet je een grafiek:\n\n```text\n<!-- kb:chart bestaat-niet -->\n```"
        )
        result = build(root)
        assert result.returncode == 0, result.stdout + result.stderr
        html = (root / "site" / "index.html").read_text(encoding="utf-8")
        assert "&lt;!-- kb:chart bestaat-niet --&gt;" in html
        assert 'class="kb-chart"' not in html
