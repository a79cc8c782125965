"""The change history of a page: the (at most five) newest updates that name it under ``changes``,
as "What changed?" before its sources, and "Last changed on" next to "Last checked on".

Runs after hooks/render_facts.py, which writes the sources and "last checked on"; the HTML lives
in overrides/hooks/render_news.html.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb import news_model
from news_view import first_outside_fences, labels, tags, view
from page_data import Linker, flat, record_for, render_macro, site_for
from site_language import current_language

TEMPLATE = "hooks/render_news.html"
REVIEWED = re.compile(r'<p class="kb-reviewed">.*?</p>')
SOURCES = re.compile(r'^<section class="kb-sources"', re.M)
QUIZ = re.compile(r"^<!--\s*kb:quiz\b.*$", re.M)
SHOWN = 5  # the newest updates; the news page lists them all (a page stays the same size)


@event_priority(40)  # after render_facts, which writes "last checked on" and the sources
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    rec = record_for(page, config)
    if rec is None:
        return markdown
    lang, link = current_language(config), Linker(page, files)
    updates = news_model.history(site_for(config), rec.base, lang)
    if not updates:
        return markdown
    items = [view(u, link, lang, tags(config, lang)) for u in updates[:SHOWN]]
    t = labels(lang)
    reviewed = REVIEWED.search(markdown)
    if reviewed:
        changed = flat(render_macro(config, TEMPLATE, "last_changed", u=items[0], t=t))
        markdown = f"{markdown[: reviewed.end()]}\n{changed}{markdown[reviewed.end() :]}"
    section = flat(render_macro(config, TEMPLATE, "history", items=items, t=t))
    sources = first_outside_fences(markdown, SOURCES)
    if sources:  # inside render_facts' finished box (page_data.keep): no blank line in it
        return f"{markdown[: sources.start()]}{section}\n{markdown[sources.start() :]}"
    quiz = first_outside_fences(markdown, QUIZ)
    if quiz:
        return f"{markdown[: quiz.start()]}{section}\n\n{markdown[quiz.start() :]}"
    return f"{markdown.rstrip()}\n\n{section}\n"
