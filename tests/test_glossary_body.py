"""The glossary's terms in a page's body are wrapped during its one Markdown render (issue 25,
point 3: no step edits HTML that another step produced), and its boxes where they are made.

``steps.render_glossary``'s Markdown extension wraps the terms of the tree's texts and of the raw
HTML Markdown keeps aside; ``page_data.keep`` wraps a box. Together they give what wrapping the
finished page gave (``glossary_terms.wrap_terms`` over Markdown's HTML): on every page body of
the content and on tricky ones (fast tier, no build).
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from kb import content_model, glossary_model, glossary_terms
from steps import page_data, render_glossary
from steps.keep_html import SLOT

ROOT = Path(__file__).resolve().parent.parent
TITLES = {
    "IBO": 'individuele beroepsopleiding – "a" <b> & c',
    "IBO-T": "met taal",
    "VDAB": "dienst",
}
_CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def _markdown(glossary: bool) -> markdown.Markdown:
    extensions = [*_CONFIG.markdown_extensions, "steps.polish_headings"]
    if glossary:
        extensions.append(render_glossary.EXTENSION)
    return markdown.Markdown(extensions=extensions, extension_configs=dict(_CONFIG.mdx_configs))


WITH, WITHOUT = _markdown(True), _markdown(False)


def _render(text: str, titles: dict[str, str]) -> tuple[str, str]:
    """The body rendered with the extension (the page's glossary set, as the build's first
    Markdown step sets it), and the finished HTML wrapped as the build did before."""
    WITHOUT.reset()
    before = glossary_terms.wrap_terms(WITHOUT.convert(text), titles)
    page_data.use_glossary(titles)
    WITH.reset()
    after = WITH.convert(text)
    assert page_data.take_glossary() == {}, "the render takes the page's glossary"
    return after, before


CASES = {
    "text, emphasis and a heading": "# Over IBO\n\nEen IBO, *de VDAB* en IBO-T.\n\n## IBO bij VDAB\n",
    "links and code keep their words": "[IBO](https://vdab.be/IBO) `IBO` <https://ibo.be>\n",
    "an editor's HTML link": 'Zie <a href="https://vdab.be">de IBO-pagina</a> en IBO.\n',
    "an editor's abbr": '<abbr title="eigen">IBO</abbr> en IBO\n\n*[VDAB]: eigen uitleg\n\nVDAB\n',
    "an HTML block": '<div class="x">\n<p>IBO in HTML</p>\n<p data-kb-no-glossary>IBO</p>\n</div>\n\nIBO\n',
    "a marked span": "Een <span data-kb-no-glossary>IBO <b>VDAB</b></span> IBO.\n",
    "entities and escapes": "R&amp;D IBO &lt;IBO&gt; \\-IBO \\*IBO\\* IBO&VDAB\n",
    "markdown in HTML": "<div markdown>\n*IBO* en VDAB\n</div>\n\n<details markdown>\n<summary>IBO</summary>\nIBO\n</details>\n",
    "admonitions, tables and lists": '!!! note "IBO"\n    De IBO.\n\n| IBO | VDAB |\n|---|---|\n| IBO | x |\n\n- IBO\n- VDAB\n',
    "code blocks": "```\nIBO\n```\n\n    VDAB\n\nIBO\n",
    "a comment": "<!-- IBO -->\n\nIBO <!-- VDAB --> VDAB\n",
    "no term": "Niets te zien.\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_the_body_is_wrapped_as_the_finished_page_was(text: str) -> None:
    after, before = _render(text, TITLES)
    assert after == before


def test_every_page_body_is_wrapped_as_the_finished_page_was() -> None:
    site = content_model.load_site(ROOT / "content", ROOT)
    terms = glossary_model.load(ROOT)
    titles = {
        lang: {n: render_glossary.tooltip(t) for t in entries for n in [t["term"], *t["aliases"]]}
        for lang, entries in terms.items()
    }
    wrapped = 0
    for record in site.pages.values():
        after, before = _render(record.body, titles[content_model.page_language(record.src)])
        assert after == before, record.src
        wrapped += 'class="kb-term"' in after
    assert wrapped > 50  # the content uses its glossary


def test_a_title_cannot_break_the_html_and_the_page_title_and_contents_stay_plain() -> None:
    WITH.reset()
    page_data.use_glossary(TITLES)
    html = WITH.convert("# IBO\n\n## De IBO\n\nIBO\n")
    assert (
        'title="individuele beroepsopleiding – &quot;a&quot; &lt;b&gt; &amp; c">IBO</abbr>' in html
    )
    assert [t["name"] for t in WITH.toc_tokens[0]["children"]] == ["De IBO"]
    assert "tabindex" not in html


def test_a_kept_box_slot_stays_and_a_box_is_wrapped_where_it_is_made() -> None:
    slot = f"<!--kb-kept-{page_data.KEEP_TOKEN}:0-->"
    assert SLOT.fullmatch(slot)
    page_data.use_glossary(TITLES)
    box = page_data.keep("<section><p>IBO</p><a href='x'>IBO</a></section>")
    assert '<p><abbr class="kb-term" title=' in box and "<a href='x'>IBO</a>" in box
    WITH.reset()
    html = WITH.convert(f"IBO\n\n{slot}\n\nIBO\n")
    assert slot in html and html.count("<abbr") == 2
    assert page_data.keep("<p>IBO</p>") == page_data.keep("<p>IBO</p>")  # between pages: as is
    assert "<abbr" not in page_data.keep("<p>IBO</p>")


def test_without_a_glossary_nothing_changes() -> None:
    text = "\n\n".join(CASES.values())
    WITHOUT.reset()
    page_data.use_glossary({})
    WITH.reset()
    assert WITH.convert(text) == WITHOUT.convert(text)
