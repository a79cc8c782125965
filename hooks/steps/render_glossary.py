"""The glossary on every page: abbreviations explained on hover and keyboard focus, and the list.

- Every page: each term of ``content/_data/glossary.yml`` in the page's text is wrapped in
  ``<abbr class="kb-term" title="full name – explanation">``, in the page's language (a Dutch page
  shown on the English site keeps Dutch titles), by the step that makes each piece of the page
  (issue 25: no step edits HTML another step produced; the wrapping itself is
  kb/glossary_terms.py). A Markdown step before any box (``use_page_terms``) sets the page's
  glossary; the boxes the steps make are wrapped where they are kept (``page_data.keep``), and
  the body during its one Markdown render by this module's Markdown extension (``GlossaryTerms``,
  added once by the config step ``use_extension``; the page's terms reach it as
  ``page_data.take_glossary``, as the boxes' headings reach polish_headings.py). Text inside
  code, links, buttons, forms' labels and fieldsets (quiz questions), SVG, scripts and existing
  ``abbr`` elements is left alone; only the text a parser reads is changed, never a tag, an
  attribute (link addresses, heading ids, titles) or a comment.
- This module also adds ``assets/javascripts/glossary.js``, which gives the first of each term on
  the page ``tabindex="0"`` at start-up (the build makes the page in pieces and cannot tell which
  one comes first; without the script a focus stop would show nothing), and shows the title on
  hover, focus and touch in a tooltip inside ``<main>`` (axe: region), linked to the abbreviation
  with ``aria-describedby`` for screen readers; it makes that tooltip only when it is first
  needed (nothing per term at start-up).
- The page with ``<!-- kb:glossary -->`` gets the full list there (``overrides/hooks/render_glossary.html``),
  A-Z, each term with the anchor ``#<term in lower case>`` (woordenlijst.md#ibo).

A broken glossary.yml fails the build once, listing every mistake (hooks/kb/glossary_model.py).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import glossary_model
from kb import languages as kb_languages
from kb import markers as kb_markers
from kb.glossary_terms import NO_GLOSSARY, skips, text_wrapper, wrap_terms
from steps.keep_html import SLOT
from steps.page_data import keeping, labels, portal_for, take_glossary, template_env, use_glossary
from steps.site_language import current_language, default_language

__all__ = ["page_language", "page_link", "render_list", "tooltip", "wrap_terms"]

EXTENSION = "steps.render_glossary"  # this module, as Markdown loads an extension by name

TEMPLATE = "hooks/render_glossary.html"
SCRIPT = "assets/javascripts/glossary.js"  # the tooltips, made on first hover or focus
_state: dict[str, Any] = {"terms": None}


# --- shaping ------------------------------------------------------------------------------------


def tooltip(term: dict[str, Any]) -> str:
    """The text of an abbreviation's tooltip: full name, then the explanation."""
    return f"{term['name']} – {term['explanation']}"


def page_language(page, config: MkDocsConfig) -> str:
    """The language the page is written in: a Dutch page shown on the English site (no
    translation yet) keeps Dutch explanations, matching its text."""
    locale = getattr(page.file, "locale", None)
    return locale if locale in kb_languages.codes() else current_language(config)


def page_link(target: str | None, src_uri: str) -> str | None:
    """The address of ``target`` (a Dutch file under content/, e.g. statuses/ibo.md) from the page
    ``src_uri``; in a language's build the same relative address leads to that language's page."""
    if not target:
        return None
    base = posixpath.dirname(src_uri) or "."
    return posixpath.relpath(target[: -len(".md")] + ".html", base)


def render_list(
    terms: list[dict[str, Any]], lang: str, env, src_uri: str = "woordenlijst.md"
) -> str:
    """The whole glossary as one HTML block (no blank lines, so Markdown keeps it whole)."""
    terms = [{**term, "link": page_link(term.get("page"), src_uri)} for term in terms]
    html = env.get_template(TEMPLATE).render(terms=terms, lang=lang, t_labels=labels(lang))
    return "\n".join(line for line in html.splitlines() if line.strip())


# --- MkDocs events ------------------------------------------------------------------------------


def add_script(config: MkDocsConfig) -> MkDocsConfig:
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    return config


def load(config: MkDocsConfig) -> None:
    try:
        _state["terms"] = terms = portal_for(config).glossary()
    except glossary_model.GlossaryError as error:
        raise PluginError(
            f"The glossary has {len(error.problems)} problem(s):\n"
            + "\n".join(str(p) for p in error.problems)
        ) from None
    # each term and alias of a language -> its tooltip, made once per build
    _state["titles"] = {
        lang: {name: tooltip(term) for term in entries for name in [term["term"], *term["aliases"]]}
        for lang, entries in terms.items()
    }


def _entries(page, config: MkDocsConfig) -> tuple[str, list[dict[str, Any]]]:
    terms = _state["terms"] or {}
    lang = page_language(page, config)
    if lang not in terms:
        lang = default_language(config)
    return lang, terms.get(lang, [])


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:glossary" not in markdown:
        return markdown
    lang, entries = _entries(page, config)
    html = render_list(entries, lang, template_env(config), page.file.src_uri)
    return kb_markers.replace(markdown, keeping(lambda m: html if m.name == "glossary" else None))


def use_page_terms(markdown: str, page, config: MkDocsConfig, files) -> str:
    """The page's glossary, in its language, for the boxes its steps make (``page_data.keep``)
    and for its body's render (``_Terms``)."""
    lang, _ = _entries(page, config)
    use_glossary(_state.get("titles", {}).get(lang, {}))
    return markdown


def use_extension(config: MkDocsConfig) -> MkDocsConfig:
    """The terms of the body wrapped in its one Markdown render (``_Terms``)."""
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    return config


# --- the body: a Markdown extension -------------------------------------------------------------


class _Terms(Treeprocessor):
    """Last of all tree steps (after toc, MkDocs' title and anchors, and the unescaping of
    backslash escapes, so that the page's contents, ids and title are made from the text as the
    editor wrote it): the page's terms in the body, in page order. A term in the tree's text
    becomes raw HTML that Markdown puts in its place after writing the tree (its placeholder,
    ``htmlStash``), so the ``abbr`` is written exactly as in the boxes; the raw HTML Markdown
    keeps aside (an editor's allowed HTML, a box left in the Markdown) is HTML text and is wrapped
    as a box is, with the skipped elements it opens or closes followed into the tree's text (an
    editor's ``<a href>`` written as HTML keeps its words). A kept box's slot stays as it is."""

    def run(self, root: etree.Element) -> None:
        self.titles = take_glossary()
        if not self.titles:
            return
        self.wrap = text_wrapper(self.titles, self.md.htmlStash.store)
        self.stack: list[str] = []  # skipped elements opened in raw HTML, as wrap_terms has them
        self.blocks = self.md.htmlStash.rawHtmlBlocks
        self._inside(root)

    def _inside(self, element: etree.Element) -> None:
        element.text = self._text(element.text)
        for child in element:
            self._element(child)
            child.tail = self._text(child.tail)

    def _element(self, element: etree.Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or skips(tag, NO_GLOSSARY in element.attrib):
            return  # its words stay as they are
        self._inside(element)
        if tag in self.stack:  # its end closes what raw HTML opened inside it (as wrap_terms)
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def _text(self, text: str | None) -> str | None:
        if not text:
            return text
        if "\x02" not in text:  # no placeholder of raw HTML in it
            return self._plain(text)
        out, at = [], 0
        for found in HTML_PLACEHOLDER_RE.finditer(text):
            out.append(self._plain(text[at : found.start()]))
            self._raw(int(found.group(1)))
            out.append(found.group())
            at = found.end()
        out.append(self._plain(text[at:]))
        return "".join(out)

    def _plain(self, text: str) -> str:
        if self.stack or not text:
            return text
        return self.wrap(text)

    def _raw(self, number: int) -> None:
        raw = self.blocks[number] if number < len(self.blocks) else None
        if isinstance(raw, str) and not SLOT.fullmatch(raw.strip()):
            self.blocks[number] = wrap_terms(raw, self.titles, self.stack)
        elif isinstance(raw, etree.Element):  # md_in_html keeps some elements aside whole
            self._element(raw)


class GlossaryTerms(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Markdown calls it by this name
        md.treeprocessors.register(_Terms(md), "kb_glossary_terms", -10)


def makeExtension(**kwargs) -> GlossaryTerms:  # the name Markdown looks for
    return GlossaryTerms(**kwargs)
