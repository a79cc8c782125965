"""Review dates that mean something: how often each kind of page must be checked again, and
which pages are due.

A page that states rules (a status, the support pages on allowances and rights) is checked every
six months; other pages with a ``reviewed`` date once a year. The interval is declared once, in
each kind's registry entry (``x-kind: {review_months, review_months_in}``, kb/kinds.py); a page
may set its own with ``review_months``. A page is also due when an update that names it
under ``changes`` took effect after its last check: the rule changed since someone looked.

Pure: no MkDocs. ``make check`` and the build print ``report``; the pages show ``due``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kb import content_model, kinds, languages, news_model

__all__ = ["Due", "due", "interval", "months_since", "report"]


@dataclass(frozen=True)
class Due:
    """Why a page must be checked again: ``months`` since its last check (``interval`` allowed),
    and the updates (date, path) that changed it after that check."""

    reviewed: str
    months: int
    interval: int
    overdue: bool
    updates: tuple[tuple[str, str], ...] = ()


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def months_since(day: dt.date, today: dt.date) -> int:
    """Whole months from ``day`` to ``today`` (23 November to 22 May is five)."""
    return (today.year - day.year) * 12 + (today.month - day.month) - (today.day < day.day)


def interval(page: content_model.Page, default: int = 12) -> int:
    """The page's own ``review_months``, or its kind's in its folder, or its kind's, or
    ``default`` (extra.freshness_months of mkdocs.yml)."""
    own = page.meta.get("review_months")
    if isinstance(own, int) and not isinstance(own, bool) and own > 0:
        return own
    kind = kinds.get(page.kind)
    if kind is None:
        return default
    folder = page.src.split("/")[0] if "/" in page.src else ""
    return kind.review_months_in.get(folder) or kind.review_months or default


def _changed_by(site: content_model.Site) -> dict[str, list[tuple[str, str]]]:
    """Per Dutch page path: the (date, path) of every Dutch update that names it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for page in site.pages.values():
        if not news_model.is_update(page) or page.lang != languages.default():
            continue
        changes = page.meta.get("changes")
        for base in changes if isinstance(changes, list) else []:
            if isinstance(base, str) and _date(page.meta.get("date")):
                found.setdefault(base, []).append((str(page.meta["date"]), page.src))
    return found


def due(
    site: content_model.Site, page: content_model.Page, today: dt.date, default: int = 12
) -> Due | None:
    """Why ``page`` (either language) is due for a check, or None when it is not (or has no
    ``reviewed`` date)."""
    reviewed = _date(page.meta.get("reviewed"))
    if reviewed is None:
        return None
    every = interval(page, default)
    months = months_since(reviewed, today)
    changes = site.derived(("review.changed_by",), lambda: _changed_by(site)).get(page.base, [])
    later = tuple(
        sorted((d, src) for d, src in changes if reviewed < dt.date.fromisoformat(d) <= today)
    )
    if months < every and not later:
        return None
    return Due(reviewed.isoformat(), months, every, months >= every, later)


def report(site: content_model.Site, today: dt.date, default: int = 12) -> list[str]:
    """One line per Dutch page that is due for a check, the oldest check first."""
    folder = site.content_dir.name
    found = []
    for page in site.pages.values():
        if page.lang != languages.default():
            continue
        why = due(site, page, today, default)
        if why is None:
            continue
        reasons = []
        if why.overdue:
            reasons.append(f"{why.months} months ago, check every {why.interval}")
        reasons += [f"changed by {folder}/{src} on {d}" for d, src in why.updates]
        found.append(
            (
                why.reviewed,
                page.src,
                f"{folder}/{page.src}: last checked {why.reviewed} ({'; '.join(reasons)})",
            )
        )
    return [line for _, _, line in sorted(found)]
