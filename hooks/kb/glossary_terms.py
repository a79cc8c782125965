"""Glossary terms in a page's HTML: each term of the glossary in the running text wrapped in
``<abbr class="kb-term" title="full name – explanation">``, so that hooks/steps/render_glossary.py's
script can explain it on hover, focus and touch.

Pure: no MkDocs and no Markdown here. Each piece of a page is wrapped by the step that makes it
(issue 25: no step edits HTML that another step produced): the boxes the steps write where they
are kept (``page_data.keep``), the body during its one Markdown render (the Markdown extension in
hooks/steps/render_glossary.py, which hands the tree's texts to ``text_wrapper`` and the raw HTML
Markdown keeps aside to ``wrap_terms``). Text inside code, links, buttons, forms' labels and
fieldsets (quiz questions), SVG, scripts and existing ``abbr`` elements is left alone; only the
text a parser reads is changed, never a tag, an attribute (link addresses, heading ids, titles)
or a comment. Which occurrence a keyboard user can reach (the first of each term on the page) is
decided in the browser (overrides/assets/javascripts/glossary.js), where the whole page is known.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser

__all__ = ["NO_GLOSSARY", "SKIP", "VOID", "abbr", "skips", "text_wrapper", "wrap_terms"]

# Text inside these elements keeps its words as they are: code, controls (no focus stop inside a
# focus stop), and form fieldsets, because a quiz question must not show its answer on hover.
SKIP = {
    "a",
    "abbr",
    "button",
    "code",
    "fieldset",
    "kbd",
    "label",
    "pre",
    "samp",
    "script",
    "select",
    "style",
    "summary",
    "svg",
    "textarea",
}
# An element to leave alone (the glossary list's own terms); its own closing tag ends it, so put
# it on an element that holds no element of the same name.
NO_GLOSSARY = "data-kb-no-glossary"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@lru_cache(maxsize=16)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``terms`` (longest first) as a whole word."""
    return re.compile(r"(?<![\w-])" + _any_term(terms).pattern)


@lru_cache(maxsize=16)
def _any_term(terms: tuple[str, ...]) -> re.Pattern[str]:
    """``_terms_pattern`` without the check before the term, which keeps the regex engine from
    skipping ahead to a term's first letter (four times slower over a page's text). It matches
    wherever ``_terms_pattern`` does (and more), so it finds the pieces worth searching."""
    return re.compile("(" + "|".join(re.escape(t) for t in terms) + r")(?!\w)")


class _Pieces(HTMLParser):
    """The page's HTML as a parser reads it, in pieces that together are the HTML exactly:
    ``(start, kind, tag, attrs)`` for each text, tag, comment, entity or declaration. Only
    text pieces are ever changed: a ``>`` or a term inside an attribute value is part of its tag,
    never text (a pattern such as ``<[^>]*>`` would cut the tag there)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[tuple[int, str, str, dict]] = []
        self._lines = [0]
        self._lines += [m.end() for m in re.finditer("\n", html)]

    def _add(self, kind: str, tag: str = "", attrs: dict | None = None) -> None:
        line, column = self.getpos()
        self.pieces.append((self._lines[line - 1] + column, kind, tag, attrs or {}))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add("start", tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._add("other", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("text")

    def handle_comment(self, data: str) -> None:
        self._add("other")

    handle_decl = handle_pi = unknown_decl = handle_comment

    def handle_entityref(self, name: str) -> None:
        self._add("other")

    handle_charref = handle_entityref


def _pieces(html: str) -> list[tuple[str, str, str, dict]]:
    """``(raw, kind, tag, attrs)`` for each piece of ``html``, in order; the raws add up to it."""
    parser = _Pieces(html)
    parser.feed(html)
    parser.close()
    starts = [p[0] for p in parser.pieces] + [len(html)]
    return [
        (html[start:end], kind, tag, attrs)
        for (start, kind, tag, attrs), end in zip(parser.pieces, starts[1:], strict=True)
    ]


# The pieces of HTML as ``html.parser`` cuts them, for the HTML that Python-Markdown and the
# portal's templates write (tags with quoted or simple values, comments, named and numeric
# entities), read by one regular expression instead of a parser method per piece: about ten
# times faster. Anything else (a bare ``<`` or ``&``, a declaration, an unquoted value that
# ``html.parser`` reads otherwise) is not matched here, and the page goes through ``_pieces``.
_WS = "[ \t\n\r\f]"
_VALUE = "(?:" + _WS + "*=" + _WS + "*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`/]+(?=[\\s>])))?"
_ATTR = _WS + "+(?:[^\\s\"'>/=]+)" + _VALUE
# groups: 1 a text; 2 a start tag, 3 its name, 4 the "/" of "<br/>"; 5 an end tag's name; 6 a
# comment or an entity; 7 what this reading does not cover (a match's last group: ``lastindex``)
_FAST_PIECE = re.compile(
    "([^<&]+)"
    "|(<([a-zA-Z][-.a-zA-Z0-9:_]*)(?:" + _ATTR + ")*" + _WS + "*(/?)>)"
    "|</([a-zA-Z][-.a-zA-Z0-9:_]*)" + _WS + "*>"
    "|(<!--(?:(?!--\\s*>).)*+--\\s*>|&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)"
    # 7: a comment or a tag that the alternatives before do not read (no end, a value they do
    # not cover): the rest at once, not read again from each "<" in it (tests/test_bounded_time.py)
    "|(<!--.*|<[a-zA-Z].*)",
    re.S,
)
# an attribute's name; only from the start of a run of spaces (from each space inside a long run,
# the search would read the rest of the run again: quadratic time, tests/test_bounded_time.py)
_ATTR_NAMES = re.compile("(?<![ \t\n\r\f])" + _WS + "+([^\\s\"'>/=]+)" + _VALUE)
# html.parser reads the content of these as one text, up to their end tag
_RAW_TEXT = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in ("script", "style")}
_KINDS = {1: "text", 6: "other"}


def _fast_pieces(html: str) -> list[tuple[str, str, str, bool]] | None:
    """``(raw, kind, tag, skip-marked)`` for each piece of ``html`` exactly as ``_pieces`` cuts it,
    or None when ``html`` has anything that this reading does not cover. (One ``finditer`` per
    run of pieces, restarted after a script's or style's text: a gap between two matches is
    something this reading does not cover.)"""
    pieces: list[tuple[str, str, str, bool]] = []
    add = pieces.append
    pos, size = 0, len(html)
    while pos < size:
        raw_text = None
        for found in _FAST_PIECE.finditer(html, pos):
            if found.start() != pos:
                return None
            raw, kind = found.group(), found.lastindex
            if kind == 7:
                return None
            pos = found.end()
            if kind != 2:
                add(
                    (raw, "end", found.group(5).lower(), False)
                    if kind == 5
                    else (raw, _KINDS[kind], "", False)
                )
                continue
            tag, close = found.group(3, 4)
            tag = tag.lower()
            if close:
                add((raw, "other", tag, False))
                continue
            marked = NO_GLOSSARY in raw.lower() and any(
                name.lower() == NO_GLOSSARY
                for name in _ATTR_NAMES.findall(raw, found.end(3) - found.start())
            )
            add((raw, "start", tag, marked))
            if tag in _RAW_TEXT:
                raw_text = tag
                break
        else:
            return pieces if pos == size else None
        close = _RAW_TEXT[raw_text].search(html, pos)
        if close is None:
            return None
        if close.start() > pos:
            add((html[pos : close.start()], "text", "", False))
        add((close.group(), "end", raw_text, False))
        pos = close.end()
    return pieces


def _parsed_pieces(html: str) -> list[tuple[str, str, str, bool]]:
    """The pieces of ``html``: the fast reading where it covers the HTML, else the parser's."""
    fast = _fast_pieces(html)
    if fast is not None:
        return fast
    return [(raw, kind, tag, NO_GLOSSARY in attrs) for raw, kind, tag, attrs in _pieces(html)]


def abbr(term: str, title: str) -> str:
    """A term (as HTML) wrapped with its tooltip text."""
    return f'<abbr class="kb-term" title="{html_lib.escape(title, quote=True)}">{term}</abbr>'


def skips(tag: str, marked: bool) -> bool:
    """Whether the element ``tag`` (``marked``: it has the NO_GLOSSARY attribute) keeps the
    words inside it as they are."""
    return tag not in VOID and (tag in SKIP or marked)


def text_wrapper(titles: dict[str, str], mark: Callable[[str], str] | None = None):
    """A function that gives a text (plain text, not HTML: a text of Markdown's tree) with each
    term of ``titles`` given to ``mark`` as its ``abbr`` (HTML), and replaced by what ``mark``
    returns (Markdown's placeholder for raw HTML; the HTML itself without ``mark``). Made once
    per page: a page's tree has hundreds of texts."""
    terms = tuple(sorted(titles, key=len, reverse=True))
    if not terms:
        return lambda text: text
    candidates, pattern = _any_term(terms), _terms_pattern(terms)

    def wrap(match: re.Match) -> str:
        term = match.group(1)
        html = abbr(html_lib.escape(term, quote=False), titles[term])
        return mark(html) if mark else html

    def wrapped(text: str) -> str:
        return text if candidates.search(text) is None else pattern.sub(wrap, text)

    return wrapped


def wrap_terms(html: str, titles: dict[str, str], stack: list[str] | None = None) -> str:
    """Wrap every term of ``titles`` (term -> tooltip text) in the running text of ``html`` in an
    ``abbr``. Only the parser's text pieces change: tags, attributes and comments stay exactly as
    they are. ``stack``, for a piece of a page: the skipped elements open where ``html`` starts,
    updated in place to those open where it ends (an inline tag Markdown keeps aside, such as
    an editor's ``<a href>``, skips the text of the tree after it)."""
    if not titles:
        return html
    terms = tuple(sorted(titles, key=len, reverse=True))
    pattern, candidates = _terms_pattern(terms), _any_term(terms)
    if candidates.search(html) is None:  # no term anywhere, not even in a tag: nothing to wrap
        if stack is not None and "<" in html:
            for _, kind, tag, marked in _parsed_pieces(html):
                _follow(stack, kind, tag, marked)
        return html
    out: list[str] = []
    stack = [] if stack is None else stack  # open SKIP elements (and elements marked NO_GLOSSARY)

    def wrap(match: re.Match) -> str:
        term = match.group(1)
        return abbr(term, titles[term])

    texts: list[int] = []  # where in ``out`` the text pieces outside skipped elements are
    for raw, kind, tag, marked in _parsed_pieces(html):
        if kind == "text":
            if not stack:
                texts.append(len(out))
            out.append(raw)
            continue
        out.append(raw)
        if kind == "start" and tag not in VOID and (tag in SKIP or marked):  # as _follow, inline
            stack.append(tag)
        elif kind == "end" and tag in stack:
            del stack[len(stack) - 1 - stack[::-1].index(tag) :]
    sub = pattern.sub
    for index in _with_terms(candidates, [out[i] for i in texts], terms):
        out[texts[index]] = sub(wrap, out[texts[index]])
    return "".join(out)


def _follow(stack: list[str], kind: str, tag: str, marked: bool) -> None:
    """The skipped elements open after a piece of HTML (``stack``, changed in place)."""
    if kind == "start" and skips(tag, marked):
        stack.append(tag)
    elif kind == "end" and tag in stack:  # also closes skipped elements left open inside it
        del stack[len(stack) - 1 - stack[::-1].index(tag) :]


_APART = "\x00"  # between text pieces: no word sign, no hyphen, in no term


def _with_terms(pattern: re.Pattern[str], pieces: list[str], terms: tuple[str, ...]) -> list[int]:
    """The indexes of ``pieces`` in which ``pattern`` (``_any_term``) finds a term, in order, by
    one search over them all (instead of a search per piece: a page has hundreds of pieces and a
    few terms). The pieces are joined with ``_APART``, which the pattern's end reads as it reads
    a piece's end (no word sign) and which no term holds, so no match spans two pieces: a piece
    in which ``_terms_pattern`` matches at some place has a match of ``pattern`` there or one
    that covers that place, in the same piece. (An empty term, which the schema does not allow,
    would match at a joint.)"""
    joined = _APART.join(pieces)
    if joined.count(_APART) >= len(pieces) or any(_APART in term or not term for term in terms):
        return list(range(len(pieces)))  # a piece holds the sign itself: search them all
    # a match is in the piece after as many joints as come before it; the matches come in order,
    # so the joints are counted once, from one match to the next (from the start each time, a
    # page as long as a navigator's, with a term in every line, took quadratic time)
    found: list[int] = []
    index = start = 0
    for match in pattern.finditer(joined):
        index += joined.count(_APART, start, match.start())
        start = match.start()
        if not found or found[-1] != index:
            found.append(index)
    return found
