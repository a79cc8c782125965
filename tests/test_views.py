"""A page's view as data (hooks/kb/views.py), read from small content trees without MkDocs: which
blocks a reader meets, in which order, and where their links lead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from kb import content_model, translations, views

TODAY = dt.date(2026, 12, 7)
STATUS = {
    "kind": "status",
    "title": "IBO",
    "summary": "Een opleiding bij een werkgever, met een plan.",
    "category": "work",
    "duration": "Hoogstens zes maanden.",
    "reviewed": "2026-11-01",
    "sources": [{"title": "VDAB over IBO", "publisher": "VDAB"}],
    "related": ["stage"],
}
BODY = "# IBO\n\nDe werkgever leidt op.\n\n## Voorwaarden\n\nEen plan.\n"


def write(root: Path, files: dict[str, tuple[dict, str]]) -> content_model.Site:
    """Pages under ``root/content`` from (front matter, body) pairs, read as the build reads them."""
    for name, (meta, body) in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return content_model.load_site(root / "content", root)


def update(date: str, title: str, changes: list[str]) -> tuple[dict, str]:
    meta = {"kind": "news", "title": title, "summary": "Er veranderde iets.", "date": date}
    return {**meta, "changes": changes}, f"# {title}\n\nTekst.\n"


def view_of(site: content_model.Site, src: str, lang: str = "nl") -> views.PageView:
    return views.page_view(site, site.pages[src], lang, today=TODAY)


def in_order(kinds: list[str]) -> bool:
    return [k for k in views.ORDER if k in kinds] == list(dict.fromkeys(kinds))


def test_a_status_opens_with_its_answer_and_ends_with_its_sources(tmp_path: Path) -> None:
    other = {**STATUS, "title": "Stage", "related": ["ibo"], "sources": []}
    site = write(
        tmp_path,
        {"statuses/ibo.md": (STATUS, BODY), "statuses/stage.md": (other, "# Stage\n")},
    )
    view = view_of(site, "statuses/ibo.md")
    assert in_order(view.kinds)
    assert view.kinds[:3] == ["title", "opening", "body"]
    assert view.kinds[-1] == "sources"
    assert view.get("title").data["lines"][-1] == "# IBO"
    assert "\n".join(view.get("body").data["lines"]).strip() == BODY.split("\n", 1)[1].strip()
    assert view.get("opening").data["first"] == [("duration", STATUS["duration"])]
    related = view.get("see_also").data["refs"]["related"]
    assert [(r.title, r.path) for r in related] == [("Stage", "statuses/stage.md")]
    # Stage names IBO, but "see also" already links it: not "mentioned in" a second time.
    assert view.get("mentioned_in") is None
    assert view.get("sources").data["changed"] is None
    assert view.get("history") is None


def test_an_update_naming_a_page_gives_it_history_before_its_sources(tmp_path: Path) -> None:
    site = write(
        tmp_path,
        {
            "statuses/ibo.md": (STATUS, BODY),
            "news/2026-10-01-oud.md": update("2026-10-01", "Oud", ["statuses/ibo.md"]),
            "news/2026-11-20-nieuw.md": update("2026-11-20", "Nieuw", ["statuses/ibo.md"]),
        },
    )
    view = view_of(site, "statuses/ibo.md")
    assert in_order(view.kinds)
    assert view.kinds.index("history") == view.kinds.index("sources") - 1
    shown = view.get("history").data["items"]
    assert [u.meta["title"] for u in shown] == ["Nieuw", "Oud"]
    assert view.get("sources").data["changed"].meta["title"] == "Nieuw"
    # The update itself is a page with its own opening (its date), and no history.
    news = view_of(site, "news/2026-11-20-nieuw.md")
    assert "history" not in news.kinds and "opening" in news.kinds


def test_only_the_newest_updates_are_shown(tmp_path: Path) -> None:
    many = {
        f"news/2026-0{n}-01-u{n}.md": update(f"2026-0{n}-01", f"U{n}", ["statuses/ibo.md"])
        for n in range(1, views.HISTORY_SHOWN + 3)
    }
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, BODY), **many})
    shown = view_of(site, "statuses/ibo.md").get("history").data["items"]
    assert len(shown) == views.HISTORY_SHOWN
    assert shown[0].date == max(u.date for u in shown)


def test_a_plain_page_named_by_an_update_gets_only_its_history(tmp_path: Path) -> None:
    page = {"title": "Over", "summary": "Over ons."}
    site = write(
        tmp_path,
        {
            "about.md": (page, "# Over\n\nTekst.\n"),
            "news/2026-11-20-nieuw.md": update("2026-11-20", "Nieuw", ["about.md"]),
        },
    )
    assert view_of(site, "about.md").kinds == ["title", "body", "history"]


def test_a_translation_behind_its_source_says_which_section_changed(tmp_path: Path) -> None:
    en_status = {**STATUS, "summary": "Training with an employer, with a plan."}
    en_body = "# IBO\n\nThe employer trains.\n\n## Conditions\n\nA plan.\n"
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, BODY)})
    found = translations.parts(site.pages["statuses/ibo.md"])
    record = {"source": translations.source_hash(found), "checked": "2026-11-02", "parts": found}
    changed = BODY.replace("Een plan.", "Een plan, getekend.")
    site = write(
        tmp_path,
        {
            "statuses/ibo.md": (STATUS, changed),
            "statuses/ibo.en.md": ({**en_status, "translation": record}, en_body),
        },
    )
    view = view_of(site, "statuses/ibo.en.md", "en")
    assert in_order(view.kinds)
    assert view.kinds[:2] == ["title", "behind"]
    behind = view.get("behind").data
    assert behind["checked"] == "2026-11-02"
    assert behind["parts"] == [("nl", "Voorwaarden")]
    assert behind["source"] == "statuses/ibo.md"
    # The Dutch page itself is not behind anything.
    assert "behind" not in view_of(site, "statuses/ibo.md").kinds


def test_a_page_without_translation_is_shown_with_a_notice(tmp_path: Path) -> None:
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, BODY)})
    view = view_of(site, "statuses/ibo.md", "en")
    assert view.kinds[0] == "fallback"
    assert view.get("fallback").data == {"lang": "nl"}
    assert "fallback" not in view_of(site, "statuses/ibo.md").kinds


def test_a_quiz_closes_the_page_after_its_boxes(tmp_path: Path) -> None:
    guide = {
        "kind": "task-guide",
        "title": "Een cv",
        "summary": "Een cv maken.",
        "dos": ["Kort."],
        "donts": ["Lang."],
        "checklist": ["Naam."],
        "source": {"title": "Een gids"},
        "statuses": ["ibo"],
    }
    body = "# Een cv\n\nTekst.\n\n<!-- kb:quiz cv -->\n\nNa de quiz.\n"
    site = write(tmp_path, {"tasks/cv.md": (guide, body), "statuses/ibo.md": (STATUS, BODY)})
    view = view_of(site, "tasks/cv.md")
    assert in_order(view.kinds)
    assert view.kinds[-1] == "quiz"
    assert view.kinds.index("boxes") < view.kinds.index("sources") < view.kinds.index("quiz")
    assert view.get("quiz").data["lines"][0] == "<!-- kb:quiz cv -->"
    assert "Na de quiz." in view.get("quiz").data["lines"]
    assert not any("kb:quiz" in line for line in view.get("body").data["lines"])
    # The status the guide names lists it under "mentioned in", by its path.
    mentioned = view_of(site, "statuses/ibo.md").get("mentioned_in").data["backlinks"]
    assert [(r.path, r.kind) for r in mentioned] == [("tasks/cv.md", "task-guide")]


def test_a_quiz_marker_in_a_code_fence_is_text(tmp_path: Path) -> None:
    body = "# Uitleg\n\n```\n<!-- kb:quiz cv -->\n```\n"
    site = write(tmp_path, {"uitleg.md": ({"title": "Uitleg"}, body)})
    view = view_of(site, "uitleg.md")
    assert "quiz" not in view.kinds
    assert "<!-- kb:quiz cv -->" in view.get("body").data["lines"]


def test_a_page_past_its_review_interval_says_so_first(tmp_path: Path) -> None:
    old = {**STATUS, "reviewed": "2024-01-10", "replaced_by": "stage"}
    other = {**STATUS, "title": "Stage", "related": []}
    site = write(tmp_path, {"statuses/ibo.md": (old, BODY), "statuses/stage.md": (other, BODY)})
    view = view_of(site, "statuses/ibo.md")
    assert view.kinds[:4] == ["title", "review_due", "replaced", "opening"]
    assert view.get("review_due").data["reviewed"] == "2024-01-10"
    assert view.get("replaced").data["target"] == views.Ref("Stage", "statuses/stage.md")


def test_the_markdown_blocks_are_the_whole_text(tmp_path: Path) -> None:
    body = "Voor de titel.\n# IBO\n\nTekst.\n<!-- kb:quiz x -->\nEinde.\n"
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, body)})
    view = view_of(site, "statuses/ibo.md")
    text = [line for b in view.blocks if b.kind in views.MARKDOWN for line in b.data["lines"]]
    assert "\n".join(text) == site.pages["statuses/ibo.md"].body
