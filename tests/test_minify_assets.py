"""Our scripts and style sheets are served without comments and indentation (hooks/steps/output/minify_assets.py),
and lose nothing else: every line of code stays whole and the scripts still parse."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rjsmin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb.asset_bundle import Bundle, bundle_page, join_css, join_js  # noqa: E402
from steps.output.minify_assets import minify_css, minify_html, minify_js  # noqa: E402

SCRIPTS = sorted((ROOT / "overrides/assets/javascripts").glob("*.js"))
SHEETS = sorted((ROOT / "overrides/assets/stylesheets").glob("*.css"))


def parses(code: str) -> None:
    """Node (installed by `make setup-test`) reads the script without a syntax error."""
    node = shutil.which("node")
    assert node, "node is missing: run make setup-test"
    check = subprocess.run([node, "--check"], input=code, text=True, capture_output=True)
    assert check.returncode == 0, check.stderr


def test_comments_and_white_space_go_strings_and_patterns_stay() -> None:
    code = """/* A block
     * comment */
(function () {
  "use strict";
  // a line comment
  var url = "http://example.org/*x*/"; // a comment after code
  var re = /a\\/\\/b/;
  return url;
})();
"""
    small = minify_js(code)
    assert "comment" not in small
    assert '"http://example.org/*x*/"' in small and "/a\\/\\/b/" in small
    assert small == (
        '(function(){"use strict";var url="http://example.org/*x*/";var re=/a\\/\\/b/;'
        "return url;})();\n"
    )
    parses(small)


def test_a_template_literal_keeps_its_indentation() -> None:
    code = "var a = `one\n   two`;\n"
    assert minify_js(code) == code


def test_css_loses_comments_and_indentation() -> None:
    css = "/* note */\n.a {\n  color: red; /* why */\n}\n\n@media print {\n  .b { content: 'x'; }\n}\n"
    assert minify_css(css) == ".a {\ncolor: red;\n}\n@media print {\n.b { content: 'x'; }\n}\n"
    tricky = '.a::before { content: "/* not a comment */"; }\n'
    assert minify_css(tricky) == tricky


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_every_script_still_parses(path: Path) -> None:
    """Each of our scripts, minified, still parses; what it does is what the browser tests see
    (every page of the suite runs the minified scripts)."""
    source = path.read_text(encoding="utf-8")
    small = minify_js(source)
    parses(small)
    assert len(small) <= len(source)
    # minify_js leaves a script with a template literal as it is; a backquote in a comment alone
    # must not cost every reader the minified script (navigator.js was served whole for that).
    code_only = rjsmin.jsmin(source, keep_bang_comments=False)
    assert "`" not in source or "`" in code_only, f"{path.name}: a ` in a comment keeps it whole"


@pytest.mark.parametrize("path", SHEETS, ids=[p.name for p in SHEETS])
def test_our_style_sheets_keep_every_rule(path: Path) -> None:
    """Without comments and whitespace, the style sheet is the same text."""
    source = path.read_text(encoding="utf-8")
    small = minify_css(source)
    assert "".join(re.sub(r"/\*.*?\*/", "", source, flags=re.S).split()) == "".join(small.split())


def test_pages_lose_indentation_but_not_preformatted_text() -> None:
    """minify_html: indentation and blank lines go; pre, textarea, script and style keep every
    character (inline scripts keep their CSP hashes)."""
    html = (
        "<main>\n    <p>one\n\n      two</p>\n  <pre><code>  a\n    b</code></pre>\n"
        "  <textarea>\n  t</textarea>\n  <script>\n  var a = 1;\n</script>\n"
        "  <style>\n  p { color: red; }\n</style>\n</main>\n"
    )
    assert minify_html(html) == (
        "<main>\n<p>one\ntwo</p>\n<pre><code>  a\n    b</code></pre>\n"
        "<textarea>\n  t</textarea>\n<script>\n  var a = 1;\n</script>\n"
        "<style>\n  p { color: red; }\n</style>\n</main>\n"
    )


def test_a_page_loads_each_bundle_once_where_its_first_member_was() -> None:
    """bundle_page: the members' tags go, one tag for the bundle comes where the first member
    was (with its attributes); a page without the first member is left as it is."""
    page = (
        '<head><link rel="stylesheet" href="../assets/a.css">\n'
        '<link rel="stylesheet" href="../assets/b.css">\n'
        '<script src="../assets/late.js" defer></script>\n</head>\n'
        '<body><script src="../assets/bundle.min.js"></script>\n'
        '<script src="../assets/one.js"></script>\n<script src="../assets/two.js"></script>\n'
        "</body>"
    )
    bundles = [
        Bundle("assets/all.css", ("assets/a.css", "assets/b.css")),
        Bundle("assets/all.js", ("assets/one.js", "assets/two.js", "assets/late.js")),
    ]
    assert bundle_page(page, bundles) == (
        '<head><link rel="stylesheet" href="../assets/all.css">\n</head>\n'
        '<body><script src="../assets/bundle.min.js"></script>\n'
        '<script src="../assets/all.js"></script>\n</body>'
    )
    assert bundle_page("<p>no scripts</p>", bundles) == "<p>no scripts</p>"
    absolute = '<script src="/assets/one.js"></script><script src="/assets/two.js"></script>'
    assert bundle_page(absolute, bundles) == '<script src="/assets/all.js"></script>'


def test_joined_scripts_run_as_apart() -> None:
    """join_js: a script that starts "use strict" keeps its strictness to itself, and each
    script's last statement ends before the next script starts (checked with Node if installed)."""
    strict = '/* vendored */\n"use strict";(()=>{undeclared = 1})()'
    sloppy = "var loose = 1\n"
    joined = join_js([strict, sloppy, "(function () { window.last = loose; })()"])
    assert joined.startswith('(function () {\n/* vendored */\n"use strict";')
    assert joined.count("\n;\n") == 2
    node = shutil.which("node")
    if node:
        check = subprocess.run([node, "--check"], input=joined, text=True, capture_output=True)
        assert check.returncode == 0, check.stderr


def test_joined_style_sheets_keep_their_order() -> None:
    assert join_css([".a { color: red; }\n\n", "@media print { .b { x: y; } }"]) == (
        ".a { color: red; }\n@media print { .b { x: y; } }\n"
    )


def test_every_built_page_is_small_and_loads_each_joined_file_once(built_site: Path) -> None:
    """Every page of the built site, those minified as MkDocs wrote them and those (the 404
    pages) minified after the build: no indented or blank line outside preformatted text, each
    style sheet and script it loads is in the site, and the joined files replace their members
    (one style sheet of Material's, one of ours, one of our scripts)."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10 and any(p.name == "404.html" for p in pages)
    loads = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
    for page in pages:
        html = page.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "x", html, flags=re.S | re.I)
        assert not re.search(r"\n[ \t]*\n|\n[ \t]+\S", outside), page
        if "<html" not in html or 'http-equiv="refresh"' in html:
            continue
        files = [src for src in loads.findall(html) if "://" not in src]
        for src in files:
            base = built_site if src.startswith("/") else page.parent
            assert (base / src.lstrip("/")).resolve().is_file(), (page, src)
        names = [src.rsplit("/", 1)[-1] for src in files]
        assert names.count("site.css") == 1 and names.count("site.js") == 1, (page, names)
        assert not [n for n in names if n.startswith("palette.") or n == "portal.css"], page
