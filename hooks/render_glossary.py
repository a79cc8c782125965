"""The glossary on every page: abbreviations explained on hover and keyboard focus, and the list.

- Every page: the terms of ``content/_data/glossary.yml`` become the ``abbr`` extension's glossary
  for that page, in the page's language. Python-Markdown then wraps each term in the text in
  ``<abbr title="full name – explanation">`` (never inside code, link addresses or heading ids).
  The first occurrence of each term on a page gets ``tabindex="0"``, so that a keyboard user can
  reach it; Material's ``content.tooltips`` shows the title on hover and on focus and links it to
  the abbreviation with ``aria-describedby`` for screen readers. This hook also adds
  ``assets/javascripts/glossary.js``, which moves those tooltips into ``<main>`` (axe: region).
- The page with ``<!-- kb:glossary -->`` gets the full list there (``overrides/hooks/render_glossary.html``),
  A-Z, each term with the anchor ``#<term in lower case>`` (woordenlijst.md#ibo).

A broken glossary.yml fails the build once, listing every mistake (hooks/glossary_model.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import glossary_model
from site_language import current_language, default_language

__all__ = ["FocusableAbbrExtension", "tooltip", "render_list", "page_language"]

TEMPLATE = "hooks/render_glossary.html"
SCRIPT = "assets/javascripts/glossary.js"  # keeps Material's tooltips inside <main> (see the file)
MARKER = re.compile(r"^ {0,3}<!--\s*kb:glossary\s*-->\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
NOT_FOCUSABLE_INSIDE = {"a", "button", "summary", "label"}  # already interactive: no nested stop

_state: dict[str, Any] = {"terms": None}


# --- Markdown: focusable abbreviations ----------------------------------------------------------

class _FocusableAbbr(Treeprocessor):
    """Give the first ``abbr`` of each term on a page ``tabindex="0"`` (runs after ``abbr``)."""

    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()

        def walk(el: etree.Element, inside_control: bool) -> None:
            for child in el:
                if child.tag == "abbr" and child.get("title") and not inside_control:
                    text = (child.text or "").strip()
                    if text not in seen:
                        seen.add(text)
                        child.set("tabindex", "0")
                walk(child, inside_control or child.tag in NOT_FOCUSABLE_INSIDE)

        walk(root, False)


class FocusableAbbrExtension(Extension):
    """Registers the tree processor that makes abbreviations reachable with the Tab key."""

    def extendMarkdown(self, md: Markdown) -> None:
        # abbr is 7; toc and MkDocs' anchor collection are 5.
        md.treeprocessors.register(_FocusableAbbr(md), "kb_focusable_abbr", 6)


# --- shaping ------------------------------------------------------------------------------------

def tooltip(term: dict[str, Any]) -> str:
    """The text of an abbreviation's tooltip: full name, then the explanation."""
    return f"{term['name']} – {term['explanation']}"


def page_language(page, config: MkDocsConfig) -> str:
    """The language the page is written in: a Dutch page shown on the English site (no
    translation yet) keeps Dutch explanations, matching its text."""
    locale = getattr(page.file, "locale", None)
    return locale if locale in glossary_model.LANGS else current_language(config)


def render_list(terms: list[dict[str, Any]], lang: str, env) -> str:
    """The whole glossary as one HTML block (no blank lines, so Markdown keeps it whole)."""
    html = env.get_template(TEMPLATE).render(terms=terms, lang=lang)
    return "\n".join(line for line in html.splitlines() if line.strip())


def _replace_marker(markdown: str, html: str) -> str:
    out, fence = [], None
    for line in markdown.split("\n"):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append(line)
        elif opened:
            fence = opened.group(1)
            out.append(line)
        elif MARKER.match(line):
            out.extend(["", html, ""])
        else:
            out.append(line)
    return "\n".join(out)


# --- MkDocs events ------------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, FocusableAbbrExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(FocusableAbbrExtension())
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    try:
        _state["terms"] = glossary_model.load(root)
    except glossary_model.GlossaryError as error:
        raise PluginError(f"The glossary has {len(error.problems)} problem(s):\n"
                          + "\n".join(str(p) for p in error.problems)) from None


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    terms = _state["terms"] or {}
    lang = page_language(page, config)
    if lang not in terms:
        lang = default_language(config)
    entries = terms.get(lang, [])
    glossary = {}
    for term in entries:
        for name in [term["term"], *term["aliases"]]:
            glossary[name] = tooltip(term)
    # A fresh Markdown instance renders each page with these settings: this page's language.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary
    if "kb:glossary" in markdown:
        markdown = _replace_marker(markdown, render_list(entries, lang, config.theme.get_env()))
    return markdown
