"""The hooks' HTML boxes that skip Markdown (hooks/steps/keep_html.py) come out as Markdown would write them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from steps import keep_html
from steps.page_data import KEEP_CLOSE, KEEP_OPEN, keep

ROOT = Path(__file__).resolve().parent.parent
BOX = '<section class="kb-box" aria-labelledby="kb-x">\n<h2 id="kb-x">Feiten &amp; data</h2>\n<p>Een <a href="a.html">link</a></p>\n</section>'


def _markdown() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=list(config.markdown_extensions), extension_configs=dict(config.mdx_configs)
    )


def _page() -> SimpleNamespace:
    return SimpleNamespace(present_anchor_ids={"intro"})


def _through_hook(text: str, md: markdown.Markdown) -> tuple[str, SimpleNamespace]:
    page = _page()
    source = keep_html.take_out(text, page, None, None)
    md.reset()
    html = keep_html.put_back(md.convert(source), page, None, None)
    return html, page


def _plain(text: str) -> str:
    return text.replace(f"{KEEP_OPEN}\n", "").replace(f"\n{KEEP_CLOSE}", "")


CASES = {
    "top and bottom": f"# Titel\n\n{keep(BOX)}\n\nTekst *met* nadruk.\n\n{keep(BOX)}\n",
    "box at the very start": f"{keep(BOX)}\n\nTekst.\n",
    "box inside a box": f"{keep(BOX[:-10] + chr(10) + keep('<p>binnen</p>') + chr(10) + '</section>')}\n",
    "blank line inside (left to Markdown)": f"Tekst.\n\n{keep('<div>a' + chr(10) * 2 + '*b*</div>')}\n",
    "lines of spaces inside (left to Markdown)": f"Tekst.\n\n{keep('<section>' + chr(10) + '<p>a</p>' + chr(10) + '   ' + chr(10) * 3 + '<p>b</p>' + chr(10) + '</section>')}\n",
    "two elements apart (left to Markdown)": f"Tekst.\n\n{keep('<div>a</div>' + chr(10) * 3 + '<div>b</div>')}\n",
    "markdown= inside (left to Markdown)": f"Tekst.\n\n{keep('<div markdown>*a*</div>')}\n",
    "blank lines at the edges of a box": f"Tekst.\n\n{keep(chr(10) + BOX + chr(10) * 2)}\n\nMeer.\n",
    "elements one blank line apart (left to Markdown)": f"Tekst.\n\n{keep(BOX + chr(10) * 2 + BOX)}\n",
    "a blank line inside an element (left to Markdown)": f"Tekst.\n\n{keep('<div>' + chr(10) + '<p>a</p>' + chr(10) * 2 + '<p>b</p>' + chr(10) + '</div>')}\n",
    "text after a blank line (left to Markdown)": f"Tekst.\n\n{keep(BOX + chr(10) * 2 + '*b*')}\n",
    "tab inside (left to Markdown)": f"Tekst.\n\n{keep('<div>a' + chr(9) + 'b</div>')}\n",
    "not apart from the text": f"Tekst.\n{keep(BOX)}\nmeer tekst\n",
    "inline element first": f"Tekst.\n\n{keep('<span>a</span> b')}\n",
    "an open box without its end": f"Tekst.\n\n{KEEP_OPEN}\n{BOX}\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_the_html_is_what_markdown_writes(text: str) -> None:
    md = _markdown()
    html, _ = _through_hook(text, md)
    md.reset()
    assert html == md.convert(_plain(text))
    assert "kb-kept" not in html and "kb-keep" not in html


def test_a_kept_box_is_not_parsed_and_its_ids_stay_link_targets() -> None:
    page = _page()
    source = keep_html.take_out(f"# Titel\n\n{keep(BOX)}\n", page, None, None)
    assert "<section" not in source  # Markdown gets a one-line comment instead
    html = keep_html.put_back(f"<h1>Titel</h1>\n{source.split(chr(10))[-2]}", page, None, None)
    assert BOX in html
    assert page.present_anchor_ids == {"intro", "kb-x"}


def test_markdown_without_boxes_is_left_alone() -> None:
    page = _page()
    assert keep_html.take_out("# Titel\n\nTekst.\n", page, None, None) == "# Titel\n\nTekst.\n"
    assert keep_html.put_back("<p>x</p>", page, None, None) == "<p>x</p>"


def test_a_box_that_does_not_come_back_stops_the_build() -> None:
    """If Markdown ever dropped a box's slot, the page would lose its fact box without a word:
    the build stops instead, naming the page."""
    page = SimpleNamespace(
        present_anchor_ids=set(), file=SimpleNamespace(src_uri="statuses/ibo.md")
    )
    keep_html.take_out(f"# Titel\n\n{keep(BOX)}\n", page, None, None)
    with pytest.raises(PluginError, match=r"^statuses/ibo\.md: 1 of the page's boxes"):
        keep_html.put_back("<h1>Titel</h1>\n", page, None, None)
