"""What the news hooks share: labels, the feed's address, and an update as a template sees it.

Not a hook itself: hooks/steps/render_news.py, hooks/steps/render_facts.py (a page's change history) and
hooks/steps/output/write_feeds.py use it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from kb import languages as kb_languages
from kb import markers as kb_markers
from kb import news_model
from steps.page_data import STRINGS_DIR, Linker, format_date, in_language
from steps.site_language import current_language, default_language

__all__ = ["feed_path", "feed_url", "first_outside_fences", "labels", "root", "tags", "view"]

STRINGS = STRINGS_DIR / "news_strings.yml"


def labels(lang: str) -> dict:
    """The labels of hooks/news_strings.yml in one language (the default language's where it
    has none)."""
    return in_language(STRINGS.name, lang, kb_languages.default())


def root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def feed_path(config: MkDocsConfig, lang: str | None = None) -> str:
    """Where the Atom feed of a language lives under the site root: feed.xml, en/feed.xml."""
    lang = lang or current_language(config)
    return ("" if lang == default_language(config) else f"{lang}/") + "feed.xml"


def feed_url(page, config: MkDocsConfig) -> str:
    """The feed of the page's language, relative to the page (works under a sub-path and file://)."""
    return get_relative_url(feed_path(config), page.url or "index.html")


def tags(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """Tag -> its label in ``lang``."""
    found, _ = news_model.load_tags(root(config), Path(config.docs_dir))
    return {key: value[lang] for key, value in found.items()}


def view(u: news_model.Update, link: Linker, lang: str, labels_: dict[str, str]) -> dict:
    """One update as the templates use it."""
    return {
        "title": u.meta["title"],
        "summary": u.meta["summary"],
        "date": u.date,
        "date_text": format_date(u.date, lang),
        "url": link(u.base),
        "lang": u.page.lang,
        "tags": [{"id": tag, "label": labels_.get(tag, tag)} for tag in u.meta.get("topics", [])],
    }


def first_outside_fences(markdown: str, pattern: re.Pattern) -> re.Match | None:
    """The first match of ``pattern`` that is not inside a code fence (offsets as in
    ``markdown``)."""
    return pattern.search(kb_markers.mask_code(markdown, keep_offsets=True))
