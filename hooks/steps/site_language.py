"""Which language is being built: a thin reader of the mkdocs-static-i18n plugin's state.

The i18n plugin runs the whole build once per language (Dutch first, then English from inside
its ``on_post_build``). Hooks ask this module which language is current instead of reading the
plugin's attributes themselves, so that a later change of i18n machinery touches one file.

Its step ``use_languages`` (the first of all, hooks/adapter.py) hands the plugin's ``languages:``
settings to the one registry of languages, ``kb.languages``, before any check or page reads it:
a build of another mkdocs.yml (a fixture site in French) gets that file's languages.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import languages as kb_languages

__all__ = ["current_language", "default_language", "is_nested_build", "languages", "use_languages"]


def _plugin(config: MkDocsConfig):
    return config.plugins.get("i18n")


def default_language(config: MkDocsConfig) -> str:
    """The language at the site root ("nl")."""
    plugin = _plugin(config)
    return plugin.default_language if plugin else config.theme["language"]


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now."""
    plugin = _plugin(config)
    if plugin is None or plugin.current_language is None:
        return default_language(config)
    return plugin.current_language


def languages(config: MkDocsConfig) -> list[str]:
    """All built languages, default first."""
    plugin = _plugin(config)
    return list(plugin.build_languages) if plugin else [default_language(config)]


def is_nested_build(config: MkDocsConfig) -> bool:
    """True while the i18n plugin builds a non-default language inside the first build."""
    plugin = _plugin(config)
    return bool(plugin and plugin.building)


def use_languages(config: MkDocsConfig) -> MkDocsConfig:
    """The languages of this build, from the i18n plugin's settings, in the registry."""
    plugin = _plugin(config)
    if plugin is not None:
        kb_languages.use(plugin.config["languages"])
    else:
        kb_languages.use([{"locale": config.theme["language"], "default": True}])
    return config


PRINT_JS = "assets/javascripts/print.js"
PRINT_SLOT = "var WORDS = {}; // kb:print-words"


def print_words() -> dict[str, dict[str, str]]:
    """What print.js writes on every printed sheet, per language (hooks/content_strings.yml)."""
    from steps.page_data import labels  # page_data reads the current language from here

    return {
        lang: {"printed": labels(lang)["printed_on"], "sheet": labels(lang)["print_sheet"]}
        for lang in kb_languages.codes()
    }


def write_print_words(config: MkDocsConfig) -> None:
    """The printed sheets' words into the site's print.js (each language's build writes the
    theme's copy again, so only after the last)."""
    from steps.page_data import fill_script  # page_data reads the current language from here

    if is_nested_build(config):
        return
    words = json.dumps(print_words(), ensure_ascii=False)
    try:
        fill_script(config.site_dir, PRINT_JS, PRINT_SLOT, f"var WORDS = {words};")
    except ValueError as error:
        raise PluginError(str(error)) from None
