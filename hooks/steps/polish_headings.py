"""Heading permalinks: none on the page title, a label in the page's language, and on the pages
of a kind whose ``box_headings`` is ``link`` (kb/kinds.py: the training session) also for the
headings of its boxes (goals, read before, programme, exercises, reflection, the quiz), which then
join the page contents like a Markdown heading (a kind whose ``box_headings`` is ``list``: the
boxes' headings join the contents, without links).

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
switch keeps the reader's place.

Their place in the page contents is data too: the template that writes a box's heading hands it
on as data in the same call (overrides/hooks/headings.html, ``heading``; the step that renders the
box keeps them with it, ``page_data.keep(html, headings)``), keep_html.py hands them on per box in
page order (``heading_plan``) on a kind whose ``box_headings`` is set, and the same extension's
``_BoxHeadings``, after toc, puts each box's headings among Markdown's own where the box's slot
sits in Markdown's tree (``merge``). A box left in the Markdown (not apart from its text) has no
slot: its headings follow the kept box before it, else come before the kept box after it, else
last. An exercise's h3 is written as a plain heading, so it stays out of the contents (its
section is there, and each entry costs every first load of the page twice: the menu and the
sidebar; the heaviest quiz page is at the 70 kB limit, issue 16).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.config.defaults import MkDocsConfig

from kb import kinds
from steps.keep_html import SLOT, HeadingPlan, heading_plan
from steps.page_data import Heading, labels
from steps.site_language import current_language

EXTENSION = "steps.polish_headings"  # this module, as Markdown loads an extension by name
_TITLED = re.compile(r'(<a class="headerlink" href="[^"]*" title="([^"]*)")')
_HEADING_TAG = re.compile(r"h[1-6]")


def box_link_label(kind: str | None, lang: str) -> str:
    """What a box heading's link is called on a page of ``kind`` in ``lang``, or "" where the
    kind's boxes have no heading links (its ``box_headings`` is not ``link``): the templates
    write the link themselves (overrides/hooks/headings.html)."""
    found = kinds.get(kind) if kind else None
    linked = found is not None and found.box_headings == "link"
    return labels(lang)["section_link"] if linked else ""


def _flat(tokens: list[dict]) -> list[dict]:
    """Markdown's nested toc tokens in page order, without their children."""
    out = []
    for token in tokens:
        out.append({k: v for k, v in token.items() if k != "children"})
        out.extend(_flat(token.get("children", [])))
    return out


def merge(tokens: list[dict], placed: list[tuple[int, tuple[Heading, ...]]]) -> list[dict]:
    """Markdown's toc ``tokens`` with each box's declared headings at its place: ``placed`` is,
    per box in page order, how many of Markdown's headings come before it, and its headings."""
    flat, out, at = _flat(tokens), [], 0
    for position, headings in placed:
        out.extend(flat[at:position])
        at = max(at, position)
        out.extend({"level": h.level, "id": h.id, "name": h.title} for h in headings)
    return nest_toc_tokens([*out, *flat[at:]])


def _walk(element: etree.Element):
    """The tree in page order: each element, then its text, its children, their tails."""
    yield element, element.text
    for child in element:
        yield from _walk(child)
        if child.tail:
            yield None, child.tail


def _slot_places(md: Markdown, root: etree.Element) -> dict[int, int]:
    """Slot number -> how many of Markdown's headings come before each kept box's slot (the
    comment hooks/steps/keep_html.py left in its place, which Markdown keeps as raw HTML)."""
    places, headings, stash = {}, 0, md.htmlStash.rawHtmlBlocks
    for element, text in _walk(root):
        if element is not None and _HEADING_TAG.fullmatch(str(element.tag)) and element.get("id"):
            headings += 1
        for found in HTML_PLACEHOLDER_RE.finditer(text or ""):
            number = int(found.group(1))
            raw = stash[number] if number < len(stash) else None
            slot = SLOT.fullmatch(raw.strip()) if isinstance(raw, str) else None
            if slot:
                places[int(slot.group(1))] = headings
    return places


def placed(plan: HeadingPlan, places: dict[int, int], end: int):
    """Each box's headings with its place among Markdown's headings. A box left in the Markdown
    (keep_html.py could not keep it apart) has no slot: its headings follow the kept box before
    it, or come before the kept box after it, or, with no kept box, after every heading."""
    out, waiting, last = [], [], None
    for slot, headings in plan.boxes:
        if slot is None or slot not in places:
            if last is None:
                waiting.append(headings)
            else:
                out.append((last, headings))
            continue
        last = places[slot]
        out.extend((last, early) for early in waiting)
        waiting = []
        out.append((last, headings))
    return [*out, *((end, late) for late in waiting)]


class _BoxHeadings(Treeprocessor):
    """After toc: the page contents with the boxes' declared headings at the boxes' places."""

    def run(self, root: etree.Element) -> None:
        plan = heading_plan()
        tokens = getattr(self.md, "toc_tokens", None)
        if plan is None or tokens is None:
            return
        end = len(_flat(tokens))
        boxes = placed(plan, _slot_places(self.md, root), end)
        self.md.toc_tokens = merge(tokens, boxes)


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
        md.treeprocessors.register(_BoxHeadings(md), "kb_box_headings", 3)
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
