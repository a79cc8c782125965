"""Translations in step: which version of its Dutch page each English page follows, what changed
since, and whether the two languages agree on the facts that no translation may change.

The record lives in the English page's front matter, under ``translation:``, written by
``make translations-ok`` (``stamp``), never guessed from file times or git, so it survives a zip or
a copy. It holds a short hash of every part of the Dutch page that a translator translates: each
front-matter field that is not language-neutral, and each section of the text (by its ``##``
heading; the text above the first one is the opening). When a part's hash differs from the Dutch
page's, the English page is behind, and ``behind`` says which parts. A change that needs no new
translation (a typo) is confirmed with the same command: it stamps the English page again.

Parity (``parity_problems``): numbers, amounts, dates, link targets and markers must be the same
in both languages, part by part; a mistake is a Problem on the English page with the line.

Pure: no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from babel.dates import get_date_format, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from kb import content_model, languages, quiz_model, sources
from kb import markers as kb_markers
from kb.problems import Problem

__all__ = [
    "FIELD",
    "OPENING",
    "Lag",
    "behind",
    "facts",
    "label",
    "parity_problems",
    "parts",
    "quiz_parity_problems",
    "record",
    "record_problems",
    "report",
    "stamp",
]

FIELD = "translation"
# A local edition's record of the base page it replaces (kb.editions): like this module's own
# record, the same in both languages and nothing a translator translates.
REPLACES = "replaces"
OPENING = "#"  # the part key of the text above the first ## heading
# "## Title", "## Title {#id}", "## Title ##": the title is what follows "## "; the end (closing
# hashes, an attribute list) is taken off in Python (_title), so no pattern can backtrack.
SECTION = re.compile(r"^##[ \t]++(\S.*)$")


def _title(raw: str) -> str:
    """A heading's title without trailing spaces, closing hashes and attribute list."""
    title = raw.rstrip(" \t").rstrip("#").rstrip(" \t")
    if title.endswith("}") and "{" in title:
        title = title[: title.rindex("{")].rstrip(" \t")
    return title.rstrip("#").rstrip(" \t") or raw.strip()


HASH_LEN, SOURCE_LEN = 8, 12
NOTE = "# make translations-ok writes this; do not edit it by hand"


# --- the parts of a page -----------------------------------------------------------------------


def _neutral(kind: str) -> set[str]:
    return {key.split(".")[0] for key in content_model.language_neutral_keys(kind)}


def _squash(value: Any) -> Any:
    """``value`` with runs of white space in its texts made one space (a re-wrapped line is no
    change of meaning)."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_squash(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _squash(v) for k, v in value.items()}
    return value if isinstance(value, int | float | bool) or value is None else str(value)


def _hash(value: Any, length: int = HASH_LEN) -> str:
    data = json.dumps(_squash(value), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:length]


def sections(body: str) -> list[tuple[str, int, str]]:
    """(key, first line in the body, text) of the opening and of every ``##`` section; a heading
    used twice gets ``(2)`` after it."""
    code = kb_markers.code_lines(body)
    found: list[tuple[str, int, list[str]]] = [(OPENING, 1, [])]
    seen: dict[str, int] = {}
    for number, line in enumerate(body.split("\n"), 1):
        match = SECTION.match(line) if number not in code else None
        if match:
            key = "## " + _title(match.group(1))
            seen[key] = seen.get(key, 0) + 1
            found.append((key + (f" ({seen[key]})" if seen[key] > 1 else ""), number, []))
        found[-1][2].append(line)
    return [(key, line, "\n".join(text)) for key, line, text in found]


def parts(page: content_model.Page, skip: frozenset[str] | None = None) -> dict[str, str]:
    """The hash of every part a translator translates: fields first, then sections. ``skip``:
    the fields left out (default: the language-neutral ones and the record; a local edition's
    replacement of a page follows every other field too, kb.editions)."""
    neutral = _neutral(page.kind) | {FIELD, REPLACES} if skip is None else skip
    found = {str(k): _hash(v) for k, v in page.meta.items() if str(k) not in neutral}
    found.update({key: _hash(text) for key, _, text in sections(page.body)})
    return found


def source_hash(found: dict[str, str]) -> str:
    return _hash(found, SOURCE_LEN)


def record(page: content_model.Page) -> dict | None:
    """The English page's translation record, when it has a well-formed one."""
    value = page.meta.get(FIELD)
    if not isinstance(value, dict) or not isinstance(value.get("parts"), dict):
        return None
    return value


# --- behind ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lag:
    """What changed in the Dutch page since the English one was stamped: part keys."""

    checked: str
    changed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def labels(self) -> list[str]:
        """Each part as an editor reads it: field 'summary', section 'Voorwaarden' (new), …"""
        return (
            [label(k) for k in self.changed]
            + [f"{label(k)} (new)" for k in self.added]
            + [f"{label(k)} (removed)" for k in self.removed]
        )


def label(key: str) -> str:
    if key == OPENING:
        return "the opening text"
    if key.startswith("## "):
        return f"section '{key[3:]}'"
    return f"field '{key}'"


def behind(site: content_model.Site, page: content_model.Page) -> Lag | None:
    """What changed in the Dutch page since ``page`` (English) was stamped; None when it is in
    step, has no record, or has no Dutch page. Made once per page and site: the build's report
    and the page's view both ask."""
    return site.derived(("translations.behind", page.src), lambda: _behind(site, page))


def _behind(site: content_model.Site, page: content_model.Page) -> Lag | None:
    dutch, rec = site.pages.get(page.base), record(page)
    if page.lang == languages.default() or dutch is None or rec is None:
        return None
    now = site.derived(("translations.parts", dutch.src), lambda: parts(dutch))
    if rec.get("source") == source_hash(now):
        return None
    old = {str(k): str(v) for k, v in rec["parts"].items()}
    changed = tuple(k for k in now if k in old and old[k] != now[k])
    added = tuple(k for k in now if k not in old)
    removed = tuple(k for k in old if k not in now)
    if not (changed or added or removed):
        return None
    return Lag(str(rec.get("checked", "")), changed, added, removed)


def report(site: content_model.Site) -> tuple[list[str], list[str]]:
    """(English pages behind their Dutch page, each with what changed; English pages without a
    record), for ``make translations`` and the build."""
    folder = site.content_dir.name
    late, unrecorded = [], []
    for page in sorted(site.pages.values(), key=lambda p: p.src):
        if page.lang == languages.default() or page.base not in site.pages:
            continue
        if record(page) is None:
            unrecorded.append(f"{folder}/{page.src}")
        elif lag := behind(site, page):
            late.append(
                f"{folder}/{page.src} (follows the Dutch page of {lag.checked}): "
                + ", ".join(lag.labels())
            )
    return late, unrecorded


# --- writing the record ------------------------------------------------------------------------


def _key(key: str) -> str:
    return key if re.fullmatch(r"[a-z_]+", key) else json.dumps(key, ensure_ascii=False)


def block(found: dict[str, str], today: dt.date, name: str = FIELD, note: str = NOTE) -> str:
    """The front-matter lines of a record (under ``name``) for the Dutch parts ``found``."""
    lines = [
        f"{name}:  {note}",
        f'  source: "{source_hash(found)}"',
        f'  checked: "{today.isoformat()}"',
        "  parts:",
    ]
    lines += [f'    {_key(k)}: "{v}"' for k, v in found.items()]
    return "\n".join(lines) + "\n"


_FRONT = re.compile(r"\A(---[ \t]*\r?\n)(.*?\r?\n)(---[ \t]*\r?\n)", re.S)


def record_lines(name: str = FIELD) -> re.Pattern:
    """The lines of a record under ``name`` in a front matter: its key and what is indented."""
    return re.compile(rf"^{name}:.*\n(?:(?:[ \t]+.*|[ \t]*)\n)*", re.M)


def stamp(
    text: str, found: dict[str, str], today: dt.date, name: str = FIELD, note: str = NOTE
) -> str | None:
    """The English page's ``text`` with its record for the Dutch parts ``found`` (under ``name``:
    a local edition's replaced page records its base page the same way); every other line
    stays as it was. None when the text has no front matter."""
    match = _FRONT.match(text)
    if match is None:
        return None
    old = record_lines(name).search(match.group(2))
    if old and f'source: "{source_hash(found)}"' in old.group(0):
        return text  # already follows this version: the date of that check stays
    front = record_lines(name).sub("", match.group(2))
    return (
        f"{match.group(1)}{front}{block(found, today, name, note)}{match.group(3)}"
        f"{text[match.end() :]}"
    )


def record_problems(site: content_model.Site) -> list[Problem]:
    """A record belongs on an English page only (the Dutch page is the source)."""
    return [
        Problem(
            content_model.rel_path(site, page),
            f"a {_source_name()} page has no translation record: it is the source.",
            f"remove '{FIELD}:' and what is indented under it.",
            field=FIELD,
            line=page.field_lines.get(FIELD),
        )
        for page in site.pages.values()
        if page.lang == languages.default() and FIELD in page.meta
    ]


# --- parity: what no translation may change ----------------------------------------------------


@functools.cache
def _months(lang: str) -> tuple[str, ...]:
    """The month names of ``lang``, lower case, January first (CLDR's, through Babel: a third
    language needs no list of its own here)."""
    return tuple(m.lower() for m in get_month_names("wide", locale=lang).values())


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MASK = re.compile(
    r"<!--.*?(?:-->|\Z)"  # markers and comments (an unclosed one runs to the end)
    r"|\]\([^)\n]*+(?:\)|$)"  # link targets (compared as links), at most to the end of a line
    r"|^ {0,3}\[[^\]\n]++\]:.*$"  # reference definitions
    r"|\{[:#.][^{}\n]*+\}"  # attribute lists
    r"|<?https?://[^\s)>]+>?",  # bare addresses
    re.S | re.M,
)
# A language code as a part of an address (/nl/, /EN/, ?lang=nl): an English page may link to the
# English version of the same official text.
_LANGUAGE_PART = re.compile(r"([/=])(?:nl|en|fr|de)(?=[/&#]|$)", re.I)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


@functools.cache
def _month_first(lang: str) -> bool:
    """Whether ``lang`` writes the month before the day ("March 3, 2026"), as its long date
    format in the Unicode CLDR (Babel) says; then a month and a year alone come first too."""
    pattern = get_date_format("long", locale=lang).pattern
    return pattern.find("M") < pattern.find("d")


@functools.cache
def _date_pattern(lang: str) -> re.Pattern:
    names = "|".join(_months(lang))
    if _month_first(lang):
        return re.compile(
            rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({names})|({names})\s+(\d{{1,2}})\b,?)"
            rf"(?:\s+(\d{{4}}))?|\b({names})\s+(\d{{4}})\b",
            re.I,
        )
    return re.compile(
        rf"\b(\d{{1,2}})\s+({names})(?:\s+(\d{{4}}))?|\b({names})\s+(\d{{4}})\b", re.I
    )


def _month(name: str, lang: str) -> int:
    return _months(lang).index(name.lower()) + 1


_DIGIT_OR_LINK = re.compile(r"\d|\]\(|\]:|https?://")
_AUTOLINK = re.compile(r"<(https?://[^\s>]+)>")
_WORD = re.compile(r"\w+")


@functools.cache
def _month_names(langs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name for lang in langs for name in _months(lang))


@functools.cache
def _month_name(langs: tuple[str, ...]) -> re.Pattern:
    """A month name of ``langs`` as a whole word of a lower-case text: the same verdict as
    looking for it among the text's words (``_WORD``), without listing them."""
    names = sorted((n for n in _month_names(langs) if _WORD.fullmatch(n)), key=len, reverse=True)
    if not names:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)")


_DMY = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
_DIGIT = re.compile(r"\d")


def _dates(text: str) -> tuple[set[str], str]:
    """The dates in ``text`` as YYYY-MM-DD (``?`` for a part not written), and the text without
    them (their digits are not numbers of their own). Month names count in both languages: an
    English page cites Dutch titles as they are."""
    found = set()

    def iso(match: re.Match) -> str:
        found.add(match.group(0))
        return " "

    def dmy(match: re.Match) -> str:
        day, month, year = match.groups()
        found.add(f"{year}-{int(month):02d}-{int(day):02d}")
        return " "

    def written(lang: str):
        def replace(match: re.Match) -> str:
            g = match.groups()
            if _month_first(lang) and g[5]:
                day, month, year = None, g[5], g[6]
            elif _month_first(lang):
                day, month, year = (g[0], g[1], g[4]) if g[1] else (g[3], g[2], g[4])
            else:
                day, month, year = (g[0], g[1], g[2]) if g[1] else (None, g[3], g[4])
            month_day = f"{_month(month, lang):02d}" + (f"-{int(day):02d}" if day else "")
            found.add(f"{year or '?'}-{month_day}")
            return " "

        return replace

    # Every date written holds a digit, and a date in numbers a '-' or a '/': a text without
    # them (most) is left as it is without looking.
    if "-" in text:
        text = _ISO.sub(iso, text)
    if "-" in text or "/" in text:
        text = _DMY.sub(dmy, text)
    langs = languages.codes()
    if _DIGIT.search(text) and _month_name(langs).search(text.lower()):
        for lang in langs:
            text = _date_pattern(lang).sub(written(lang), text)
    return found, text


@functools.cache
def _separators(lang: str) -> tuple[str, str]:
    """The thousands and decimal separators of ``lang``."""
    return get_group_symbol(lang), get_decimal_symbol(lang)


@functools.cache
def _grouped(lang: str) -> re.Pattern:
    """A number written with ``lang``'s thousands separator (and maybe its decimal one)."""
    thousands, decimal = _separators(lang)
    return re.compile(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+(?:{re.escape(decimal)}\d+)?")


def _number(token: str, lang: str) -> str:
    """12.500,50 (Dutch) and 12,500.50 (English) both as 12500.5: the separators are the
    language's own (CLDR's, through Babel)."""
    if token.isdecimal():  # most numbers: digits alone, read as Decimal would
        return str(int(token))
    thousands, decimal = _separators(lang)
    if _grouped(lang).fullmatch(token):
        token = token.replace(thousands, "")
    token = token.replace(decimal, ".")
    try:
        value = Decimal(token)
    except InvalidOperation:
        return token
    return format(value.normalize(), "f") if "." in token else str(int(value))


def _may_mask(text: str) -> bool:
    """Whether ``text`` holds what one of _MASK's parts starts with or holds (a comment's '<', a
    link target's '](', a definition's '[', an attribute list's '{', an address's 'http')."""
    return "<" in text or "](" in text or "[" in text or "{" in text or "http" in text


def _link_targets(text: str, base: str) -> set[str]:
    """The link targets in ``text`` (without code): Markdown links and <https://…> addresses."""
    found = {_LANGUAGE_PART.sub(r"\1*", url.rstrip("/")) for url in _AUTOLINK.findall(text)}
    if "](" not in text and "]:" not in text:  # no Markdown link (many texts only have numbers)
        return found
    for match in content_model.LINK.finditer(text):
        url = (match.group(1) or match.group(2)).strip("<>")
        if re.match(r"^[a-z]+:|^//", url):
            found.add(_LANGUAGE_PART.sub(r"\1*", url.rstrip("/")))
        elif url.split("#")[0]:  # a portal page: the anchor is a heading in the reader's language
            found.add(posixpath.normpath(posixpath.join(base, url.split("#")[0])))
    return found


def facts(text: str, lang: str, base: str = "") -> dict[str, set[str]]:
    """The numbers (amounts included), dates and link targets in a text, in a form both
    languages share. ``base`` is the folder that relative links start from."""
    if not _DIGIT_OR_LINK.search(text):  # most titles and many sentences: nothing to compare
        return {"numbers": set(), "dates": set(), "link targets": set()}
    text = kb_markers.mask_code(text)
    links = _link_targets(text, base)
    if not _DIGIT.search(text):  # links alone: every number and date is written with a digit
        return {"numbers": set(), "dates": set(), "link targets": links}
    plain = _MASK.sub(" ", text) if _may_mask(text) else text
    dates, plain = _dates(plain)
    numbers = {_number(t, lang) for t in _NUMBER.findall(plain)}
    return {"numbers": numbers, "dates": dates, "link targets": links}


def _leaves(value: Any, path: tuple = ()) -> dict[tuple, str]:
    """Every text in a front-matter value by its path; a source's address counts as a link."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                out[(*path, key)] = f"[]({item})"
            else:
                out.update(_leaves(item, (*path, key)))
        return out
    if isinstance(value, list):
        out = {}
        for index, item in enumerate(value):
            out.update(_leaves(item, (*path, index)))
        return out
    return {path: str(value)} if isinstance(value, str | int | float) else {}


def _leaf_texts(value: Any, out: list[str]) -> list[str]:
    """The texts of ``_leaves`` in the same order, without their paths (which only a part that
    differs needs)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                out.append(f"[]({item})")
            else:
                _leaf_texts(item, out)
    elif isinstance(value, list):
        for item in value:
            _leaf_texts(item, out)
    elif isinstance(value, str | int | float):
        out.append(str(value))
    return out


def _field(path: tuple) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path)
    )


class _Part(NamedTuple):
    """One part two pages share: its name here and in Dutch, the Dutch text and the translated
    text whole. Lines are only looked up for a part that differs (``nl_line``, ``lines``)."""

    name: str
    nl_name: str
    nl_text: str
    text: str
    nl_line: Callable[[], int | None]
    lines: Callable[[], list[tuple[int | None, str]]]  # the translated texts by line


def _pairs(dutch: content_model.Page, page: content_model.Page) -> Iterator[_Part]:
    """Each part the two pages share: each translated field as a whole (a translation may
    reorder a list), and the sections by their order (the whole text when the two have a
    different number)."""
    neutral = _neutral(page.kind) | {FIELD}
    for key in (k for k in dutch.meta if str(k) not in neutral and k in page.meta):
        yield _Part(
            str(key),
            str(key),
            "\n".join(_leaf_texts(dutch.meta[key], [])),
            "\n".join(_leaf_texts(page.meta[key], [])),
            lambda key=key: dutch.line([key]),
            lambda key=key: (
                [
                    (page.line(list(path)), text)
                    for path, text in _leaves(page.meta[key], (key,)).items()
                ]
                or [(None, "")]
            ),
        )
    nl_parts, en_parts = sections(dutch.body), sections(page.body)
    if len(nl_parts) != len(en_parts):
        nl_parts, en_parts = [(OPENING, 1, dutch.body)], [(OPENING, 1, page.body)]
    for (key, nl_line, nl_text), (en_key, en_line, en_text) in zip(nl_parts, en_parts, strict=True):
        first = page.body_line + en_line - 1
        yield _Part(
            "text" if key == OPENING else f"section '{en_key[3:]}'",
            "text" if key == OPENING else f"section '{key[3:]}'",
            nl_text,
            en_text,
            lambda nl_line=nl_line: dutch.body_line + nl_line - 1,
            lambda first=first, en_text=en_text: [
                (first + n, line) for n, line in enumerate(en_text.split("\n"))
            ],
        )


def _line_of(
    texts: list[tuple[int | None, str]], kind: str, values: set[str], base: str, lang: str
):
    """The line of the first translated text that holds one of ``values`` (the part's first
    line when none does: the value is missing there)."""
    for line, text in texts:
        if values & facts(text, lang, base)[kind]:
            return line
    return texts[0][0]


def _differences(kind: str, nl: set[str], en: set[str]) -> str:
    if nl == en:  # nearly every part: nothing to say
        return ""
    only_nl, only_en = sorted(nl - en), sorted(en - nl)
    said = []
    if only_nl:
        said.append(f"{', '.join(only_nl)} only in {_source_name()}")
    if only_en:
        said.append(f"{', '.join(only_en)} only here")
    return f"the {kind} differ from the {_source_name()} page ({'; '.join(said)})" if said else ""


def parity_problems(site: content_model.Site) -> list[Problem]:
    """Every English page whose numbers, amounts, dates, link targets or markers differ from its
    Dutch page's, part by part, on the line of the English text that differs."""
    problems = []
    for page in site.pages.values():
        dutch = site.pages.get(page.base)
        if page.lang == languages.default() or dutch is None:
            continue
        rel, base = content_model.rel_path(site, page), posixpath.dirname(page.base)
        for part in _pairs(dutch, page):
            nl_facts = facts(part.nl_text, languages.default(), base)
            en_facts = facts(part.text, page.lang, base)
            for kind in nl_facts:
                said = _differences(kind, nl_facts[kind], en_facts[kind])
                if not said:
                    continue
                nl_line = part.nl_line()
                where = f"content/{dutch.src}" + (f":{nl_line}" if nl_line else "")
                extra, texts = en_facts[kind] - nl_facts[kind], part.lines()
                problems.append(
                    Problem(
                        rel,
                        f"{said}, in {part.nl_name} ({where}).",
                        f"write the same {kind} in both languages and correct the one that is "
                        "wrong (write numbers in digits in both).",
                        field=part.name,
                        line=_line_of(texts, kind, extra, base, page.lang)
                        if extra
                        else texts[0][0],
                    )
                )
        problems += _marker_parity(rel, dutch, page)
    return problems


def _marker_parity(rel: str, dutch: content_model.Page, page: content_model.Page) -> list[Problem]:
    nl = [(m.name, m.arg) for m in kb_markers.scan(dutch.body)]
    en_markers = kb_markers.scan(page.body)
    en = [(m.name, m.arg) for m in en_markers]
    if nl == en:
        return []
    first = next(
        (i for i, pair in enumerate(zip(nl, en, strict=False)) if pair[0] != pair[1]),
        min(len(nl), len(en)),
    )
    line = page.body_line + en_markers[first].line - 1 if first < len(en_markers) else None
    shown = lambda ms: ", ".join(f"kb:{n} {a}".strip() for n, a in ms) or "none"  # noqa: E731
    return [
        Problem(
            rel,
            f"the markers differ from the Dutch page (here: {shown(en)}; in content/{dutch.src}: "
            f"{shown(nl)}).",
            "use the same <!-- kb:… --> markers, with the same quiz ids, in the same order in "
            "both languages.",
            field="markers",
            line=line or page.body_line,
        )
    ]


def quiz_parity_problems(root) -> list[Problem]:
    """The same rule inside each quiz: every text written in both languages (``{nl: …, en: …}``,
    a fill-in question's accepted answers too) has the same numbers, dates and link targets.
    A question's id is one for both languages by the file's shape; the pages' quiz markers are
    compared with the other markers."""
    problems = []
    for path in quiz_model.quiz_files(root)[0]:
        rel = f"{quiz_model.QUIZ_DIR}/{path.name}"
        text, unread = sources.read_text(path, rel)
        if text is not None and not unread:
            problems += _quiz_parity(text, rel, languages.project())
    return problems


@functools.lru_cache(maxsize=256)
def _quiz_parity(text: str, rel: str, _languages: languages.Languages) -> tuple[Problem, ...]:
    """One quiz file's parity problems, kept per text, name and languages (all that they
    depend on): ``make check``, a ``mkdocs serve`` rebuild and the tests check quizzes that
    have not changed since the last time."""
    doc, broken = sources.load_yaml(text, rel)
    if doc is None or broken:
        return ()  # the quiz check says why
    problems = []

    def walk(value: Any, where: list) -> None:
        source = languages.default()
        if isinstance(value, dict) and source in value and set(value) & set(languages.others()):
            for lang in (c for c in languages.others() if c in value):
                said_of = _text_differences(_joined(value[source]), _joined(value[lang]), lang)
                problems.extend(
                    Problem(
                        rel,
                        f"{said}.",
                        f"write the same {kind} in both languages and correct the one "
                        "that is wrong (write numbers in digits in both).",
                        field=_quiz_field(doc.data, where),
                        line=doc.line([*where, lang]),
                    )
                    for kind, said in said_of
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, [*where, key])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, [*where, index])

    walk(doc.data, [])
    return tuple(problems)


def _text_differences(source: str, text: str, lang: str) -> list[tuple[str, str]]:
    """(kind, what differs) for each kind of fact in which ``text`` (in ``lang``) differs from
    its source text in the default language."""
    page = f"the {_source_name()} page"
    found = []
    for kind, values in facts(source, languages.default()).items():
        if said := _differences(kind, values, facts(text, lang)[kind]):
            found.append((kind, said.replace(page, f"the {_source_name()} text")))
    return found


def _source_name() -> str:
    """The default language's name in English ("Dutch"): messages say which text is the source."""
    return languages.english_name(languages.default())


def _joined(value: Any) -> str:
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)


def _quiz_field(data: Any, path: list) -> str:
    """questions[vraag-id].explanation: a question named by its id, as the quiz check does."""
    out, node = "", data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            name = item.get("id", step + 1) if isinstance(item, dict) else step + 1
            out += f"[{name}]"
            node = item
        else:
            out += f".{step}" if out else str(step)
            node = node.get(step) if isinstance(node, dict) else None
    return out
