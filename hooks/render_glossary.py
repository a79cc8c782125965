"""The glossary on every page: abbreviations explained on hover and keyboard focus, and the list.

- Every page: after Markdown (and the other hooks' raw HTML boxes) is rendered, each term of
  ``content/_data/glossary.yml`` in the page's text is wrapped in
  ``<abbr title="full name – explanation">``, in the page's language. Text inside code, links,
  buttons, forms' labels and fieldsets (quiz questions), SVG, scripts and existing ``abbr``
  elements is left alone; attributes (link addresses, heading ids) are never touched. The first occurrence of each term on a page gets
  ``tabindex="0"``, so that a keyboard user can reach it. This hook also adds
  ``assets/javascripts/glossary.js``, which shows the title on hover, focus and touch in a tooltip
  inside ``<main>`` (axe: region), linked to the abbreviation with ``aria-describedby`` for screen
  readers; it makes that tooltip only when it is first needed (nothing per term at start-up).
- The page with ``<!-- kb:glossary -->`` gets the full list there (``overrides/hooks/render_glossary.html``),
  A-Z, each term with the anchor ``#<term in lower case>`` (woordenlijst.md#ibo).

A broken glossary.yml fails the build once, listing every mistake (hooks/kb/glossary_model.py).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import glossary_model
from kb import markers as kb_markers
from page_data import keeping, template_env
from site_language import current_language, default_language

__all__ = ["page_language", "page_link", "render_list", "tooltip", "wrap_terms"]

TEMPLATE = "hooks/render_glossary.html"
SCRIPT = "assets/javascripts/glossary.js"  # the tooltips, made on first hover or focus
# Text inside these elements keeps its words as they are: code, controls (no focus stop inside a
# focus stop), and form fieldsets, because a quiz question must not show its answer on hover.
SKIP = {
    "a",
    "abbr",
    "button",
    "code",
    "fieldset",
    "kbd",
    "label",
    "pre",
    "samp",
    "script",
    "select",
    "style",
    "summary",
    "svg",
    "textarea",
}
# An element to leave alone (the glossary list's own terms); its own closing tag ends it, so put
# it on an element that holds no element of the same name.
NO_GLOSSARY = "data-kb-no-glossary"
TOKEN = re.compile(r"(<!--.*?-->|<(script|style)\b.*?</\2\s*>|<[^>]*>)", re.S | re.I)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)\s*>", re.S)

_state: dict[str, Any] = {"terms": None}


# --- wrapping terms in HTML -------------------------------------------------------------------


@lru_cache(maxsize=16)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``terms`` (longest first) as a whole word."""
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in terms) + r")(?!\w)")


_tag_effects: dict[str, tuple[bool, str] | None] = {}


def _tag_effect(part: str) -> tuple[bool, str] | None:
    """What a tag, comment or script/style block (a token of TOKEN) does to the elements whose
    text is left alone: ``(False, name)`` opens one, ``(True, name)`` closes an element of that
    name, None neither. Kept per token: the same tags come back on every page."""
    if part in _tag_effects:
        return _tag_effects[part]
    effect = None
    tag = TAG.match(part)
    if tag and not part.startswith("<!--"):
        closing, name, attrs, self_closing = (
            tag.group(1),
            tag.group(2).lower(),
            tag.group(3),
            tag.group(4),
        )
        if name in ("script", "style") and not closing and "</" in part:
            effect = None  # a whole script or style block
        elif closing:
            effect = (True, name)
        elif not self_closing and (name in SKIP or NO_GLOSSARY in attrs):
            effect = (False, name)
    if len(_tag_effects) > 50_000:
        _tag_effects.clear()
    _tag_effects[part] = effect
    return effect


def wrap_terms(html: str, titles: dict[str, str]) -> str:
    """Wrap every term of ``titles`` (term -> tooltip text) in the page's running text in an
    ``abbr``; the first of each term gets ``tabindex="0"``. Tags and attributes stay as they are."""
    if not titles:
        return html
    pattern = _terms_pattern(tuple(sorted(titles, key=len, reverse=True)))
    # Terms already reachable by keyboard (an author's own focusable abbr) count as seen.
    seen: set[str] = set()
    out: list[str] = []
    stack: list[str] = []  # open SKIP elements (and elements marked NO_GLOSSARY)

    def wrap(match: re.Match) -> str:
        term = match.group(1)
        title = html_lib.escape(titles[term], quote=True)
        tab = ""
        if term not in seen:
            seen.add(term)
            tab = ' tabindex="0"'
        return f'<abbr class="kb-term"{tab} title="{title}">{term}</abbr>'

    # TOKEN.split gives: text, token (a tag, comment, or script/style block), its inner group
    # (script|style, or None), text, ...
    parts = TOKEN.split(html)
    sub = pattern.sub
    for index in range(0, len(parts), 3):
        text = parts[index]
        if text:
            out.append(text if stack else sub(wrap, text))
        if index + 1 == len(parts):
            break
        part = parts[index + 1]
        out.append(part)
        effect = _tag_effect(part)
        if effect is None:
            continue
        closing, name = effect
        if closing:
            if name in stack:  # also closes skipped elements left open inside it
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
        else:
            stack.append(name)
    return "".join(out)


# --- shaping ------------------------------------------------------------------------------------


def tooltip(term: dict[str, Any]) -> str:
    """The text of an abbreviation's tooltip: full name, then the explanation."""
    return f"{term['name']} – {term['explanation']}"


def page_language(page, config: MkDocsConfig) -> str:
    """The language the page is written in: a Dutch page shown on the English site (no
    translation yet) keeps Dutch explanations, matching its text."""
    locale = getattr(page.file, "locale", None)
    return locale if locale in glossary_model.LANGS else current_language(config)


def page_link(target: str | None, src_uri: str) -> str | None:
    """The address of ``target`` (a Dutch file under content/, e.g. statuses/ibo.md) from the page
    ``src_uri``; in a language's build the same relative address leads to that language's page."""
    if not target:
        return None
    base = posixpath.dirname(src_uri) or "."
    return posixpath.relpath(target[: -len(".md")] + ".html", base)


def render_list(
    terms: list[dict[str, Any]], lang: str, env, src_uri: str = "woordenlijst.md"
) -> str:
    """The whole glossary as one HTML block (no blank lines, so Markdown keeps it whole)."""
    terms = [{**term, "link": page_link(term.get("page"), src_uri)} for term in terms]
    html = env.get_template(TEMPLATE).render(terms=terms, lang=lang)
    return "\n".join(line for line in html.splitlines() if line.strip())


# --- MkDocs events ------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    try:
        _state["terms"] = glossary_model.load(root, Path(config.docs_dir))
    except glossary_model.GlossaryError as error:
        raise PluginError(
            f"The glossary has {len(error.problems)} problem(s):\n"
            + "\n".join(str(p) for p in error.problems)
        ) from None


def _entries(page, config: MkDocsConfig) -> tuple[str, list[dict[str, Any]]]:
    terms = _state["terms"] or {}
    lang = page_language(page, config)
    if lang not in terms:
        lang = default_language(config)
    return lang, terms.get(lang, [])


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:glossary" not in markdown:
        return markdown
    lang, entries = _entries(page, config)
    html = render_list(entries, lang, template_env(config), page.file.src_uri)
    return kb_markers.replace(markdown, keeping(lambda m: html if m.name == "glossary" else None))


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    _, entries = _entries(page, config)
    titles = {name: tooltip(term) for term in entries for name in [term["term"], *term["aliases"]]}
    return wrap_terms(html, titles)
