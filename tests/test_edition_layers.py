"""Local editions, the layer mechanism (issue 27): fast tests on small trees written per test.

A base content/ and an edition's folder are written in tmp_path; the tests resolve the layers,
write the resolved tree, and run every rule of the layer itself (settings, hide, replaced pages
that fell behind their base page), reading the messages an editor would read. The builds of the
two example editions are in tests/test_editions.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from content_index import ROOT
from kb import editions
from kb.problems import Problem

TODAY = dt.date(2026, 12, 7)
PAGE = """---
kind: page
title: {title}
summary: {summary}
---

# {title}

{body}

## Regels

{rules}
"""
SETTINGS = {
    "name": {"nl": "Portaal Proefstad", "en": "Portal Testtown"},
    "site_url": "https://proef.example.org/",
    "contact": "mailto:info@proef.example.org",
    "report": "mailto:fouten@proef.example.org",
    "example": True,
}


def page(
    title: str, body: str = "Tekst.", rules: str = "Een regel.", summary: str = "Kort."
) -> str:
    return PAGE.format(title=title, summary=summary, body=body, rules=rules)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A base of four pages (two with an English version) and the edition 'proef'."""
    write(
        tmp_path,
        {
            "content/a.md": page("A", "Zie [B](b.md) en [C](sub/c.md#regels)."),
            "content/a.en.md": page("A", "See [B](b.md) and [C](sub/c.md#regels)."),
            "content/b.md": page("B"),
            "content/b.en.md": page("B"),
            "content/sub/c.md": page("C", "Terug naar [A](../a.md)."),
            "content/_data/meetings.yml": "[]\n",
            "editions/proef/edition.yml": yaml.safe_dump(SETTINGS, allow_unicode=True),
            "editions/proef/content/sub/lokaal.md": page("Lokaal"),
            "editions/proef/content/sub/c.md": page("C lokaal", "Terug naar [A](../a.md)."),
            "editions/proef/content/_data/meetings.yml": "- uid: eigen\n",
            "editions/proef/hide.yml": "- b.md\n",
        },
    )
    return tmp_path


def resolved(root: Path) -> tuple[editions.Resolution, list[Problem]]:
    return editions.resolve(root, editions.folder(root, "proef"))


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def stamp_all(root: Path) -> None:
    resolution, _ = resolved(root)
    for rel in resolution.replaced:
        if rel.endswith(".md"):
            base, _ = editions.content_model.read_page(resolution.base / rel, resolution.base, root)
            path = resolution.files[rel]
            path.write_text(
                editions.stamp(path.read_text(), editions.parts(base), TODAY), encoding="utf-8"
            )


class TestResolution:
    def test_without_an_edition_the_base_is_all(self, project: Path) -> None:
        resolution, problems = editions.resolve(project, None)
        assert problems == []
        assert set(resolution.files) == {
            "a.md",
            "a.en.md",
            "b.md",
            "b.en.md",
            "sub/c.md",
            "_data/meetings.yml",
        }
        assert all(path.is_relative_to(project / "content") for path in resolution.files.values())

    def test_the_edition_adds_replaces_and_hides_by_path(self, project: Path) -> None:
        resolution, problems = resolved(project)
        assert problems == []
        own = project / "editions/proef/content"
        assert resolution.files["sub/lokaal.md"] == own / "sub/lokaal.md"
        assert resolution.files["sub/c.md"] == own / "sub/c.md"
        assert resolution.files["_data/meetings.yml"] == own / "_data/meetings.yml"
        assert resolution.files["a.md"] == project / "content/a.md"
        # hiding the Dutch page hides every language of it
        assert "b.md" not in resolution.files and "b.en.md" not in resolution.files
        assert resolution.replaced == {"sub/c.md", "_data/meetings.yml"}
        assert resolution.shown("sub/c.md") == "editions/proef/content/sub/c.md"
        assert resolution.shown("a.md") == "content/a.md"

    def test_the_written_tree_is_what_the_edition_publishes(self, project: Path) -> None:
        stamp_all(project)
        resolution, _ = resolved(project)
        tree = project / ".edition-test/content"
        editions.write_tree(resolution, tree)
        files = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())
        assert files == sorted(resolution.files)
        # the link to the hidden page is its plain words; the other links stay
        assert "Zie B en [C](sub/c.md#regels)." in (tree / "a.md").read_text()
        assert "See B and [C](sub/c.md#regels)." in (tree / "a.en.md").read_text()
        # the record is the layer's: gone from the page, every other line where it was
        source = (project / "editions/proef/content/sub/c.md").read_text()
        published = (tree / "sub/c.md").read_text()
        assert "replaces:" in source and "replaces" not in published
        assert len(published.splitlines()) == len(source.splitlines())
        assert published.splitlines()[-1] == source.splitlines()[-1]
        assert yaml.safe_load(published.split("---")[1])["title"] == "C lokaal"


class TestHide:
    @pytest.mark.parametrize(
        ("hide", "expected"),
        [
            (
                "- x.md\n",
                "editions/proef/hide.yml:1: 'x.md' is no page of the base content/. Fix: write "
                "the path from content/ to the Dutch file, e.g. context/cijfers.md (hiding a page "
                "hides every language of it).",
            ),
            (
                "- a.md\n- b.en.md\n",
                "editions/proef/hide.yml:2: 'b.en.md' is a translation; hide the page by its Dutch "
                "file. Fix: write b.md.",
            ),
            (
                "- sub/c.md\n",
                "editions/proef/hide.yml:1: 'sub/c.md' is hidden and replaced (sub/c.md) at once. "
                "Fix: keep one: remove it from hide.yml, or remove the replacing page.",
            ),
            (
                "b.md: yes\n",
                "editions/proef/hide.yml:1: must be a list of page paths. Fix: write one path per "
                "line, e.g. '- context/cijfers.md'.",
            ),
        ],
    )
    def test_a_wrong_hide_list_is_named_with_its_line(
        self, project: Path, hide: str, expected: str
    ) -> None:
        write(project, {"editions/proef/hide.yml": hide})
        assert messages(resolved(project)[1]) == [expected]


class TestReplacedPages:
    def test_a_replacement_in_step_has_no_problem(self, project: Path) -> None:
        stamp_all(project)
        assert editions.check(project, editions.folder(project, "proef")) == []

    def test_a_replacement_without_record_is_named(self, project: Path) -> None:
        assert messages(editions.check(project, editions.folder(project, "proef"))) == [
            "editions/proef/content/sub/c.md:1: replaces: replaces content/sub/c.md but does not "
            "record which version of it it follows. Fix: compare it with content/sub/c.md, then "
            "run make editions-ok EDITION=proef PAGE=sub/c.md."
        ]

    def test_a_stale_replacement_is_reported_with_what_changed(self, project: Path) -> None:
        stamp_all(project)
        # the base corrects a rule and adds a section after the edition checked its copy
        write(
            project,
            {
                "content/sub/c.md": page("C", "Terug naar [A](../a.md).", "Een nieuwe regel.")
                + "\n## Nieuw\n\nMeer.\n"
            },
        )
        found = editions.check(project, editions.folder(project, "proef"))
        assert messages(found) == [
            "editions/proef/content/sub/c.md:5: replaces: replaces content/sub/c.md, which "
            "changed since this page was checked against it (2026-12-07): section 'Regels', "
            "section 'Nieuw' (new). Fix: bring the change into this page, then run make "
            "editions-ok EDITION=proef PAGE=sub/c.md."
        ]
        # the same command puts it in step again
        stamp_all(project)
        assert editions.check(project, editions.folder(project, "proef")) == []

    def test_a_new_base_review_date_alone_is_no_change(self, project: Path) -> None:
        stamp_all(project)
        text = (project / "content/sub/c.md").read_text()
        write(
            project,
            {"content/sub/c.md": text.replace("---\n\n", 'reviewed: "2026-12-01"\n---\n\n', 1)},
        )
        assert editions.check(project, editions.folder(project, "proef")) == []

    def test_a_record_on_a_page_of_the_edition_alone_is_named(self, project: Path) -> None:
        stamp_all(project)
        text = (project / "editions/proef/content/sub/c.md").read_text()
        write(project, {"editions/proef/content/sub/lokaal.md": text})
        assert any(
            "editions/proef/content/sub/lokaal.md:5: replaces: a page of the edition alone has a "
            "'replaces:' record, but the base has no content/sub/lokaal.md" in m
            for m in messages(editions.check(project, editions.folder(project, "proef")))
        )


class TestSettings:
    def test_the_example_settings_are_in_order(self, project: Path) -> None:
        assert editions.settings(editions.folder(project, "proef"), project)[1] == []

    def test_a_missing_or_wrong_setting_is_named_with_its_line(self, project: Path) -> None:
        wrong = {**SETTINGS, "site_url": "http://proef.example.org"}
        del wrong["report"]
        write(project, {"editions/proef/edition.yml": yaml.safe_dump(wrong)})
        found = messages(editions.settings(editions.folder(project, "proef"), project)[1])
        assert any(m.startswith("editions/proef/edition.yml:") and "report" in m for m in found)
        assert any(
            m.startswith(
                "editions/proef/edition.yml:6: site_url: 'http://proef.example.org' is "
                "not the https:// address of a site."
            )
            for m in found
        ), found

    def test_no_settings_file_is_the_cause(self, project: Path) -> None:
        (project / "editions/proef/edition.yml").unlink()
        found = editions.check(project, editions.folder(project, "proef"))
        (missing,) = [p for p in found if p.path == "editions/proef/edition.yml"]
        assert missing.cause and "has no settings file" in missing.message

    def test_the_generator_settings_lay_the_edition_over_the_base(self, project: Path) -> None:
        resolution, _ = resolved(project)
        text = editions.config_text(resolution, SETTINGS, ".edition-x/content", "mkdocs.yml")
        assert "INHERIT: mkdocs.yml\n" in text
        assert 'docs_dir: ".edition-x/content"' in text
        assert 'site_url: !ENV [SITE_URL, "https://proef.example.org/"]' in text
        extra = yaml.safe_load(text.split("extra: ", 1)[1])
        assert extra["edition"] == "editions/proef" and extra["edition_example"] is True
        assert extra["branding"]["name"] == SETTINGS["name"]
        assert extra["branding"]["report"] == SETTINGS["report"]


class TestRelocate:
    def test_a_problem_names_the_file_the_editor_writes(self, project: Path) -> None:
        resolution, _ = resolved(project)
        found = editions.relocate(
            [
                Problem("content/sub/lokaal.md", "m", line=3),
                Problem("content/a.md", "m", line=4),
                Problem(".edition-proef-1/content/_data/meetings.yml", "m", line=1),
                Problem(".edition-proef-1.yml", "m", field="extra.branding.report"),
            ],
            resolution,
            ".edition-proef-1.yml",
        )
        assert [(p.path, p.line, p.field) for p in found] == [
            ("editions/proef/content/sub/lokaal.md", 3, ""),
            ("content/a.md", 4, ""),
            ("editions/proef/content/_data/meetings.yml", 1, ""),
            ("editions/proef/edition.yml", 6, "report"),
        ]


@pytest.mark.parametrize("script", ["check_content.py", "build.py", "offline.py", "pdf.py"])
def test_an_unknown_edition_is_named_with_the_ones_there_are(script: str, tmp_path: Path) -> None:
    """Every command that takes --edition (make check, build, offline, pdf EDITION=…) names the
    editions there are when it is given one that is not there, and writes nothing."""
    extra = ["-d", str(tmp_path / "site")] if script == "build.py" else []
    extra += ["--output", str(tmp_path / "dist")] if script in ("offline.py", "pdf.py") else []
    result = subprocess.run(
        [sys.executable, f"scripts/{script}", "--edition", "nergens", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    there = ", ".join(sorted(p.name for p in (ROOT / editions.FOLDER).iterdir() if p.is_dir()))
    said = result.stdout + result.stderr
    assert f"editions/nergens: no such edition; there are: {there}." in said
    assert not any(tmp_path.iterdir())


def test_translations_behind_are_reported_for_the_editions_own_pages(project: Path) -> None:
    """A base pair is the base's to report; in the edition it differs at most by a link to a
    hidden page made plain in both languages (a.md here)."""
    resolution, _ = resolved(project)
    late = ["content/a.en.md (follows …): section 'Regels'", "content/sub/c.en.md (follows …)"]
    assert editions.translation_report(resolution, late, ["content/a.en.md"]) == (
        ["content/sub/c.en.md (follows …)"],
        [],
    )
