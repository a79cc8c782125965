"""Links to portal pages in front-matter and data text become addresses in this build.

An editor may write ``[IBO](statuses/ibo.md#voorwaarden)`` in a fact box, a checklist, a meeting or
a signal: the path is written from content/, to the Dutch file, like ``read_again:``. The text
policy's renderer (kb.text_policy.inline_html) marks such links ``kb-page:…``; here each becomes an
address relative to the page that shows it, in the page's language. The content check has made
sure that every such page and heading exists.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb import text_policy
from steps.page_data import Linker


def resolve_links(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return text_policy.resolve_page_links(html, Linker(page, files))
