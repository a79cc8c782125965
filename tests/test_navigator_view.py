"""The navigator's data (hooks/kb/navigator_view.py) and its block in a page's view, read from
the navigator fixture (tests/fixtures/site_nav) without MkDocs: the shape of the eligibility
contract's section 4, in the reader's language, from the questions file and the pages' rules
(both read once, through kb.portal and kb.eligibility)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kb import languages, navigator_view, portal, views
from kb.project import Project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site_nav"
QUESTIONS = yaml.safe_load((FIXTURE / "content/_data/eligibility.yml").read_text("utf-8"))
TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def loaded() -> portal.Portal:
    languages.use(languages.from_file(FIXTURE / "mkdocs.yml"))
    try:
        yield portal.load(Project(FIXTURE, FIXTURE / "content"))
    finally:
        languages.use(None)


def test_the_fixture_passes_the_check(loaded: portal.Portal) -> None:
    assert [str(p) for p in portal.check(loaded)] == []


def test_questions_in_the_readers_language_in_file_order(loaded: portal.Portal) -> None:
    for lang in ("nl", "en"):
        found = navigator_view.data(loaded, lang)["questions"]
        assert [q["id"] for q in found] == [q["id"] for q in QUESTIONS["questions"]]
        for got, written in zip(found, QUESTIONS["questions"], strict=True):
            assert got["text"] == written["text"][lang]
            assert [a["text"] for a in got["answers"]] == [
                a["text"][lang] for a in written["answers"]
            ]
            assert navigator_view.UNKNOWN not in [a["id"] for a in got["answers"]]


def test_every_status_page_is_a_scheme_with_its_own_rules(loaded: portal.Portal) -> None:
    found = navigator_view.data(loaded, "en")["schemes"]
    statuses = loaded.site.of_kind("status", "en")
    assert [s["slug"] for s in found] == [p.slug for p in statuses]
    for scheme, page in zip(found, statuses, strict=True):
        assert scheme["path"] == page.base and scheme["title"] == page.meta["title"]
        assert [r["because"] for r in scheme["rules"]] == [
            r["because"] for r in page.meta["eligibility"]
        ]
        assert scheme["region"] == page.meta.get("region", "both")
        assert {"organiser", "reviewed", "sources"} <= scheme.keys()


def test_only_a_navigator_page_has_the_navigator_block(loaded: portal.Portal) -> None:
    site, data = loaded.site, navigator_view.data(loaded, "nl")

    def view(path: str) -> views.PageView:
        return views.page_view(site, site.pages[path], "nl", today=TODAY, navigator=data)

    assert "navigator" in view("statuses/welke-past.md").kinds
    assert "navigator" not in view("statuses/ibo.md").kinds
    block = view("statuses/welke-past.md").get("navigator")
    assert [s["page"].path for s in block.data["schemes"]] == [
        p.base for p in site.of_kind("status", "nl")
    ]
