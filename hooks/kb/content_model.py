"""The content model: read every page's front matter, check it against its kind's schema, and
check what no schema can see (cross-references, links, language partners).

Pure Python with no MkDocs import, so that the same checks run from `scripts/check_content.py`,
from the build (hooks/steps/validate_content.py) and from a future generator.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown as md
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from markdown.extensions.toc import slugify

from kb import first_facts, glossary_model, languages, schema_registry, sources, text_policy
from kb import kinds as kind_registry
from kb import markers as kb_markers
from kb.problems import Problem

__all__ = [
    "MARKER_ARGS",
    "SCHEMA_DIR",
    "Page",
    "Site",
    "body_problems",
    "check_site",
    "check_template",
    "load_site",
    "page_language",
    "partner_path",
    "rendered_body_problems",
]

SCHEMA_DIR = schema_registry.SCHEMA_DIR


# No part of a link may run past a bracket or parenthesis: a text with thousands of '[' would
# otherwise be scanned to its end once per '[' (minutes; tests/test_bounded_time.py). A link's
# title may be written in double or single quotes or in parentheses, as Markdown allows.
LINK = re.compile(
    r"(?<!\!)\[[^\][]*+\]\(([^()\s\[\]]++)(?:\s++(?:\"[^\"]*+\"|'[^']*+'|\([^()]*+\)))?\)"
    r"|^ {0,3}\[[^\]\n]++\]:\s*+<?([^\s>]++)>?",  # [label]: target (a reference definition)
    re.M,
)
HEADING = re.compile(r"^#{1,6}[ \t]++(?=\S)(.*)$", re.M)
# An attribute list at the end of a heading that gives it an id: "## Title {#id .class}".
_HEADING_ID = re.compile(r"#([\w-]+)")


def headings(body: str) -> list[tuple[str, str]]:
    """``(title, explicit id or "")`` of each ATX heading in ``body``, as the portal's Markdown
    reads it (closing hashes and an attribute list dropped), in time linear in the text."""
    found = []
    for match in HEADING.finditer(body):
        title = match.group(1).rstrip().rstrip("#").rstrip()
        explicit = ""
        if title.endswith("}"):
            start = title.find("{", title.rfind("}", 0, len(title) - 1) + 1)
            ids = _HEADING_ID.findall(title[start:]) if start > 0 else []
            if ids:
                title, explicit = title[:start].rstrip(), ids[-1]
        found.append((title, explicit))
    return found


# --- pages -------------------------------------------------------------------------------------


@dataclass
class Page:
    """One Markdown file: where it is, its front matter and its body."""

    src: str  # path under content/, e.g. statuses/ibo.en.md
    meta: dict[str, Any]
    body: str
    body_line: int  # line number in the file where the body starts
    field_lines: dict[str, int] = field(default_factory=dict)
    front: Any = field(default=None, repr=False, compare=False)  # kb.sources.YamlDoc

    def line(self, path: list | tuple) -> int | None:
        """The line of a front-matter field or item, e.g. ``["changes", 2]`` (the field's line
        when the item is not found)."""
        if self.front is None:
            return self.field_lines.get(str(path[0])) if path else None
        return self.front.line(path)

    @property
    def kind(self) -> str:
        """The content kind (``page`` if none is given; what the schema check calls unknown when
        it is not text)."""
        kind = self.meta["kind"] if "kind" in self.meta else kind_registry.playing("default")
        return kind if isinstance(kind, str) else repr(kind)

    @property
    def lang(self) -> str:
        return page_language(self.src)

    @property
    def base(self) -> str:
        """The default-language path that every language version shares, e.g. statuses/ibo.md."""
        return languages.translation_path(self.src, languages.default())

    @property
    def slug(self) -> str:
        return posixpath.basename(self.base)[:-3]


@dataclass
class Site:
    """Every page, by path under content/, and the problems found while reading them."""

    root: Path
    content_dir: Path
    pages: dict[str, Page]
    problems: list[Problem]
    _back: dict | None = field(default=None, repr=False)
    _slugs: dict | None = field(default=None, repr=False)
    _derived: dict = field(default_factory=dict, repr=False)

    def derived(self, key: tuple, make):
        """What ``make()`` returns, made once per site: an index over all pages that each page
        looks up, instead of a scan of all pages per page."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def of_kind(self, kind: str, lang: str) -> list[Page]:
        found = [p for p in self.pages.values() if p.kind == kind and p.lang == lang]
        return sorted(found, key=lambda p: (p.meta.get("order", 100), p.meta.get("title", "")))

    def by_slug(self, kind: str, slug: str, lang: str) -> Page | None:
        """The page of that kind and slug in that language (the Dutch one if not translated)."""
        if self._slugs is None:  # one pass over all pages, then a lookup per call
            self._slugs = {}
            for page in self.pages.values():
                self._slugs.setdefault((page.kind, page.slug), {}).setdefault(page.lang, page)
        found = self._slugs.get((kind, slug)) or {}
        return found.get(lang) or next(iter(found.values()), None)

    def referring(self, target: Page, lang: str) -> list[tuple[str, Page]]:
        """Pages in ``lang`` whose front matter names ``target`` (key, page), for back-links."""
        if self._back is None:  # one pass over all pages, then a lookup per page
            self._back = {}
            for page in self.pages.values():
                for key, kind in kind_registry.references().items():
                    value = page.meta.get(key)
                    for slug in value if isinstance(value, list) else [value] if value else []:
                        self._back.setdefault((kind, slug, page.lang), []).append((key, page))
        found = [
            (k, p)
            for k, p in self._back.get((target.kind, target.slug, lang), [])
            if p.base != target.base
        ]
        return sorted(found, key=lambda kp: (kp[1].kind, kp[1].meta.get("title", "")))


def page_language(src: str) -> str:
    """The language a page's file name says (``x.fr.md``; ``x.md`` is the default language)."""
    return languages.page_language(src)


def partner_path(src: str) -> str:
    """statuses/ibo.md <-> statuses/ibo.en.md (``kb.languages.partner_path``)."""
    return languages.partner_path(src)


def read_page(path: Path, content_dir: Path, root: Path) -> tuple[Page | None, list[Problem]]:
    """Read one Markdown file; return the page, or the problems that stop it being read."""
    rel = sources.relative(path, root)
    src = path.relative_to(content_dir).as_posix()
    text, problems = sources.read_text(path, rel)
    if text is None:
        return None, problems
    front, problems = sources.read_front_matter(text, rel)
    if front is None:
        return None, problems
    lines = {str(key): front.doc.line((key,)) for key in front.meta}
    page = Page(src, front.meta, front.body, front.body_line, lines, front.doc)
    if not _has_text(front.body):
        problems.append(
            Problem(
                rel,
                "the page has no text.",
                "write at least a heading and one paragraph below the front matter.",
                line=front.body_line,
            )
        )
    return page, problems


@lru_cache(maxsize=8192)
def _has_text(body: str) -> bool:
    """Whether a body holds anything but white space, comments and '#' (kept per body: every
    load of the site asks it of every page)."""
    return bool(re.sub(r"<!--.*?(?:-->|\Z)|\s|#", "", body, flags=re.S))


# --- schemas -----------------------------------------------------------------------------------


def data_validator(name: str) -> Draft202012Validator:
    """The validator of any schema in hooks/kb/schemas/ (``figures`` for figures.schema.yml), with
    every other schema resolvable and the portal's formats (kb.schema_registry)."""
    return schema_registry.validator(name)


def data_problems(name: str, doc: Any, rel: str) -> list[Problem]:
    """Every error of a data file (a kb.sources.YamlDoc) against its schema, as Problems with the
    field path and the line, in the order of the file."""
    problems = []
    for error in schema_registry.errors(name, doc.data):
        what, fix = schema_registry.describe(error)
        path = list(error.absolute_path)
        problems.append(Problem(rel, what, fix, field=_field_name(error), line=doc.line(path)))
    return sorted(problems, key=lambda p: (p.line or 0, p.field))


def kinds() -> list[str]:
    """Every content kind's name, in alphabetical order (kb/kinds.py)."""
    return list(kind_registry.kinds())


language_neutral_keys = schema_registry.language_neutral_keys


def _field_name(error: ValidationError) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problems(page: Page, rel: str) -> list[Problem]:
    kind = page.kind
    if kind not in kinds():
        return [
            Problem(
                rel,
                f"unknown content kind '{kind}'.",
                f"use one of: {', '.join(kinds())}.",
                field="kind",
                line=page.field_lines.get("kind"),
                cause=True,
            )
        ]
    try:
        key = json.dumps(page.meta, sort_keys=True)
    except (TypeError, ValueError):  # not plain data (or keys of mixed types): no caching
        found = _schema_findings(kind, page.meta)
    else:
        found = _schema_findings_kept(kind, key, schema_registry.generation())
    return [
        Problem(
            rel,
            what,
            fix,
            field=name or "front matter",
            line=page.line(list(path)) if path else None,
        )
        for what, fix, name, path in found
    ]


@lru_cache(maxsize=4096)
def _schema_findings_kept(kind: str, meta_json: str, generation: int) -> tuple:
    """``_schema_findings`` kept per content, so an unchanged page is validated once per process
    (``make serve``, the tests), as long as the schemas are the same (``generation``)."""
    return _schema_findings(kind, json.loads(meta_json))


def _schema_findings(kind: str, meta: Any) -> tuple:
    """``(what, fix, field, path)`` of every schema error of one front matter."""
    found = []
    for error in sorted(schema_registry.errors(kind, meta), key=lambda e: list(e.absolute_path)):
        what, fix = schema_registry.describe(error, place=" to the front matter")
        name, path = _field_name(error), list(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the first unknown field itself
            extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
            if extra:
                path = [*path, extra[0]]
                name = f"{name}.{extra[0]}" if name else str(extra[0])
        found.append((what, fix, name, tuple(path)))
    return tuple(found)


# --- the whole site ----------------------------------------------------------------------------


def _fingerprint(content_dir: Path) -> tuple:
    """Every Markdown and YAML file under ``content_dir`` with its time and size (one ``stat``
    each: the site is asked for several times per build), and every link with where it leads:
    a folder linked in changes what the site reads (or makes it a problem) without changing
    any file that is there. Linked folders are not entered (as ``Path.rglob``)."""
    found = []
    folders = [str(content_dir)]
    while folders:
        try:
            listing = os.scandir(folders.pop())
        except OSError:
            continue
        with listing:
            for entry in listing:
                if entry.is_symlink():
                    found.append((entry.path, -1, os.readlink(entry.path)))
                elif entry.is_dir():
                    folders.append(entry.path)
                if os.path.splitext(entry.name)[1] in {".md", ".yml"}:
                    try:
                        info = entry.stat()
                    except OSError:
                        continue
                    if stat.S_ISREG(info.st_mode):
                        found.append((entry.path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(found))


_cache: dict[Path, tuple[tuple, Site]] = {}


def load_site(content_dir: Path, root: Path | None = None) -> Site:
    """Read every page under ``content_dir`` (as MkDocs finds them, links followed); cached until
    a file changes. A link that leads outside ``content_dir`` is a problem: MkDocs would publish
    what it points to."""
    content_dir = content_dir.resolve()
    root = (root or content_dir.parent).resolve()
    stamp = _fingerprint(content_dir)
    if content_dir in _cache and _cache[content_dir][0] == stamp:
        return _cache[content_dir][1]
    pages = {}
    paths, problems = sources.list_files(content_dir, "*.md", root)
    for path in paths:
        if any(part.startswith("_") for part in path.relative_to(content_dir).parts):
            continue  # _data/, _templates/: not pages
        page, found = read_page(path, content_dir, root)
        problems += found
        if page:
            pages[page.src] = page
    site = Site(root, content_dir, pages, problems)
    _cache[content_dir] = (stamp, site)
    return site


def _rel(site: Site, page: Page) -> str:
    """The page's path as an editor sees it, from the project root (worked out once per page)."""
    rels = site.derived(("rel",), dict)
    rel = rels.get(page.src)
    if rel is None:
        rel = rels[page.src] = (site.content_dir / page.src).relative_to(site.root).as_posix()
    return rel


rel_path = _rel  # the page's path as messages show it, for the other models


def _check_slugs(site: Site) -> list[Problem]:
    problems, seen, folders = [], {}, kind_registry.folders()
    for page in site.pages.values():
        rel = _rel(site, page)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", posixpath.basename(page.base)):
            problems.append(
                Problem(
                    rel,
                    "the file name is not a valid slug.",
                    "use lower-case letters, digits and hyphens, e.g. 'tijdelijke-werkervaring.md'.",
                )
            )
        if page.kind in folders and page.slug != "index":
            key = (page.kind, page.slug, page.lang)
            if key in seen:
                problems.append(
                    Problem(
                        rel,
                        f"the slug '{page.slug}' is already used by content/{seen[key]}.",
                        "give one of the two files another name.",
                    )
                )
            seen.setdefault(key, page.src)
            folder = folders[page.kind]
            if page.src.split("/")[0] != folder:
                problems.append(
                    Problem(
                        rel,
                        f"a page of kind '{page.kind}' must live in content/{folder}/.",
                        f"move the file to content/{folder}/ or change its kind.",
                        field="kind",
                    )
                )
    return problems


def _check_references(site: Site, quiz_ids: set[str]) -> list[Problem]:
    problems = []
    slugs = {(p.kind, p.slug) for p in site.pages.values()}
    folders, references = kind_registry.folders(), kind_registry.references()
    for page in site.pages.values():
        rel = _rel(site, page)
        for key, kind in references.items():
            value = page.meta.get(key)
            for slug in (
                value if isinstance(value, list) else [value] if isinstance(value, str) else []
            ):
                if not isinstance(slug, str):
                    continue  # the schema says it should be a name
                if (kind, slug) not in slugs:
                    where = (
                        f"in content/{folders[kind]}/" if kind in folders else f"of kind '{kind}'"
                    )
                    problems.append(
                        Problem(
                            rel,
                            f"'{slug}' is not a page {where}.",
                            f"use the file name (without .md) of a page {where}.",
                            field=key,
                            line=page.field_lines.get(key),
                        )
                    )
        for i, item in enumerate(page.meta.get("read_before") or []):
            target = item.get("page", "") if isinstance(item, dict) else ""
            problems += _check_target(
                site,
                page,
                target.split("#")[0],
                target.partition("#")[2],
                f"read_before[{i}].page",
                from_root=True,
            )
        problems += _item_reference_problems(rel, page, slugs, folders)
        quiz = page.meta.get("quiz")
        if isinstance(quiz, str) and quiz not in quiz_ids:
            problems.append(
                Problem(
                    rel,
                    f"there is no quiz '{quiz}'.",
                    f"create quizzes/{quiz}.yml or use an existing quiz id.",
                    field="quiz",
                    line=page.field_lines.get("quiz"),
                )
            )
    return problems


def _item_reference_problems(rel: str, page: Page, slugs: set, folders: dict) -> list[Problem]:
    """Slugs in a field of a front-matter list's items (``exercises: [{story: …}]``) that name
    no page of their kind (kb/kinds.py, ``x-refers-to`` on the field)."""
    problems = []
    for (key, name), kind in kind_registry.item_references().items():
        value = page.meta.get(key)
        for i, item in enumerate(value if isinstance(value, list) else []):
            slug = item.get(name) if isinstance(item, dict) else None
            if isinstance(slug, str) and slug and (kind, slug) not in slugs:
                what = kind_registry.get(kind).label(languages.EDITORS).lower()
                where = f" in content/{folders[kind]}/" if kind in folders else ""
                problems.append(
                    Problem(
                        rel,
                        f"'{slug}' is not a {what}{where}.",
                        f"use the file name of a {what}, without .md.",
                        field=f"{key}[{i}].{name}",
                        line=page.field_lines.get(key),
                    )
                )
    return problems


def _anchors(page: Page) -> set[str]:
    body = kb_markers.mask_code(page.body)
    return {
        explicit or slugify(re.sub(r"[*_`]", "", title), "-") for title, explicit in headings(body)
    }


def heading_ids(site: Site, page: Page) -> set[str]:
    """The ids a link may name on ``page``: its headings, and one per term where it lists the
    glossary."""
    ids = _anchors(page)
    if any(m.name == "glossary" for m in kb_markers.scan(page.body)):
        ids |= glossary_model.anchors(site.root, site.content_dir)
    return ids


def resolve(
    site: Site, path: str, anchor: str = "", lang: str | None = None
) -> tuple[Page | None, str]:
    """The one link resolver: the page that ``path#anchor`` (a path under content/, to the Dutch
    file) leads to for a reader of ``lang``, and what is wrong: ``"page"`` (no such page),
    ``"anchor"`` (no heading with that id) or ``""`` (it resolves). Pages, quizzes, the glossary
    and updates all check their links with it."""
    dest = site.pages.get(posixpath.normpath(path)) if path else None
    if dest is None:
        return None, "page"
    # A reader of a translation lands on the page in their language, when there is one.
    lang = lang or languages.default()
    translated = languages.translation_path(dest.src, lang)
    if lang != dest.lang and dest.lang == languages.default() and translated in site.pages:
        dest = site.pages[translated]
    if anchor and anchor not in heading_ids(site, dest):
        return dest, "anchor"
    return dest, ""


def _check_target(
    site: Site,
    page: Page,
    target: str,
    anchor: str,
    where: str,
    from_root: bool = False,
    line: int | None = None,
) -> list[Problem]:
    rel = _rel(site, page)
    base = "" if from_root else posixpath.dirname(page.src)
    path = posixpath.normpath(posixpath.join(base, target)) if target else page.src
    dest, why = resolve(site, path, anchor, page.lang)
    found = _unresolved(
        why,
        target,
        anchor,
        dest,
        "check the path: links point to the Dutch file name, e.g. ../statuses/ibo.md.",
    )
    return [Problem(rel, what, fix, field=where, line=line) for what, fix in found]


def _unresolved(why: str, target: str, anchor: str, dest, page_fix: str) -> list[tuple[str, str]]:
    """What an editor reads about a link that ``resolve`` could not follow (empty when it could);
    ``page_fix`` says how links are written where this one stands."""
    if why == "page":
        return [(f"the link '{target}' leads to no page.", page_fix)]
    if why == "anchor":
        return [
            (
                f"the link '{target}#{anchor}' names a heading that does not exist.",
                f"use the id of a heading of content/{dest.src} (lower case, hyphens).",
            )
        ]
    return []


# Markers an editor may write, and what their argument must be: None for no argument, or a
# function from the check's context to the allowed values.
MARKER_ARGS: dict[str, Any] = {
    "finder": None,
    "glossary": None,
    "progress": None,
    "table": lambda ctx: {"statuses"},
    "quiz": lambda ctx: ctx["quizzes"],
    "chart": lambda ctx: ctx["charts"],
    "news": lambda ctx: {"", *map(str, range(1, 51))},  # how many of the latest; all if none
    "calendar": None,
    "signals": None,
    "contact": None,
    "services": None,  # an edition's local services, searchable (kb/local.py)
}


def _marker_problems(rel: str, page: Page, ctx: dict) -> list[Problem]:
    problems = []
    for found in kb_markers.scan(page.body):
        line = page.body_line + found.line - 1
        if found.name not in MARKER_ARGS:
            problems.append(
                Problem(
                    rel,
                    f"unknown marker 'kb:{found.name}'.",
                    f"use one of: {', '.join('kb:' + m for m in sorted(MARKER_ARGS))}.",
                    line=line,
                )
            )
            continue
        allowed = MARKER_ARGS[found.name]
        if allowed is None and found.arg:
            problems.append(
                Problem(
                    rel,
                    f"the marker kb:{found.name} takes no argument, but has '{found.arg}'.",
                    f"write <!-- kb:{found.name} --> on a line of its own.",
                    line=line,
                )
            )
        elif found.name == "news" and found.arg not in allowed(ctx):
            problems.append(
                Problem(
                    rel,
                    f"the marker kb:news takes how many updates to show, but has '{found.arg}'.",
                    "write <!-- kb:news --> for all updates, or a number from 1 to 50, e.g. "
                    "<!-- kb:news 3 -->.",
                    line=line,
                )
            )
        elif allowed is not None and found.arg not in (values := allowed(ctx)):
            what = f"'{found.arg}'" if found.arg else "nothing"
            problems.append(
                Problem(
                    rel,
                    f"the marker kb:{found.name} names {what}, which does not exist.",
                    f"write <!-- kb:{found.name} NAME -->, with NAME one of: "
                    f"{', '.join(sorted(values)) or '(none yet)'}.",
                    line=line,
                )
            )
    for number in kb_markers.malformed(page.body):
        problems.append(
            Problem(
                rel,
                "a kb: marker must stand alone on its line; this one is inside other text.",
                "put <!-- kb:… --> on a line of its own, with a blank line before and after.",
                line=page.body_line + number - 1,
            )
        )
    return problems


def _line_of_text(page: Page, needle: str) -> int:
    """The line of the body where ``needle`` first appears (the body's first line if nowhere);
    the policy reads attribute values with character references decoded, so a needle written with
    some of them (``javascript&#58;``) is found too."""
    at = _offset_in_body(page, needle)
    return page.body_line + page.body.count("\n", 0, at) if at >= 0 else page.body_line


def _offset_in_body(page: Page, needle: str) -> int:
    """Where ``needle`` first appears in the body, or -1."""
    if not needle:
        return -1
    at = page.body.lower().find(needle.lower())
    if at < 0 and "&" in page.body and len(needle) <= 200:
        # each character as itself or as a reference; possessive, so linear in the body
        encoded = "".join(f"(?:{re.escape(c)}|&[#\\w]++;)" for c in needle)
        found = re.search(encoded, page.body, re.I)
        at = found.start() if found else -1
    return at


def text_problems(
    site: Site, rel: str, data: Any, line_of, lang: str | None = None, prefix: str = ""
) -> list[Problem]:
    """The text policy on every text of front matter or a data file: what check_inline finds,
    and each link to a portal page that leads nowhere (resolved from content/, like read_again).
    ``line_of(path)`` gives the line of a field (a list of keys and indexes)."""
    problems = []
    for path, inline, links in _texts(data):
        found = list(inline)
        for target, anchor in links:
            dest, why = resolve(site, target, anchor, lang)
            found += _unresolved(why, target, anchor, dest, _FROM_CONTENT_FIX)
        # the field's name only for a text with something to say (most have nothing)
        problems.extend(
            Problem(rel, what, fix, _path_name(prefix, path), line_of(list(path)))
            for what, fix in found
        )
    return problems


_FROM_CONTENT_FIX = "write the path from content/ to the Dutch file, e.g. statuses/ibo.md."
_TEXTS_KEPT: dict[str, tuple] = {}
_TEXTS_KEPT_MAX = 16384


def _texts(data: Any) -> tuple:
    """``(path, findings, links)`` of each text in ``data`` that the policy has something to say
    about or that links to a portal page, in the order of the data: what ``text_problems``
    needs besides the site. Kept per process by the data's ``repr`` (exact for the plain
    values YAML gives, keys' types and order included): the checks of a build, ``make check``
    and ``mkdocs serve`` see the same front matter again and again."""
    key = repr(data)
    kept = _TEXTS_KEPT.get(key)
    if kept is None:
        if len(_TEXTS_KEPT) >= _TEXTS_KEPT_MAX:
            _TEXTS_KEPT.clear()
        kept = _TEXTS_KEPT[key] = tuple(_walk_texts(data, ()))
    return kept


def _walk_texts(value: Any, path: tuple):
    if isinstance(value, str):
        findings = tuple((f.message, f.fix) for f in text_policy.check_inline(value))
        links = tuple(text_policy.page_links(value))
        if findings or links:
            yield path, findings, links
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_texts(item, (*path, index))


def _path_name(prefix: str, path: list) -> str:
    """``prefix`` and a path of keys and indexes as an editor writes it: ``sources[0].url``."""
    return prefix + "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i or prefix else str(p))
        for i, p in enumerate(path)
    )


@lru_cache(maxsize=8192)
def _body_findings(html: str) -> tuple:
    """The text policy's findings in one rendered body, kept per HTML (findings are frozen)."""
    return tuple(text_policy.check_body_html(html))


# Python-Markdown reads square brackets in a time that grows faster than their square (3,000 '['
# in one paragraph: 11 s; 10,000: minutes), and an attribute list's '{' never closed in the square
# of their number. A real paragraph has a few (the portal's most: 14).
MAX_BRACKETS_PER_PARAGRAPH = 100
MAX_BRACKETS_PER_PAGE = 1_000
# Markdown's heading and attribute-list patterns try every split of a run of spaces (a heading
# with 290,000 spaces: over a minute). Indentation needs a few; a run of more is a mistake.
MAX_SPACE_RUN = 200
_SPACE_RUN = re.compile(rf"(?<![ \t])[ \t]{{{MAX_SPACE_RUN + 1}}}")


def _cost_problem(rel: str, page: Page) -> Problem | None:
    """A page with more square brackets or spaces in a row than Markdown reads in a second, or
    None."""
    if run := _SPACE_RUN.search(page.body):
        return Problem(
            rel,
            f"a line has more than {MAX_SPACE_RUN} spaces or tabs in a row: the build would "
            "take minutes to read it.",
            "remove the spaces; use a blank line between paragraphs and a list for indentation.",
            line=page.body_line + page.body.count("\n", 0, run.start()),
            cause=True,
        )
    for sign in "[{":
        if problem := _sign_problem(rel, page, sign):
            return problem
    return None


def _sign_problem(rel: str, page: Page, sign: str) -> Problem | None:
    """Too many of ``sign`` in one paragraph or on the page, or None."""
    total = page.body.count(sign)
    if total <= MAX_BRACKETS_PER_PARAGRAPH:
        return None
    line = page.body_line
    for block in page.body.split("\n\n"):
        if (count := block.count(sign)) > MAX_BRACKETS_PER_PARAGRAPH:
            where = f"{count:,} '{sign}' in one paragraph; at most {MAX_BRACKETS_PER_PARAGRAPH}"
            break
        line += block.count("\n") + 2
    else:
        if total <= MAX_BRACKETS_PER_PAGE:
            return None
        where = f"{total:,} '{sign}'; at most {MAX_BRACKETS_PER_PAGE:,} per page"
        line = page.body_line
    return Problem(
        rel,
        f"the page has {where}: the build would take minutes to read them.",
        "write fewer brackets, or split the text into shorter paragraphs or pages.",
        line=line,
        cause=True,
    )


def _policy_problems(site: Site, rel: str, page: Page, render) -> list[Problem]:
    """The text policy (kb/text_policy.py) on the front matter's text and, when ``render`` is
    given, on the body rendered by it (a build judges MkDocs' own render instead:
    ``body_problems``)."""
    problems = text_problems(
        site, rel, page.meta, lambda path: page.field_lines.get(str(path[0])), page.lang
    )
    if costly := _cost_problem(rel, page):
        return [*problems, costly]
    if render is not None:
        problems += body_problems(site, page, render(page.body))
    return problems


def body_problems(site: Site, page: Page, html: str) -> list[Problem]:
    """The text policy's body rules on ``html``, the page's body rendered with the portal's
    Markdown settings: each breach at the line of the body that holds it. ``make check`` gives
    it its own render; the build gives it MkDocs' render, the HTML that is published
    (hooks/steps/judge_pages.py), so that a body is rendered once per build."""
    rel = _rel(site, page)
    return [
        Problem(rel, finding.message, finding.fix, line=_line_of_text(page, finding.needle))
        for finding in _body_findings(html)
    ]


def rendered_body_problems(site: Site, render) -> list[Problem]:
    """``body_problems`` of every page that Markdown can read in reasonable time, each body
    rendered by ``render``: what a build whose content check failed adds to its list, so that
    an editor sees every problem at once (the build judges MkDocs' render only when it goes on)."""
    problems = []
    for page in site.pages.values():
        if _cost_problem(_rel(site, page), page) is None:
            problems += body_problems(site, page, render(page.body))
    return problems


def _date_problems(rel: str, page: Page, today: dt.date) -> list[Problem]:
    reviewed = page.meta.get("reviewed")
    try:
        day = dt.date.fromisoformat(str(reviewed))
    except ValueError:
        return []  # not a date at all: the schema says so
    if day <= today:
        return []
    return [
        Problem(
            rel,
            f"the date {reviewed} lies in the future; the page would say it was checked then.",
            f"write the day you checked the facts, {today.isoformat()} or earlier.",
            field="reviewed",
            line=page.field_lines.get("reviewed"),
        )
    ]


def _rule_problems(rel: str, page: Page) -> list[Problem]:
    """Editor rules that a schema cannot say: a session's timings add up to its length, a
    support page opens with its first facts, and reflection items are questions."""
    meta, problems = page.meta, []
    programme = meta.get("programme")
    if page.kind == kind_registry.playing("sessions") and isinstance(programme, list):
        minutes = [item.get("minutes") for item in programme if isinstance(item, dict)]
        length = meta.get("minutes")
        counted = all(isinstance(m, int) for m in minutes) and isinstance(length, int)
        if counted and sum(minutes) != length:
            problems.append(
                Problem(
                    rel,
                    f"the activities add up to {sum(minutes)} minutes, but the session "
                    f"lasts {meta['minutes']} (minutes:).",
                    "change the minutes of an activity, or the length of the session.",
                    field="programme",
                    line=page.field_lines.get("programme"),
                )
            )
    if first_facts.missing(page.kind, page.src, meta):
        problems.append(
            Problem(
                rel,
                "a support page needs the facts a coach asks first, shown under its summary.",
                "add 'first_facts:' with two or three of for_whom, brings, duration, cost, "
                "where, each one short sentence (see content/_templates/topic.md).",
                field=first_facts.FIELD,
                line=page.field_lines.get("summary"),
            )
        )
    for index, item in enumerate(meta.get("reflection") or []):
        if isinstance(item, str) and not item.rstrip().endswith("?"):
            problems.append(
                Problem(
                    rel,
                    f"reflection item {index + 1} is not a question: '{item}'.",
                    "write each reflection item as a question that ends with '?'.",
                    field=f"reflection[{index}]",
                    line=page.field_lines.get("reflection"),
                )
            )
    return problems


def _check_body(site: Site, page: Page) -> list[Problem]:
    problems = []
    for target, anchor, lines in _body_links(page.body):
        problems += _check_target(site, page, target, anchor, "link", line=page.body_line + lines)
    return problems


@lru_cache(maxsize=8192)
def _body_links(body: str) -> tuple[tuple[str, str, int], ...]:
    """``(target, anchor, lines)`` of each link of ``body`` (outside code) to a page or a
    heading, ``lines`` the number of lines before it in the body; kept per body, as every
    check of an unchanged page finds the same."""
    found = []
    masked = kb_markers.mask_code(body)
    lines, counted = 0, 0  # the lines of the body before offset ``counted``
    for match in LINK.finditer(masked):
        url = match.group(1) or match.group(2)
        if re.match(r"^[a-z]+:|^//|^mailto:", url) or not (".md" in url or url.startswith("#")):
            continue
        target, _, anchor = url.partition("#")
        lines += masked.count("\n", counted, match.start())
        counted = match.start()
        found.append((target, anchor, lines))
    return tuple(found)


def text_links(page: Page) -> frozenset[str]:
    """The portal pages a page's text links to, as Dutch paths under content/: the links of its
    body and of its front matter's texts (written from content/, as in read_again). Kept per
    body, folder and front matter (its ``repr``, as ``_texts``)."""
    return _text_links(page.body, posixpath.dirname(page.src), repr(page.meta), page.meta)


_LINKS_KEPT: dict[tuple, frozenset[str]] = {}


def _text_links(body: str, base: str, meta_repr: str, meta: Any) -> frozenset[str]:
    key = (body, base, meta_repr)
    if key in _LINKS_KEPT:
        return _LINKS_KEPT[key]
    found = set()
    for match in LINK.finditer(kb_markers.mask_code(body)):
        target = (match.group(1) or match.group(2)).partition("#")[0]
        if target.endswith(".md") and not re.match(r"^[a-z]+:|^//", target):
            found.add(posixpath.normpath(posixpath.join(base, target)))

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.update(posixpath.normpath(path) for path, _ in text_policy.page_links(value))
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                walk(item)

    walk(meta)
    if len(_LINKS_KEPT) >= 4096:
        _LINKS_KEPT.clear()
    _LINKS_KEPT[key] = frozenset(found)
    return _LINKS_KEPT[key]


def _check_dependencies(site: Site) -> list[Problem]:
    """Pages whose rules depend on each other (``depends_on``) link to each other in their text,
    in each language: the page that names the other, and the other page back."""
    problems = []
    for page in site.pages.values():
        value = page.meta.get("depends_on")
        for target in value if isinstance(value, list) else []:
            if not isinstance(target, str):
                continue  # the schema says it should be a path
            dest, why = resolve(site, target, "", page.lang)
            line = page.field_lines.get("depends_on")
            if why:
                fix = "write the path from content/ to the Dutch file, e.g. support/leefloon.md."
                problems.append(
                    Problem(_rel(site, page), f"'{target}' is not a page.", fix, "depends_on", line)
                )
                continue
            if dest.base not in text_links(page):
                problems.append(
                    Problem(
                        _rel(site, page),
                        f"its rules depend on {dest.base}, but its text does not link there.",
                        f"link to {dest.base} where the text says so, e.g. in the fact or "
                        "section about money.",
                        "depends_on",
                        line,
                    )
                )
            if page.base not in text_links(dest):
                problems.append(
                    Problem(
                        _rel(site, dest),
                        f"{page.base} depends on this page (its depends_on), but this page's "
                        "text does not link back to it.",
                        f"link to {page.base} where this page names it, or take this page out "
                        f"of depends_on in {page.base}.",
                        "text",
                        dest.body_line,
                    )
                )
    return problems


def _check_partners(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages.values():
        if page.lang == languages.default():
            continue
        rel = _rel(site, page)
        dutch = site.pages.get(page.base)
        if dutch is None:
            name, first = (languages.english_name(c) for c in (page.lang, languages.default()))
            problems.append(
                Problem(
                    rel,
                    f"this {name} page has no {first} original.",
                    f"add content/{page.base} ({first} comes first), or rename this file.",
                )
            )
            continue
        for key in language_neutral_keys(dutch.kind):
            left, right = dutch.meta, page.meta
            for part in key.split("."):
                left = left.get(part) if isinstance(left, dict) else None
                right = right.get(part) if isinstance(right, dict) else None
            if left != right:
                problems.append(
                    Problem(
                        rel,
                        f"'{key}' differs from the Dutch page ({right!r} here, "
                        f"{left!r} in content/{dutch.src}).",
                        "language-neutral fields must be the same in both files.",
                        field=key,
                        line=page.field_lines.get(key.split(".")[0]),
                    )
                )
    return problems


def check_template(path: Path, site: Site, quiz_ids: set[str] = frozenset()) -> list[Problem]:
    """Check a page that is not part of the site (an editor's template) as if it were; an
    English template also against its Dutch one, as a page against its partner."""
    page, problems = read_page(path, site.content_dir, site.root)
    if page is None:
        return problems
    pages = {**site.pages, page.src: page}
    dutch_path = site.content_dir / page.base
    if page.lang != languages.default() and dutch_path.is_file():
        dutch, _ = read_page(dutch_path, site.content_dir, site.root)
        if dutch is not None:
            pages[dutch.src] = dutch
    probe = Site(site.root, site.content_dir, pages, [])
    rel = _rel(probe, page)
    problems += _schema_problems(page, rel)
    problems += [
        p for p in _check_references(probe, set(quiz_ids)) + _check_partners(probe) if p.path == rel
    ]
    return problems


def today() -> dt.date:
    """The date checks are judged against (PORTAL_TODAY=YYYY-MM-DD overrides it, for tests)."""
    override = os.environ.get("PORTAL_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


TOC_NAMES = ("toc", "markdown.extensions.toc")


def policy_extensions(extensions: list, configs: dict) -> tuple[list, dict]:
    """The build's Markdown settings for the text policy's rendering: all of them but ``toc``.
    What toc adds to a body's HTML is never the editor's: an ``id`` on each heading, a permalink
    ``<a class="headerlink" href="#…" title="…">`` in it, a ``<div class="toc">`` list of links
    to headings in place of ``[TOC]`` (and a ``data-toc-label`` attribute taken away); every
    element, attribute and address of that is inside the allow-list, so the findings are the
    same with it and without it, and toc costs a sixth of the rendering (it serialises every
    heading). Kept when its settings name ``mermaid``, the one class the policy refuses."""
    names = [e for e in extensions if isinstance(e, str) and e in TOC_NAMES]
    settings = [configs.get(name) for name in names]
    if not names or "mermaid" in repr(settings).lower():
        return list(extensions), dict(configs)
    return (
        [e for e in extensions if not (isinstance(e, str) and e in TOC_NAMES)],
        {k: v for k, v in configs.items() if k not in TOC_NAMES},
    )


def body_renderer(extensions: list | None = None, configs: dict | None = None):
    """A function that renders a page body to HTML with the portal's Markdown settings (those of
    the build, but ``toc``: see ``policy_extensions``), so that the text policy judges what a
    reader would get. Results are kept per body text, so a second check of an unchanged page
    costs nothing."""
    extensions, configs = policy_extensions(extensions or [], configs or {})
    converter = md.Markdown(extensions=extensions, extension_configs=configs)

    @lru_cache(maxsize=8192)
    def render(body: str) -> str:
        converter.reset()
        return converter.convert(body)

    return render


@lru_cache(maxsize=8)
def _renderer(settings: str) -> Any:
    extensions, configs = json.loads(settings)
    return body_renderer(extensions, configs)


def shared_renderer(extensions: list | None = None, configs: dict | None = None):
    """The renderer for these settings, made once per process (``make check`` and every build
    of one ``mkdocs serve`` share it)."""
    try:
        key = json.dumps([extensions or [], configs or {}], sort_keys=True)
    except TypeError:  # settings that are not plain data: no sharing
        return body_renderer(extensions, configs)
    return _renderer(key)


def check_site(
    site: Site,
    quiz_ids: set[str] = frozenset(),
    chart_ids: set[str] = frozenset(),
    render=None,
    bodies: bool = True,
) -> list[Problem]:
    """Every problem in the content: reading, schemas, the text policy, markers, slugs,
    references, links, language pairs. The problems of one file come in the order of its lines;
    a file that could not be read shows only why (the rest would follow from that). With
    ``bodies=False`` no body is rendered: the build judges the bodies as MkDocs renders them
    (``body_problems``, hooks/steps/judge_pages.py)."""
    render = (render or body_renderer()) if bodies else None
    ctx = {"quizzes": set(quiz_ids), "charts": set(chart_ids)}
    problems = list(site.problems)
    day = today()
    for page in site.pages.values():
        rel = _rel(site, page)
        problems += _schema_problems(page, rel)
        problems += _policy_problems(site, rel, page, render)
        problems += _marker_problems(rel, page, ctx)
        problems += _date_problems(rel, page, day)
        problems += _rule_problems(rel, page)
        problems += _check_body(site, page)
    problems += _check_slugs(site) + _check_references(site, set(quiz_ids)) + _check_partners(site)
    problems += _check_dependencies(site)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))


# --- reports that do not fail the build -------------------------------------------------------


def some_of_each(items: list[dict], limit: int) -> list[dict]:
    """At most ``limit`` of ``items`` (dicts with a ``kind``), taken in turn from each kind, kept
    in their own order: a list of pages that refer to one page stays short however many do."""
    if len(items) <= limit:
        return items
    by_kind: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        by_kind.setdefault(item["kind"], []).append(n)
    chosen: set[int] = set()
    queues = list(by_kind.values())
    while len(chosen) < limit:
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.add(queue.pop(0))
    return [item for n, item in enumerate(items) if n in chosen]
