"""The glossary's fast reading of a page's HTML cuts it exactly as ``html.parser`` does (issue 25,
point 7: the build's CPU).

``glossary_terms.wrap_terms`` (kb/glossary_terms.py) changes only the text a parser reads. It used to feed every page
to ``html.parser`` (a Python method call per piece); it now reads the HTML that Python-Markdown
and the templates write with one regular expression, and falls back to the parser for anything
else. These tests hold the two readings side by side: on tricky inputs, on many random ones, and
on the terms a reader then sees wrapped (fast tier, no build).
"""

from __future__ import annotations

import random

import pytest

from kb import glossary_terms

TITLES = {"IBO": "individuele beroepsopleiding", "IBO-T": "met taal", "VDAB": 'dienst "x"'}

TRICKY = [
    "<p title=\"IBO\" data-x='VDAB'>IBO</p>",  # a term in an attribute stays there
    "<p>IBO<!-- IBO --> VDAB<!-- a --\t> IBO</p>",  # comments, also one closed with a tab
    '<abbr title="x">IBO</abbr> IBO',  # an author's own abbr
    "<code>IBO <code>VDAB</code> IBO</code> IBO",  # nested same-name skipped elements
    "<div><div>IBO</div> IBO</div>",
    "<p>R&amp;D IBO&#39;s &#x27;VDAB&#x27; &nbsp;IBO&hellip;</p>",  # entities
    "<p>a & b IBO</p>",  # a bare & (the parser's own path)
    "<p>1 < 2 IBO</p>",  # a bare <
    '<script>var s = "</p><p>IBO";</script><p>IBO</p>',  # a script's text is not HTML
    "<STYLE>p::before{content:'IBO'}</style ><P>IBO</P>",  # capitals, a space in an end tag
    '<div data-kb-no-glossary><p>IBO</p></div><div title=" data-kb-no-glossary">IBO</div>',
    "<DIV DATA-KB-NO-GLOSSARY=''><span>IBO</span></DIV>IBO",
    "<br/>IBO<br />IBO<img src=x.png alt=IBO>IBO",  # empty elements, unquoted values
    '<a href=x/>IBO</a>IBO<a class=b href="x">IBO</a>',  # "x/" is one value to the parser
    '<p\u00a0title="x">IBO</p>',  # a non-ASCII space in a tag
    "<!doctype html><p>IBO</p>",  # a declaration (the parser's own path)
    "<p>IBO-T en IBO-x en xIBO en IBO_</p>",
    '<svg><text>IBO</text></svg><label for="a">IBO</label><summary>VDAB</summary>VDAB',
    "<textarea>IBO</textarea><select><option>IBO</option></select>IBO",
    "<p>IBO",  # not closed
    "",
]


def _parsed(html: str) -> list[tuple[str, str, str, bool]]:
    """The pieces as the parser cuts them, in the fast reading's shape."""
    return [
        (raw, kind, tag, glossary_terms.NO_GLOSSARY in attrs)
        for raw, kind, tag, attrs in glossary_terms._pieces(html)
    ]


def _wrapped_by_parser(html: str) -> str:
    """``wrap_terms`` with every page read by the parser (the reference)."""
    fast = glossary_terms._fast_pieces
    glossary_terms._fast_pieces = lambda html: None
    try:
        return glossary_terms.wrap_terms(html, TITLES)
    finally:
        glossary_terms._fast_pieces = fast


@pytest.mark.parametrize("html", TRICKY)
def test_the_fast_reading_cuts_as_the_parser_does(html: str) -> None:
    fast = glossary_terms._fast_pieces(html)
    assert fast is None or fast == _parsed(html)
    assert glossary_terms.wrap_terms(html, TITLES) == _wrapped_by_parser(html)


def test_what_a_reader_gets_wrapped() -> None:
    """Running text gets the explanation; attributes, comments, code and scripts do not."""
    html = (
        '<p title="IBO">Een IBO<!-- IBO --></p><code>IBO</code>'
        '<script>var a = "<p>IBO</p>";</script><p>IBO &amp; VDAB</p>'
    )
    out = glossary_terms.wrap_terms(html, TITLES)
    assert out.count("<abbr") == 3
    assert '<p title="IBO">Een <abbr class="kb-term" title="' in out
    assert "<!-- IBO --></p><code>IBO</code>" in out
    assert '<script>var a = "<p>IBO</p>";</script>' in out
    assert 'title="dienst &quot;x&quot;">VDAB</abbr></p>' in out


def test_markdown_output_takes_the_fast_reading() -> None:
    """What Python-Markdown writes (headings with ids, links, tables, entities) is read fast."""
    import markdown

    html = markdown.markdown(
        "## Over IBO {#ibo}\n\nDe [VDAB](https://www.vdab.be/?a=1&b=2) & de IBO's.\n\n"
        "| a | b |\n|---|---|\n| IBO | `VDAB` |\n\n<!-- IBO -->\n",
        extensions=["attr_list", "tables"],
    )
    assert glossary_terms._fast_pieces(html) is not None
    assert glossary_terms.wrap_terms(html, TITLES) == _wrapped_by_parser(html)


ALPHABET = [
    "<p>",
    "</p>",
    "<P class=x>",
    '<a href="x>y">',
    "<a title='IBO'>",
    "</a>",
    "<br/>",
    "<br />",
    "<img src=x>",
    "<img src=x/>",
    "&amp;",
    "&#39;",
    "&#x27;",
    "&nbsp",
    "&",
    "<",
    ">",
    "IBO",
    " VDAB ",
    "IBO-T",
    "<!-- IBO -->",
    "<!-->",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "</STYLE >",
    "<code>",
    "</code>",
    "<div data-kb-no-glossary>",
    '<div title=" data-kb-no-glossary">',
    "</div>",
    "\n",
    "\u00a0",
    "<!doctype html>",
    "<?x?>",
    "</ p>",
    '<a\u00a0b="1">',
    '"',
    "=",
    "-",
    "x",
]


def test_random_html_is_cut_as_the_parser_does() -> None:
    """Many random mixtures of tags, entities, comments and stray characters: wherever the fast
    reading answers, it is the parser's answer, and the wrapped page is the same."""
    rng = random.Random(25)
    fast_answers = 0
    for _ in range(3000):
        html = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 14)))
        fast = glossary_terms._fast_pieces(html)
        if fast is not None:
            fast_answers += 1
            assert fast == _parsed(html), html
        assert glossary_terms.wrap_terms(html, TITLES) == _wrapped_by_parser(html), html
    assert fast_answers > 300  # the comparison is not only of the parser with itself
