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


def _material_sheets(site: Path) -> list[Bundle]:
    """Material's two style sheets as purge_css wrote them (``main.<hash>.<inputs>.min.css``, and
    the same for ``palette``) in one, under the main sheet's name: the name still changes with
    everything either is made from, so a cached copy is never stale."""
    main = sorted(site.glob("assets/stylesheets/main.*.*.min.css"))
    palette = sorted(site.glob("assets/stylesheets/palette.*.*.min.css"))
    if len(main) != 1 or len(palette) != 1:
        return []
    first = main[0].relative_to(site).as_posix()
    return [Bundle(first, (first, palette[0].relative_to(site).as_posix()))]


def _planned_bundles(config: MkDocsConfig) -> list[Bundle]:
    """The bundles ``_write_bundles`` will write after the build, known while pages are written:
    MkDocs copies the theme's and our files into the site before it writes a page, and the purged
    Material sheets get the names that ``purge_css`` points every page at (written after the
    build, one for each of Material's sheets that is in the site)."""
    site, planned = Path(config.site_dir), []
    sheets = {
        kind: sorted(site.glob(f"assets/stylesheets/{kind}.*.min.css"))
        for kind in ("main", "palette")
    }
    originals = {
        kind: [p for p in found if p.name.count(".") == 3]  # main.<hash>.min.css
        for kind, found in sheets.items()
    }
    if len(originals["main"]) == 1 and len(originals["palette"]) == 1:
        first, second = (
            purge_css.with_purged_sheets(originals[kind][0].relative_to(site).as_posix())
            for kind in ("main", "palette")
        )
        planned.append(Bundle(first, (first, second)))
    for bundle in bundles(config):
        members = tuple(m for m in bundle.members if (site / m).is_file())
        if len(members) >= 2:
            planned.append(Bundle(bundle.path, members))
    return planned


_pages_done: dict[str, set[str]] = {}  # the site's folder -> the pages minified when written
_plans: dict[str, list[Bundle]] = {}  # the site's folder -> the bundles planned for its pages


def start(config: MkDocsConfig) -> None:
    """Forget the pages of a build that stopped before its end (``mkdocs serve`` builds again)."""
    if not is_nested_build(config):
        _pages_done.pop(str(config.site_dir), None)
        _plans.pop(str(config.site_dir), None)


def minify_page(output: str, page, config: MkDocsConfig) -> str:
    """The page as it is written: joined files (``bundle_page``) and no indentation
    (``minify_html``), as ``minify`` would make it after the build, without reading and writing
    every page a second time."""
    root = str(Path(config.site_dir))
    plan = _plans.get(root)
    if plan is None:
        plan = _plans[root] = _planned_bundles(config)
    _pages_done.setdefault(root, set()).add(str(Path(page.file.abs_dest_path).resolve()))
    return minify_html(bundle_page(output, plan))


def _write_bundles(config: MkDocsConfig) -> list[Bundle]:
    """Write each bundle of files that are in the site; the files themselves stay (scripts/pdf.py
    reads the style sheets one by one)."""
    site, written = Path(config.site_dir), []
    for bundle in _material_sheets(site) + bundles(config):
        members = tuple(m for m in bundle.members if (site / m).is_file())
        if len(members) < 2:
            continue
        texts = [(site / m).read_text(encoding="utf-8") for m in members]
        joined = join_css(texts) if bundle.is_css else join_js(texts)
        (site / bundle.path).write_text(joined, encoding="utf-8")
        written.append(Bundle(bundle.path, members))
    return written


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
    root = str(Path(config.site_dir))
    done, plan = _pages_done.pop(root, set()), _plans.pop(root, None)
    if plan is not None and plan != joined:
        raise PluginError(
            "The joined files written after the build are not those the pages were pointed at "
            f"when they were written ({plan} / {joined}); report this: a step of the build "
            "changed the site's assets after its pages were written."
        )
    for path in Path(config.site_dir).rglob("*.html"):
        if str(path.resolve()) in done:
            continue  # minified when it was written (minify_page)
        text = path.read_text(encoding="utf-8")
        small = minify_html(bundle_page(text, joined))
        if small != text:
            path.write_text(small, encoding="utf-8")
