"""A broken quiz file fails the build with one clear message naming the file and the question.

Each case in tests/fixtures/broken_quizzes/<case>.yml holds one mistake; its first line says the
exact message an editor sees (``# expected: ...``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "broken_quizzes"
sys.path.insert(0, str(ROOT / "hooks"))

from kb import content_model, quiz_model  # noqa: E402
from kb.project import Project, check_project  # noqa: E402

CASES = sorted(FIXTURES.glob("*.yml"))
# The hook file of a tiny site: the portal's check and quiz steps alone, in the build's order.
QUIZ_STEPS = """\
import sys

sys.path.insert(0, {hooks!r})
import adapter
from steps import render_quizzes, validate_content

globals().update(adapter.hooks(adapter.only(validate_content, render_quizzes)))
"""
QUESTION = """\
  - id: rol-{n}
    type: true-false
    prompt: {{nl: Een coach beslist voor de nieuwkomer ({n})., en: A coach decides for the newcomer ({n}).}}
    explanation: {{nl: De nieuwkomer beslist zelf., en: The newcomer decides.}}
    read_again: about.md#zelf-gebruiken
    source: https://www.vdab.be/
    answer: false
"""
# A quiz needs at least quiz_model.MIN_QUESTIONS questions.
GOOD_QUIZ = "title: {nl: Test, en: Test}\nquestions:\n" + "".join(
    QUESTION.format(n=n) for n in range(1, quiz_model.MIN_QUESTIONS + 1)
)


def expected(case: Path) -> str:
    return case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expected: ")


def tiny_site(tmp_path: Path, quizzes: dict[str, str], pages: dict[str, str] | None = None) -> Path:
    """A small project: the fixture pages, the given quizzes, the portal's check and quiz steps
    and its theme."""
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    for name, text in (pages or {}).items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    for name, text in quizzes.items():
        (tmp_path / "quizzes" / f"{name}.yml").write_text(text, encoding="utf-8")
    config = {
        "site_name": "Test",
        "docs_dir": "content",
        "use_directory_urls": False,
        "exclude_docs": "_data/\n",
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides"), "language": "nl"},
        "hooks": [str(tmp_path / "quiz_steps.py")],
    }
    (tmp_path / "quiz_steps.py").write_text(QUIZ_STEPS.format(hooks=str(ROOT / "hooks")))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def pages_of(project: Path) -> content_model.Site:
    """The project's pages, as the build reads them (the quiz check resolves links against them)."""
    return content_model.load_site(project / "content", project)


def test_there_are_at_least_eight_kinds_of_mistake() -> None:
    """The fixtures cover at least eight different mistakes."""
    assert len(CASES) >= 8


class TestCheck:
    @pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
    def test_mistake_gives_its_message(self, tmp_path: Path, case: Path) -> None:
        """check() reports the mistake as 'quizzes/<file>:<line>: questions[<id>].<field>: ... Fix: ...'."""
        project = tiny_site(tmp_path, {case.stem: case.read_text(encoding="utf-8")})
        messages = [str(p) for p in quiz_model.check(project, pages_of(project))]
        assert expected(case) in messages
        for message in messages:
            assert message.startswith(f"quizzes/{case.name}") and " Fix: " in message

    def test_good_quiz_has_no_problem(self, tmp_path: Path) -> None:
        """A correct quiz, with a read-again anchor present in both languages, passes."""
        project = tiny_site(tmp_path, {"goed": GOOD_QUIZ})
        assert quiz_model.check(project, pages_of(project)) == []

    def test_unknown_quiz_in_a_marker(self, tmp_path: Path) -> None:
        """A page asking for a quiz that does not exist names the page, the line and the fix."""
        page = "---\ntitle: Pagina\nsummary: Een pagina met een test.\n---\n\n# Pagina\n\n<!-- kb:quiz bestat-niet -->\n"
        project = tiny_site(tmp_path, {"goed": GOOD_QUIZ}, {"pagina.md": page})
        found = check_project(Project(project, project / "content"))
        assert [str(p) for p in found] == [
            "content/pagina.md:8: the marker kb:quiz names 'bestat-niet', which does not exist. "
            "Fix: write <!-- kb:quiz NAME -->, with NAME one of: goed."
        ]

    def test_marker_in_a_code_fence_is_left_alone(self, tmp_path: Path) -> None:
        """Documentation that shows the marker inside a code block is not a quiz."""
        page = "---\ntitle: Uitleg\nsummary: Zo zet je een test op een pagina.\n---\n\n# Uitleg\n\n```\n<!-- kb:quiz naam -->\n```\n"
        project = tiny_site(tmp_path, {"goed": GOOD_QUIZ}, {"uitleg.md": page})
        assert check_project(Project(project, project / "content")) == []

    def test_portal_quizzes_have_no_problem(self) -> None:
        """The quizzes the portal ships pass their own check."""
        assert [str(p) for p in quiz_model.check(ROOT, pages_of(ROOT))] == []


class TestBuild:
    @pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
    def test_broken_quiz_fails_the_build_without_traceback(
        self, tmp_path: Path, case: Path
    ) -> None:
        """The strict build stops, prints the editor's message once, and no Python traceback."""
        result = build(tiny_site(tmp_path, {case.stem: case.read_text(encoding="utf-8")}))
        output = result.stdout + result.stderr
        assert result.returncode == 1
        assert output.count(expected(case)) == 1
        assert "Traceback" not in output
        assert not (tmp_path / "site").exists()

    def test_good_quiz_builds(self, tmp_path: Path) -> None:
        """The same tiny site with a correct quiz builds and shows the quiz; search finds the
        question but not its answer."""
        page = "---\ntitle: Pagina\nsummary: Een pagina met een test.\n---\n\n# Pagina\n\n<!-- kb:quiz goed -->\n"
        project = tiny_site(tmp_path, {"goed": GOOD_QUIZ}, {"pagina.md": page})
        result = build(project)
        assert result.returncode == 0, result.stderr
        html = (project / "site" / "pagina.html").read_text(encoding="utf-8")
        # The loader finds quiz.js beside itself (issue 22: the page names no script to load).
        assert 'data-kb-quiz="goed"' in html and "quiz-loader.js" in html
        assert "data-kb-quiz=" not in (project / "site" / "about.html").read_text(encoding="utf-8")
        index = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "Een coach beslist voor de nieuwkomer (1)." in index  # the question can be found
        assert "De nieuwkomer beslist zelf." not in index  # its answer is not given away

    def test_source_is_shown_with_the_explanation(self, tmp_path: Path) -> None:
        """Each answer names its source next to the explanation: an official address by its host,
        a portal page by its title, linked relative to the page."""
        quiz = GOOD_QUIZ + GOOD_QUIZ.split("questions:\n", 1)[1].replace(
            "id: rol", "id: rol-2"
        ).replace("source: https://www.vdab.be/", "source: about.md")
        page = "---\ntitle: Pagina\nsummary: Een pagina met een test.\n---\n\n# Pagina\n\n<!-- kb:quiz goed -->\n"
        project = tiny_site(tmp_path, {"goed": quiz}, {"pagina.md": page})
        result = build(project)
        assert result.returncode == 0, result.stderr
        html = (project / "site" / "pagina.html").read_text(encoding="utf-8")
        sources = re.findall(
            r'<div class="kb-quiz__explanation">.*?<p class="kb-quiz__source">(.*?)</p>', html, re.S
        )
        half = quiz_model.MIN_QUESTIONS  # the first half cites an address, the second a page
        assert len(sources) == 2 * half, sources
        assert sources[0] == 'Bron: <a href="https://www.vdab.be/">vdab.be</a>'
        about = yaml.safe_load((project / "content" / "about.md").read_text().split("---")[1])
        assert sources[half] == f'Bron: <a href="about.html">{about["title"]}</a>'

    def test_two_quizzes_on_one_page_load_the_script_once(self, tmp_path: Path) -> None:
        """A page with two quizzes shows both and names quiz.css once, in a <noscript> link; it
        names no script for the lazy loader (quiz-loader.js finds quiz.js itself)."""
        page = (
            "---\ntitle: Twee\nsummary: Een pagina met twee testen.\n---\n\n# Twee\n\n"
            "<!-- kb:quiz goed -->\n\nTekst ertussen.\n\n<!-- kb:quiz ook-goed -->\n"
        )
        project = tiny_site(tmp_path, {"goed": GOOD_QUIZ, "ook-goed": GOOD_QUIZ}, {"twee.md": page})
        assert build(project).returncode == 0
        html = (project / "site" / "twee.html").read_text(encoding="utf-8")
        assert 'data-kb-quiz="goed"' in html and 'data-kb-quiz="ook-goed"' in html
        assert "data-kb-quiz-src" not in html and "data-kb-quiz-css" not in html
        assert html.count("quiz.js") == 0 and html.count("quiz.css") == 1
        noscript = '<noscript><link rel="stylesheet" href="assets/stylesheets/quiz.css"></noscript>'
        assert html.count(noscript) == 1
        ids = re.findall(r' id="([^"]+)"', html)
        assert len(ids) == len(set(ids))


class TestAssets:
    def test_quiz_script_is_small_and_asks_nothing(self) -> None:
        """quiz.js stays under 29 KB (about 8 KB gzip, with per-question checks, the summary, the
        history, the saving choice and the answer key; fetched only when a quiz is near), needs
        no library and sends no request."""
        for name in ("quiz.js", "quiz-progress.js"):
            script = (ROOT / "overrides" / "assets" / "javascripts" / name).read_text(
                encoding="utf-8"
            )
            assert len(script.encode()) < 29_000
            assert not re.search(r"fetch\(|XMLHttpRequest|sendBeacon|https?://|import ", script)

    def test_every_label_in_both_languages(self) -> None:
        """Every quiz label has a Dutch and an English text."""
        strings = yaml.safe_load((ROOT / "hooks" / "ui_strings.yml").read_text(encoding="utf-8"))
        assert [k for k, v in strings.items() if not (v.get("nl") and v.get("en"))] == []
