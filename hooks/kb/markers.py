"""The one scanner for ``<!-- kb:name argument -->`` markers, aware of code fences.

A marker counts only on a line of its own and outside a fenced code block, so that a page can
show a marker as an example inside ```` ``` ```` or ```` ```` ```` fences. Fences follow
pymdownx.superfences, which the portal renders with: three or more backticks or tildes, any
indentation (fences may sit in list items), closed by a line of the same character at least as
long; an unclosed fence runs to the end of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["Marker", "code_lines", "mask_code", "replace", "scan"]

_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
# The argument is read greedily up to the line's last "-->": a lazy argument followed by \s*
# would try every split of a long run of spaces (minutes on one line; tests/test_bounded_time.py).
_MARKER = re.compile(r"^ {0,3}<!--\s*+kb:([A-Za-z0-9_-]+)(?:[ \t](.*))?-->\s*+$")
_LOOKS_LIKE = re.compile(r"<!--\s*kb:")
# Most texts (titles, sections, most pages) hold no marker and no fence: the functions below
# answer those without reading them line by line (a marker needs "kb:", a fence ``` or ~~~).
_MARKED = "kb:"


def _fenced(text: str) -> bool:
    return "```" in text or "~~~" in text


@dataclass(frozen=True)
class Marker:
    """One marker: its name, its argument ('' when none) and its 1-based line in the text."""

    name: str
    arg: str
    line: int


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(number, line, inside a code fence) for every line; fence lines themselves count as code."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), 1):
        match = _OPEN.match(line)
        if fence is None:
            if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
                fence = match.group(1)
                yield number, line, True
                continue
            yield number, line, False
        else:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not match.group(2).strip()
            ):
                fence = None
            yield number, line, True


def code_lines(text: str) -> set[int]:
    """The numbers of the lines that belong to a code fence."""
    if not _fenced(text):
        return set()
    return {number for number, _, code in _lines(text) if code}


def mask_code(text: str, keep_offsets: bool = False) -> str:
    """The text with every fenced line emptied (line numbers stay the same; with
    ``keep_offsets`` the line becomes spaces, so that every character keeps its offset)."""
    if not _fenced(text):
        return text
    return "\n".join(
        (" " * len(line) if keep_offsets else "") if code else line
        for _, line, code in _lines(text)
    )


def scan(text: str) -> list[Marker]:
    """Every marker outside code fences, in order."""
    if _MARKED not in text:
        return []
    found = []
    for number, line, code in _lines(text):
        if not code and (match := _MARKER.match(line)):
            found.append(Marker(match.group(1), (match.group(2) or "").strip(), number))
    return found


def malformed(text: str) -> list[int]:
    """Lines outside code that look like a marker but are not one on a line of its own."""
    if _MARKED not in text:
        return []
    return [
        number
        for number, line, code in _lines(text)
        if not code and _LOOKS_LIKE.search(line) and not _MARKER.match(line)
    ]


def replace(text: str, render: Callable[[Marker], str | None]) -> str:
    """``text`` with each marker line outside code replaced by ``render(marker)``; a marker for
    which ``render`` returns None stays as it is. The HTML is set apart by blank lines, so that
    Markdown keeps it as one raw block."""
    if _MARKED not in text:
        return text
    out: list[str] = []
    for number, line, code in _lines(text):
        match = None if code else _MARKER.match(line)
        html = (
            render(Marker(match.group(1), (match.group(2) or "").strip(), number))
            if match
            else None
        )
        if html is None:
            out.append(line)
        else:
            out.extend(["", html, ""])
    return "\n".join(out)
