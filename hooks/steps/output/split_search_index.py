"""Search per language: each language gets its own index, stemmed words, and names that find each other.

Why. mkdocs-static-i18n writes ONE index for both languages (``search/search_index.json``, and
``search/search_index.js`` for file://), and Material loads it from ``config.base``. An English
reader then gets Dutch pages, and the other way round. This hook, after every language is built:

1. **Splits the index.** Dutch (the default) stays at ``search/``; each other language gets
   ``<lang>/search/`` with its locations made relative to ``<lang>/``, as ``.json`` and (when the
   ``offline`` plugin is on) as the ``.js`` that file:// uses. A fallback page (a Dutch page shown
   under /en/ because it has no translation) is left out of the English index.
   Each English page's ``__config`` gets ``base: <base_url>/en/``: Material reads the index,
   resolves result links and fetches the sitemap from ``base``, so English pages load
   ``en/search/…`` and their links stay right at a domain root, under a sub-path and from file://.
   The language switcher does not use ``base`` for the default language (checked in 9.8.1).

2. **Stems words without breaking whole-word queries.** Material appends ``*`` to every query
   term and lunr skips the pipeline for wildcard terms, so a stemmed index alone makes
   ``opleiding`` miss ``opleid``. Choice: stem on BOTH sides, in Material's own worker.
   The index config asks for ``pipeline: [stopWordFilter, stemmer]``; the small script
   ``overrides/assets/javascripts/search_stemming.js`` is appended to a copy of Material's search
   worker (the pages' ``__config.search`` points at that copy). It makes the index keep every
   word AND its stem (so prefixes of whole words still match while one types), and stems each
   ``term*`` of a query before the prefix match (so ``opleidingen`` finds ``opleiding``). Dutch
   uses lunr-languages' Snowball stemmer, English lunr's Porter stemmer: the browser's own.

3. **Makes names find each other.** A field ``keywords`` (boost like a title) holds a page's
   ``abbreviation``, ``full_name`` and ``aliases``; a page that replaced another
   (``replaced_by`` on the old one) also gets the old page's names, so "artikel 60" finds
   tijdelijke werkervaring. A field ``glossary`` (boost like text) holds, for each abbreviation
   from ``content/_data/glossary.yml`` that a section uses, its full name (and the other way
   round), so "beroepsinlevingsstage" finds a page that only says "BIS". Every glossary term is
   also its own result, linked to its entry on the glossary page. A field ``partner`` (boost
   100) holds, on a page of another language, the title and names of its Dutch page: English
   pages use Dutch words ("leefloon", "Oekraïense"), and "Oekraïne" finds "Temporary protection
   (Ukraine)" (issue 26).

4. **Reads pages cheaply.** At ``pre_build`` (after Material's ``on_config`` has made the
   index, in every language's build) the index's ``add_entry_from_context`` becomes
   ``kb.search_sections.add_entries``: Material's entries byte for byte, at a fraction of the
   cost (the largest single cost of the build over a plain one; numbers in that module). Not
   when Material segments Chinese with jieba (not installed here): then Material's own runs.

The tokeniser separates on spaces, hyphens, punctuation and HTML entities (``SEPARATOR``), so
"(IBO)" and "IBO," are the word "ibo". ``scripts/bench_search.py`` rebuilds the same indexes
with Python's lunr to measure relevance; ``tests/test_search_language.py`` checks the browser.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import types
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from material.plugins.search import plugin as material_search
from material.plugins.search.plugin import Parser as MaterialSearchParser
from mkdocs.config.defaults import MkDocsConfig

from kb import glossary_model, search_sections
from kb.search_index_model import FULL_PATH, head_index, space_blocks
from steps.page_data import portal_for, record_for
from steps.site_language import current_language, default_language, is_nested_build, languages

__all__ = ["FIELDS", "INDEX_PATH", "PIPELINE", "SEPARATOR"]

# Spaces, hyphens, punctuation that sticks to words, HTML entities; a dot only when no digit follows.
SEPARATOR = r"[\s\-,;:!?()\[\]{}\"“”„«»/|]+|\.(?!\d)|&[a-z]+;|&#x?[0-9a-f]+;"
PIPELINE = ["stopWordFilter", "stemmer"]
FIELDS = {
    "title": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1000000.0},
    "keywords": {"boost": 1000.0},
    "glossary": {"boost": 1.0},
    "partner": {"boost": 100.0},
}
INDEX_PATH = "search/search_index.json"
STEMMING_JS = (
    Path(__file__).resolve().parents[3] / "overrides/assets/javascripts/search_stemming.js"
)
_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)
_WORKER = re.compile(r"search\.([0-9a-f]+)\.min\.js$")


def space_labels(config: MkDocsConfig) -> MkDocsConfig:
    """Labels and values apart in the index (``<dt>Soort</dt><dd>Werk</dd>``: "Soort: Werk")."""
    space_blocks(MaterialSearchParser)
    return config


def _add_entries(index: material_search.SearchIndex, page) -> None:
    search_sections.add_entries(index.entries, page)


def read_pages_cheaply(config: MkDocsConfig) -> None:
    """Material's search index takes each page's entries from ``kb.search_sections``."""
    if material_search.jieba is not None:
        return  # Material segments Chinese words; search_sections does not
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(plugin, material_search.SearchPlugin) and index is not None:
            index.add_entry_from_context = types.MethodType(_add_entries, index)


@dataclass
class _Page:
    """What the index needs to know about one built page."""

    translated: bool
    title: str = ""
    names: list[str] = field(default_factory=list)
    replaced_by: str | None = None


_pages: dict[str, dict[str, _Page]] = {}  # language -> location (from the site root) -> page


def _as_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)] if value not in (None, "") else []


def remember_page(context, page, config: MkDocsConfig, nav):
    """Remember each page's names and whether it is written in the language being built."""
    lang = current_language(config)
    rec = record_for(page, config)  # the portal's front matter (kb.portal), read once per build
    meta = (rec.meta if rec is not None else page.meta) or {}
    names = _as_list(meta.get("abbreviation")) + _as_list(meta.get("full_name"))
    names += _as_list(meta.get("aliases"))
    _pages.setdefault(lang, {})[page.url] = _Page(
        translated=getattr(page.file, "locale", lang) == lang,
        title=str(meta.get("title") or page.title or ""),
        names=names,
        replaced_by=str(successor)
        if (successor := meta.get("replaced_by") or meta.get("mostly_replaced_by"))
        else None,
    )
    return context


@lru_cache(maxsize=8)
def _worker_name(material_worker: str) -> str:
    """The name of Material's worker with our stemming appended (changes when either changes)."""
    digest = hashlib.sha256(STEMMING_JS.read_bytes()).hexdigest()[:8]
    return _WORKER.sub(lambda m: f"search.{m.group(1)}.{digest}.min.js", material_worker)


def _json_for_script(data: dict) -> str:
    """JSON safe inside a <script> element, as Jinja's tojson writes it."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


def point_at_index(output: str, page, config: MkDocsConfig) -> str:
    """Point the page at its language's index (``base``) and at the stemming worker (``search``)."""
    match = _CONFIG_SCRIPT.search(output)
    if not match:
        return output
    data = json.loads(match.group(2))
    lang = current_language(config)
    if lang != default_language(config) and page.url.startswith(f"{lang}/"):
        data["base"] = f"{data['base'].rstrip('/')}/{lang}/"
    if isinstance(data.get("search"), str):
        data["search"] = _worker_name(data["search"])
    return output[: match.start(2)] + _json_for_script(data) + output[match.end(2) :]


def _language_of(location: str, others: list[str]) -> str | None:
    head = location.split("/", 1)[0]
    return head if head in others else None


def _whole_words(phrases, case: bool) -> re.Pattern | None:
    """Any of the phrases as a whole word; abbreviations keep their capitals (AI is not "ai")."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", 0 if case else re.I)


def _found(words: re.Pattern, text: str) -> list[str]:
    """``words.findall(text)`` (a ``_whole_words`` pattern), searched from the first place where
    one of its phrases is (no match starts before it; the check before a phrase still reads the
    text before that place). Most entries hold no abbreviation, and the engine finds a phrase
    ten times faster without the check in front, which keeps it from skipping ahead (0.02 ->
    0.002 s a language at x1). Not for the phrases without their capitals: with ``re.I`` the
    search for a phrase is the slower one."""
    first = _anywhere(words).search(text)
    return words.findall(text, first.start()) if first else []


@lru_cache(maxsize=8)
def _anywhere(words: re.Pattern) -> re.Pattern:
    """The phrases of ``words`` alone, wherever they are."""
    return re.compile(words.pattern.removeprefix(r"(?<![\w-])"), words.flags)


# Characters whose case ``re.IGNORECASE`` matches exactly as ``str.lower`` makes it: Latin-1
# (less the micro sign, which it also matches to Greek mu), the typographic punctuation and the
# euro sign (no case at all). In a text of these alone, a case-blind search for phrases in lower
# case finds what a case-sensitive search finds in the text in lower case (one character for
# one, no other equivalence, the same word signs), three times faster.
_CASE_PLAIN = re.compile("[\x00-\xb4\xb6-\xff\u2010-\u205f\u20ac]*")


def _found_any_case(words: re.Pattern, text: str) -> list[str]:
    """``words.findall(text)`` for a ``_whole_words(…, case=False)`` pattern of phrases in lower
    case; a match in lower case where the text and the phrases are ``_CASE_PLAIN`` (the caller
    looks each up by ``casefold()``, which is the same for both)."""
    lowered = _lower_case(words)
    if lowered is None or not _CASE_PLAIN.fullmatch(text):
        return words.findall(text)
    return lowered.findall(text.lower())


@lru_cache(maxsize=8)
def _lower_case(words: re.Pattern) -> re.Pattern | None:
    """``words`` without ``re.IGNORECASE``, for text in lower case; None when a phrase is not
    ``_CASE_PLAIN`` or not in lower case already."""
    phrases = re.sub(r"\\.", "", words.pattern)  # the escaped signs say nothing about case
    if not _CASE_PLAIN.fullmatch(phrases) or phrases != phrases.lower():
        return None
    return re.compile(words.pattern, words.flags & ~re.IGNORECASE)


def _glossary(config: MkDocsConfig) -> dict[str, list[dict]]:
    """Glossary terms per language, in the file's order, from the glossary model (the build has
    checked the file before; a glossary with mistakes fails it there)."""
    try:
        terms = portal_for(config).glossary(in_file_order=True)
    except glossary_model.GlossaryError:
        return {}
    return {lang: terms.get(lang, []) for lang in languages(config)}


def _glossary_page(pages: dict[str, _Page], prefix: str) -> str | None:
    location = f"{prefix}woordenlijst.html"
    return location if location in pages else None


def _language_index(
    docs: list[dict],
    lang: str,
    prefix: str,
    pages: dict[str, _Page],
    terms: list[dict],
    base_config: dict,
    partners: dict[str, _Page] | None = None,
) -> dict:
    """The index of one language: its own pages only, with keywords, glossary names and terms,
    and (``partners``: the default language's pages, by location without the prefix) the title
    and names of the page in the default language."""
    keywords: dict[str, list[str]] = {loc: list(p.names) for loc, p in pages.items()}
    for location, info in pages.items():
        if info.replaced_by:
            target = posixpath.join(posixpath.dirname(location), f"{info.replaced_by}.html")
            keywords.setdefault(target, []).extend([info.title, *info.names])
    by_abbreviation = {w: t for t in terms for w in (t["term"], *t["aliases"])}
    by_name = {t["name"].casefold(): t for t in terms}
    abbreviations = _whole_words(by_abbreviation, case=True)
    names = _whole_words(by_name, case=False)

    out = []
    for entry in docs:
        location = entry["location"]
        page_location = location.split("#", 1)[0]
        info = pages.get(page_location)
        if info is not None and not info.translated:
            continue  # a fallback page: its text is in another language
        entry = dict(entry, location=location[len(prefix) :])
        if location == page_location and keywords.get(page_location):
            entry["keywords"] = " · ".join(dict.fromkeys(keywords[page_location]))
        partner = (partners or {}).get(page_location[len(prefix) :])
        if location == page_location and partner and partner.translated:
            entry["partner"] = " · ".join(dict.fromkeys([partner.title, *partner.names]))
        haystack = f"{entry.get('title', '')} {entry.get('text', '')}"
        matched = (
            [by_abbreviation[m] for m in _found(abbreviations, haystack)] if abbreviations else []
        )
        if names:  # (a case-blind match such as "ſ" for "s" has no entry: it was not written so)
            found_names = (m.casefold() for m in _found_any_case(names, haystack))
            matched += [by_name[name] for name in found_names if name in by_name]
        found = [w for t in matched for w in (t["term"], t["name"])]
        if found:
            entry["glossary"] = " · ".join(dict.fromkeys(found))
        out.append(entry)

    glossary_page = _glossary_page(pages, prefix)
    if glossary_page:
        for term in terms:
            out.append(
                {
                    "location": f"{glossary_page[len(prefix) :]}#{term['anchor']}",
                    "title": f"{term['term']}: {term['name']}",
                    "text": term["explanation"],
                    "keywords": " · ".join(term["aliases"]),
                    "standalone": True,  # ranked as a result of its own (search_stemming.js)
                }
            )
    config = dict(base_config, lang=[lang], separator=SEPARATOR, pipeline=PIPELINE, fields=FIELDS)
    return {"config": config, "docs": out}


def _write(site: Path, folder: str, index: dict, with_script: bool) -> None:
    """The head index where Material looks for it, the full one beside it (search_index_model)."""
    for path, data, variable in (
        (INDEX_PATH, head_index(index), "__index"),  # Material reads `__index` from file://
        (FULL_PATH, index, "__kbFullIndex"),  # search-gate.js reads this one
    ):
        target = site / folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if with_script:  # what the offline plugin writes for file://
            target.with_suffix(".js").write_text(f"var {variable} = {text}", encoding="utf-8")


def _write_worker(site: Path) -> None:
    """Material's search worker + our stemming, under the name that point_at_index gave the pages."""
    for worker in (site / "assets/javascripts/workers").glob("search.*.min.js"):
        if not _WORKER.search(worker.name):
            continue
        code = worker.read_text(encoding="utf-8")
        stemming = STEMMING_JS.read_text(encoding="utf-8")
        (worker.parent / _worker_name(worker.name)).write_text(
            f"{code}\n{stemming}", encoding="utf-8"
        )


def split(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    site = Path(config.site_dir)
    combined = site / INDEX_PATH
    if not combined.exists():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    with_script = combined.with_suffix(".js").exists()
    default = default_language(config)
    others = [lang for lang in languages(config) if lang != default]
    glossary = _glossary(config)
    by_lang: dict[str, list[dict]] = {lang: [] for lang in [default, *others]}
    for entry in index["docs"]:
        by_lang[_language_of(entry["location"], others) or default].append(entry)
    for lang, docs in by_lang.items():
        prefix = "" if lang == default else f"{lang}/"
        pages = {loc: p for loc, p in _pages.get(lang, {}).items() if loc.startswith(prefix)}
        partners = _pages.get(default, {}) if lang != default else None
        result = _language_index(
            docs, lang, prefix, pages, glossary.get(lang, []), index["config"], partners
        )
        _write(site, prefix, result, with_script)
    _write_worker(site)
    _pages.clear()
