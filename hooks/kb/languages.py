"""The portal's languages, declared once: mkdocs.yml's i18n plugin settings.

Every other module asks this registry which languages there are, which one is the default (the
one at the site root, whose pages have no language suffix), how a page's file name says its
language (``x.md`` for the default, ``x.en.md``, ``x.fr.md`` for the others) and which way each
language is written. A new language is a new entry under ``plugins: - i18n: languages:`` (and its
strings and content), not a change of code.

Pure: no MkDocs import. The build hands the generator's settings to ``use`` (hooks/steps/site_language.py);
scripts and tests get the project's own mkdocs.yml, or pass a path or a plain list themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "EDITORS",
    "RTL_CODES",
    "Language",
    "codes",
    "default",
    "english_name",
    "from_config",
    "from_file",
    "from_settings",
    "get",
    "others",
    "page_language",
    "partner_path",
    "project",
    "translation_path",
    "url_prefixes",
    "use",
]

PROJECT_FILE = Path(__file__).resolve().parents[2] / "mkdocs.yml"
# Written right to left unless the language's settings say otherwise (``theme: {direction: …}``,
# the setting Material itself reads): Arabic, Aramaic, Dhivehi, Persian, Hebrew, Kurdish (Sorani),
# Pashto, Sindhi, Uyghur, Urdu, Yiddish.
RTL_CODES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
# Editors' messages are in English, whatever languages the portal has: they name a language by
# its English name where it is known, else by the name mkdocs.yml gives it, and a kind by its
# label in ``EDITORS``.
EDITORS = "en"
ENGLISH_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "nl": "Dutch",
    "pl": "Polish",
    "ro": "Romanian",
    "tr": "Turkish",
    "uk": "Ukrainian",
}


@dataclass(frozen=True)
class Language:
    """One language of the portal as mkdocs.yml declares it."""

    code: str
    name: str
    default: bool = False
    dir: str = "ltr"

    @property
    def suffix(self) -> str:
        """What a page's file name ends with before ``.md``: "" for the default, ".en" else."""
        return "" if self.default else f".{self.code}"


Languages = tuple[Language, ...]


def _direction(entry: Mapping[str, Any], code: str) -> str:
    theme = entry.get("theme") or {}
    said = theme.get("direction") if isinstance(theme, Mapping) else None
    if said in {"ltr", "rtl"}:
        return said
    return "rtl" if code.split("-")[0].split("_")[0].lower() in RTL_CODES else "ltr"


def from_settings(entries: Iterable[Mapping[str, Any]]) -> Languages:
    """The languages from the i18n plugin's ``languages:`` list (``locale``, ``name``,
    ``default``, ``build``, optional ``theme: {direction}``), default first. A language with
    ``build: false`` (or the plugin's ``null`` switcher entry) is not part of the portal; without
    a default, the first language is the default, as the plugin does."""
    built = [e for e in entries if e.get("build", True) and e.get("locale") not in (None, "null")]
    if not built:
        raise ValueError("mkdocs.yml declares no language to build (plugins: - i18n: languages:)")
    first = next((e for e in built if e.get("default")), built[0])
    ordered = [first, *(e for e in built if e is not first)]
    return tuple(
        Language(
            code=str(e["locale"]),
            name=str(e.get("name") or e["locale"]),
            default=e is first,
            dir=_direction(e, str(e["locale"])),
        )
        for e in ordered
    )


def from_config(config: Mapping[str, Any]) -> Languages:
    """The languages from a whole mkdocs.yml as data (``plugins`` as the file writes it: a list
    of names or ``{name: settings}``)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, Mapping) and isinstance(plugin.get("i18n"), Mapping):
            return from_settings(plugin["i18n"].get("languages") or [])
    raise ValueError("mkdocs.yml has no i18n plugin with languages (plugins: - i18n: languages:)")


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags (``!ENV``, ``!!python/name``) read as plain values: the languages
    never use them."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_AnyTagLoader.add_multi_constructor("!", _untagged)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


@lru_cache(maxsize=8)
def from_file(path: Path | str) -> Languages:
    """The languages declared in the mkdocs.yml at ``path``."""
    text = Path(path).read_text(encoding="utf-8")
    return from_config(yaml.load(text, Loader=_AnyTagLoader) or {})


_active: Languages | None = None


def use(languages: Languages | Iterable[Mapping[str, Any]] | None) -> None:
    """Make ``languages`` the portal's languages for this process (the build calls it with the
    generator's settings); ``None`` goes back to the project's mkdocs.yml."""
    global _active
    if languages is None:
        _active = None
        return
    items = tuple(languages)
    _active = items if all(isinstance(i, Language) for i in items) else from_settings(items)


def project() -> Languages:
    """The portal's languages: those the build set with ``use``, else the project's mkdocs.yml."""
    return _active if _active is not None else from_file(PROJECT_FILE)


def _given(languages: Languages | None) -> Languages:
    return project() if languages is None else languages


def codes(languages: Languages | None = None) -> tuple[str, ...]:
    """Every language's code, default first: ("nl", "en")."""
    return tuple(lang.code for lang in _given(languages))


def default(languages: Languages | None = None) -> str:
    """The default language's code: the language at the site root."""
    return _given(languages)[0].code


def others(languages: Languages | None = None) -> tuple[str, ...]:
    """The codes of every language but the default: the translations."""
    return codes(languages)[1:]


def url_prefixes(languages: Languages | None = None) -> dict[str, str]:
    """Language code -> where its pages are under the site root: "" for the default, "en/"."""
    return {lang.code: "" if lang.default else f"{lang.code}/" for lang in _given(languages)}


def english_name(code: str, languages: Languages | None = None) -> str:
    """The language's name in an editor's (English) message: "Dutch", "French"."""
    found = get(code, languages)
    return ENGLISH_NAMES.get(code) or (found.name if found else code)


def get(code: str, languages: Languages | None = None) -> Language | None:
    return next((lang for lang in _given(languages) if lang.code == code), None)


def _suffix_re(languages: Languages) -> re.Pattern[str]:
    """The pattern of a translation's file name ending, for ``languages``. Asked for every page
    name many times a build, nearly always for the same languages object: that one is kept by
    identity, before the cache by value (which hashes every language, field by field)."""
    if _last_suffix[0] is not languages:
        _last_suffix[:] = [languages, _suffix_pattern(languages)]
    return _last_suffix[1]


_last_suffix: list = [None, None]


@lru_cache(maxsize=8)
def _suffix_pattern(languages: Languages) -> re.Pattern[str]:
    names = "|".join(re.escape(lang.code) for lang in languages if not lang.default)
    return re.compile(rf"\.({names})\.md$") if names else re.compile(r"(?!x)x")


def page_language(src: str, languages: Languages | None = None) -> str:
    """The language of a page from its file name: ``x.fr.md`` is French when French is a
    language of the portal; any other ``x.md`` is in the default language."""
    langs = _given(languages)
    found = _suffix_re(langs).search(src)
    return found.group(1) if found else langs[0].code


def translation_path(src: str, lang: str, languages: Languages | None = None) -> str:
    """The file of the page ``src`` in ``lang``: statuses/ibo.md -> statuses/ibo.fr.md."""
    langs = _given(languages)
    found = _suffix_re(langs).search(src)
    stem = src[: found.start()] if found else src.removesuffix(".md")
    target = get(lang, langs)
    return f"{stem}{target.suffix if target else '.' + lang}.md"


def partner_path(src: str, languages: Languages | None = None) -> str:
    """A translation's default-language page, or the default page's first translation
    (statuses/ibo.en.md <-> statuses/ibo.md with nl and en): the two pages of a bilingual portal."""
    langs = _given(languages)
    lang = page_language(src, langs)
    if lang != langs[0].code or len(langs) < 2:
        return translation_path(src, langs[0].code, langs)
    return translation_path(src, langs[1].code, langs)
