"""Leave out of a style sheet the rules that no page of this site can match (pure, no MkDocs).

Material's ``main.css`` styles every feature it has (code blocks, tabs, annotations, version
selector, tags, every admonition type…) and ``palette.css`` every colour; this site uses a part.
A rule is kept unless EVERY one of its selectors names a class that appears nowhere: not in a
``class="…"`` of a built page, and not as a class that a site script can set. A word in a
string of a script (Material's bundle sets ``md-search-result__item`` at run time) counts when
its block (the part before ``__`` or ``--``) is on a page, or is one the bundle builds from
nothing (``FROM_SCRIPT``: the glossary tooltips), or when what makes the bundle build it is on a
page (``BUILT_FOR``: code blocks, annotations). So the bundle's version selector, tags, source
facts and annotations cost nothing here until the site uses them. ``:not(…)``, ``:is(…)``,
``:where(…)`` and ``:has(…)`` arguments never remove a rule. A palette rule
``[data-md-color-primary=red]`` is kept only if a page uses that value, and a rule under an
attribute of ``DROPPED_ATTRIBUTES`` is left out on purpose (see there). After that, a custom
property declared but read by no kept rule (``--md-admonition-icon--bug``, an SVG each) is left
out. At-rules other than ``@media``/``@supports`` (``@keyframes``, ``@font-face``, ``@page``) are
kept as they are.

The parser knows just enough CSS for minified files: strings, comments and nested blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Usage", "classes_in_html", "custom_properties_read", "purge", "words_in_script"]

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_COLOR = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
_PSEUDO_ARGS = re.compile(r":(?:not|is|where|has)\(")
_CUSTOM_DECL = re.compile(r"(?<![\w-])(--[\w-]++)\s*+:")  # one try per run of dashes
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
# Searched without a leading \b (which keeps the regex engine from skipping ahead to the literal,
# 20 times slower on a page); _attributes checks the boundary instead.
_HTML_CLASS = re.compile(r'class="([^"]*)"')
_HTML_COLOR = re.compile(r'data-md-color-(primary|accent)="([^"]*)"')
_WORD_CHAR = re.compile(r"\w")
# A class="…" that does not start a word: the lookbehind comes after the literal, so the search
# still skips ahead to it (a page of the x10 tree holds 350 class attributes on average)
_CLASS_IN_WORD = re.compile(r'class="(?<=\wclass=")')
_SCRIPT_STRING = re.compile(r'"([^"\n]{0,400})"|\'([^\'\n]{0,400})\'|`([^`]{0,800})`')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_GROUPS = ("@media", "@supports", "@layer", "@container")
_BLOCK = re.compile(r"__|--")
CODE = "<pre>"  # stands for "a page has a code block" among the classes
# Rules under these attributes are left out although a script sets them. Material's palette sets
# ``data-md-color-switching`` on <body> while it applies a colour scheme (at every page load too)
# and removes it a frame later; its only rule, ``[data-md-color-switching] *`` (no transitions
# meanwhile), makes each of those two changes restyle every element of the page: two long tasks
# at start-up (blocking time). Without the rule, a reader who switches light/dark sees the few
# colour transitions (links, header, 0.25 s at most) play once.
DROPPED_ATTRIBUTES = ("[data-md-color-switching]",)
FROM_SCRIPT = {"md-tooltip2", "focus-visible", "md-dialog"}
BUILT_FOR = {  # Material 9.8's blocks made by its bundle -> the class that makes it build them
    "md-annotation": "annotate",
    "md-annotation-list": "annotate",
    "md-tooltip": "annotate",
    "md-code": CODE,
    "md-clipboard": CODE,
}


@dataclass
class Usage:
    """What the built pages and scripts use: class names and palette colours."""

    classes: set[str] = field(default_factory=set)
    colors: set[tuple[str, str]] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        self.classes.update(classes_in_html(html))
        self.colors.update(m.groups() for m in _attributes(_HTML_COLOR, html))
        if "<pre" in html:
            self.classes.add(CODE)

    def with_script_words(self, words: set[str]) -> Usage:
        """This usage plus the classes a script may set (see the module's docstring)."""
        blocks = {_BLOCK.split(c)[0] for c in self.classes}

        def may_set(word: str) -> bool:
            block = _BLOCK.split(word)[0]
            trigger = BUILT_FOR.get(block)
            return block in blocks or block in FROM_SCRIPT or (trigger in self.classes)

        return Usage(self.classes | {w for w in words if may_set(w)}, set(self.colors))


def _attributes(pattern: re.Pattern, html: str):
    """The matches of ``pattern`` that start a word (as ``\\b`` before it would)."""
    for m in pattern.finditer(html):
        if not (m.start() and _WORD_CHAR.match(html, m.start() - 1)):
            yield m


def classes_in_html(html: str) -> set[str]:
    """Every class name in a ``class="…"`` of ``html`` (each attribute's text split once). On a
    page where every ``class="`` starts a word (every page the build writes) all matches count,
    and one ``findall`` gives them; else each match's boundary is checked."""
    if not _CLASS_IN_WORD.search(html):
        return {c for value in set(_HTML_CLASS.findall(html)) for c in value.split()}
    values = set()
    for m in _HTML_CLASS.finditer(html):
        start = m.start()
        if start:  # the boundary check of _attributes, inline: \w is alphanumeric or _
            before = html[start - 1]
            if before.isalnum() or before == "_":
                continue
        values.add(m.group(1))
    return {c for value in values for c in value.split()}


def words_in_script(code: str) -> set[str]:
    """Every word inside a string literal of a script (class names it may set)."""
    return {
        w for m in _SCRIPT_STRING.finditer(code) for s in m.groups() if s for w in _WORD.findall(s)
    }


def _skip_string(css: str, i: int) -> int:
    quote = css[i]
    i += 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css: str, i: int) -> int:
    """Index just after the ``}`` that closes the block whose ``{`` is at i - 1."""
    depth = 1
    while i < len(css) and depth:
        ch = css[i]
        if ch in "\"'":
            i = _skip_string(css, i)
            continue
        if css.startswith("/*", i):
            i = css.find("*/", i) + 2 if css.find("*/", i) >= 0 else len(css)
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        i += 1
    return i


def _parse(css: str, i: int = 0) -> tuple[list, int]:
    """[(prelude, body)]: body None (a statement), str (declarations) or a list (a group)."""
    out: list = []
    while i < len(css):
        j = i
        while j < len(css) and css[j] not in "{};":
            if css[j] in "\"'":
                j = _skip_string(css, j)
            elif css.startswith("/*", j):
                end = css.find("*/", j)
                j = end + 2 if end >= 0 else len(css)
            else:
                j += 1
        if j >= len(css):
            if css[i:].strip():
                out.append((css[i:], None))
            return out, len(css)
        prelude = css[i:j]
        if css[j] == ";":
            out.append((prelude + ";", None))
            i = j + 1
        elif css[j] == "}":
            if prelude.strip():
                out.append((prelude, None))
            return out, j + 1
        elif prelude.strip().startswith(_GROUPS):
            body, i = _parse(css, j + 1)
            out.append((prelude, body))
        else:
            end = _block_end(css, j + 1)
            out.append((prelude, css[j + 1 : end - 1]))
            i = end
    return out, i


def _selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(prelude[start:k])
            start = k + 1
    parts.append(prelude[start:])
    return parts


def _without_pseudo_args(selector: str) -> str:
    out, i = [], 0
    while True:
        m = _PSEUDO_ARGS.search(selector, i)
        if not m:
            out.append(selector[i:])
            return "".join(out)
        out.append(selector[i : m.start()])
        depth, k = 1, m.end()
        while k < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[k], 0)
            k += 1
        i = k


def _matches_something(selector: str, usage: Usage) -> bool:
    if any(attribute in selector for attribute in DROPPED_ATTRIBUTES):
        return False
    plain = _without_pseudo_args(selector)
    if any(c not in usage.classes for c in _CLASS.findall(plain)):
        return False
    return all(color in usage.colors for color in _COLOR.findall(plain))


def _keep_rules(rules: list, usage: Usage) -> list:
    out = []
    for prelude, body in rules:
        if isinstance(body, list):
            inner = _keep_rules(body, usage)
            if inner:
                out.append((prelude, inner))
        elif body is None or prelude.strip().startswith("@"):
            out.append((prelude, body))
        else:
            kept = [s for s in _selectors(prelude) if _matches_something(s, usage)]
            if kept:
                out.append((",".join(kept), body))
    return out


def _declarations(body: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch in "\"'":
            i = _skip_string(body, i)
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _reads(rules: list) -> set[str]:
    names: set[str] = set()
    for _prelude, body in rules:
        if isinstance(body, list):
            names |= _reads(body)
        elif isinstance(body, str):
            names.update(_VAR.findall(body))
    return names


def _drop_unread(rules: list, read: set[str]) -> list:
    out = []
    for prelude, body in rules:
        if isinstance(body, list):
            inner = _drop_unread(body, read)
            if inner:
                out.append((prelude, inner))
        elif isinstance(body, str) and not prelude.strip().startswith("@"):
            decls = []
            for decl in _declarations(body):
                m = _CUSTOM_DECL.match(decl.strip())
                if not m or m.group(1) in read:
                    decls.append(decl)
            text = ";".join(decls)
            if text.strip():
                out.append((prelude, text))
        else:
            out.append((prelude, body))
    return out


def _render(rules: list) -> str:
    out = []
    for prelude, body in rules:
        if body is None:
            out.append(prelude)
        elif isinstance(body, list):
            out.append(f"{prelude}{{{_render(body)}}}")
        else:
            out.append(f"{prelude}{{{body}}}")
    return "".join(out)


def custom_properties_read(text: str) -> set[str]:
    """Custom properties that other style sheets (``var(--x)``) or scripts (``"--x"``) read."""
    return set(_VAR.findall(text)) | set(re.findall(r"(?<![\w-])(--[a-zA-Z][\w-]*)", text))


def purge(sheets: dict[str, str], usage: Usage, read_elsewhere: set[str] = frozenset()) -> dict:
    """Each style sheet (by name) without rules that match nothing, nor custom properties that no
    kept rule of any of them, nor ``read_elsewhere``, reads."""
    kept = {name: _keep_rules(_parse(css)[0], usage) for name, css in sheets.items()}

    def reads(tree: dict) -> set[str]:
        return set(read_elsewhere).union(*(_reads(rules) for rules in tree.values()))

    read = reads(kept)
    while True:  # a custom property may be read only by another one that is itself unread
        pruned = {name: _drop_unread(rules, read) for name, rules in kept.items()}
        again = reads(pruned)
        if again == read:
            return {name: _render(rules) for name, rules in pruned.items()}
        read, kept = again, pruned
