"""Place a page's view (hooks/kb/views.py) in the page: the one step that writes the boxes a
page's front matter and the rest of the site give it.

The view is the page's ordered blocks as data (notices, the answer and fact box, the page's own
Markdown cut at its title and its quiz marker, the kind's boxes, "mentioned in", its change
history, its sources); here each block goes through its macro (``MACROS``, in
overrides/hooks/render_facts.html and render_news.html), links become addresses, and the boxes
between two parts of the Markdown become one finished box (``page_data.keep``). No step reads or
edits HTML that another step wrote: "last changed" is part of the sources block, the change
history a block of its own. A page shown in another language (the fallback) gets its notice and
its language from the page template (``fallback_notice``, overrides/main.html).
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import kinds, languages, local, news_model, views
from steps.news_view import labels as news_labels
from steps.news_view import tags
from steps.news_view import view as update_view
from steps.page_data import (
    Linker,
    flat,
    format_date,
    headings_written,
    keep,
    labels,
    portal_for,
    record_for,
    render_macro,
    site_for,
    template_module,
    today,
)
from steps.polish_headings import box_link_label
from steps.site_language import current_language

FACTS, NEWS = "hooks/render_facts.html", "hooks/render_news.html"
VIEW = "view"  # a block only pages of one kind have is placed by that kind's view (x-kind.view)
TEMPLATE = FACTS
# Each template's labels, by language (a kind's view: the page labels).
LABELS = {FACTS: labels, NEWS: news_labels}
# The macro that shows each block of kb.views.ORDER (the Markdown blocks are the page's own).
MACROS = {
    "fallback": (FACTS, "fallback"),
    "behind": (FACTS, "behind"),
    "review_due": (FACTS, "stale"),
    "replaced": (FACTS, "replaced"),
    "opening": (FACTS, "top"),
    "region": (FACTS, "region"),
    "boxes": (FACTS, "bottom"),
    "see_also": (FACTS, "see_also"),
    "mentioned_in": (FACTS, "mentioned_in"),
    "history": (NEWS, "history"),
    "sources": (FACTS, "sources"),
    "navigator": (VIEW, "navigator"),
    "local": (FACTS, "local"),
}
# id(page) -> its fallback notice and the language it is shown in, from Markdown to the template
_fallbacks: dict[int, dict[str, Any]] = {}


def freshness_months(config: MkDocsConfig) -> int:
    return int(config.extra.get("freshness_months", 12))


class _Adapter:
    """What the templates need that the view leaves to the generator: addresses, labels, dates."""

    def __init__(self, view: views.PageView, page, config: MkDocsConfig, files) -> None:
        self.view, self.page, self.config = view, page, config
        self.lang, self.link = view.lang, Linker(page, files, config)
        self.tags: dict[str, str] | None = None  # the update topics' labels, read when needed
        self.own = kinds.get(view.page.kind)
        self.link_label = box_link_label(view.page.kind, self.lang)
        self.kinds = kinds.labels(self.lang)  # every kind's labels, once per page

    def linked(self, value: Any) -> Any:
        """``value`` with every page reference as the template's ``{title, url, …}``."""
        if isinstance(value, views.Ref):
            url = self.link(value.path, value.anchor)
            return {"title": value.title, "url": url, "note": value.note, "kind": value.kind}
        if isinstance(value, news_model.Update):
            if self.tags is None:
                self.tags = tags(self.config, self.lang)
            return update_view(value, self.link, self.lang, self.tags)
        if isinstance(value, list):
            return [self.linked(item) for item in value]
        if isinstance(value, dict):
            return {key: self.linked(item) for key, item in value.items()}
        return value

    def ref(self, kind: str, slug: str) -> dict | None:
        found = views.ref(site_for(self.config), kind, slug, self.lang)
        return self.linked(found) if found else None

    def asset(self, path: str) -> str:
        """The address of one of the portal's own files (``assets/…``) from this page."""
        return get_relative_url(path, self.page.url or "index.html")

    def date(self, value: str) -> str:
        return format_date(value, self.lang)

    def behind_parts(self, data: dict) -> dict:
        """The changed parts by name (the label of the opening text or of the front matter in
        the page's language), and the address of the source page (at the same path without the
        language folder: en/statuses/ibo.html)."""
        t, url = labels(self.lang), self.page.url
        parts = [
            (t[f"behind_{name}"], self.lang) if lang is None else (name, lang)
            for lang, name in data["parts"]
        ]
        source = url.split("/", 1)[1] if "/" in url else url
        href = posixpath.relpath(source or "index.html", posixpath.dirname(url) or ".")
        source_lang = languages.page_language(data["source"])
        return {
            "parts": parts,
            "checked_on": self.date(data["checked"]),
            "href": href,
            "source_lang": source_lang,
        }

    def html(self, block: views.Block) -> str:
        """One block through its macro; the navigator's once per folder (``navigator_html``)."""
        return self.navigator_html(block) if block.kind == "navigator" else self.macro_html(block)

    def navigator_html(self, block: views.Block) -> str:
        """The navigator block, made once per build, language and folder: every navigator page
        shows the same questions and schemes (``Portal.navigator``, once per language), and its
        links and assets are relative to the page's folder. Kept with the build's site, like the
        model's other once-per-site results; it writes no heading for the page contents. A
        navigator page lists every scheme, so made per page its cost would grow with navigator
        pages times schemes."""
        key = (self.lang, self.own.view if self.own else None, posixpath.dirname(self.page.url))
        site = portal_for(self.config).site
        return site.derived(("navigator html", *key), lambda: self.macro_html(block))

    def macro_html(self, block: views.Block) -> str:
        """One block through its macro; the macro takes what it names of the block's data and
        of the common context."""
        template, name = MACROS[block.kind]
        template = self.own.view if template == VIEW and self.own else template
        wanted = getattr(template_module(self.config, template), name).arguments
        context = {
            "meta": block.data.get("meta"),
            "t": LABELS.get(template, labels)(self.lang),
            "tn": news_labels(self.lang),
            "date": self.date,
            "asset": self.asset,
            "ref": self.ref,
            # the page's kind (kb/kinds.py): its view's macros and its references' labels
            "view": self.own.view if self.own else None,
            "references": self.own.references if self.own else {},
            "kinds": self.kinds,
            # the boxes' heading links, on a kind whose box_headings is "link" (kb/kinds.py)
            "link_label": self.link_label,
        }
        # the block's own data, with its page references as addresses: only what the macro
        # takes (a block's data may hold more than its macro shows), and never where the
        # common context has the same name
        own = self.behind_parts(block.data) if block.kind == "behind" else block.data
        own = {k: v for k, v in own.items() if k in wanted and k not in context}
        context.update(own if block.kind == "behind" else self.linked(own))
        html = render_macro(
            self.config, template, name, linker=self.link, **{k: context.get(k) for k in wanted}
        )
        return flat(html)


def place(view: views.PageView, html) -> str:
    """The page's Markdown with each run of boxes, as HTML from ``html(block)``, between its
    parts: under the title, and after the body (before the quiz, which closes the page). Each
    run is kept with the headings its templates wrote for the page contents
    (``page_data.headings_written``)."""
    lines: dict[str, list[str]] = {}
    boxes: dict[str, list[str]] = {"title": [], "body": []}  # the boxes after each part
    written: dict[str, list] = {"title": [], "body": []}  # their headings, in their order
    for block in view.blocks:
        if block.kind in views.MARKDOWN:
            lines[block.kind] = block.data["lines"]
        elif block.kind != "fallback" and lines:
            with headings_written() as headings:
                box = html(block)
            if box:
                boxes[list(lines)[-1]].append(box)
                written[list(lines)[-1]].extend(headings)
    top = keep("\n".join(boxes["title"]), written["title"])
    bottom = keep("\n".join(boxes["body"]), written["body"])
    out = [*lines["title"], *(["", top, ""] if top else []), *lines["body"]]
    if bottom and "quiz" in lines:
        out += [bottom, ""]
    elif bottom:
        out = [*"\n".join(out).rstrip().split("\n"), "", bottom, ""]
    return "\n".join([*out, *lines.get("quiz", [])])


def _view(page, config: MkDocsConfig, markdown: str | None = None) -> views.PageView | None:
    rec = record_for(page, config)
    if rec is None:
        return None
    lang = current_language(config)
    return views.page_view(
        site_for(config),
        rec,
        lang,
        today=today(),
        freshness_months=freshness_months(config),
        markdown=markdown,
        local=local.place_view(portal_for(config), rec, lang) if local.places(rec) else None,
        navigator=_navigator(config, lang) if views.shows_navigator(rec) else None,
    )


def _navigator(config: MkDocsConfig, lang: str) -> dict:
    """The navigator's data in ``lang``, made once per build: every navigator page (and each
    language's) shows the same questions and schemes."""
    return portal_for(config).navigator(lang)


def place_view(markdown: str, page, config: MkDocsConfig, files) -> str:
    _fallbacks.pop(id(page), None)  # a page of an earlier (failed) build may have had this id
    view = _view(page, config, markdown)
    if view is None:
        return markdown
    adapter = _Adapter(view, page, config, files)
    if (fallback := view.get("fallback")) is not None:
        _fallbacks[id(page)] = {"notice": Markup(adapter.html(fallback)), **fallback.data}
    return place(view, adapter.html)


def fallback_notice(context, page, config: MkDocsConfig, nav):
    """A page shown in another language's words (no translation yet) says so above its content,
    which is marked as that language for screen readers: the view's ``fallback`` block, placed
    by overrides/main.html around the page (``kb_fallback``), not spliced into its HTML."""
    context["kb_fallback"] = _fallbacks.pop(id(page), None)
    return context
