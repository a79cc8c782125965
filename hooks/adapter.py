"""The MkDocs adapter: the one hook file mkdocs.yml names, and the order of the build's steps.

MkDocs calls a hook's ``on_<event>`` functions; the portal's steps are plain functions in the
step modules, named for what they do. This module is where they meet: ``STEPS[event]`` is the
ordered list of the steps MkDocs runs at that event, and ``PLACES[event]`` is where that list
runs among the plugins' own handlers of the same event (MkDocs runs an event's handlers by
falling priority; at equal priority plugins come before hooks). A new step is one line in one
list (CONTRIBUTING.md, "Add a build step"); no step module defines an ``on_*`` function or an
``event_priority``, so the lists below are the only order there is (``tests/test_adapter.py``).

Why one hook file is enough. The plugins that have handlers of the steps' events are
mkdocs-static-i18n (1.3.1: ``on_config`` -100, ``on_files`` -100, ``on_nav`` -100, ``on_env``
0, ``on_template_context`` 50, ``on_page_markdown`` 50, ``on_page_context`` 50, ``on_post_page``
-100, ``on_post_build`` -100, which also runs the build of every other language, all events
again, from inside the default language's ``on_post_build``) and Material's search (``on_config``,
``on_page_context``, ``on_post_build``, all 0) and offline (``on_config`` 0, ``on_post_build``
-100). Every step of one event can run on the same side of each of those handlers, so each event
needs one group, and a module can hold one handler per event. If a step ever had to run before a
plugin's handler and another step of the same event after it, that event would get two groups
(MkDocs' ``CombinedEvent`` registers two handlers of one event from one module, each at its own
priority) and a second row in ``PLACES``. The updates step (``render_news``) used to run before
i18n's ``on_page_markdown`` only because its number was higher than the fact boxes'; that
handler only translates admonition titles (this site sets none) and joins the lines again, so it
runs with the other Markdown steps, after it.

Another hook file with a subset of the steps (a test's tiny site, the plain build of
``scripts/bench_build.py``) is ``globals().update(adapter.hooks(adapter.only(module, …)))``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from mkdocs.plugins import event_priority

from steps import (
    branding,
    fix_language_links,
    judge_pages,
    keep_html,
    order_nav,
    polish_headings,
    render_calendar,
    render_charts,
    render_facts,
    render_glossary,
    render_news,
    render_quizzes,
    render_signals,
    render_tables,
    site_language,
    template_cache,
    validate_content,
)
from steps.output import (
    lang_sitemaps,
    minify_assets,
    offline_copy,
    purge_css,
    split_search_index,
    write_feeds,
)

__all__ = ["PLACES", "STEPS", "Place", "hooks", "only"]

Step = tuple[str, Callable[..., Any]]

# The order of the build: per MkDocs event, its steps in the order they run.
STEPS: dict[str, list[Step]] = {
    "config": [
        ("languages", site_language.use_languages),
        ("heading links", polish_headings.use_heading_links),  # in this build's language
        ("branding", branding.configure),
        ("quiz script", render_quizzes.add_loader),
        ("search labels apart", split_search_index.space_labels),
        ("glossary script", render_glossary.add_script),
        ("glossary in the body", render_glossary.use_extension),
        ("purge start", purge_css.start),
    ],
    "pre_build": [
        ("check", validate_content.check),  # every content problem, before anything is written
        ("read quizzes", render_quizzes.load),
        ("read figures", render_charts.load),
        ("read glossary", render_glossary.load),
        ("search reads cheaply", split_search_index.read_pages_cheaply),  # after search's config
        ("minify start", minify_assets.start),
    ],
    "env": [
        ("404 globals", lang_sitemaps.not_found_globals),
        ("compiled templates", template_cache.share_compiled),  # once per process, not language
        ("judged", judge_pages.stop),  # every page rendered, none written: fail on any problem
        ("colour sheet", branding.write_colour_sheet),  # before any page: a joined file's part
    ],
    "nav": [
        ("menu", order_nav.order),  # sections in order, long sections in groups
    ],
    "page_read_source": [
        ("source read once", validate_content.page_source),  # the portal's parse, for MkDocs
    ],
    "page_markdown": [
        ("fields read once", validate_content.page_fields),  # before any step reads page.meta
        ("glossary of the page", render_glossary.use_page_terms),  # before any box is made
        ("updates", render_news.render_markers),  # its "published on" line before the fact box
        ("view", render_facts.place_view),
        ("contact", branding.contact_markers),
        ("calendar", render_calendar.render_markers),
        ("signals", render_signals.render_markers),
        ("tables", render_tables.render_markers),
        ("quiz", render_quizzes.place_quizzes),
        ("charts", render_charts.render_markers),
        ("glossary list", render_glossary.render_markers),
        ("keep boxes out", keep_html.take_out),  # after every step that writes HTML boxes
    ],
    "page_content": [
        ("judge body", judge_pages.judge_body),  # MkDocs' render of the editor's body, as is
        ("boxes back", keep_html.put_back),  # before every step that reads the page's HTML
        ("judge", judge_pages.judge_published),  # after every step that changes the HTML
    ],
    "page_context": [
        ("report link", branding.report_link),
        ("offline copy", offline_copy.saved_text),
        ("feed link", write_feeds.feed_link),
        ("search page", split_search_index.remember_page),
        ("language links", fix_language_links.fix_alternates),
        ("fallback notice", render_facts.fallback_notice),  # placed by overrides/main.html
    ],
    "post_page": [
        ("search per language", split_search_index.point_at_index),
        ("purge usage", purge_css.note_usage),
        ("minify page", minify_assets.minify_page),  # after every step that changes the page
    ],
    "pre_template": [
        ("404 language links", lang_sitemaps.not_found_language_links),
    ],
    "post_template": [
        ("404 per language", lang_sitemaps.keep_not_found_page),
    ],
    "post_build": [
        ("search index split", split_search_index.split),
        ("feeds", write_feeds.write),
        ("calendar files", render_calendar.write_calendars),
        ("sitemaps and 404s", lang_sitemaps.write),  # before purge, which reads the 404 pages
        ("purged sheets", purge_css.write_sheets),  # reads our scripts' words before minify
        ("print words", site_language.write_print_words),
        ("quiz strings", render_quizzes.write_strings),
        ("minify", minify_assets.minify),  # last: the scripts with their texts filled in
    ],
}


@dataclass(frozen=True)
class Place:
    """Where an event's steps run among the plugins' handlers of that event."""

    priority: int  # MkDocs' event priority of the steps' handler
    after: tuple[str, ...]  # the plugins whose handler runs first; every other one runs after
    why: str


# The one table of priorities: relative to the plugins above (tests/test_adapter.py checks
# ``after`` against the order MkDocs really runs, for mkdocs.yml).
PLACES: dict[str, Place] = {
    "config": Place(
        50,
        (),
        "before i18n (-100) copies the site's names into each language's settings: the "
        "languages reach kb.languages and branding's names are set before that (search and "
        "offline, 0, read neither)",
    ),
    "pre_build": Place(0, (), "no plugin has this event"),
    "env": Place(
        -50,
        ("i18n",),
        "after i18n (0), as before the adapter; neither reads what the other adds (i18n a Jinja "
        "extension, the step the 404 page's globals)",
    ),
    "nav": Place(-150, ("i18n",), "after i18n (-100) has built this language's menu"),
    "page_markdown": Place(
        0,
        ("i18n",),
        "after i18n (50), which only translates admonition titles; the boxes the steps write "
        "are then untouched until Markdown",
    ),
    "page_read_source": Place(0, (), "no plugin has this event"),
    "page_content": Place(0, (), "no plugin has this event"),
    "page_context": Place(
        -50,
        ("i18n", "material/search"),
        "after i18n (50) has written the page's language links, which the last step fixes, "
        "and after search (0) has read the page",
    ),
    "post_page": Place(0, (), "before i18n (-100), which only hands the page to with-pdf"),
    "pre_template": Place(0, (), "no plugin has this event"),
    "post_template": Place(0, (), "no plugin has this event"),
    "post_build": Place(
        -150,
        ("material/search", "i18n", "material/offline"),
        "after i18n (-100) has built every other language and offline (-100) has written the "
        "search index as a script: the steps finish the whole site once",
    ),
}


def _handler(event: str, steps: Sequence[Step]) -> Callable[..., Any]:
    """One MkDocs handler that runs ``steps`` in order, passing the event's item along as MkDocs
    passes it from one handler to the next (a step that returns None keeps it). An event without
    an item (``page_read_source``) returns what the last step that returned something returned,
    as MkDocs does."""

    def run(*item: Any, **context: Any) -> Any:
        returned = None
        for _name, step in steps:
            result = step(*item, **context)
            if result is not None:
                item, returned = (result,) if item else item, result
        return item[0] if item else returned

    run.__name__ = run.__qualname__ = f"on_{event}"
    return event_priority(PLACES[event].priority)(run)


def hooks(steps: Mapping[str, Sequence[Step]]) -> dict[str, Callable[..., Any]]:
    """The ``on_<event>`` functions of a hook module that runs ``steps``, each at its place."""
    return {f"on_{event}": _handler(event, list(named)) for event, named in steps.items() if named}


def only(*modules: ModuleType) -> dict[str, list[Step]]:
    """The steps of ``modules`` alone, in the build's order (a tiny site that needs a few)."""
    names = {module.__name__ for module in modules}
    return {
        event: [(name, step) for name, step in named if step.__module__ in names]
        for event, named in STEPS.items()
    }


globals().update(hooks(STEPS))
