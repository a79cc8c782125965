"""Smaller scripts and style sheets of our own, and smaller pages: comments, indentation and blank
lines left out.

After the build (and after ``purge_css``, which reads the words of our scripts as they are in
``overrides/``), every ``.js`` and ``.css`` file that ``overrides/assets/`` puts in the site is
rewritten without what only a reader of the source needs. Nothing else changes: every line of code
keeps its own line (so the meaning never depends on where a statement ends) and a comment is left
out only when it takes whole lines. The sources in ``overrides/`` keep their comments; a file that
is one line already (``iframe-worker-shim.js``, minified where it came from) is left as it is.
On a quiz page this is about 3.8 KiB gzip of the 70 KB a first load may weigh (README, issue 16).
Every built page (``.html``) loses its indentation and blank lines too (``minify_html``; about
0.5 KiB gzip a page); preformatted text, text areas, scripts and styles keep every character.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from site_language import is_nested_build

__all__ = ["minify_css", "minify_html", "minify_js"]

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Elements whose text is kept exactly: preformatted text, form text, inline code and styles.
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def minify_js(code: str) -> str:
    """``code`` without whole-line comments (``// …`` and ``/* … */`` blocks that start a line and
    end one), indentation and blank lines. A line that holds code keeps all of it, comments too,
    so that strings, regular expressions and template literals never lose a character."""
    if "`" in code:  # a template literal may span lines: its indentation is text
        return code
    out: list[str] = []
    in_comment = False
    for line in code.splitlines():
        text = line.strip()
        if in_comment:
            if "*/" in text:
                in_comment = False
                rest = text.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            continue
        if text.startswith("/*"):
            end = text.find("*/", 2)
            if end < 0:
                in_comment = True
            elif text[end + 2 :].strip():
                out.append(text[end + 2 :].strip())
            continue
        if text and not text.startswith("//"):
            out.append(text)
    return "\n".join(out) + "\n"


def minify_css(css: str) -> str:
    """``css`` without comments, indentation and blank lines (no string of ours holds ``/*``)."""
    if re.search(r"""["'][^"'\n]*/\*""", css):
        return css
    css = _CSS_COMMENT.sub("", css)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip()) + "\n"


def minify_html(html: str) -> str:
    """``html`` without indentation and blank lines: every run of line breaks and the spaces that
    start the next line become one line break, which a browser reads as the same one space.
    ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>`` keep every character (the inline
    scripts keep the hashes of the page's Content-Security-Policy)."""
    parts = _KEEP.split(html)
    out = []
    # split() with two groups yields: text, whole element, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def _own_assets(config: MkDocsConfig) -> list[Path]:
    """The site's copies of the files under overrides/assets/ (scripts and style sheets)."""
    theme_dir = Path(config.theme.custom_dir or "overrides")
    if not theme_dir.is_absolute():
        theme_dir = Path(config.config_file_path).resolve().parent / theme_dir
    site = Path(config.site_dir)
    sources = sorted(theme_dir.glob("assets/**/*"))
    return [
        site / source.relative_to(theme_dir)
        for source in sources
        if source.suffix in (".js", ".css") and source.is_file()
    ]


@event_priority(-220)  # after purge_css (-210), which reads our scripts' words as they are
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    for path in _own_assets(config):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= 1:
            continue
        small = minify_js(text) if path.suffix == ".js" else minify_css(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
    for path in Path(config.site_dir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        small = minify_html(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
