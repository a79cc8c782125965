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
A page is minified and pointed at the joined files below as MkDocs writes it (``minify_page``, the
last ``post_page`` step; reading and writing every page again after the build was about 1.8 s of
CPU at x10); the few files MkDocs writes without page events (the 404 pages) after the build.

Then the files every page loads are joined (``kb.asset_bundle``; about 0.25 KiB of headers per
request saved): Material's two purged style sheets in one, ours (``extra_css``) in
``site.css``, the polyfills in ``polyfills.js`` and the scripts after Material's bundle
(``extra_javascript`` and the language switch's) in ``site.js``; every page is pointed at them.
A page's own scripts (filters, quiz progress) and quiz.js stay apart.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb.asset_bundle import Bundle, bundle_page, join_css, join_js
from steps.output import purge_css
from steps.site_language import is_nested_build

__all__ = ["bundles", "minify_css", "minify_html", "minify_js", "minify_page", "start"]

# The site-wide scripts that do not come from extra_javascript: the language switch's (loaded by
# overrides/partials/alternate.html on every page).
LANG_SWITCH = "assets/javascripts/lang-switch.js"

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Elements whose text is kept exactly: preformatted text, form text, inline code and styles.
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
# A line break with the indentation and blank lines after it; one that has neither is left
# alone (replacing it by itself would cost a match per line: most lines of a page).
_INDENT = re.compile(r"\n(?=[ \t\n])[ \t]*(?:\n[ \t]*)*")


def minify_js(code: str) -> str:
    """``code`` without comments and without the white space that JavaScript does not need, by
    rJSmin (a small, long-kept minifier: it knows strings, regular expressions and where a line
    break ends a statement; names stay as they are, so a browser's error still names our
    functions). About a tenth fewer bytes after gzip than removing whole-line comments and
    indentation only, on every page (issue 26: the quiz pages were at the 70 kB limit). A script
    with a template literal is kept as it is: its line breaks and indentation may be text."""
    if "`" in code:
        return code
    return rjsmin.jsmin(code, keep_bang_comments=False) + "\n"


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


def bundles(config: MkDocsConfig) -> list[Bundle]:
    """Our site-wide files, joined per place in the page (kb.asset_bundle): the style sheets
    (extra_css), the polyfills (extra.polyfills, before Material's bundle) and the scripts after
    Material's bundle (extra_javascript, and the language switch's)."""
    return [
        Bundle("assets/stylesheets/site.css", tuple(str(css) for css in config.extra_css)),
        Bundle(
            "assets/javascripts/polyfills.js",
            tuple(str(js) for js in config.extra.get("polyfills") or []),
        ),
        Bundle(
            "assets/javascripts/site.js",
            (*(str(js) for js in config.extra_javascript), LANG_SWITCH),
        ),
    ]


def _material_sheets(config: MkDocsConfig) -> list[Bundle]:
    """Material's two style sheets in one, under the main sheet's purged name
    (``main.<hash>.<inputs>.min.css``, which ``purge_css`` points every page at and writes after
    the build): the name still changes with everything either is made from, so a cached copy is
    never stale. Known from Material's own sheets, which MkDocs copies before any page."""
    site = Path(config.site_dir)
    found = {  # main.<hash>.min.css, not a purged one
        kind: [
            p for p in site.glob(f"assets/stylesheets/{kind}.*.min.css") if p.name.count(".") == 3
        ]
        for kind in ("main", "palette")
    }
    if len(found["main"]) != 1 or len(found["palette"]) != 1:
        return []
    first, second = (
        purge_css.with_purged_sheets(found[kind][0].relative_to(site).as_posix())
        for kind in ("main", "palette")
    )
    return [Bundle(first, (first, second))]


def _plan(config: MkDocsConfig) -> list[Bundle]:
    """The joined files of this site, each with its members that are in the site (MkDocs copies
    the theme's and our files before it writes a page; the colour sheet is written before the
    pages, the purged sheets after the build): what the pages are pointed at as they are
    written, and what ``_write_bundles`` writes after the build. Made once per build."""
    root = str(config.site_dir)
    if root not in _plans:
        site, planned = Path(root), _material_sheets(config)
        for bundle in bundles(config):
            members = tuple(m for m in bundle.members if (site / m).is_file())
            if len(members) >= 2:
                planned.append(Bundle(bundle.path, members))
        _plans[root] = planned
    return _plans[root]


_pages_done: dict[str, set[str]] = {}  # the site's folder -> the pages minified when written
_plans: dict[str, list[Bundle]] = {}  # the site's folder -> its joined files (``_plan``)


def start(config: MkDocsConfig) -> None:
    """Forget the pages of a build that stopped before its end (``mkdocs serve`` builds again)."""
    if not is_nested_build(config):
        _pages_done.pop(str(config.site_dir), None)
        _plans.pop(str(config.site_dir), None)


def minify_page(output: str, page, config: MkDocsConfig) -> str:
    """The page as it is written: joined files (``bundle_page``) and no indentation
    (``minify_html``), as ``minify`` would make it after the build, without reading and writing
    every page a second time."""
    done = _pages_done.setdefault(str(config.site_dir), set())
    done.add(os.path.normpath(page.file.abs_dest_path))
    return minify_html(bundle_page(output, _plan(config)))


def _write_bundles(config: MkDocsConfig) -> list[Bundle]:
    """Write each joined file of the plan (``_plan``); the files themselves stay (scripts/pdf.py
    reads the style sheets one by one). A member missing now would leave the pages pointed at a
    file that is not written: the build stops, naming the cause."""
    site, plan = Path(config.site_dir), _plan(config)
    for bundle in plan:
        if missing := [m for m in bundle.members if not (site / m).is_file()]:
            raise PluginError(
                f"The joined file {bundle.path} cannot be written: {', '.join(missing)} is not "
                "in the site, and its pages point at it. Report this: a step of the build "
                "removed or did not write a file after the pages were written."
            )
        texts = [(site / m).read_text(encoding="utf-8") for m in bundle.members]
        joined = join_css(texts) if bundle.is_css else join_js(texts)
        (site / bundle.path).write_text(joined, encoding="utf-8")
    return plan


def minify(config: MkDocsConfig) -> None:
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
    joined = _write_bundles(config)
    root = str(config.site_dir)
    done = _pages_done.pop(root, set())
    _plans.pop(root, None)
    for path in Path(root).rglob("*.html"):
        if os.path.normpath(path) in done:
            continue  # minified when it was written (minify_page)
        text = path.read_text(encoding="utf-8")
        small = minify_html(bundle_page(text, joined))
        if small != text:
            path.write_text(small, encoding="utf-8")
