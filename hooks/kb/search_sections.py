"""The search index's entries of a page, as Material makes them, at a fraction of the cost (pure).

Why. Material's search plugin reads each page's HTML with ``html.parser`` (a Python method call
per tag and text, two or three more in its handlers) and was the largest single cost of the
portal's build over a plain one: 26.8 s of 124 s profiled at 10x content (a plain build: 4.0 s;
our pages carry about six times more HTML: boxes, tooltips). Half of it was the tokenizer, half
the handlers, which compare elements by tag through Python-level ``__eq__``/``__hash__`` and
intersect a set with the list of open elements at every event. Measured (CPU, same machine
and load): at 10x content the 2,008 pages' entries took 9.6 s in Material, 3.1 s here; at 1x
(226 pages, 2.2 MB of HTML) 0.56 s and 0.19 s.

What. ``add_entries`` is ``SearchIndex.add_entry_from_context`` of Material for MkDocs 9.x
(9.8.1, in maintenance only; ``material/plugins/search/plugin.py``) with its ``Parser`` as the
portal runs it (``kb.search_index_model.space_blocks``: a space around blocks, ":" after a
``<dt>``), rewritten to give the same entries, byte for byte:

- **Same events.** Material feeds the page to ``html.parser`` (``convert_charrefs=True``). The HTML
  that Python-Markdown and the templates write (tags with quoted or simple attribute values,
  comments, entities, ``script``/``style`` text) is read here by one regular expression into
  exactly the events ``html.parser`` gives (text unescaped by the same ``html.unescape``, a
  ``<br/>`` as a start and an end); anything else (a bare ``<``, a declaration, an unquoted value
  ``html.parser`` reads otherwise, an unclosed comment) sends the whole page through
  ``html.parser`` itself. Attributes are only read where Material looks at them.
- **Same handlers, cheap.** Material's ``Element`` equals any element or string of the same tag,
  so its ``skip`` set is in effect a set of tag names, ``section.el in context`` means "an element
  with the section heading's tag is open", and ``"pre" in context`` "a ``pre`` is open". Here a
  count of open elements per tag answers those, and a count of open skipped elements replaces
  ``skip.intersection(context)``. The quirks stay: closing any element of an excluded element's
  tag ends the exclusion, a stray or crossed end tag is ignored (its element stays open), a kept
  tag's end looks for the section's first opening of that tag, and so on.
- **Same entries.** ``create_entry_for_section`` with the table of contents looked up by id (the
  first item of that id, depth first, as ``_find_toc_by_id``), tags and boost from the front matter.

``tests/test_search_sections.py`` runs Material's own ``SearchIndex`` beside this on tricky and
thousands of random pages, and fails when Material's parser changes (its source is pinned).
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

from kb.search_index_model import BLOCKS

__all__ = ["KEEP", "SKIP", "VOID", "Section", "add_entries", "sections"]

# Material's tag lists (plugin.py: ``void``, ``Parser.keep``, ``Parser.skip``).
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
KEEP = frozenset("p code pre li ol ul sub sup".split())  # noqa: SIM905
SKIP = frozenset(("object", "script", "style"))  # never leave the skip set
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
EXCLUDE = "data-search-exclude"

# --- the tokenizer: html.parser's events for the usual markup -------------------------------------

_WS = "[ \t\n\r\f]"
_NAME = "[a-zA-Z][-.a-zA-Z0-9:_]*"
_ATTR_NAME = "[^\\s\"'<>/=`]+"
_QUOTED = "\"[^\"]*\"|'[^']*'"
_BARE = "[^\\s\"'=<>`/]+"
# group 1: text; 2: start tag's name, 3: its attributes, 4: "/" of "<br/>"; 5: end tag's name
_TOKEN = re.compile(
    "([^<]+)"
    f"|<({_NAME})((?:{_WS}+{_ATTR_NAME}(?:{_WS}*={_WS}*(?:{_QUOTED}|{_BARE}(?=[ \t\n\r\f>])))?)*)"
    f"{_WS}*(/?)>"
    f"|</({_NAME}){_WS}*>"
)
# (read only in attribute text that _TOKEN has matched, so each match starts at a name)
_ATTR = re.compile(f"({_ATTR_NAME})(?:{_WS}*={_WS}*({_QUOTED}|{_BARE}))?")
# Attributes Material reads on any element: exclusion, and class="linenodiv" / "headerlink"
# (a value may hide behind an entity, and html.parser lower-cases names)
_READ_ATTRS = re.compile("(?i:data-search-exclude)|linenodiv|headerlink|&")
_COMMENT_END = re.compile(r"--\s*>")  # _markupbase's end of a comment
_RAW_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in ("script", "style")}
_NO_ATTRS: dict[str, str | None] = {}


def _attributes(text: str) -> dict[str, str | None]:
    """The attributes as html.parser gives them (names lower-cased, values unquoted, unescaped)."""
    attrs: dict[str, str | None] = {}
    for name, raw in _ATTR.findall(text):
        value: str | None = None
        if raw:
            value = raw[1:-1] if raw[0] in "\"'" else raw
            value = unescape(value) if value else value
        attrs[name.lower()] = value
    return attrs


def _fast(html: str, reader: SectionReader) -> bool:
    """Feed ``reader`` html.parser's events for ``html``; False where this reading stops short
    (the events so far are then the start of html.parser's)."""
    match, start, end, data = _TOKEN.match, reader.start, reader.end, reader.data
    pos, size = 0, len(html)
    while pos < size:
        found = match(html, pos)
        if found is None:
            if not html.startswith("<!--", pos):
                return False
            close = _COMMENT_END.search(html, pos + 4)
            if close is None:
                return False
            pos = close.end()
            continue
        kind = found.lastindex
        if kind == 1:
            text = found.group(1)
            data(unescape(text) if "&" in text else text)
        elif kind == 5:
            end(found.group(5).lower())
        else:
            tag, text, close = found.group(2, 3, 4)
            tag = tag.lower()
            read = text and (tag in HEADINGS or _READ_ATTRS.search(text))
            start(tag, _attributes(text) if read else _NO_ATTRS)
            if close:
                end(tag)
            elif tag in _RAW_END:  # html.parser's CDATA mode: text up to the end tag, as is
                close = _RAW_END[tag].search(html, found.end())
                if close is None or not close.group().isascii():  # "ſ" is "s" to re.I
                    return False
                if close.start() > found.end():
                    data(html[found.end() : close.start()])
                end(tag)
                pos = close.end()
                continue
        pos = found.end()
    return True


class _Events(HTMLParser):
    """html.parser itself, for the pages the fast reading does not cover."""

    def __init__(self, reader: SectionReader) -> None:
        super().__init__()
        self.reader = reader

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.reader.start(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self.reader.end(tag)

    def handle_data(self, data: str) -> None:
        self.reader.data(data)


# --- the handlers: Material's Parser, with counts instead of element comparisons ------------------


class Section:
    """Material's ``Section``: a heading's tag (``hx`` for the preface), its title and text."""

    __slots__ = ("depth", "excluded", "id", "tag", "text", "title")

    def __init__(self, tag: str, excluded: bool = False, depth: float = 0) -> None:
        self.tag, self.excluded, self.depth = tag, excluded, depth
        self.text: list[str] = []
        self.title: list[str] = []
        self.id: str | None = None


class SectionReader:
    """Material's ``Parser`` (with ``space_blocks``) on html.parser's events."""

    def __init__(self) -> None:
        self.stack: list[str] = []  # Material's ``context``, by tag
        self.open: defaultdict[str, int] = defaultdict(int)  # open elements per tag
        self.skip = set(SKIP)  # Material's ``skip``, by tag
        self.skipping = 0  # open elements whose tag is in ``skip``
        self.links: list[int] = []  # stack depths of open <a class="headerlink">
        self.section: Section | None = None
        self.sections: list[Section] = []

    def _preface(self) -> Section:
        self.section = Section("hx")
        self.sections.append(self.section)
        return self.section

    def _words(self) -> list[str]:
        """Where text goes: the title while an element of the heading's tag is open."""
        section = self.section
        return section.title if self.open[section.tag] else section.text

    def _space(self, mark: str = "") -> None:
        """``search_index_model._space``: end the words before or after a block."""
        if self.section is None or self.skipping:
            return
        words = self._words()
        if not words or words[-1].isspace():
            return
        if mark and not words[-1].rstrip().endswith(mark):
            words.append(mark)
        words.append(" ")

    def _heading(self, tag: str, attrs: dict) -> None:
        depth = len(self.stack)
        if tag != "h1" and not self.sections:
            self.sections.append(Section("hx", depth=depth))
        section = Section(tag, EXCLUDE in attrs, depth)
        if self.sections:
            section.id = attrs["id"]
        self.sections.append(section)
        self.section = section

    def start(self, tag: str, attrs: dict) -> None:
        if tag in BLOCKS:
            self._space()
        if tag in VOID:
            return
        stack = self.stack
        stack.append(tag)
        self.open[tag] += 1
        if tag in self.skip:
            self.skipping += 1
        if attrs:
            if tag == "a" and attrs.get("class") == "headerlink":
                self.links.append(len(stack))
            if tag in HEADINGS and "id" in attrs:
                self._heading(tag, attrs)
        if self.section is None:
            self._preface()
        if attrs and (EXCLUDE in attrs or attrs.get("class") == "linenodiv"):
            if tag not in self.skip:
                self.skip.add(tag)
                self.skipping += self.open[tag]
            return
        if not self.skipping and tag in KEEP:
            self._words().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        stack = self.stack
        if stack and stack[-1] == tag:
            if self.section.depth > len(stack):
                self._leave_nested()
            if self.links and self.links[-1] == len(stack):
                self.links.pop()
            stack.pop()
            self.open[tag] -= 1
            if tag in self.skip:
                self._unskip(tag)
            elif tag in KEEP and not self.skipping:
                self._close_kept(tag)
        if tag in BLOCKS:
            self._space(":" if tag == "dt" else "")

    def _leave_nested(self) -> None:
        """Leaving the element a heading sits in: back to the section that holds it."""
        depth = len(self.stack)
        for section in reversed(self.sections):
            if section.depth <= depth:
                self.section.depth = float("inf")  # never to be considered again
                self.section = section
                return

    def _unskip(self, tag: str) -> None:
        """An element of a skipped tag closed: an excluded tag is no longer skipped at all."""
        self.skipping -= 1
        if tag not in SKIP:
            self.skip.remove(tag)
            self.skipping -= self.open[tag]

    def _close_kept(self, tag: str) -> None:
        """Material's rule: drop the tag if nothing but space follows the section's FIRST
        opening of that tag, else write the end tag."""
        words = self._words()
        index = words.index(f"<{tag}>")
        for position in range(index + 1, len(words)):
            if not words[position].isspace():
                words.append(f"</{tag}>")
                return
        del words[index:]

    def data(self, text: str) -> None:
        if self.skipping:
            return
        open_ = self.open
        in_pre = open_["pre"]
        if not in_pre:
            text = " " if text.isspace() else text.replace("\n", " ")
        section = self.section or self._preface()
        if "&" in text or "<" in text or ">" in text:
            text = escape(text, quote=False)  # Material's, on every text (a space stays a space)
        if open_[section.tag]:
            if not self.links:
                section.title.append(text)
        else:
            words = section.text  # a space only where the text does not end in one yet (or pre)
            if not text.isspace() or not words or not words[-1].isspace() or in_pre:
                words.append(text)


def sections(html: str) -> list[Section]:
    """The page's sections, as Material's parser divides it."""
    reader = SectionReader()
    if not _fast(html, reader):
        reader = SectionReader()
        parser = _Events(reader)
        parser.feed(html)
        parser.close()
    return reader.sections


# --- the entries ----------------------------------------------------------------------------------


def _toc_by_id(toc, found: dict | None = None) -> dict:
    """Each id's first item of the table of contents, depth first (``_find_toc_by_id``)."""
    found = {} if found is None else found
    for item in toc:
        found.setdefault(item.id, item)
        _toc_by_id(item.children, found)
    return found


def _tags(meta: dict) -> list[str] | None:
    tags = meta.get("tags")
    if not isinstance(tags, list):
        return None
    return [str(name) for name in tags if name and isinstance(name, (str, int, float, bool))]


def add_entries(entries: list[dict[str, Any]], page) -> None:
    """``SearchIndex.add_entry_from_context(page)``: append the page's entries to ``entries``.
    ``page`` is MkDocs' page (``content``, ``toc``, ``url``, ``meta``, ``title``)."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    toc = None
    for section in sections(page.content):
        if section.excluded:
            continue
        toc = _toc_by_id(page.toc) if toc is None else toc
        item = toc.get(section.id)
        url = page.url
        if item:
            url = url + item.url
        elif section.id:
            url = url + "#" + section.id
        if not section.title:
            section.title = [str(page.meta.get("title", page.title))]
        entry = {
            "location": url,
            "title": "".join(section.title).strip(),
            "text": "".join(section.text).strip(),
        }
        tags = _tags(page.meta)
        if tags is not None:
            entry["tags"] = tags
        search = page.meta.get("search") or {}
        if "boost" in search:
            entry["boost"] = search["boost"]
        entries.append(entry)
