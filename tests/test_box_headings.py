"""The page contents list the boxes' declared headings at the boxes' places among Markdown's own
headings (hooks/steps/polish_headings.py), from data: no HTML is read for them."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest

from steps import keep_html
from steps.page_data import Heading, keep

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


def test_an_exercise_stays_out_on_a_kind_that_links_its_boxes_headings(monkeypatch) -> None:
    exercise = Heading(3, "oefening-1", "Oefening 1")

    def text() -> str:
        return f"# Titel\n\n{box('exercises', exercise)}\n\n### Eigen kop\n"

    linked = [TITLE, (2, "kb-exercises", "Exercises"), (3, "eigen-kop", "Eigen kop")]
    assert contents(text(), "link", monkeypatch) == linked
    listed = [TITLE, (2, "kb-exercises", "Exercises"), (3, *exercise[1:]), linked[-1]]
    assert contents(text(), "list", monkeypatch) == listed


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
