"""The last step of every page: its content judged as Chromium will read it, exactly as published.

The content check (hooks/steps/validate_content.py) judges what an editor wrote, before anything is
built. Steps after it change the HTML (the hooks' boxes, the glossary, links, headings), so the
HTML that is published is judged again here, after all of them (kb.text_policy.published_problems,
with Lexbor, as Chromium parses it): nothing that runs script or loads from another host reaches a page, whichever step
let it through. A page that fails stops the build (scripts/build.py keeps the last good site).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import text_policy


def judge(html: str, page, config: MkDocsConfig, files) -> str:
    found = text_policy.published_problems(html)
    if not found:
        return html
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError, UnicodeDecodeError):
        source = ""
    lines = []
    for what, needle in found:
        at = source.find(needle) if needle else -1
        where = f"{rel}:{source.count(chr(10), 0, at) + 1}" if at >= 0 else rel
        lines.append(
            f"{where}: the page as published would hold {what}, which can run script or load "
            "from another host. Fix: remove it from the page; if the page has none, report the "
            "page: a step of the build made it."
        )
    raise PluginError("\n".join(lines) + "\nNothing was built; the last good site is unchanged.")
