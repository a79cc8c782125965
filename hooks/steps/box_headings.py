"""The headings each of the portal's boxes writes, as data: what the step that makes a box hands
to ``page_data.keep`` beside its HTML, so that the page contents list them at the box's place
(hooks/steps/polish_headings.py) and no step reads them back out of the HTML.

Each declaration follows its template (the id and the title the heading shows, escaped as the
template's autoescape escapes it). A kind's own boxes are declared by its view template
(``box_headings`` in overrides/hooks/kinds/<kind>.html: per macro, each box's name, the label of
its title and the field without which it is not shown); only a kind whose ``box_headings`` is
set (kb/kinds.py) needs that, since no other kind's box headings join the contents.
tests/test_box_headings.py builds today's content and holds each box's declaration to the HTML
its template wrote: on a kind that lists or links its boxes' headings, every ``kb-…`` heading of
a box must be declared, with its level and title.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from kb import kinds, news_model, views
from steps.news_view import labels as news_labels
from steps.page_data import Heading, labels, site_for, template_env
from steps.site_language import current_language

_MACRO = {"opening": "top", "boxes": "bottom"}  # the kind view's macro of each block


def _h2(anchor: str, title: Any) -> Heading:
    return Heading(2, anchor, str(escape(title)))


def quiz(quiz_id: str, quiz: dict | None, strings: dict, lang: str) -> list[Heading]:
    """A quiz's title (overrides/hooks/render_quizzes.html, ``quiz``; none: no such quiz)."""
    if quiz is None:
        return []
    title = f"{escape(strings['quiz_label'])}: {escape(quiz['title'][lang])}"
    return [Heading(2, f"kb-quiz-{quiz_id}-title", title)]


def calendar(upcoming: list, past: list, lang: str, t: dict, subscribe: Any) -> list[Heading]:
    """The calendar's sections and meetings (overrides/hooks/render_calendar.html): ``upcoming``
    and ``past`` are the meetings (kb/meetings_model.py) it shows."""

    def meetings(items: list) -> list[Heading]:
        cancelled = f" ({escape(t['cal_status']['cancelled'])})"
        return [
            Heading(
                3,
                f"kb-meeting-{m.uid}",
                f"{escape(m.title[lang])}{cancelled if m.status == 'cancelled' else ''}",
            )
            for m in items
        ]

    found = [_h2("kb-calendar-upcoming", t["cal_upcoming"]), *meetings(upcoming)]
    if subscribe:
        found.append(_h2("kb-calendar-subscribe", t["cal_subscribe"]))
    return [*found, _h2("kb-calendar-past", t["cal_past"]), *meetings(past)]


def news(marker: Any, config) -> list[Heading]:
    """The updates (overrides/hooks/render_news.html): the latest few (``latest``), or every
    update, under its year when there are more than ``news_per_year`` (``updates``)."""
    lang = current_language(config)
    if marker.arg:
        return [_h2("kb-news-latest", news_labels(lang)["latest"])]
    items = news_model.updates(site_for(config), lang)
    if len(items) <= int(config.extra.get("news_per_year", 20)):
        return []
    years = dict.fromkeys(item.date[:4] for item in items)
    return [_h2(f"kb-news-{year}", year) for year in years]


def _module(page_view: views.PageView, config) -> Any:
    """The page's kind's view template (its box declarations, its settings), or None."""
    own = kinds.get(page_view.page.kind)
    if own is None or own.view is None or config is None:
        return None
    return template_env(config).get_template(own.view).module


def _view_boxes(block: views.Block, module: Any, t: dict) -> list[Heading]:
    """The headings of a kind's own boxes in ``block``, from its view template's declaration."""
    declared = getattr(module, "box_headings", None) or {}
    meta = block.data.get("meta") or {}
    return [
        _h2(f"kb-{name}", t[label])
        for name, label, needs in declared.get(_MACRO[block.kind], [])
        if not needs or meta.get(needs)
    ]


def _see_also(block: views.Block, page_view: views.PageView, module: Any) -> list[Heading]:
    own = kinds.get(page_view.page.kind)
    shown_by_view = getattr(module, "own_references", None) or []
    names = kinds.labels(page_view.lang)
    return [
        _h2(f"kb-{key}", names[target]["many"])
        for key, target in (own.references if own else {}).items()
        if block.data["refs"].get(key) and key not in shown_by_view
    ]


def _block(block: views.Block, page_view: views.PageView, module: Any) -> list[Heading]:
    """The headings the macro of one block of the view writes (hooks/steps/render_facts.py)."""
    t = labels(page_view.lang)
    if block.kind == "opening" and block.data.get("first"):
        return [_h2("kb-facts", t["facts"])]
    if block.kind in _MACRO:
        return _view_boxes(block, module, t)
    if block.kind == "see_also":
        return _see_also(block, page_view, module)
    if block.kind == "mentioned_in":
        return [_h2("kb-backlinks", t["mentioned_in"])]
    if block.kind == "history":
        return [_h2("kb-history", news_labels(page_view.lang)["history_title"])]
    if block.kind == "sources":
        title = t["sources"] if block.data["meta"].get("sources") else t["source"]
        return [_h2("kb-sources", title)]
    return []


def view(page_view: views.PageView, part: str, config=None) -> list[Heading]:
    """The headings of the boxes ``render_facts.place`` puts after the Markdown part ``part``
    ("title" or "body") of the page's view, in their order. ``config`` is the build that renders
    the blocks (its templates hold the kind's own boxes; without it, none of those)."""
    module = _module(page_view, config)
    found, current = [], None
    for block in page_view.blocks:
        if block.kind in views.MARKDOWN:
            current = block.kind
        elif current == part and block.kind != "fallback":
            found.extend(_block(block, page_view, module))
    return found
