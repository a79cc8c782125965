"""The navigator's data ("Which path fits?", issue 24): the questions and every scheme with its
rules, as the navigator page shows them (the eligibility contract, section 4).

The navigator page is a page of kind ``navigator`` (kb/schemas/navigator.schema.yml); its view
(kb/views.py) gets one block, ``navigator``, made here. The template writes everything into the
page (questions, answers, each scheme's rules as data attributes, reasons, sources, last checked,
organiser); navigator.js only shows, hides and groups what is there, so a rule exists once: in
the page's front matter.

``provisional_navigator_data`` builds the contract's dict from the questions file
(``content/_data/eligibility.yml``) and the status pages' ``eligibility:`` front matter, until
``kb.eligibility.navigator_data(portal, lang)`` lands; then ``data`` calls that instead.

Pure: no MkDocs.
"""

from __future__ import annotations

from typing import Any

from kb import languages, sources
from kb.content_model import Site

__all__ = ["QUESTIONS", "SCHEME_KIND", "UNKNOWN", "data", "provisional_navigator_data"]

QUESTIONS = "eligibility.yml"  # content/_data/: the questions and their answers
SCHEME_KIND = "status"  # every page of this kind is a scheme the navigator sorts
UNKNOWN = "unknown"  # the answer every question has: "I don't know" (never declared)


def _text(value: Any, lang: str) -> str:
    """A ``{nl: …, en: …}`` text in ``lang`` (the default language's where it has none)."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(languages.default()) or "")
    return "" if value is None else str(value)


def _questions(site: Site, lang: str) -> list[dict]:
    """The questions in the reader's language, in the file's order; none while the file is
    missing or does not parse (the content check reports a broken file)."""
    path, rel = sources.data_file(site.root, QUESTIONS, site.content_dir)
    if not path.is_file():
        return []
    text, problems = sources.read_text(path, rel)
    doc, problems = sources.load_yaml(text, rel) if text is not None else (None, problems)
    found = (doc.data or {}).get("questions") if doc and isinstance(doc.data, dict) else None
    return [
        {
            "id": str(q.get("id")),
            "text": _text(q.get("text"), lang),
            "hint": _text(q.get("hint"), lang),
            "answers": [
                {"id": str(a.get("id")), "text": _text(a.get("text"), lang)}
                for a in q.get("answers") or []
                if isinstance(a, dict)
            ],
        }
        for q in found or []
        if isinstance(q, dict)
    ]


def _rules(meta: dict) -> list[dict]:
    return [
        {
            "group": rule.get("group"),
            "when": {q: list(a) for q, a in (rule.get("when") or {}).items()},
            "because": str(rule.get("because") or ""),
        }
        for rule in meta.get("eligibility") or []
        if isinstance(rule, dict)
    ]


def _sources(meta: dict) -> list[dict]:
    found = meta.get("sources") or ([meta["source"]] if meta.get("source") else [])
    return [
        {"title": s.get("title", ""), "url": s.get("url")} for s in found if isinstance(s, dict)
    ]


def provisional_navigator_data(site: Site, lang: str) -> dict:
    """The contract's dict (section 4), made here from the same files until elig's
    ``kb.eligibility.navigator_data`` lands: swap this function for that one."""
    pages = site.of_kind(SCHEME_KIND, lang) or site.of_kind(SCHEME_KIND, languages.default())
    schemes = [
        {
            "slug": page.slug,
            "path": page.base,
            "title": str(page.meta.get("title", page.slug)),
            "region": page.meta.get("region") or "both",
            "organiser": str(page.meta.get("organiser") or ""),
            "reviewed": str(page.meta.get("reviewed") or ""),
            "sources": _sources(page.meta),
            "rules": _rules(page.meta),
        }
        for page in pages
        if page.slug != "index"
    ]
    return {"questions": _questions(site, lang), "schemes": schemes}


def data(site: Site, lang: str) -> dict:
    """What the navigator page shows: the contract's dict, with each rule's answers named in
    the reader's words (``words``: question id -> its text and its answers' texts), for the
    rules in words that a reader without JavaScript reads."""
    found = provisional_navigator_data(site, lang)
    words = {
        q["id"]: {"text": q["text"], "answers": {a["id"]: a["text"] for a in q["answers"]}}
        for q in found["questions"]
    }
    return {**found, "words": words}
