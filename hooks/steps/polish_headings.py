"""Heading permalinks: none on the page title, a label in the page's language, and on a training
session also for the headings the hooks write (goals, read before, programme, exercises,
reflection, the quiz), which then join the page contents like a Markdown heading.

Python-Markdown's toc extension takes one ``permalink_title`` for the whole site and also adds
a "¶" link to the h1, which screen readers then read as part of the page title. It never sees
the hooks' boxes (they pass Markdown as finished HTML, hooks/steps/keep_html.py), so their headings
had no link and were missing from Material's page contents (issue 26, point 5). Their ids stay
the language-neutral ``kb-…`` ones, so the language switch keeps the reader's place; a heading
without an id (an exercise's title) gets one made as Markdown makes it, and its link, but stays
out of the page contents: its section is there, and each entry costs every first load of the
page twice (the menu and the sidebar; the heaviest quiz page is at the 70 kB limit, issue 16).
"""

from __future__ import annotations

import html as html_lib
import re

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import get_toc

from steps.page_data import labels, record_for
from steps.site_language import current_language

# Kinds whose hook-made headings get links and join the page contents (the others keep their
# boxes out of it for now: each entry adds to every first load of that kind).
LINKED_KINDS = {"training-session"}
# Kinds whose hook-made sections (headings with an id: the calendar's upcoming and past
# meetings, the updates by year) join the page contents as they are, so that a phone's menu lists
# them (tests/test_menu.py); their HTML is not changed.
LISTED_KINDS = {"page"}
_H1_LINK = re.compile(r'(<h1[^>]*>.*?)<a class="headerlink"[^>]*>.*?</a>(</h1>)', re.S)
_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="[^"]*"')
_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _all_ids(toc) -> dict[str, str]:
    """id -> title of every entry of a page's contents, at every level."""
    found: dict[str, str] = {}
    for item in toc:
        found[item.id] = item.title
        found.update(_all_ids(item.children))
    return found


def link_headings(html: str, page, links: bool = True) -> str:
    """Give every h2-h6 an id and a heading link, and make the page contents list every section
    in the order the page shows them (Markdown's entries keep their titles). With ``links``
    off, the HTML stays as it is and only the headings that have an id join the contents."""
    ids = set(_ID.findall(html))
    titles = _all_ids(page.toc)
    tokens = []

    def heading(match: re.Match[str]) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        found = _ID.search(attrs)
        text = _TAG.sub("", _LINK.sub("", inner)).strip()
        if found:
            anchor = html_lib.unescape(found.group(1))
        elif not links:
            return match.group(0)
        elif level > 1:
            anchor = unique(slugify(html_lib.unescape(text), "-"), ids)
            attrs += f' id="{html_lib.escape(anchor)}"'
        else:
            return match.group(0)
        if links and level > 1 and "headerlink" not in inner:
            inner += f'<a class="headerlink" href="#{html_lib.escape(anchor)}" title="">&para;</a>'
        if found or level == 2:  # a hook's h3 (an exercise) only gets its link, see above
            tokens.append({"level": level, "id": anchor, "name": titles.get(anchor, text)})
        return f"<h{level}{attrs}>{inner}</h{level}>"

    linked = _HEADING.sub(heading, html)
    page.toc = get_toc(nest_toc_tokens(tokens))
    return linked if links else html


def polish(html: str, page, config: MkDocsConfig, files) -> str:
    record = record_for(page, config)
    if record is not None and record.kind in LINKED_KINDS | LISTED_KINDS:
        html = link_headings(html, page, links=record.kind in LINKED_KINDS)
    html = _H1_LINK.sub(r"\1\2", html)
    label = labels(current_language(config))["section_link"]
    return _TITLE.sub(rf'\1 title="{label}" aria-label="{label}"', html)
