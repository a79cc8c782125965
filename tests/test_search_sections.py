"""The portal's search entries are Material's, exactly (issue 25, point 7: the build's CPU).

``kb.search_sections.add_entries`` replaces Material's ``SearchIndex.add_entry_from_context`` in
the build (``steps/output/split_search_index.py``): same entries, a fraction of the cost. These
tests run Material's own ``SearchIndex`` (with its ``Parser`` as the build runs it, spaced by
``kb.search_index_model.space_blocks``) beside ours on the same page: tricky pages, pages that
Python-Markdown writes, and thousands of random ones; each through the fast reading and through
``html.parser``. And they fail when Material's parser changes: Material is in maintenance, and
ours mirrors 9.8.1's source, pinned below by digest (fast tier, no build).
"""

from __future__ import annotations

import hashlib
import inspect
import random
from types import SimpleNamespace

import pytest
from material.plugins.search import plugin as material
from mkdocs.structure.toc import get_toc

from kb import search_sections
from kb.search_index_model import space_blocks


class _Spaced(material.Parser):
    """Material's parser as the build runs it (``space_labels`` patches it at ``config``)."""


space_blocks(_Spaced)

# Material 9.8.1's parser and index, which kb.search_sections mirrors. When this changes, read
# the new source, make search_sections do the same, and put the new digest here.
MIRRORED = (
    material.Element,
    material.Section,
    material.Parser,
    material.SearchIndex.add_entry_from_context,
    material.SearchIndex.create_entry_for_section,
    material.SearchIndex._find_toc_by_id,
)
DIGEST = "643fbd150e2d7fc80cacb9a2455bf0838fd10fc868218bac325c335047c6a67f"


def _toc(ids: list[str]) -> object:
    """A table of contents: the ids in order, every third one a child of the one before."""
    tokens: list[dict] = []
    for number, anchor in enumerate(ids):
        token = {"level": 2, "id": anchor, "name": anchor, "children": []}
        if tokens and number % 3 == 2:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return get_toc(tokens)


def _page(html: str, toc_ids=("a", "b", "c"), meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        content=html,
        toc=_toc(list(toc_ids)),
        url="map/pagina/",
        meta={} if meta is None else meta,
        title="Paginatitel",
    )


def _outcome(add, page) -> tuple[str, object]:
    """The entries, or the exception raised (Material raises on some broken markup)."""
    try:
        return "entries", add(page)
    except Exception as error:
        return type(error).__name__, str(error)


def _material(page) -> list[dict]:
    index = material.SearchIndex()
    parser, material.Parser = material.Parser, _Spaced
    try:
        index.add_entry_from_context(page)
    finally:
        material.Parser = parser
    return index.entries


def _ours(page) -> list[dict]:
    entries: list[dict] = []
    search_sections.add_entries(entries, page)
    return entries


def _ours_by_parser(page) -> list[dict]:
    """Ours with every page read by html.parser (the fast reading switched off)."""
    fast = search_sections._fast
    search_sections._fast = lambda html, reader: False
    try:
        return _ours(page)
    finally:
        search_sections._fast = fast


class _Ignore:
    """A reader that takes the events and does nothing (which pages the fast reading covers)."""

    def start(self, tag: str, attrs: dict) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass


def _fast_answers(html: str) -> bool:
    return search_sections._fast(html, _Ignore())


def _same(page) -> None:
    expected = _outcome(_material, page)
    assert _outcome(_ours, page) == expected, page.content
    assert _outcome(_ours_by_parser, page) == expected, page.content


TRICKY = [
    "",
    "Alleen tekst, geen tags.",
    '<h1 id=\'titel\'>Titel<a class="headerlink" href="#titel">¶</a></h1><p>Tekst</p>',
    "<p>Voor</p><h2 id='a'>A</h2><p>Na</p><h3 id='x'>X</h3><p>Meer</p>",  # preface, toc miss
    "<h2>Zonder id</h2><p>tekst</p><h2 id>Leeg id</h2><h2 id=''>x</h2><p>y</p>",
    "<div><h2 id='a'>In een div</h2><p>binnen</p></div><p>erna</p><h2 id='b'>B</h2>",
    "<details><summary>S</summary><h3 id='c'>C</h3><p>d</p></details><p>na details</p>",
    "<div><div><h2 id='a'>A</h2>x</div>y</div>z<div><h3 id='b'>B</h3></div>w",
    "<h2 id='a'><span>deel</span> <code>code</code> <a class='headerlink'>#</a></h2>t",
    "<div data-search-exclude><p>weg</p><div>binnen</div><p>weer zichtbaar</p></div><p>ok</p>",
    "<div data-search-exclude><div data-search-exclude>a</div>b</div>c",  # nested exclusions
    "<section data-search-exclude><h2 id='a'>Weg</h2><p>x</p></section><h2 id='b'>B</h2>",
    "<h2 id='a' data-search-exclude>Uitgesloten kop</h2><p>tekst</p><h2 id='b'>B</h2><p>c</p>",
    "<p data-search-exclude>x</p><p>y</p><p DATA-SEARCH-EXCLUDE=''>z</p><p>w</p>",
    "<table><tr><td class='linenodiv'><pre>1\n2</pre></td><td><pre>a\n  b</pre></td></tr></table>",
    "<pre><code>regel 1\n\n   regel 2  \n</code></pre><p>a\n b   c</p>",
    "<p>  </p><p>\n</p><ul><li> </li><li>x</li></ul><ol></ol><p><code> </code></p>",
    "<p>R&amp;D &lt;tag&gt; &#39;x&#x27; &nbsp;y&hellip; &copy &bogus; a & b</p>",
    "<p>1 < 2 en 3 > 2</p><p>a <b>vet</b></p>",  # a bare < (html.parser's own path)
    "<p>open<div>zonder sluiten<span>x</p></div>verder",  # unclosed and crossed tags
    "</p></div>tekst</span><p>x</p></p>",  # stray end tags
    "<br><br/><hr /><img src='x.png' alt='a > b'><input value=\"<p>\"><wbr>x<br>y",
    "<p>a<!-- commentaar <p> -->b<!-- x --\t>c<!--->d--></p>",
    "<p>a<!-- niet gesloten",
    "<script>var s = '</p><h2 id=\"z\">';</script><style>p{}</style><object>o</object><p>t</p>",
    "<SCRIPT type='x'>a</SCRIPT ><STYLE>b</style>c<Script/>d",
    "<script>nooit gesloten <p>x</p>",
    "<![CDATA[x<p>y]]><!DOCTYPE html><?php echo ?><p>z</p>",
    "<P CLASS=x>Hoofd<LI>letters</LI></P><H2 ID='A'>Kop</H2>",
    '<a href=x/>x</a><a title="x>y" href=\'q\'>z</a><p\u00a0class="a">b</p>',
    "<dl><dt>Soort</dt><dd>Werk</dd><dt>Duur:</dt><dd>6 maanden</dd></dl>",
    "<h2 id='a'>A</h2><dl><dt>x</dt></dl><h2 id='b'><dt>in kop</dt></h2>",
    "<sub>1</sub><sup>2</sup><p><sub> </sub></p>",
    "<ul><li><p>a</p></li><li><p> </p></li></ul><p>b</p><p></p>",
    "<h2 id='a'>Dubbel</h2><h2 id='a'>Dubbel</h2><h4 id='c'>Kind</h4>",
    "<hx>aangepaste tag</hx><p>x</p>",  # the preface's own tag name
    "<pre>in pre\n\n<span>  </span>\n</pre>",
    "<p>&#0;&#x110000;&#9999999;&amp&ampx;</p>",
    "<h1>geen id</h1><p>x</p><h1 id='t'>met id</h1>y",
    "<div class='linenodiv'>12</div>x<span class='linenodiv'>a<span>b</span>c</span>d",
    "<p data-search-exclude>a<p>b</p>c</p>d<p>e</p>",  # an excluded tag ended by a nested one
    "<a class='headerlink' href='#'>buiten kop</a><h2 id='a'>A<a class='headerlink'>¶</a></h2>",
    '<p>a</p\n><p >b</p ><p\n\tclass = "c"\n>c</p>',
    "<a b='1'c='2'>x</a><a b c=d>y</a><a b==c>z</a><a b=>w</a>",
    "<h2 id=\"a&amp;b\">entiteit in id</h2><p class='header&#108;ink'>x</p>",
]


@pytest.mark.parametrize("html", TRICKY)
def test_tricky_pages_give_materials_entries(html: str) -> None:
    _same(_page(html))


def test_page_settings_give_materials_entries() -> None:
    """Tags, boost, an excluded page, a front matter title, a toc with children and twins."""
    html = "<p>preface</p><h2 id='b'>B</h2><p>x</p><h3 id='c'>C</h3><h2 id='z'>Z</h2>"
    for meta in (
        {"tags": ["werk", 3, None, "", 1.5, True, ["x"]], "search": {"boost": 2}},
        {"tags": "geen lijst", "title": "Eigen titel"},
        {"search": {"exclude": True}},
        {"search": None, "title": 12},
    ):
        _same(_page(html, toc_ids=("b", "c", "c", "z", "b"), meta=meta))


def test_markdown_output_takes_the_fast_reading() -> None:
    """What Python-Markdown writes (ids, links, tables, code, entities) is read fast."""
    import markdown

    html = markdown.markdown(
        "# Titel\n\nVoor.\n\n## Over IBO {#ibo}\n\nDe [VDAB](https://www.vdab.be/?a=1&b=2) "
        "& de IBO's.\n\n| a | b |\n|---|---|\n| IBO | `VDAB` |\n\n<!-- x -->\n\n"
        "    code\n      meer\n\n- een\n- twee\n\nTerm\n:   uitleg\n",
        extensions=["attr_list", "tables", "toc", "def_list"],
    )
    assert _fast_answers(html)
    _same(_page(html, toc_ids=("titel", "ibo")))


def test_material_tag_lists_are_ours() -> None:
    parser = material.Parser()
    assert material.void == search_sections.VOID
    assert parser.keep == search_sections.KEEP
    assert parser.skip == search_sections.SKIP


def test_materials_parser_is_the_one_mirrored() -> None:
    """Material's parser and index code as mirrored (see MIRRORED): a change must be read."""
    source = "\n".join(inspect.getsource(part) for part in MIRRORED)
    assert hashlib.sha256(source.encode()).hexdigest() == DIGEST


ALPHABET = [
    "<p>", "</p>", "<P class=x>", "<div>", "</div>", "<div data-search-exclude>",
    "<div class=\"linenodiv\">", "<span>", "</span>", "<pre>", "</pre>", "<code>", "</code>",
    "<ul>", "<li>", "</li>", "</ul>", "<ol>", "</ol>", "<sub>", "</sub>", "<sup>", "</sup>",
    "<h1 id='t'>", "<h1>", "</h1>", "<h2 id=\"a\">", "<h2 id='b'>", "<h2>", "</h2>",
    "<h3 id=c>", "</h3>", "<H3 ID='a'>", "</H3>", "<h2 id='x' data-search-exclude>",
    "<a class=\"headerlink\" href=\"#a\">", "<a href='x>y'>", "</a>", "<dl>", "<dt>", "</dt>",
    "<dd>", "</dd>", "</dl>", "<details>", "<summary>", "</summary>", "</details>", "<table>",
    "<td>", "</td>", "<br>", "<br/>", "<hr />", "<img src=x>", "<img src=x/>", "<div/>",
    "<script>", "</script>", "<style>", "</STYLE >", "<object>", "</object>", "<hx>",
    "&amp;", "&#39;", "&#x27;", "&nbsp", "&lt;p&gt;", "&", "<", ">", "<!-- x -->", "<!-->",
    "-->", "<!doctype html>", "<?x?>", "</ p>", "<![CDATA[x]]>", '<a\u00a0b="1">',
    "woord", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "Soort", ":", "x y", '"', "=",
]  # fmt: skip


def test_random_pages_give_materials_entries() -> None:
    """Many random mixtures of tags, text, entities and stray characters: the same entries (or
    the same error) as Material, through the fast reading and through html.parser."""
    rng = random.Random(25)
    fast = 0
    for _ in range(3000):
        html = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 30)))
        fast += _fast_answers(html)
        _same(_page(html, toc_ids=rng.sample(["a", "b", "c", "t", "x"], rng.randint(0, 5))))
    assert fast > 800  # the comparison is not only of html.parser with itself


def test_the_build_step_gives_materials_index_these_entries() -> None:
    """At ``pre_build`` the step puts add_entries on the index Material's ``on_config`` made."""
    from steps.output import split_search_index

    plugin = material.SearchPlugin()
    plugin.search_index = material.SearchIndex()
    split_search_index.read_pages_cheaply(SimpleNamespace(plugins={"search": plugin}))
    index = plugin.search_index
    assert index.add_entry_from_context.__func__ is split_search_index._add_entries
    page = _page("<p>Voor</p><h2 id='a'>A</h2><dl><dt>Soort</dt><dd>Werk</dd></dl>")
    index.add_entry_from_context(page)
    assert index.entries == _material(page)
    assert index.entries[-1]["text"] == "Soort: Werk"


TAGS = ["div", "section", "details", "summary", "p", "span", "a", "abbr", "strong", "ul", "li",
        "ol", "pre", "code", "dl", "dt", "dd", "table", "tr", "td", "sub", "sup", "h1", "h2",
        "h3", "h4", "script", "style", "object", "label", "hx"]  # fmt: skip
ATTRIBUTES = ["", ' id="a"', " id='b'", " id=c", ' class="headerlink"', ' class="linenodiv"',
              " data-search-exclude", ' data-search-exclude=""', ' title="x > y &amp; z"',
              ' CLASS="kb-term" tabindex="0"', ' id="t&amp;u"']  # fmt: skip
WORDS = ["IBO", "werk", " ", "\n", "  \n ", "R&amp;D", "&lt;b&gt;", "a\tb", "é", "&#39;"]


def _element(rng: random.Random, depth: int) -> str:
    """A random well-nested element: what templates and Markdown write."""
    tag = rng.choice(TAGS)
    inner = "".join(
        _element(rng, depth + 1) if depth < 4 and rng.random() < 0.45 else rng.choice(WORDS)
        for _ in range(rng.randint(0, 4))
    )
    if rng.random() < 0.1:
        inner += rng.choice(["<br>", "<hr/>", "<img alt='x'>", "<!-- c -->"])
    tag = tag.upper() if rng.random() < 0.05 else tag
    return f"<{tag}{rng.choice(ATTRIBUTES)}>{inner}</{tag}>"


def test_random_nested_pages_give_materials_entries() -> None:
    """Random well-nested pages (headings in blocks, exclusions in exclusions, kept tags in
    titles): the same entries as Material, read fast."""
    rng = random.Random(7)
    fast = 0
    for _ in range(1500):
        html = "".join(_element(rng, 0) for _ in range(rng.randint(1, 5)))
        fast += _fast_answers(html)
        _same(_page(html, toc_ids=rng.sample(["a", "b", "c", "t&u"], rng.randint(0, 4))))
    assert fast == 1500
