"""Heading permalinks: none on the page title, and a label in the page's language.

Python-Markdown's toc extension takes one ``permalink_title`` for the whole site and also adds
a "¶" link to the h1, which screen readers then read as part of the page title.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

from site_language import current_language

LABELS = {"nl": "Link naar deze sectie", "en": "Link to this section"}
_H1_LINK = re.compile(r'(<h1[^>]*>.*?)<a class="headerlink"[^>]*>.*?</a>(</h1>)', re.S)
_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="[^"]*"')


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    html = _H1_LINK.sub(r"\1\2", html)
    label = LABELS.get(current_language(config), LABELS["nl"])
    return _TITLE.sub(rf'\1 title="{label}" aria-label="{label}"', html)
