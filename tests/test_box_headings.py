"""The page contents list the boxes' headings at the boxes' places among Markdown's own headings
(hooks/steps/polish_headings.py), from data: the template that writes a box's heading hands it
over in the same call (overrides/hooks/headings.html), and no HTML is read for them."""

from __future__ import annotations

import html as html_lib
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from steps import keep_html, page_data
from steps.page_data import Heading, keep

ROOT = Path(__file__).resolve().parent.parent
BOX = '<section class="kb-box" aria-labelledby="kb-{0}">\n<h2 id="kb-{0}">{0}</h2>\n</section>'


def box(name: str, *more: Heading) -> str:
    """A kept box with one h2 (``kb-<name>``) and the headings ``more``, all declared."""
    return keep(BOX.format(name), [Heading(2, f"kb-{name}", name.title()), *more])


def contents(text: str, listing: str | None, monkeypatch: pytest.MonkeyPatch) -> list:
    """(level, id, title) of each entry of the contents of ``text`` on a page whose kind's
    ``box_headings`` is ``listing``, in page order."""
    monkeypatch.setattr(keep_html, "_listing", lambda page, config: listing)
    page = SimpleNamespace(present_anchor_ids=set())
    source = keep_html.take_out(text, page, None, None)
    md = markdown.Markdown(extensions=["toc", "md_in_html", "steps.polish_headings"])
    keep_html.put_back(md.convert(source), page, None, None)

    def flat(tokens: list[dict]) -> list:
        return [
            entry
            for token in tokens
            for entry in [(token["level"], token["id"], token["name"]), *flat(token["children"])]
        ]

    return flat(md.toc_tokens)


TITLE, B = (1, "titel", "Titel"), (2, "b", "B")
CASES = {
    # each page's text is made when its test runs: a page's declarations are dropped once
    # keep_html has taken its boxes out, as in a build
    "before the first heading": (
        lambda: f"{box('a')}\n\n# Titel\n\n## B\n",
        [(2, "kb-a", "A"), TITLE, B],
    ),
    "between two headings": (
        lambda: f"# Titel\n\n{box('a')}\n\n## B\n",
        [TITLE, (2, "kb-a", "A"), B],
    ),
    "after the last heading": (
        lambda: f"# Titel\n\n## B\n\n{box('a')}\n",
        [TITLE, B, (2, "kb-a", "A")],
    ),
    "two boxes in a row": (
        lambda: f"# Titel\n\n{box('a')}\n\n{box('c')}\n\n## B\n",
        [TITLE, (2, "kb-a", "A"), (2, "kb-c", "C"), B],
    ),
    "a box under a heading's text": (
        lambda: f"# Titel\n\n## B\n\nTekst.\n\n{box('a')}\n",
        [TITLE, B, (2, "kb-a", "A")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_boxs_headings_are_listed_at_its_place(text, expected, monkeypatch) -> None:
    assert contents(text(), "list", monkeypatch) == expected


def test_a_box_heading_is_handed_to_the_contents_as_it_is_written() -> None:
    """The template writes the heading and hands over the same level, id and title, escaped as
    it is written: one call, so the two cannot differ."""
    heading = (
        page_data.templates(ROOT / "overrides").get_template("hooks/headings.html").module.heading
    )
    with page_data.headings_written() as written:
        html = str(heading("kb-a", "Feiten & <data>", "kb-box__title", level=3))
    assert html == '<h3 id="kb-a" class="kb-box__title">Feiten &amp; &lt;data&gt;</h3>'
    assert written == [Heading(3, "kb-a", "Feiten &amp; &lt;data&gt;")]


def test_an_exercise_stays_out_of_the_contents_its_box_joins() -> None:
    """A training session's exercises box hands over its own heading, not its exercises' h3s
    (each has a link, but is no entry of the contents)."""
    env = page_data.templates(ROOT / "overrides")
    view = env.get_template("hooks/kinds/training-session.html").module
    shared = env.get_template("hooks/render_facts.html").module
    exercises = [{"title": "Rollenspel", "description": "Speel het gesprek na."}]
    with page_data.headings_written() as written:
        body = view.exercises(exercises, {}, lambda *a: None, ["rollenspel"], "Link")
        html = str(shared.section("Oefeningen", "exercises", body, "Link"))
    assert '<h3 id="rollenspel">Rollenspel<a class="headerlink"' in html
    assert written == [Heading(2, "kb-exercises", "Oefeningen")]


def test_a_kind_that_does_not_list_its_boxes_headings_keeps_markdowns(monkeypatch) -> None:
    assert contents(f"# Titel\n\n{box('a')}\n\n## B\n", None, monkeypatch) == [TITLE, B]


def test_a_box_left_in_the_markdown_still_gets_its_headings_listed(monkeypatch) -> None:
    """A box that does not stand apart from the text goes through Markdown (keep_html.py) and
    has no slot: its headings follow the kept box before it, or, with none, come last."""
    left = "Tekst.\n{}\nmeer tekst\n"
    text = f"# Titel\n\n{left.format(box('left'))}\n## B\n"
    assert contents(text, "list", monkeypatch) == [TITLE, B, (2, "kb-left", "Left")]
    text = f"# Titel\n\n{box('a')}\n\n{left.format(box('left'))}\n## B\n"
    assert contents(text, "list", monkeypatch) == [
        TITLE,
        (2, "kb-a", "A"),
        (2, "kb-left", "Left"),
        B,
    ]


def test_titles_come_from_the_declaration_not_the_html(monkeypatch) -> None:
    """The contents show what the box declared: a title is never read back from its HTML."""
    text = f"# Titel\n\n{keep(BOX.format('a'), [Heading(2, 'kb-a', 'Feiten &amp; data')])}\n"
    assert contents(text, "list", monkeypatch) == [TITLE, (2, "kb-a", "Feiten &amp; data")]


class TestBuildDeclarations:
    """Each box of today's content declares the headings its template writes (level, id, title),
    on every page of both languages: the page contents rely on the declarations alone."""

    def test_every_box_declares_the_headings_it_writes(self, tmp_path, monkeypatch) -> None:
        boxes: list[tuple[str | None, str, tuple[Heading, ...]]] = []
        listing: list[str | None] = [None]
        depth = [0]
        take_headings, take_listing = keep_html._headings, keep_html._listing

        def recorded_listing(page, config):
            listing[0] = take_listing(page, config)
            return listing[0]

        def recorded(region: str) -> tuple[Heading, ...]:
            depth[0] += 1
            try:
                found = take_headings(region)
            finally:
                depth[0] -= 1
            if depth[0] == 0:
                boxes.append((listing[0], region, found))
            return found

        monkeypatch.setattr(keep_html, "_listing", recorded_listing)
        monkeypatch.setattr(keep_html, "_headings", recorded)
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
        assert any(kind == "link" for kind, _, _ in boxes)
        assert any(kind == "list" and found for kind, _, found in boxes)
        for kind, region, found in boxes:
            written = _written(region)
            declared = [(h.level, h.id, html_lib.unescape(h.title)) for h in found]
            if kind is not None:  # its boxes' headings join the contents: all of them declared
                assert declared == written, region[:300]
            else:  # the shared boxes (fact box, sources, …) are declared on every kind
                assert declared == [h for h in written if h in declared], region[:300]


def _written(html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of each heading with a portal id (``kb-…``) that ``html`` writes; an
    exercise's own id stays out, as it stays out of the contents."""
    tree = LexborHTMLParser(html)
    for link in tree.css("a.headerlink"):
        link.decompose()
    return [
        (int(node.tag[1]), node.attributes["id"], node.text().strip())
        for node in tree.css("h1, h2, h3, h4, h5, h6")
        if (node.attributes.get("id") or "").startswith("kb-")
    ]
