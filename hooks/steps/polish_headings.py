"""Heading permalinks: none on the page title, a label in the page's language, and on the pages
of a kind whose ``box_headings`` is ``link`` (kb/kinds.py: the training session) also for the
headings of its boxes (goals, read before, programme, exercises, reflection, the quiz), which then
join the page contents like a Markdown heading (a kind whose ``box_headings`` is ``list``: the
headings that have an id join the contents, without links).

Python-Markdown's toc extension takes one ``permalink_title`` for the whole site and also adds
a "¶" link to the h1, which screen readers then read as part of the page title. A small Markdown
extension of its own (``HeadingLinks``, added to the build's Markdown settings per language by
``use_heading_links``) takes the link off the h1 and labels the others in the page's language, in
the same render that makes them: no pass over the page's HTML afterwards.

The boxes' headings (hooks/steps/keep_html.py hands the boxes past Markdown, so toc never sees
them) get their ids and links from their templates: the kind's ``box_headings`` reaches them as
``link_label`` (``box_link_label``; the link is overrides/hooks/headings.html), and an
exercise's id comes from the view (kb/views.py), made as toc makes one and unique against the
page's own heading ids. Their ids stay the language-neutral ``kb-…`` ones, so the language
switch keeps the reader's place. Only their place in the page contents is still read from the
page's HTML after Markdown (``list_headings``, issue 25, point 3): an exercise stays out of the
contents (its section is there, and each entry costs every first load of the page twice: the
menu and the sidebar; the heaviest quiz page is at the 70 kB limit, issue 16).
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import get_toc

from kb import kinds
from steps.page_data import labels, record_for
from steps.site_language import current_language

EXTENSION = "steps.polish_headings"  # this module, as Markdown loads an extension by name
_TITLED = re.compile(r'(<a class="headerlink" href="[^"]*" title="([^"]*)")')
_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _all_ids(toc) -> dict[str, str]:
    """id -> title of every entry of a page's contents, at every level."""
    found: dict[str, str] = {}
    for item in toc:
        found[item.id] = item.title
        found.update(_all_ids(item.children))
    return found


def list_headings(html: str, page, links: bool) -> None:
    """Make the page contents list every section in the order the page shows them: each
    heading with an id (Markdown's entries keep their titles). On a kind that links its boxes'
    headings (``links``), a box's h3 (an exercise) stays out, see above."""
    titles = _all_ids(page.toc)
    tokens = []
    for match in _HEADING.finditer(html):
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        found = _ID.search(attrs)
        if not found:
            continue
        anchor = html_lib.unescape(found.group(1))
        if links and level > 2 and anchor not in titles and not anchor.startswith("kb-"):
            continue
        text = _TAG.sub("", _LINK.sub("", inner)).strip()
        tokens.append({"level": level, "id": anchor, "name": titles.get(anchor, text)})
    page.toc = get_toc(nest_toc_tokens(tokens))


def box_link_label(kind: str | None, lang: str) -> str:
    """What a box heading's link is called on a page of ``kind`` in ``lang``, or "" where the
    kind's boxes have no heading links (its ``box_headings`` is not ``link``): the templates
    write the link themselves (overrides/hooks/headings.html)."""
    found = kinds.get(kind) if kind else None
    linked = found is not None and found.box_headings == "link"
    return labels(lang)["section_link"] if linked else ""


def box_headings(html: str, page, config: MkDocsConfig, files) -> str:
    """The boxes' headings of a kind that links or lists them (its ``box_headings``)."""
    record = record_for(page, config)
    kind = kinds.get(record.kind) if record is not None else None
    if kind is None or kind.box_headings is None:
        return html
    list_headings(html, page, links=kind.box_headings == "link")
    return html


class _Permalinks(Treeprocessor):
    """After toc: no link in an h1 (the page title), the others labelled."""

    def __init__(self, md: Markdown, label: str) -> None:
        super().__init__(md)
        self.label = label

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            links = [a for a in heading if a.tag == "a" and a.get("class") == "headerlink"]
            for link in links:
                if heading.tag == "h1":
                    heading.remove(link)
                else:
                    link.set("title", self.label)


class _Labels(Postprocessor):
    """A screen reader's name for each link beside its title. Here and not in the tree, whose
    serialiser would sort it before the link's class."""

    def run(self, text: str) -> str:
        return _TITLED.sub(r'\1 aria-label="\2"', text) if "headerlink" in text else text


class HeadingLinks(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"label": ["", "what a heading's link is called, in the page's language"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown calls it by this name
        md.treeprocessors.register(_Permalinks(md, self.getConfig("label")), "kb_permalinks", 4)
        md.postprocessors.register(_Labels(md), "kb_permalink_labels", 0)


def makeExtension(**kwargs) -> HeadingLinks:  # the name Markdown looks for
    return HeadingLinks(**kwargs)


def use_heading_links(config: MkDocsConfig) -> MkDocsConfig:
    """Heading links in the language of this build (the i18n plugin runs the config steps again
    for each language): toc's permalinks, given their label and taken off the h1."""
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    config.mdx_configs[EXTENSION] = {"label": labels(current_language(config))["section_link"]}
    return config
