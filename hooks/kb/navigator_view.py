"""The navigator's data ("Which path fits?", issue 24): the questions and every scheme with its
rules, as the navigator page shows them (the eligibility contract, section 4).

The navigator page is a page of kind ``navigator`` (kb/schemas/navigator.schema.yml); its view
(kb/views.py) gets one block, ``navigator``, made from ``data``. The template writes everything
into the page (questions, answers, each scheme's rules as data attributes, reasons, sources, last
checked, organiser); navigator.js only shows, hides and groups what is there, so a rule exists
once: in the page's front matter, read and checked by kb/eligibility.py.

Pure: no MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb import eligibility

if TYPE_CHECKING:
    from kb.portal import Portal

__all__ = ["UNKNOWN", "data"]

UNKNOWN = eligibility.UNKNOWN  # the answer every question has: "I don't know" (never declared)


def data(portal: Portal, lang: str) -> dict:
    """What the navigator page shows: ``eligibility.navigator_data`` (the contract's dict), with
    each rule's answers named in the reader's words (``words``: question id -> its text and its
    answers' texts), for the rules in words that a reader without JavaScript reads, and every
    scheme's region named (``both`` where its page names none)."""
    found = eligibility.navigator_data(portal, lang)
    words = {
        q["id"]: {"text": q["text"], "answers": {a["id"]: a["text"] for a in q["answers"]}}
        for q in found["questions"]
    }
    schemes = [{**s, "region": s.get("region") or "both"} for s in found["schemes"]]
    return {**found, "schemes": schemes, "words": words}
