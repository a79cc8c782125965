"""A page's view as data: its blocks, in the order a reader meets them.

The MkDocs adapter (hooks/steps/render_facts.py) places these blocks through the templates in
overrides/hooks/; nothing here knows HTML, URLs or MkDocs, so the same view serves another
generator, and a test can read a page's view from a small content tree. Links to other pages
are page paths (``Ref``); the adapter turns them into addresses.

The order of the blocks is ``ORDER``, one list in one place. Three blocks are the page's own
Markdown, cut at its title and at its quiz marker (``title``, ``body``, ``quiz``); the others are
the boxes the page's front matter and the rest of the site give it. A block without data is
left out of the view; a template may still show nothing for a kind (a status has no boxes of
its own, only its fact box).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from markdown.extensions.toc import slugify, unique

from kb import (
    content_model,
    eligibility,
    first_facts,
    kinds,
    languages,
    news_model,
    review,
    translations,
)
from kb import markers as kb_markers
from kb.content_model import Page, Site

__all__ = [
    "BACKLINKS_SHOWN",
    "HISTORY_SHOWN",
    "MARKDOWN",
    "ORDER",
    "Block",
    "PageView",
    "Ref",
    "page_view",
    "ref",
    "shows_navigator",
]

ORDER = (
    "fallback",  # notice: this language has no translation, the page is shown in its own
    "title",  # Markdown: the page's text up to and including its title (the first "# " line)
    "behind",  # notice: the translation follows an older version of its source page
    "review_due",  # notice: the page is past its review interval
    "replaced",  # notice: the status is (mostly) replaced by another
    "opening",  # the answer (summary, first facts) and fact box, or the kind's opening lines
    "region",  # the region the page's rules apply to (a status has it in its fact box)
    "body",  # Markdown: the page's text after its title, up to its quiz marker
    "navigator",  # a navigator page: the questions and every scheme with its rules
    "local",  # an edition's local places: its text and services for this page (kb/local.py)
    "boxes",  # the kind's boxes (do's and don'ts, checklist, lessons, programme, …)
    "see_also",  # the pages the front matter names: related statuses, stories, tasks
    "mentioned_in",  # the pages that name this one (some of each kind)
    "history",  # the newest updates that name this page under `changes`
    "sources",  # its sources, with "last checked" and "last changed"
    "quiz",  # Markdown: from the quiz marker on (a quiz closes the page)
)
MARKDOWN = frozenset({"title", "body", "quiz"})
BACKLINKS_SHOWN = 12  # "Mentioned in": a page stays the same size however many pages name it
HISTORY_SHOWN = 5  # the newest updates; the updates page lists them all
# Front-matter references shown as notices above the text, not as "see also" boxes.
REPLACED = ("replaced_by", "mostly_replaced_by")


def shows_navigator(page: Page) -> bool:
    """Whether the page shows the navigator block: its kind plays the navigator
    (``plays: [navigator]`` in its registry entry; kb/navigator_view.py makes the block's data)."""
    return page.kind == kinds.playing("navigator")


def _has_boxes(page: Page) -> bool:
    """Whether the page's kind has a view (kb/kinds.py): a plain page has its text only (and
    its change history)."""
    own = kinds.get(page.kind)
    return own is not None and own.view is not None


@dataclass(frozen=True)
class Ref:
    """A link to another page of the site: its path under content/ (the Dutch one, which both
    languages share) and what the link says."""

    title: str
    path: str
    anchor: str = ""
    note: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Block:
    """One part of a page's view: what it is (one of ``ORDER``) and what it shows."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PageView:
    """A page in one language, as its ordered blocks."""

    page: Page
    lang: str
    blocks: list[Block]

    @property
    def kinds(self) -> list[str]:
        return [block.kind for block in self.blocks]

    def get(self, kind: str) -> Block | None:
        return next((block for block in self.blocks if block.kind == kind), None)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value] if value else []


def ref(site: Site, kind: str, slug: str, lang: str) -> Ref | None:
    """The page of ``kind`` named ``slug``, in ``lang`` where it is translated."""
    target = site.by_slug(kind, slug, lang)
    return Ref(target.meta.get("title", slug), target.base) if target else None


def _read_before(site: Site, item: dict, lang: str) -> Ref:
    path, _, anchor = item["page"].partition("#")
    target = site.pages.get(languages.translation_path(path, lang))
    target = target or site.pages.get(path)
    title = target.meta.get("title", path) if target else path
    return Ref(title, path, anchor, item.get("note"))


def _refs(site: Site, page: Page, lang: str) -> dict[str, list[Ref]]:
    """The pages the front matter names, by key, as its kind declares them (kb/kinds.py), and
    ``read_before`` with its notes."""
    own = kinds.get(page.kind)
    refs = {
        key: [r for slug in _as_list(page.meta.get(key)) if (r := ref(site, kind, slug, lang))]
        for key, kind in (own.references.items() if own else ())
    }
    refs["read_before"] = [_read_before(site, i, lang) for i in page.meta.get("read_before") or []]
    if page.meta.get("helps_with"):  # a local service: the shared pages it helps with
        refs["helps_with"] = [
            _read_before(site, {"page": p}, lang) for p in page.meta["helps_with"]
        ]
    return refs


def _mentioned_in(site: Site, page: Page, lang: str, refs: dict[str, list[Ref]]) -> list[Ref]:
    """The pages that name ``page``, less those its front matter already links to."""
    linked = {r.path for key, found in refs.items() if key != "read_before" for r in found}
    found = [
        {"ref": Ref(p.meta.get("title"), p.base, kind=p.kind), "kind": p.kind}
        for _, p in site.referring(page, lang)
        if p.base not in linked
    ]
    return [item["ref"] for item in content_model.some_of_each(found, BACKLINKS_SHOWN)]


def _behind(site: Site, page: Page) -> dict | None:
    """What changed in the source page since the translation was checked: the changed sections
    by their heading in the source language, ``(None, "opening")`` for the text above the first
    heading and ``(None, "fields")`` for front matter."""
    lag = translations.behind(site, page)
    if lag is None:
        return None
    source = content_model.page_language(page.base)
    keys = (*lag.changed, *lag.added)
    parts = [
        (None, "opening") if key == translations.OPENING else (source, key[3:])
        for key in keys
        if key.startswith("#")
    ]
    if any(not key.startswith("#") for key in (*keys, *lag.removed)):
        parts.append((None, "fields"))
    return {"checked": lag.checked, "parts": parts or [(None, "fields")], "source": page.base}


def _split(markdown: str) -> tuple[list[str], list[str], list[str]]:
    """The Markdown's lines cut after its title and before its quiz marker (a quiz before the
    title is not the page's closing quiz)."""
    lines = markdown.split("\n")
    code = kb_markers.code_lines(markdown)
    title = next(
        (n for n, line in enumerate(lines, 1) if n not in code and line.startswith("# ")), 0
    )
    quiz = next(
        (m.line for m in kb_markers.scan(markdown) if m.name == "quiz" and m.line > title), 0
    )
    end = quiz - 1 if quiz else len(lines)
    return lines[:title], lines[title:end], lines[end:] if quiz else []


Found = dict[str, "Block | list[Block]"]


def _notices(site: Site, page: Page, lang: str, due: review.Due | None) -> Found:
    """What the reader must know before reading: which language, how fresh, what replaces it."""
    found: Found = {}
    if page.lang != lang:
        found["fallback"] = Block("fallback", {"lang": page.lang})
    elif lag := _behind(site, page):
        found["behind"] = Block("behind", lag)
    if not _has_boxes(page):
        return found
    if due and due.overdue:
        found["review_due"] = Block(
            "review_due", {"reviewed": page.meta.get("reviewed"), "months": due.interval}
        )
    targets = kinds.get(page.kind).references
    replaced = [
        Block("replaced", {"target": target, "mostly": key == "mostly_replaced_by"})
        for key in REPLACED
        if key in targets
        and page.meta.get(key)
        and (target := ref(site, targets[key], page.meta[key], lang))
    ]
    if replaced:
        found["replaced"] = replaced
    return found


def _answer(page: Page) -> dict[str, Any]:
    """The facts a page opens with and, for a page with eligibility rules, its rules' reasons
    per group (``eligibility.by_group``), which its fact box shows in place of the rules."""
    grouped = eligibility.by_group(page) if page.meta.get("eligibility") else {}
    first = [
        (name, grouped if name == "eligibility" else value)
        for name, value in first_facts.first_facts(page.kind, page.meta)
    ]
    return {"first": first, "eligibility": grouped}


def _navigator(found: dict) -> Block:
    """The navigator's data (kb/navigator_view.py), each scheme with a link to its page."""
    found = {**found, "schemes": [dict(s) for s in found["schemes"]]}
    for scheme in found["schemes"]:
        scheme["page"] = Ref(scheme["title"], scheme["path"])
    return Block("navigator", found)


def _exercise_ids(site: Site, page: Page) -> list[str]:
    """The ids of a page's exercise headings (h3 in its "exercises" box), made as Markdown's
    toc makes a heading's id and unique against the ids of the page's own headings (its
    Markdown), so that a link to an exercise lands on it and no id is used twice."""
    exercises = _as_list(page.meta.get("exercises"))
    if not exercises:  # most pages: no ids to make, so no headings to read
        return []
    used = content_model.heading_ids(site, page)
    return [
        unique(slugify(re.sub(r"[*_`]", "", str(item.get("title", ""))), "-"), used)
        if isinstance(item, dict)
        else ""
        for item in exercises
    ]


def _boxes(site: Site, page: Page, lang: str, due: review.Due | None) -> Found:
    """The blocks a page's front matter gives it (none on a plain page)."""
    if not _has_boxes(page):
        return {}
    meta, refs = page.meta, _refs(site, page, lang)
    shared = {"kind": page.kind, "meta": meta, "due": due}
    mentioned = _mentioned_in(site, page, lang, refs)
    found: Found = {
        "opening": Block("opening", {**shared, **_answer(page)}),
        "boxes": Block(
            "boxes", {**shared, "refs": refs, "exercise_ids": _exercise_ids(site, page)}
        ),
    }
    see_also = {
        key: found
        for key, found in refs.items()
        if key not in ("read_before", "helps_with", *REPLACED)
    }
    if any(see_also.values()):
        found["see_also"] = Block("see_also", {"refs": see_also})
    if meta.get("region"):  # a kind whose fact box shows the region says so in its view
        found["region"] = Block("region", {"meta": meta})
    if mentioned:
        found["mentioned_in"] = Block("mentioned_in", {"backlinks": mentioned})
    if meta.get("sources") or meta.get("source"):
        found["sources"] = Block("sources", {**shared, "changed": None})
    return found


def _local(place: dict) -> Block:
    """One local place: its text as given, its services as links with their details."""
    services = [
        {"link": Ref(s.meta.get("title"), s.base), "meta": s.meta} for s in place["services"]
    ]
    return Block("local", {**place, "services": services})


def page_view(
    site: Site,
    page: Page,
    lang: str,
    *,
    today: dt.date,
    freshness_months: int = 12,
    markdown: str | None = None,
    local: list[dict] | None = None,
    navigator: dict | None = None,
) -> PageView:
    """``page`` as the reader of the ``lang`` site sees it, in ``ORDER``.

    ``markdown`` is the page's text to cut (default: its body as read); the adapter passes the
    text as the generator has it, so that what earlier steps wrote into it stays. ``local`` is
    what an edition puts in the page's local places (``kb.local.place_view``; none in the
    shared portal). ``navigator`` is a navigator page's data (``kb.navigator_view.data``)."""
    due = review.due(site, page, today, freshness_months)
    title, body, quiz = _split(page.body if markdown is None else markdown)
    found: Found = {
        **_notices(site, page, lang, due),
        **_boxes(site, page, lang, due),
        "title": Block("title", {"lines": title}),
        "body": Block("body", {"lines": body}),
    }
    if quiz:
        found["quiz"] = Block("quiz", {"lines": quiz})
    if local:
        found["local"] = [_local(place) for place in local]
    if navigator is not None and shows_navigator(page):
        found["navigator"] = _navigator(navigator)
    if updates := news_model.history(site, page.base, lang)[:HISTORY_SHOWN]:
        found["history"] = Block("history", {"items": updates})
        sources = found.get("sources")
        if isinstance(sources, Block) and page.meta.get("reviewed"):
            sources.data["changed"] = updates[0]  # "last changed" beside "last checked"
    blocks: list[Block] = []
    for kind in ORDER:
        got = found.get(kind)
        blocks.extend(got if isinstance(got, list) else [got] if got else [])
    return PageView(page, lang, blocks)
