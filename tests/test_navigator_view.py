"""The navigator's data (hooks/kb/navigator_view.py) and its block in a page's view, read from
the navigator fixture (tests/fixtures/site_nav) without MkDocs: the shape of the eligibility
contract's section 4, in the reader's language, from the questions file and the pages' rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from kb import content_model, navigator_view, views

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site_nav"
SITE = content_model.load_site(FIXTURE / "content", FIXTURE)
QUESTIONS = yaml.safe_load((FIXTURE / "content/_data/eligibility.yml").read_text("utf-8"))


def test_questions_in_the_readers_language_in_file_order() -> None:
    for lang in ("nl", "en"):
        found = navigator_view.provisional_navigator_data(SITE, lang)["questions"]
        assert [q["id"] for q in found] == [q["id"] for q in QUESTIONS["questions"]]
        for got, written in zip(found, QUESTIONS["questions"], strict=True):
            assert got["text"] == written["text"][lang]
            assert [a["text"] for a in got["answers"]] == [
                a["text"][lang] for a in written["answers"]
            ]
            assert navigator_view.UNKNOWN not in [a["id"] for a in got["answers"]]


def test_every_status_page_is_a_scheme_with_its_own_rules() -> None:
    found = navigator_view.provisional_navigator_data(SITE, "en")["schemes"]
    statuses = SITE.of_kind("status", "en")
    assert [s["slug"] for s in found] == [p.slug for p in statuses]
    for scheme, page in zip(found, statuses, strict=True):
        assert scheme["path"] == page.base and scheme["title"] == page.meta["title"]
        assert [r["because"] for r in scheme["rules"]] == [
            r["because"] for r in page.meta["eligibility"]
        ]
        assert {"region", "organiser", "reviewed", "sources"} <= scheme.keys()


def test_without_a_questions_file_there_are_no_questions(tmp_path: Path) -> None:
    page = tmp_path / "content" / "welke-past.md"
    page.parent.mkdir()
    page.write_text("---\nkind: navigator\ntitle: W\nsummary: S.\n---\n\n# W\n", "utf-8")
    site = content_model.load_site(tmp_path / "content", tmp_path)
    assert navigator_view.provisional_navigator_data(site, "nl") == {"questions": [], "schemes": []}


def test_only_a_navigator_page_has_the_navigator_block() -> None:
    def kinds(path: str) -> list[str]:
        page = SITE.pages[path]
        return views.page_view(SITE, page, "nl", today=dt.date(2026, 12, 7)).kinds

    assert "navigator" in kinds("statuses/welke-past.md")
    assert "navigator" not in kinds("statuses/ibo.md")
    block = views.page_view(
        SITE, SITE.pages["statuses/welke-past.md"], "nl", today=dt.date(2026, 12, 7)
    ).get("navigator")
    assert [s["page"].path for s in block.data["schemes"]] == [
        p.base for p in SITE.of_kind("status", "nl")
    ]
