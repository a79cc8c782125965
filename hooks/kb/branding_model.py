"""The hosting organisation's branding, from ``extra.branding`` in mkdocs.yml (pure: no MkDocs).

One place for what an organisation changes when it hosts the portal::

    extra:
      branding:
        name: {nl: Jobcoachportaal, en: Job coach portal}   # site name per language (optional)
        organisation: Vluchtelingenwerk Vlaanderen          # who publishes it (optional)
        logo: assets/images/logo.svg     # optional: an image under content/ (or the theme's)
        colour: "#00695c"                # optional: header colour; white text on it needs 4.5:1
        contact: mailto:info@example.org # mailto: or https:// address (optional)
        report: mailto:fouten@example.org  # "report a mistake": mailto: or an https:// form

``check`` turns every wrong value into a Problem; ``report_link`` makes a page's "report a
mistake" address, carrying that page's address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from kb import languages
from kb.problems import Problem
from kb.text_policy import setting_text_problem

__all__ = ["KEYS", "check", "contrast_with_white", "report_link"]

KEYS = ("name", "organisation", "logo", "colour", "contact", "report")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s?&#<>\"']+@[^@\s?&#<>\"']+\.[A-Za-z]{2,}$")


def _address_problem(value: Any) -> str | None:
    """Why ``value`` is no mailto: or https:// address, or None when it is one."""
    if not isinstance(value, str) or not value:
        return "must be a mailto: or https:// address"
    if re.search(r"[\s\"'<>\\\x00-\x1f]", value):
        return "may not hold spaces, quotes or angle brackets"
    if value.startswith("mailto:"):
        return None if _EMAIL.match(value[len("mailto:") :]) else "is no e-mail address"
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        return "must start with mailto: or https://"
    return None


def _channel(value: str) -> float:
    c = int(value, 16) / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on ``#rrggbb``."""
    r, g, b = (_channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def check(
    branding: Any,
    file: str,
    line_of: Callable[[str], int | None],
    image_dirs: list[Path],
) -> list[Problem]:
    """Every problem in the branding settings; ``image_dirs``: where a logo may be found."""
    if branding is None:
        return []

    def problem(key: str, message: str, fix: str) -> Problem:
        return Problem(file, message, fix, field=f"extra.branding.{key}", line=line_of(key))

    if not isinstance(branding, dict):
        return [
            Problem(
                file,
                "must be a list of settings (name, organisation, logo, colour, contact, report).",
                "write each on its own indented line, for example `report: mailto:you@example.org`.",
                field="extra.branding",
                line=line_of("branding"),
            )
        ]
    problems = [
        problem(key, "is not a branding setting.", f"use one of: {', '.join(KEYS)}.")
        for key in branding
        if key not in KEYS
    ]
    name = branding.get("name")
    if name is not None and not (
        isinstance(name, dict)
        and set(name) == set(languages.codes())
        and all(isinstance(v, str) and v.strip() for v in name.values())
    ):
        problems.append(
            problem(
                "name",
                "needs a name in each language.",
                "write `name: {" + ", ".join(f"{c}: …" for c in languages.codes()) + "}`.",
            )
        )
    texts = {"name." + k: v for k, v in name.items()} if isinstance(name, dict) else {}
    for key, value in [*texts.items(), ("organisation", branding.get("organisation"))]:
        if why := setting_text_problem(value):
            problems.append(
                problem(key, f"{why}.", 'write plain text, without < > " ` or &…; codes.')
            )
    organisation = branding.get("organisation")
    if organisation is not None and not (isinstance(organisation, str) and organisation.strip()):
        problems.append(
            problem("organisation", "must be a name.", "write `organisation: Your organisation`.")
        )
    logo = branding.get("logo")
    if logo is not None:
        found = isinstance(logo, str) and any((d / logo).is_file() for d in image_dirs)
        if not found or not str(logo).lower().endswith((".svg", ".png", ".jpg", ".jpeg", ".webp")):
            problems.append(
                problem(
                    "logo",
                    f"{logo!r} is no image file under content/.",
                    "put the image under content/assets/images/ and write its path from content/.",
                )
            )
    colour = branding.get("colour")
    if colour is not None:
        if not (isinstance(colour, str) and _HEX.match(colour)):
            problems.append(
                problem("colour", f"{colour!r} is no colour.", 'write it as `colour: "#00695c"`.')
            )
        elif contrast_with_white(colour) < 4.5:
            ratio = contrast_with_white(colour)
            problems.append(
                problem(
                    "colour",
                    f"white text on {colour} has a contrast of {ratio:.1f}:1, under 4.5:1.",
                    "choose a darker colour.",
                )
            )
    for key in ("contact", "report"):
        if key in branding:
            why = _address_problem(branding[key])
            if why:
                problems.append(
                    problem(
                        key,
                        f"{why}.",
                        f"write `{key}: mailto:you@example.org` or `{key}: https://example.org/form`.",
                    )
                )
    return problems


def report_link(report: str, page_address: str, subject: str) -> str:
    """The "report a mistake" address for one page: an e-mail with the page in subject and body,
    or the form's address with ``page=<address>`` added."""
    if report.startswith("mailto:"):
        body = quote(page_address, safe="")
        return f"{report}?subject={quote(f'{subject}: {page_address}', safe='')}&body={body}"
    joiner = "&" if urlsplit(report).query else "?"
    return f"{report}{joiner}page={quote(page_address, safe='')}"
