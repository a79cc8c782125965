"""Render the structured parts of a page from its front matter, in the page's language.

A status or support page opens with its answer (summary and first facts) and a status then
gets the rest of its fact box; a task guide its do's and don'ts and checklist, a story its lessons,
a training session its goals and programme; every page that rests on sources shows them with the
date they were last checked, a notice when that date is old, and the pages that refer to it
(at most twelve, some of each kind).
The HTML lives in overrides/hooks/render_facts.html.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb import content_model, first_facts, languages, review, translations
from kb import markers as kb_markers
from page_data import (
    Linker,
    flat,
    format_date,
    keep,
    labels,
    record_for,
    render_macro,
    site_for,
    today,
)
from site_language import current_language

TEMPLATE = "hooks/render_facts.html"
_H1 = re.compile(r"^# ")
BACKLINKS_SHOWN = 12  # "Mentioned in": a page stays the same size however many pages name it


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value else []


def freshness_months(config: MkDocsConfig) -> int:
    return int(config.extra.get("freshness_months", 12))


def _context(page, config: MkDocsConfig, files) -> dict | None:
    rec = record_for(page, config)
    if rec is None:
        return None
    site, lang, link = site_for(config), current_language(config), Linker(page, files)

    def ref(kind: str, slug: str) -> dict | None:
        target = site.by_slug(kind, slug, lang)
        return (
            {"title": target.meta.get("title", slug), "url": link(target.base)} if target else None
        )

    def read_before(item: dict) -> dict:
        path, _, anchor = item["page"].partition("#")
        target = site.pages.get(languages.translation_path(path, lang))
        target = target or site.pages.get(path)
        title = target.meta.get("title", path) if target else path
        return {"title": title, "url": link(path, anchor), "note": item.get("note")}

    refs = {
        key: [r for slug in _as_list(rec.meta.get(key)) if (r := ref(kind, slug))]
        for key, kind in content_model.REFERENCE_KEYS.items()
        if key not in ("replaced_by", "mostly_replaced_by")
    }
    refs["read_before"] = [read_before(item) for item in rec.meta.get("read_before") or []]
    # "Mentioned in" leaves out pages the boxes above already link to ("related statuses" etc.).
    linked = {r["url"] for key in ("related", "statuses", "stories", "tasks") for r in refs[key]}
    backlinks = [
        {"title": p.meta.get("title"), "url": url, "kind": p.kind}
        for _, p in site.referring(rec, lang)
        if (url := link(p.base)) not in linked
    ]
    due = review.due(site, rec, today(), freshness_months(config))
    return {
        "meta": rec.meta,
        "kind": rec.kind,
        "t": labels(lang),
        "ref": ref,
        "refs": refs,
        "date": lambda d: format_date(d, lang),
        "backlinks": content_model.some_of_each(backlinks, BACKLINKS_SHOWN),
        "due": due,
        "stale": bool(due and due.overdue),
        "months": due.interval if due else freshness_months(config),
        "first": first_facts.first_facts(rec.kind, rec.meta),
    }


@event_priority(50)
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    ctx = _context(page, config, files)
    if ctx is None or ctx["kind"] == "page":
        return markdown
    top = keep(flat(render_macro(config, TEMPLATE, "top", **ctx)))
    bottom = keep(flat(render_macro(config, TEMPLATE, "bottom", **ctx)))
    lines = markdown.split("\n")
    code = kb_markers.code_lines(markdown)
    h1 = next((n for n, line in enumerate(lines, 1) if n not in code and _H1.match(line)), 0)
    if top:
        lines[h1:h1] = ["", top, ""]
    if bottom:
        # The page's boxes come after its text but before a quiz, which closes the page.
        text = "\n".join(lines)
        quiz = next((m.line for m in kb_markers.scan(text) if m.name == "quiz"), None)
        lines = text.split("\n")
        if quiz:
            lines[quiz - 1 : quiz - 1] = [bottom, ""]
        else:
            lines = [*"\n".join(lines).rstrip().split("\n"), "", bottom, ""]
    return "\n".join(lines)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """A page shown in Dutch on the English site says so, and is marked as Dutch for screen
    readers; a translation that follows an older version of its Dutch page says that, under its
    title, with a link to the Dutch page."""
    lang = current_language(config)
    rec = record_for(page, config)
    if rec is None:
        return html
    if rec.lang == lang:
        return _behind_notice(html, page, rec, config)
    notice = render_macro(config, TEMPLATE, "fallback", t=labels(lang))
    return f'{notice}<div lang="{rec.lang}">{html}</div>'


def rec_lang(rec) -> str:
    """The language of the page that ``rec`` translates (its source)."""
    return content_model.page_language(rec.base)


def _behind_notice(html: str, page, rec, config: MkDocsConfig) -> str:
    lag = translations.behind(site_for(config), rec)
    if lag is None:
        return html
    lang = current_language(config)
    t = labels(lang)
    # Changed sections by their Dutch heading (what the reader finds on the Dutch page).
    names = [
        (t["behind_opening"], lang) if key == translations.OPENING else (key[3:], rec_lang(rec))
        for key in (*lag.changed, *lag.added)
        if key.startswith("#")
    ]
    if any(not key.startswith("#") for key in (*lag.changed, *lag.added, *lag.removed)):
        names.append((t["behind_fields"], lang))
    # The Dutch page is at the same path without the language folder (en/statuses/ibo.html).
    dutch = page.url.split("/", 1)[1] if "/" in page.url else page.url
    href = posixpath.relpath(dutch or "index.html", posixpath.dirname(page.url) or ".")
    notice = render_macro(
        config,
        TEMPLATE,
        "behind",
        t=t,
        date=format_date(lag.checked, lang),
        parts=names or [(t["behind_fields"], lang)],
        href=href,
    )
    end = html.find("</h1>")
    at = end + len("</h1>") if end >= 0 else 0
    return f"{html[:at]}{notice}{html[at:]}"
