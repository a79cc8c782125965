"""Updates of the knowledge network, rendered from the `news` pages (hooks/kb/news_model.py).

Markers, each on its own line in a page body:
  <!-- kb:news -->     every update, newest first, with a topic filter (hidden without
                       JavaScript: then every update shows) and, past ``extra.news_per_year``
                       updates, grouped by year with a list of years on top
  <!-- kb:news 3 -->   the latest three, with a link to the updates page (the home page)
An update's own page gets its author, topics, the pages it changes and its refresher quizzes
(its own `refresher:`, and every quiz whose `update:` names it).
The change history of the pages that updates name is a block of their view (hooks/kb/views.py,
placed by hooks/steps/render_facts.py). The HTML lives
in overrides/hooks/render_news.html.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import languages as kb_languages
from kb import markers as kb_markers
from kb import news_model
from steps.news_view import feed_url, first_outside_fences, labels, tags, view
from steps.page_data import Linker, keeping, portal_for, record_for, render_macro, site_for
from steps.site_language import current_language

TEMPLATE = "hooks/render_news.html"
SCRIPT = "assets/javascripts/filter.js"
UPDATES_PAGE = "news/index.md"
SEARCH_BOOST = (
    0.5  # Material's document boost for updates and the updates page (scripts/bench_search.py)
)
H1 = re.compile(r"^# .*$", re.M)


def _marker(marker: kb_markers.Marker, page, config: MkDocsConfig, files) -> str | None:
    if marker.name != "news":
        return None
    lang, link = current_language(config), Linker(page, files, config)
    names = tags(config, lang)
    items = [view(u, link, lang, names) for u in news_model.updates(site_for(config), lang)]
    t = labels(lang)
    if marker.arg:  # the latest few
        more = link(UPDATES_PAGE) or ""
        return render_macro(
            config,
            TEMPLATE,
            "latest",
            linker=link,
            items=items[: int(marker.arg)],
            t=t,
            more=more,
            feed=feed_url(page, config),
        )
    per_year = int(config.extra.get("news_per_year", 20))
    if len(items) > per_year:
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(item["date"][:4], []).append(item)
        grouped = list(groups.items())
    else:
        grouped = [("", items)]
    used = sorted({tag["id"] for item in items for tag in item["tags"]})
    return render_macro(
        config,
        TEMPLATE,
        "updates",
        linker=link,
        groups=grouped,
        t=t,
        tags=[{"id": tag, "label": names.get(tag, tag)} for tag in used],
        feed=feed_url(page, config),
        script=get_relative_url(SCRIPT, page.url),
        total=len(items),
    )


_quiz_cache: dict[int, tuple[dict, dict]] = {}


def _quiz_index(config: MkDocsConfig, site) -> tuple[dict, dict]:
    """Every quiz and the page that shows it, read once per build (the site is cached per build)."""
    if id(site) not in _quiz_cache:
        _quiz_cache.clear()
        _quiz_cache[id(site)] = (portal_for(config).quizzes(), portal_for(config).quiz_hosts())
    return _quiz_cache[id(site)]


def _update_meta(rec, page, config: MkDocsConfig, files) -> str:
    """Author, topics, changed pages and refresher quiz of an update's own page."""
    lang, link, site = current_language(config), Linker(page, files, config), site_for(config)
    names = tags(config, lang)
    changes = []
    for target in rec.meta.get("changes") or []:
        shown = site.by_slug(site.pages[target].kind, site.pages[target].slug, lang)
        shown = shown if shown and shown.base == target else site.pages[target]
        changes.append({"title": shown.meta.get("title", target), "url": link(target)})
    quizzes, hosts = _quiz_index(config, site)
    refreshers = [
        {
            "url": link(hosts[quiz_id], f"kb-quiz-{quiz_id}"),
            "title": quizzes[quiz_id]["title"].get(lang)
            or quizzes[quiz_id]["title"][kb_languages.default()],
        }
        for quiz_id in news_model.refreshers(site.pages[rec.base], quizzes)
        if quiz_id in hosts
    ]
    return render_macro(
        config,
        TEMPLATE,
        "meta",
        linker=link,
        author=rec.meta.get("author", ""),
        tags=[{"id": tag, "label": names.get(tag, tag)} for tag in rec.meta.get("topics", [])],
        changes=changes,
        quizzes=refreshers,
        t=labels(lang),
    )


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:news" in markdown:
        markdown = kb_markers.replace(
            markdown,
            keeping(lambda m: _marker(m, page, config, files)),
        )
    rec = record_for(page, config)
    if rec is not None and (news_model.is_update(rec) or rec.base == UPDATES_PAGE):
        # An update repeats what its status page explains: in search it comes after that page.
        page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOST)
    if rec is not None and news_model.is_update(rec):
        h1 = first_outside_fences(markdown, H1)
        at = h1.end() if h1 else 0
        block = _update_meta(rec, page, config, files)
        markdown = f"{markdown[:at]}\n\n{block}\n\n{markdown[at:]}"
    return markdown
