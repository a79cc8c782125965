"""One script and one style sheet of our own on every page, instead of one file per concern.

Each request costs about 0.24 KiB of headers (issue 16: at most 70 kB on a first load), so the
site-wide files the portal keeps apart for its maintainers (``overrides/assets/``) are served
joined, in their load order: the style sheets in one, the polyfills (which must run before
Material's bundle) in one, and the scripts after Material's bundle in one. A page's own files (the
filters, the quiz progress, quiz.js) stay apart: only the pages that need them fetch them.

Pure: text in, text out. ``hooks/steps/output/minify_assets.py`` writes the joined files into the built site
and rewrites every page with ``bundle_page``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Bundle", "bundle_page", "join_css", "join_js"]

# A script whose first statement is "use strict" would make every script after it strict too.
_STRICT_START = re.compile(r"""\A(?:\s|/\*.*?\*/|//[^\n]*\n)*["']use strict["']""", re.S)


@dataclass(frozen=True)
class Bundle:
    """``path``: the joined file, relative to the site root; ``members``: the files it replaces,
    in load order (also relative to the site root, as the pages name them after their prefix)."""

    path: str
    members: tuple[str, ...]

    @property
    def is_css(self) -> bool:
        return self.path.endswith(".css")


def join_js(texts: list[str]) -> str:
    """The scripts as one, each run as before: a script that starts with a "use strict"
    directive is wrapped in a function so that its strictness stays its own, and every script
    ends its last statement before the next one starts."""
    out = []
    for text in texts:
        text = text.rstrip()
        if _STRICT_START.match(text):
            text = "(function () {\n" + text + "\n})();"
        if not text.endswith(";"):
            text += "\n;"
        out.append(text + "\n")
    return "".join(out)


def join_css(texts: list[str]) -> str:
    """The style sheets as one, in order (none of ours uses ``@import`` or ``@charset``)."""
    return "".join(text.rstrip() + "\n" for text in texts)


# How each tag that loads a member starts (a style sheet's, a script's): every match of ``_tag``
# starts with it, so the tags are looked for only where ``str.find`` (much faster than the regex
# engine's own scan of a whole page) finds it
_START = {True: '<link rel="stylesheet" href="', False: '<script src="'}


@lru_cache(maxsize=256)
def _tag(members: tuple[str, ...], css: bool) -> re.Pattern[str]:
    """The tag that loads any of ``members`` (with its page-relative or site-absolute prefix)
    and the line break after it."""
    names = "|".join(re.escape(member) for member in members)
    where = r'(?P<pre>(?:[^"<>]*/)?)(?:' + names + ")"
    if css:
        return re.compile(re.escape(_START[css]) + where + r'"(?P<attrs>[^>]*)>\n?')
    return re.compile(re.escape(_START[css]) + where + r'"(?P<attrs>[^>]*)></script>\n?')


def _search(tag: re.Pattern[str], css: bool, html: str, pos: int = 0) -> re.Match[str] | None:
    """``tag.search(html, pos)``: the first place from ``pos`` where the tag's start is and the
    tag matches (a match can start nowhere else)."""
    at = html.find(_START[css], pos)
    while at >= 0:
        found = tag.match(html, at)
        if found:
            return found
        at = html.find(_START[css], at + 1)
    return None


def _without(tag: re.Pattern[str], css: bool, html: str) -> str:
    """``tag.sub("", html)``: the matches, one after the other as ``sub`` finds them, left out."""
    out, last = [], 0
    found = _search(tag, css, html)
    while found is not None:
        out.append(html[last : found.start()])
        last = found.end()
        found = _search(tag, css, html, last)
    out.append(html[last:])
    return "".join(out)


def bundle_page(html: str, bundles: list[Bundle]) -> str:
    """``html`` with each bundle's members replaced by one tag for the bundle, where its first
    member was (with that member's attributes: a script after Material's stays a plain script
    at the end of the body). A page that does not load a bundle's first member is left as it
    is for that bundle (the 404 page, a page of a site without that script). The other members'
    tags go in one pass over the page (a tag ends at its own ``>``, so which member it names
    does not change what is taken out)."""
    for bundle in bundles:
        # A tag names its file as it is (the pattern holds it literally): a page without the
        # name has no such tag, and is not searched for one.
        first_member, css = bundle.members[0], bundle.is_css
        if first_member not in html:
            continue
        first_tag = _tag((first_member,), css)
        if not _search(first_tag, css, html):
            continue
        others = tuple(member for member in bundle.members[1:] if member in html)
        if others:
            html = _without(_tag(others, css), css, html)
        # the first member's tag stays where it was, naming the bundle instead (the page is
        # copied once: its copies were most of this function's cost)
        first = _search(first_tag, css, html)
        tag = first.group(0).replace(first_member, bundle.path, 1)
        html = "".join((html[: first.start()], tag, html[first.end() :]))
    return html
