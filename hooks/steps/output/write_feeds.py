"""Write an Atom feed of the updates per language (feed.xml, en/feed.xml) and link it from the
<head> of every page.

Why a Jinja template (overrides/hooks/write_feeds.html) and not a feed library: the markup of an
Atom feed is short and fixed, autoescape makes every value safe XML, and the template is easy to
read and change. feedgen, the best-known generator, has an open bug in how it writes `<link>`
elements (see EDITING.md, "The knowledge network"); Material's blog plugin and mkdocs-rss-plugin fail a
--strict build together with mkdocs-static-i18n. The feeds are written once, after the i18n
plugin has built every language, from the content model; the tests read them with feedparser.
Entry ids are `urn:uuid:` names made from the update's path and language: they stay the same
when the site moves to another address. Links are absolute, from `site_url`.

Every text of a feed is in its language, its rights line too: the i18n plugin sets
`config.copyright` per language while it builds that language, and the feeds are written after
the last one, so the line is kept per language while pages are built (on_page_context).
Opened in a browser, a feed reads as a page that says how to follow it (see the template), styled
by overrides/assets/stylesheets/feed.css from the site itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import news_model
from steps.news_view import feed_path, feed_url, labels, root, tags
from steps.page_data import format_date, site_for
from steps.site_language import current_language, default_language, is_nested_build, languages

TEMPLATE = "write_feeds.html"
UPDATES_PAGE = "news/index.md"
STYLE = "assets/stylesheets/feed.css"
_rights: dict[str, str] = {}  # language -> config.copyright while that language was built


def _env(config: MkDocsConfig) -> jinja2.Environment:
    folder = Path(config.theme.custom_dir or root(config) / "overrides") / "hooks"
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,  # every value is escaped: the feed stays valid XML
        keep_trailing_newline=True,
        trim_blocks=False,
    )


def _midnight(date: str) -> str:
    """Midnight of ``date`` in Europe/Brussels, as an RFC 3339 time with its UTC offset."""
    day = dt.datetime.fromisoformat(date).replace(tzinfo=ZoneInfo("Europe/Brussels"))
    return day.isoformat()


def feed(config: MkDocsConfig, lang: str) -> str:
    """The Atom XML of one language."""
    site, t = site_for(config), labels(lang)
    base = (config.site_url or "").rstrip("/") + "/"
    default = default_language(config)
    names = tags(config, lang)
    items = news_model.updates(site, lang)
    here = feed_path(config, lang)
    entries = [
        {
            "id": news_model.entry_id(u.base, lang),
            "title": u.meta["title"],
            "summary": u.meta["summary"],
            "author": u.meta.get("author", ""),
            "published": _midnight(u.date),
            "updated": _midnight(u.updated),
            "link": base + news_model.page_url(u.base, lang, default),
            "page": get_relative_url(news_model.page_url(u.base, lang, default), here),
            "date": u.date,
            "date_text": format_date(u.date, lang),
            "lang": u.page.lang,
            "tags": [{"id": tag, "label": names.get(tag, tag)} for tag in u.meta.get("topics", [])],
        }
        for u in items
    ]
    head = {
        "lang": lang,
        "id": news_model.entry_id("feed.xml", lang),
        "title": t["feed_title"],
        "subtitle": t["feed_subtitle"],
        "updated": _midnight(news_model.feed_updated(items)),
        "self": base + here,
        "alternate": base + news_model.page_url(UPDATES_PAGE, lang, default),
        "author": t["feed_title"].split(":")[0],
        "rights": _rights.get(lang, config.copyright or ""),
        "style": get_relative_url(STYLE, here),
        "about": {
            "title": t["feed_about_title"],
            "text": t["feed_about"],
            "how": t["feed_about_how"],
            "site": get_relative_url(news_model.page_url(UPDATES_PAGE, lang, default), here),
            "site_text": t["feed_about_site"],
            "read": t["feed_read"],
        },
    }
    return _env(config).get_template(TEMPLATE).render(feed=head, entries=entries)


def feed_link(context, page, config: MkDocsConfig, nav):
    """Every page links the feed of its language in its <head> (overrides/main.html)."""
    lang = current_language(config)
    _rights[lang] = config.copyright or ""
    context["kb_feed"] = {"href": feed_url(page, config), "title": labels(lang)["feed_head"]}
    return context


def write(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    for lang in languages(config):
        path = Path(config.site_dir) / feed_path(config, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(feed(config, lang), encoding="utf-8")
