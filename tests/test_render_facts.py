"""The MkDocs adapter's placing of a page's view (hooks/steps/render_facts.py) in its Markdown: the boxes
under the title and before the quiz, each run of them one finished box, and a page without boxes
left as it is. The views themselves are tested without MkDocs in tests/test_views.py."""

from __future__ import annotations

from pathlib import Path

import jinja2
from test_views import BODY, STATUS, update, view_of, write

from kb import kinds, views
from steps import page_data, render_facts

ROOT = Path(__file__).resolve().parent.parent


def placed(view: views.PageView) -> str:
    """The Markdown the adapter writes, each box shown by the name of its block."""
    return render_facts.place(view, lambda block: f"<div>{block.kind}</div>")


def test_the_boxes_go_under_the_title_and_before_the_quiz(tmp_path: Path) -> None:
    body = "# IBO\n\nTekst.\n\n<!-- kb:quiz ibo -->\n"
    site = write(
        tmp_path,
        {
            "statuses/ibo.md": (STATUS, body),
            "news/2026-11-20-nieuw.md": update("2026-11-20", "Nieuw", ["statuses/ibo.md"]),
        },
    )
    text = placed(view_of(site, "statuses/ibo.md"))
    order = [text.index(part) for part in ("# IBO", "<div>opening</div>", "Tekst.")]
    order += [text.index(f"<div>{kind}</div>") for kind in ("history", "sources")]
    assert order == sorted(order)
    assert text.index("<div>sources</div>") < text.index("<!-- kb:quiz ibo -->")
    # Each run of boxes is one finished box that Markdown does not parse.
    top = text.split("\n\n")[1]
    assert top.startswith(page_data.KEEP_OPEN) and top.endswith(page_data.KEEP_CLOSE)


def test_without_a_quiz_the_boxes_close_the_page(tmp_path: Path) -> None:
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, BODY)})
    text = placed(view_of(site, "statuses/ibo.md"))
    assert text.rstrip().endswith(f"<div>sources</div>\n{page_data.KEEP_CLOSE}")
    assert text.index("<div>opening</div>") < text.index("Een plan.") < text.index("<div>sources")


def test_a_page_without_boxes_keeps_its_markdown_as_it_is(tmp_path: Path) -> None:
    body = "Voor.\n# Over\n\nTekst.\n\n<!-- kb:quiz x -->\n\nNa.\n"
    site = write(tmp_path, {"about.md": ({"title": "Over"}, body)})
    assert placed(view_of(site, "about.md")) == site.pages["about.md"].body


def test_every_block_is_markdown_or_has_its_macro() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    env.filters["md"] = str
    assert set(views.ORDER) == views.MARKDOWN | set(render_facts.MACROS)
    for kind, (template, name) in render_facts.MACROS.items():
        if template == render_facts.VIEW:  # the view of the kind whose pages have the block
            template = kinds.get(kinds.playing(kind)).view
        macro = getattr(env.get_template(template).module, name, None)
        assert macro is not None, f"{kind}: no macro {name} in {template}"
