"""What an editor's text may contain, checked before anything is rendered.

The promise to organisations: whatever an editor writes, no page runs a script, loads anything
from another host or embeds another site. Three rules carry it:

- **web addresses** in front matter (`url:` of a source, a contact address) are parsed strictly:
  http or https (mailto where a field allows it), a real host name, and no quotes, spaces or
  control characters;
- **Markdown in front-matter fields and data files** (fact boxes, checklists, lessons, meetings,
  signals…) may emphasise and link to http(s) addresses and to portal pages (written from
  content/, e.g. ``[IBO](statuses/ibo.md#voorwaarden)``), but may not embed images or hold HTML.
  Its renderer applies the same rule to its own output, so a text that skipped a check still
  cannot link to ``javascript:`` or load an image;
- **page bodies** are rendered with the portal's Markdown settings (but toc, which adds only what
  the allow-list allows: content_model.policy_extensions) and the resulting HTML is held
  to an allow-list (below): no script, style, iframe, object, form or other active element, no
  event-handler or style attribute, no `javascript:`/`data:` address, no image or other resource
  from another host, and no Mermaid diagram (Material would load Mermaid from a CDN).

The allow-list is what Markdown itself produces for the portal's extensions (paragraphs, lists,
tables, admonitions, details, abbreviations, definition lists, code) plus a few inline elements an
editor may need and that carry no behaviour: abbr, kbd, mark, sub, sup, small, br, span, div.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import markdown as md
from jsonschema import FormatChecker
from selectolax.lexbor import LexborHTMLParser

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "EDITOR_DATA_ATTRIBUTES",
    "PAGE_LINK",
    "PAGE_SCHEME",
    "Finding",
    "body_tags",
    "browser_url",
    "check_body_html",
    "check_inline",
    "check_web_address",
    "format_checker",
    "inline_html",
    "loads_from_elsewhere",
    "page_links",
    "published_problems",
    "resolve_page_links",
    "setting_text_problem",
]

ALLOWED_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "code",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "del",
        "ins",
        "a",
        "img",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "abbr",
        "div",
        "span",
        "details",
        "summary",
        "sup",
        "sub",
        "kbd",
        "mark",
        "small",
        "q",
        "cite",
        "dfn",
        "time",
        "figure",
        "figcaption",
    ]
)
ALLOWED_ATTRIBUTES = frozenset(
    [
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "href",
        "src",
        "alt",
        "colspan",
        "rowspan",
        "align",
        "start",
        "open",
        "datetime",
        "scope",
        "width",
        "height",
        "markdown",
    ]
)
# The one data attribute the portal defines for page bodies: the glossary marks no term inside it
# (hooks/steps/render_glossary.py). Every other data-* name belongs to the portal's widgets, whose
# scripts read them: an editor's value there could steer a script.
EDITOR_DATA_ATTRIBUTES = frozenset(["data-kb-no-glossary"])
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_UNSAFE_CHARS = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
# A page of the portal in front-matter or data text, written from content/ like read_again:
# statuses/ibo.md or statuses/ibo.md#voorwaarden. The renderer marks it; the build makes it an
# address relative to the page that shows the text (hooks/steps/page_data.render_macro).
PAGE_LINK = re.compile(r"^(?P<path>[a-z0-9][a-z0-9/_.-]*\.md)(?:#(?P<anchor>[A-Za-z0-9_-]+))?$")
PAGE_SCHEME = "kb-page:"


@dataclass(frozen=True)
class Finding:
    """One breach of the policy: what, how to fix it, and a piece of source text to find its line."""

    message: str
    fix: str
    needle: str = ""


def check_web_address(value: str, mailto: bool = False) -> str | None:
    """None when ``value`` is a full http(s) address (or mailto: when allowed), else what is wrong."""
    if not isinstance(value, str):
        return None
    if _UNSAFE_CHARS.search(value):
        return "contains a space, a quote or another sign that an address cannot hold"
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if mailto and scheme == "mailto":
        return (
            None
            if re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", parts.path, re.I)
            else ("is not a mail address")
        )
    if scheme not in {"http", "https"}:
        return "is not a web address starting with https:// or http://"
    host = (parts.hostname or "").rstrip(".")
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        ascii_host = ""
    if parts.username or parts.password or not _HOST.match(ascii_host):
        return "has no valid host name after the http(s)://"
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return "has a port that is not a number"
    return None


def _link_problem(href: str) -> str | None:
    """What is wrong with a link target in editor text, or None."""
    target = browser_url(re.sub(r"[\x00-\x20]", "", htmllib.unescape(href)))
    if target.startswith("//"):  # another host, with the page's scheme (file: from a copy)
        return "has no scheme: a browser would take it as another host's address"
    scheme = _SCHEME.match(target)
    if not scheme:
        return None  # a page of the portal, an anchor or a local file
    if scheme.group(1).lower() in {"http", "https"}:
        return check_web_address(target)
    if scheme.group(1).lower() == "mailto":
        return None
    return f"uses '{scheme.group(1)}:', which can run code or hide content"


class _Collector(HTMLParser):
    """Tags of the inline renderer's own output (Markdown of escaped text: no raw HTML, so no
    reading of it can differ from a browser's). Page bodies are read by ``body_tags``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.tags


# Where the HTML parser puts a child element in another namespace than its parent's (WHATWG HTML,
# "tree construction": the rules for foreign content and its integration points). Lexbor builds
# the tree by those rules but its Python binding gives no namespace, so it is read back from the
# tree: ``svg:`` and ``math:`` prefix a foreign element's name, never an HTML one.
_HTML_POINTS = frozenset(["svg:foreignObject", "svg:desc", "svg:title"])
_MATH_TEXT_POINTS = frozenset(["math:mi", "math:mo", "math:mn", "math:ms", "math:mtext"])
_HTML_XML = frozenset(["text/html", "application/xhtml+xml"])


def _child_prefix(parent: str, parent_attrs: dict, child: str) -> str:
    """The namespace prefix of element ``child`` (its tag as parsed) under ``parent`` (its
    prefixed name): HTML below an HTML element or an integration point, else the parent's. A
    name with a capital is SVG's own spelling (``foreignObject``), which the parser gives only
    to an SVG element, wherever the adoption agency moved it."""
    if child != child.lower():
        return "svg:"
    if child in ("svg", "math") and (
        not parent.startswith(("svg:", "math:"))
        or parent in _HTML_POINTS
        or parent in _MATH_TEXT_POINTS
        or (parent == "math:annotation-xml" and (child == "svg" or _html_annotation(parent_attrs)))
    ):
        return child + ":"
    if not parent.startswith(("svg:", "math:")) or parent in _HTML_POINTS:
        return ""
    if parent in _MATH_TEXT_POINTS and child not in ("mglyph", "malignmark"):
        return ""
    if parent == "math:annotation-xml" and _html_annotation(parent_attrs):
        return ""
    return parent.partition(":")[0] + ":"


def _html_annotation(attrs: dict) -> bool:
    return str(attrs.get("encoding") or "").lower() in _HTML_XML


def _elements(html: str) -> list[tuple[str, dict[str, str], str]]:
    """Every element of ``html`` (a fragment, read in a <div> as Chromium reads ``innerHTML``:
    WHATWG parsing by Lexbor, scripting on, so ``<noscript>`` holds text) in document order, as
    ``(name, attributes, text)`` (``text`` only for a script: whether it is inline); a
    ``<template>``'s content counts as its children."""
    root = LexborHTMLParser(html, is_fragment=True, scripting=True).root
    if root is None:
        return []
    html_only = _html_elements(root)
    return html_only if html_only is not None else _walk(root)


# Elements whose children ``_walk`` must place itself: the roots of SVG and MathML, and a
# template, whose content Lexbor keeps apart from its children.
_NOT_PLAIN_HTML = frozenset(["svg", "math", "template"])


def _html_elements(root) -> list[tuple[str, dict[str, str], str]] | None:
    """``_elements`` of a fragment (``root``: its first node) that is HTML only, or None when it is
    not. Lexbor's own depth-first walk (``traverse``, in C) visits the elements in the order
    ``_walk`` does; with no element named ``svg``, ``math`` or ``template`` and no name with a
    capital, ``_child_prefix`` gives every element no prefix (the parent is HTML, the child is
    neither a foreign root nor SVG's spelling), and there is no template content to add, so the
    result is ``_walk``'s exactly. Most pages are such fragments (2 of 228 pages hold an SVG)."""
    found: list[tuple[str, dict[str, str], str]] = []
    add = found.append
    for node in root.traverse():
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag in _NOT_PLAIN_HTML or tag != tag.lower():
            return None
        attrs = node.attributes  # a new dict; a value is None for an attribute without one
        if None in attrs.values():
            attrs = {key: value or "" for key, value in attrs.items()}
        add((tag, attrs, _script_text(node) if tag == "script" else ""))
    return found


def _script_text(node) -> str:
    """The text of an HTML ``<script>`` (raw text: its children are text nodes only). Not
    ``node.text()``: on a fragment's first node, selectolax gives the whole fragment's text, so a
    script of our own that started a page was taken for an inline one when text followed it."""
    texts = []
    child = node.child
    while child is not None:
        texts.append(child.text_content or "")
        child = child.next
    return "".join(texts)


def _walk(node) -> list[tuple[str, dict[str, str], str]]:
    """``_elements`` of the fragment whose first node is ``node``, each element's namespace read
    from its parent's (``_child_prefix``)."""
    found: list[tuple[str, dict[str, str], str]] = []
    stack = []
    while node is not None:  # the fragment's top-level nodes, as siblings
        stack.append((node, "div", {}))
        node = node.next
    stack.reverse()
    while stack:
        node, parent, parent_attrs = stack.pop()
        if not node.is_element_node:
            continue
        tag = node.tag
        name = _child_prefix(parent, parent_attrs, tag) + tag
        attrs = {key: value or "" for key, value in node.attributes.items()}
        found.append((name, attrs, _script_text(node) if name == "script" else ""))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        if tag == "template" and not name.startswith(("svg:", "math:")):
            for fragment in node.template_fragments()[:1]:  # its own content
                inner = fragment.child
                while inner is not None:
                    children.append(inner)
                    inner = inner.next
        stack.extend((c, name, attrs) for c in reversed(children))
    return found


def body_tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every element of ``html`` (a page body) as a browser builds it (``_elements``): a
    comment, a raw-text element or a foreign (SVG, MathML) element ends where Chromium ends it,
    and entities are decoded as Chromium decodes them."""
    return [(name, list(attrs.items())) for name, attrs, _ in _elements(html)]


# The WHATWG URL standard's basic URL parser, as far as it decides where an address leads: it
# strips leading and trailing C0 controls and spaces, removes every tab and line break, and for
# the portal's addresses (http, https and file: "special" schemes) reads a backslash as a slash.
# So "/\\evil.example.com/x.png" and " //evil.example.com" lead to another host, and
# "java\tscript:" is "javascript:". (Python's urllib.parse does none of this.)
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")


def browser_url(value: str) -> str:
    """``value`` (an attribute value, entities decoded) as a browser reads it before resolving it
    against a page of the portal."""
    return _TAB_NEWLINE.sub("", value.strip(_C0_AND_SPACE)).replace("\\", "/")


def loads_from_elsewhere(value: str) -> bool:
    """Whether a resource address (``src``) would be fetched from anywhere but the portal: any
    scheme (``https:``, ``data:``, …) or a host (``//host``), as a browser reads it."""
    url = browser_url(value)
    return bool(_SCHEME.match(url)) or url.startswith("//")


def check_body_html(html: str) -> list[Finding]:
    """Every breach of the policy in the HTML that a page body renders to."""
    found: list[Finding] = []
    for tag, attrs in body_tags(html):
        if tag not in ALLOWED_TAGS:
            found.append(
                Finding(
                    f"the HTML element <{tag.rpartition(':')[2]}> is not allowed.",
                    "write Markdown instead; the portal allows no scripts, styles, frames or forms.",
                    f"<{tag.rpartition(':')[2]}",
                )
            )
            continue
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                found.append(
                    Finding(
                        f"the attribute {name}= runs a script and is not allowed.",
                        "remove it; interactive parts come from markers such as <!-- kb:quiz id -->.",
                        name,
                    )
                )
            elif name == "style":
                found.append(
                    Finding(
                        "the attribute style= is not allowed.",
                        "remove it; the portal's style sheet sets the look.",
                        "style",
                    )
                )
            elif name == "data-toc-label":
                continue  # read by toc, which takes it off the heading (not in the output)
            elif name.startswith("data-") and name not in EDITOR_DATA_ATTRIBUTES:
                found.append(
                    Finding(
                        f"the attribute {name}= is not allowed: the portal's scripts read data "
                        "attributes.",
                        "remove it; the one data attribute a page may carry is "
                        f"{', '.join(sorted(EDITOR_DATA_ATTRIBUTES))}.",
                        name,
                    )
                )
            elif (
                name not in ALLOWED_ATTRIBUTES
                and not name.startswith("aria-")
                and name not in EDITOR_DATA_ATTRIBUTES
            ):
                found.append(
                    Finding(
                        f"the attribute {name}= is not allowed on <{tag}>.",
                        f"remove it; allowed: {', '.join(sorted(ALLOWED_ATTRIBUTES))}.",
                        name,
                    )
                )
            elif name == "href" and (problem := _link_problem(value)):
                found.append(
                    Finding(
                        f"the link '{value}' {problem}.",
                        "link to a page of the portal (statuses/ibo.md) or to an https:// address.",
                        value,
                    )
                )
            elif name == "src" and loads_from_elsewhere(value):
                found.append(
                    Finding(
                        f"the image '{value}' would be loaded from another host.",
                        "save the image under content/assets/images/ and link to it there.",
                        value,
                    )
                )
            elif name == "class" and "mermaid" in value.split():
                found.append(
                    Finding(
                        "Mermaid diagrams are not supported: the theme would load Mermaid from a CDN.",
                        "draw the diagram as an image under content/assets/images/, or as a list.",
                        "mermaid",
                    )
                )
    return found


# The theme writes setting texts (the site name, its description, the copyright line, the
# branding's names, menu titles) into every page without escaping them: such a text may hold no
# sign that HTML reads as markup, and no control character (feeds and calendars cannot carry one).
_NOT_PLAIN = re.compile(r"[<>\"`\x00-\x08\x0b-\x1f\x7f]|&[A-Za-z#][A-Za-z0-9]*;")


def setting_text_problem(value: Any) -> str | None:
    """What makes a setting's text unsafe to write into a page as it is, or None."""
    if not isinstance(value, str):
        return None
    found = _NOT_PLAIN.search(value)
    if not found:
        return None
    sign = found.group(0)
    shown = repr(sign) if len(sign) > 1 or sign.isprintable() else f"U+{ord(sign):04X}"
    return (
        f"holds {shown}, which the theme would write into every page as markup"
        if sign.isprintable()
        else f"holds the control character {shown}, which no page, feed or calendar may carry"
    )


# --- the published page ---------------------------------------------------------------------

# What no page of the portal ever publishes in its content, whoever wrote it (an editor, a hook's
# template or a later step): checked on the exact HTML of each page (``published_problems``).
_NEVER = frozenset(
    [
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "style",
        "template",
        "portal",
        "noembed",
        "xmp",
        "plaintext",
        "param",
        "audio",
        "video",
        "source",
        "track",
        "svg:script",
        "svg:foreignObject",
        "svg:style",
        "svg:image",
        "svg:use",
        "svg:a",
        "svg:set",
        "svg:animate",
    ]
)
_NEVER_ATTRIBUTES = frozenset(
    [
        "style",
        "srcdoc",
        "srcset",
        "formaction",
        "action",
        "poster",
        "background",
        "ping",
        "xlink:href",
        "data-kb-quiz-src",
        "data-kb-quiz-css",
    ]
)
# Links a published page may hold. webcal: is the calendar page's subscription address (the
# build writes it from site_url): a calendar app follows it; nothing runs in the page. tel: is a
# local service's phone (overrides/hooks/kinds/service.html writes it from a checked number).
_LINK_SCHEMES = frozenset(["http", "https", "mailto", "tel", "webcal"])


def published_problems(html: str) -> list[tuple[str, str]]:
    """``(what, needle)`` for each thing in a page's published content that could run script or
    load from another host, read as Chromium reads it: elements that embed or run anything, an
    inline script, a script or style sheet that is not one of the portal's own files, an event
    handler, and an address a browser would fetch elsewhere or run (``javascript:``)."""
    found: list[tuple[str, str]] = []
    for tag, attrs, text in _elements(html):
        name = tag.rpartition(":")[2]
        if tag in _NEVER or tag.startswith("math:"):
            found.append((f"the element <{name}>", f"<{name}"))
        elif tag == "script" and (
            text.strip() or not _own(attrs.get("src", ""), "assets/javascripts/", ".js")
        ):
            found.append(("a script that is not one of the portal's own files", "<script"))
        elif tag == "link" and (
            attrs.get("rel") != "stylesheet"
            or not _own(attrs.get("href", ""), "assets/stylesheets/", ".css")
        ):
            found.append(("a <link> that is not one of the portal's own style sheets", "<link"))
        for attr, value in attrs.items():
            if attr.startswith("on") or attr in _NEVER_ATTRIBUTES:
                found.append((f"the attribute {attr}=", attr))
            elif attr == "src" and loads_from_elsewhere(value):
                found.append((f"the address '{value}', fetched from another host", value))
            elif attr == "href" and tag != "link":
                url = browser_url(value)
                scheme = _SCHEME.match(url)
                if url.startswith("//") or (
                    scheme and scheme.group(1).lower() not in _LINK_SCHEMES
                ):
                    found.append((f"the link '{value}'", value))
    return found


def _own(url: str, folder: str, ending: str) -> bool:
    """Whether ``url`` names one of the portal's own files in ``folder`` (relative, no host)."""
    url = browser_url(url)
    return not loads_from_elsewhere(url) and folder in url and url.split("?")[0].endswith(ending)


_TAG = re.compile(r"<\s*[A-Za-z/!?]")
_ENTITY = re.compile(r"&[A-Za-z#][A-Za-z0-9]*;")


def format_checker() -> FormatChecker:
    """The formats every schema of the portal uses: ``plain-text`` (no HTML tag: front matter,
    quizzes, data files, which the portal renders with HTML escaped), ``tooltip-text`` (no tag and
    no ``&…;`` code either: a glossary tooltip shows the text exactly as written) and ``uri`` (a web
    address as ``check_web_address`` reads it; jsonschema's own needs a package we do not use)."""
    checker = FormatChecker()
    checker.checks("plain-text")(lambda v: not isinstance(v, str) or not _TAG.search(v))
    checker.checks("tooltip-text")(
        lambda v: not isinstance(v, str) or not (_TAG.search(v) or _ENTITY.search(v))
    )
    checker.checks("uri")(lambda v: not isinstance(v, str) or check_web_address(v) is None)
    return checker


_INLINE = md.Markdown(extensions=[])
_A = re.compile(r'<a href="([^"]*)"((?: title="[^"]*")?)>(.*?)</a>', re.S)
_IMG = re.compile(r'<img alt="([^"]*)" src="[^"]*"(?: title="[^"]*")? />')


def _markdown_inline(text: str) -> str:
    _INLINE.reset()
    out = _INLINE.convert(str(text).replace("<", "&lt;")).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def _enforce(html: str) -> str:
    """The policy applied by the renderer itself: an image shows its alt text, a link that is
    neither a web address, mailto nor a portal page shows its text only, a page link is marked
    ``kb-page:`` for the build to resolve."""
    html = _IMG.sub(lambda m: m.group(1), html)

    def link(m: re.Match) -> str:
        href = m.group(1)
        target = re.sub(r"[\x00-\x20]", "", htmllib.unescape(href))
        if PAGE_LINK.match(target):
            return f'<a href="{PAGE_SCHEME}{href}"{m.group(2)}>{m.group(3)}</a>'
        if _SCHEME.match(target) and _link_problem(href) is None:
            return m.group(0)
        return m.group(3)

    return _A.sub(link, html)


@lru_cache(maxsize=16384)
def inline_html(text: str) -> str:
    """Front-matter and data text rendered as inline HTML (Markdown emphasis and links, no <p>).
    HTML in the text is escaped and the policy is applied again on the output, so that nothing a
    check let through can run or load: no image, no link but http(s), mailto and portal pages."""
    return _enforce(_markdown_inline(text))


def page_links(text: str) -> list[tuple[str, str]]:
    """``(path, anchor)`` of every link to a portal page in one front-matter or data text."""
    if "[" not in text:
        return []
    found = []
    for tag, attrs in _tags(_markdown_inline(text)):
        target = re.sub(r"[\x00-\x20]", "", htmllib.unescape(dict(attrs).get("href") or ""))
        if tag == "a" and (match := PAGE_LINK.match(target)):
            found.append((match.group("path"), match.group("anchor") or ""))
    return found


def resolve_page_links(html: str, address: Callable[[str, str], str | None]) -> str:
    """Replace each ``kb-page:`` link by ``address(path, anchor)`` (relative to the page shown),
    or by its text when the page is not in this build."""

    def link(m: re.Match) -> str:
        href = htmllib.unescape(m.group(1))
        if not href.startswith(PAGE_SCHEME):
            return m.group(0)
        path, _, anchor = href.removeprefix(PAGE_SCHEME).partition("#")
        url = address(path, anchor)
        if url is None:
            return m.group(3)
        return f'<a href="{htmllib.escape(url)}"{m.group(2)}>{m.group(3)}</a>'

    return _A.sub(link, html) if PAGE_SCHEME in html else html


def check_inline(text: str) -> list[Finding]:
    """Breaches of the policy in one front-matter text: images, and links that are not http(s)."""
    found: list[Finding] = []
    if "[" not in text:  # Markdown writes every link and image with a bracket
        return found
    for tag, attrs in _tags(_markdown_inline(text)):
        values = dict(attrs)
        if tag == "img":
            found.append(
                Finding(
                    "embeds an image; front-matter fields may not.",
                    "remove the ![…](…); put images in the page text, stored under content/assets/.",
                    "![",
                )
            )
        elif tag == "a":
            href = values.get("href") or ""
            target = re.sub(r"[\x00-\x20]", "", htmllib.unescape(href))
            if PAGE_LINK.match(target):
                continue  # a portal page: the content model checks that it exists
            problem = _link_problem(href)
            if problem is None and not _SCHEME.match(target):
                problem = "is neither a web address nor a page of the portal"
            if problem:
                found.append(
                    Finding(
                        f"the link '{href}' {problem}.",
                        "link to an https:// address, or to a portal page written from content/ "
                        "to the Dutch file, e.g. [IBO](statuses/ibo.md#voorwaarden).",
                        href,
                    )
                )
    return found
