"""Local editions: one shared knowledge base, and per organisation a layer of its own.

An edition is a folder, ``editions/<name>/``, that holds only what is local (it never copies or
edits a shared file, so updating the base is a plain ``git pull``)::

    editions/<name>/
      edition.yml        settings: name {nl, en}, site_url, contact, report, branding, example
      content/           laid over the base content/ by path: a new path is a page (or data
                         file) of the edition; a base path replaces that file; a replaced page
                         records the base version it follows under ``replaces:``
      hide.yml           base pages this edition does not publish (every language of each)

``resolve`` says which file is the effective one for each content path and where it came from;
``write_tree`` writes that resolution as a content folder, which the generator then builds as it
builds the base (so every check and every step applies to edition files too), and ``relocate``
names the edition's own file in every problem found in that folder. ``check`` holds the rules of
the layer itself: the settings' schema, hide, and replaced pages that fell behind their base page
(``stale``, with what changed, from the same part hashes the translation tracker uses).

Pure: no MkDocs. Without an edition nothing here runs, and the base is built as it always was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kb import content_model, languages, sources, translations
from kb.problems import Problem

__all__ = [
    "FIELD",
    "Resolution",
    "check",
    "check_replacements",
    "config_text",
    "folder",
    "parts",
    "prepared",
    "relocate",
    "resolve",
    "settings",
    "stale",
    "stamp",
    "translation_report",
    "unknown",
    "write_tree",
]

FOLDER = "editions"  # editions/<name>/ beside content/
SETTINGS, HIDE = "edition.yml", "hide.yml"
FIELD = translations.REPLACES  # a replaced page's record of the base version it follows
NOTE = "# make editions-ok writes this; do not edit it by hand"
# Fields that say nothing about the rules a page states: the records of this layer and of the
# translation tracker, and the date of the base's last check (a recheck alone changes no fact).
_NOT_PARTS = frozenset({FIELD, translations.FIELD, "reviewed"})
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def folder(root: Path, name: str) -> Path:
    """The folder of the edition ``name`` (``editions/<name>/``)."""
    return root / FOLDER / name


# --- settings ----------------------------------------------------------------------------------


def settings(edition: Path, root: Path) -> tuple[dict | None, list[Problem]]:
    """The edition's settings (edition.yml) and every problem in them: schema first, then the
    branding values as the base's branding is checked (kb.branding_model, by the build's settings
    check, named back to edition.yml by ``relocate``)."""
    path = edition / SETTINGS
    rel = sources.relative(path, root)
    if not path.is_file():
        return None, [
            Problem(
                rel,
                "the edition has no settings file.",
                f"copy {FOLDER}/voorbeeld-gent/{SETTINGS} and set your own name, address and "
                "contact.",
                cause=True,
            )
        ]
    doc, problems = _yaml(path, rel)
    if doc is None:
        return None, problems
    problems = content_model.data_problems("edition", doc, rel)
    return (doc.data if isinstance(doc.data, dict) else None), problems


def _yaml(path: Path, rel: str) -> tuple[sources.YamlDoc | None, list[Problem]]:
    text, problems = sources.read_text(path, rel)
    if text is None:
        return None, problems
    return sources.load_yaml(text, rel)


# --- resolution --------------------------------------------------------------------------------


@dataclass
class Resolution:
    """Which file is the effective one for each path under content/, and where it came from."""

    root: Path
    base: Path  # the base content/ folder
    edition: Path | None  # editions/<name>/, or None for the base alone
    files: dict[str, Path] = field(default_factory=dict)  # path under content/ -> file
    own: set[str] = field(default_factory=set)  # paths whose file is the edition's
    replaced: set[str] = field(default_factory=set)  # ... of which the base has one too
    hidden: set[str] = field(default_factory=set)  # base paths the edition does not publish
    hide_lines: dict[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.edition.name if self.edition else ""

    def shown(self, rel: str) -> str:
        """The path an editor opens for the content path ``rel``: the edition's file or the
        base's, from the project root."""
        if rel in self.own and self.edition is not None:
            return sources.relative(self.edition / "content" / rel, self.root)
        return sources.relative(self.base / rel, self.root)


def _tree(folder_: Path, root: Path) -> tuple[dict[str, Path], list[Problem]]:
    found, problems = sources.list_files(folder_, "*", root)
    start = folder_.resolve() if folder_.exists() else folder_
    return {p.resolve().relative_to(start).as_posix(): p for p in found}, problems


def resolve(root: Path, edition: Path | None, base: Path | None = None) -> tuple[Resolution, list]:
    """The base content/ with ``edition``'s layer over it, and the problems of the layer's
    paths (hide.yml naming no base page, a page both hidden and replaced)."""
    base = base or root / "content"
    files, problems = _tree(base, root)
    found = Resolution(root, base, edition, dict(files))
    if edition is None:
        return found, problems
    own, more = _tree(edition / "content", root)
    problems += more
    found.own = set(own)
    found.replaced = {rel for rel in own if rel in files}
    found.files.update(own)
    hidden, more = _hidden(edition, root, files, found.replaced)
    problems += more
    found.hide_lines = hidden
    found.hidden = {
        languages.translation_path(rel, code) for rel in hidden for code in languages.codes()
    } & set(files)
    for rel in found.hidden:
        found.files.pop(rel, None)
    return found, problems


def _hidden(
    edition: Path, root: Path, base: dict[str, Path], replaced: set[str]
) -> tuple[dict[str, int], list[Problem]]:
    """The pages hide.yml names (default-language path -> line), and its mistakes."""
    path = edition / HIDE
    if not path.is_file():
        return {}, []
    rel = sources.relative(path, root)
    doc, problems = _yaml(path, rel)
    if doc is None:
        return {}, problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, list):
        return {}, [
            Problem(
                rel,
                "must be a list of page paths.",
                "write one path per line, e.g. '- context/cijfers.md'.",
                line=1,
            )
        ]
    found = {}
    for index, item in enumerate(doc.data):
        line = doc.line([index])
        page = str(item).strip()
        if not isinstance(item, str) or not page.endswith(".md") or page not in base:
            problems.append(
                Problem(
                    rel,
                    f"'{item}' is no page of the base content/.",
                    "write the path from content/ to the Dutch file, e.g. context/cijfers.md "
                    "(hiding a page hides every language of it).",
                    line=line,
                )
            )
        elif languages.page_language(page) != languages.default():
            problems.append(
                Problem(
                    rel,
                    f"'{page}' is a translation; hide the page by its Dutch file.",
                    f"write {languages.translation_path(page, languages.default())}.",
                    line=line,
                )
            )
        elif mine := sorted(
            p for p in replaced if languages.translation_path(p, languages.default()) == page
        ):
            problems.append(
                Problem(
                    rel,
                    f"'{page}' is hidden and replaced ({', '.join(mine)}) at once.",
                    "keep one: remove it from hide.yml, or remove the replacing page.",
                    line=line,
                )
            )
        else:
            found[page] = line
    return found, problems


# --- the resolved tree and the generator's settings --------------------------------------------

_RECORD = translations.record_lines(FIELD)
_FRONT = re.compile(r"\A(---[ \t]*\r?\n)(.*?\r?\n)(---[ \t]*\r?\n)", re.S)


def published_text(text: str) -> str:
    """An edition page as the site gets it: without its ``replaces:`` record (the layer's, not
    the page's), each of its lines left empty so that every other line keeps its number."""
    match = _FRONT.match(text)
    if match is None:
        return text
    front = _RECORD.sub(lambda m: "\n" * m.group(0).count("\n"), match.group(2))
    return match.group(1) + front + match.group(3) + text[match.end() :]


# A Markdown link: [words](target "title"); the words hold no bracket and nothing is given back
# (possessive), so that no text makes it backtrack (tests/test_bounded_time.py).
_LINK = re.compile(r'(?<!!)\[([^\[\]\n]*+)\]\(<?([^)\s<>]*+)>?(?:[ \t]++"[^"\n]*+")?\)')


def unlinked(text: str, rel: str, hidden: set[str]) -> str:
    """``text`` of the page ``rel`` with each link to a hidden page made its plain words: the
    sentence stays, the way to a page this edition does not publish goes."""
    if not hidden:
        return text
    here = posixpath.dirname(rel)

    def plain(match: re.Match) -> str:
        target = match.group(2).partition("#")[0]
        if not target.endswith(".md") or "://" in target or target.startswith("/"):
            return match.group(0)
        found = posixpath.normpath(posixpath.join(here, target))
        return match.group(1) if found in hidden else match.group(0)

    return _LINK.sub(plain, text)


def write_tree(resolution: Resolution, target: Path) -> None:
    """The resolved content folder at ``target`` (emptied first): each effective file copied;
    a page of the edition without its record, and in every page the links to hidden pages made
    plain text. (References by name in front matter, the glossary or a quiz stay, and the
    check names each one, as for a page that does not exist.)"""
    if target.exists():
        shutil.rmtree(target)
    for rel, path in sorted(resolution.files.items()):
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        text = _text(path) if rel.endswith(".md") else None
        if text is None:
            shutil.copyfile(path, out)
            continue
        if rel in resolution.own:
            text = published_text(text)
        out.write_text(unlinked(text, rel, resolution.hidden), encoding="utf-8", newline="")


def _text(path: Path) -> str | None:
    """The file's text; None when it is no UTF-8 (copied as it is, and the check reports it,
    naming the editor's file)."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None


_BRANDING = ("organisation", "logo", "colour")


def config_text(resolution: Resolution, values: dict | None, docs_dir: str, base: str) -> str:
    """The generator's settings for the edition: the base's (``INHERIT``), with the resolved
    content folder and the edition's name, address and branding laid over them."""
    values = values if isinstance(values, dict) else {}
    own = values.get("branding") if isinstance(values.get("branding"), dict) else {}
    branding = {k: own[k] for k in _BRANDING if isinstance(own.get(k), str)}
    for key in ("name", "contact", "report"):
        if values.get(key) is not None:
            branding[key] = values[key]
    extra = {
        "edition": sources.relative(resolution.edition, resolution.root),
        "edition_example": values.get("example") is True,
        "branding": branding,
    }
    lines = [
        f"# Written for the edition {resolution.name} from {FOLDER}/{resolution.name}/{SETTINGS}",
        "# (its source); made anew by every build and check, never edited.",
        f"INHERIT: {base}",
        f"docs_dir: {json.dumps(docs_dir)}",
    ]
    if isinstance(values.get("site_url"), str):
        lines.append(f"site_url: !ENV [SITE_URL, {json.dumps(values['site_url'])}]")
    lines.append(f"extra: {json.dumps(extra, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def unknown(root: Path, name: str) -> str | None:
    """Why ``name`` names no edition of this project (with the ones there are), or None."""
    if _NAME.match(name) and folder(root, name).is_dir():
        return None
    known = sorted(p.name for p in (root / FOLDER).glob("*/") if p.is_dir())
    return f"{FOLDER}/{name}: no such edition; there are: {', '.join(known) or 'none'}."


def prepare(root: Path, name: str, tree: Path, docs: str, base_config: str = "mkdocs.yml") -> str:
    """Resolve the edition ``name``, write its content into ``tree``, and give the text of its
    settings file, whose ``docs_dir`` is ``docs`` (relative to ``root``). Its problems: the check
    reports them. Used by ``prepared`` and by ``make serve EDITION=`` (scripts/serve.py)."""
    edition = folder(root, name)
    resolution, _ = resolve(root, edition)
    write_tree(resolution, tree)
    values, _ = settings(edition, root)
    return config_text(resolution, values, docs, base_config)


@contextmanager
def prepared(root: Path, name: str, base_config: str = "mkdocs.yml") -> Iterator[Path]:
    """The generator's settings file for the edition ``name`` (beside ``base_config``, so that
    every relative path in it means what it means there), with its resolved content folder;
    both removed afterwards. Ask ``unknown`` first."""
    work = Path(tempfile.mkdtemp(prefix=f".edition-{name}-", dir=root))
    config = root / f"{work.name}.yml"
    try:
        docs = (work / "content").relative_to(root).as_posix()
        config.write_text(prepare(root, name, work / "content", docs, base_config), "utf-8")
        yield config
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)


# --- problems named after the editor's file ---------------------------------------------------


def relocate(problems: list[Problem], resolution: Resolution, config_name: str = "") -> list:
    """``problems`` found in the resolved folder, each naming the file the editor writes: the
    edition's own file, or the base's; a problem of the generated settings names edition.yml
    at the line of that setting."""
    if resolution.edition is None:
        return problems
    out = []
    prefixes = {"content/"}
    for problem in problems:
        path = problem.path
        if config_name and path == config_name:
            out.append(_in_settings(problem, resolution))
            continue
        for prefix in prefixes:
            if path.startswith(prefix) and path[len(prefix) :] in resolution.files:
                path = resolution.shown(path[len(prefix) :])
                break
        else:
            rel = _under_tree(path)
            if rel is not None and rel in resolution.files:
                path = resolution.shown(rel)
        out.append(dataclasses.replace(problem, path=path) if path != problem.path else problem)
    return out


def _under_tree(path: str) -> str | None:
    """The content path of a problem path inside a written tree (``.edition-*/content/<rel>``)."""
    head, sep, rel = path.partition("/content/")
    return rel if sep and head.rsplit("/", 1)[-1].startswith(".edition-") else None


def _in_settings(problem: Problem, resolution: Resolution) -> Problem:
    key = problem.field.removeprefix("extra.").removeprefix("branding.")
    key = f"branding.{key}" if key in _BRANDING else key
    path = resolution.edition / SETTINGS
    rel = sources.relative(path, resolution.root)
    doc, _ = _yaml(path, rel)
    line = doc.line(key.split(".")) if doc is not None else None
    return dataclasses.replace(problem, path=rel, field=key, line=line)


def translation_report(
    resolution: Resolution, late: list[str], unrecorded: list[str]
) -> tuple[list[str], list[str]]:
    """``translations.report`` of an edition's resolved folder, for the edition's own pages:
    a pair of base pages is the base's to report (its ``make check`` does), and in the edition
    it can only differ by a link to a hidden page made plain in both languages."""

    def mine(line: str) -> bool:
        src = line.split(" ", 1)[0].removeprefix("content/")
        dutch = languages.translation_path(src, languages.default())
        return src in resolution.own or dutch in resolution.own

    return [x for x in late if mine(x)], [x for x in unrecorded if mine(x)]


# --- replaced pages: in step with their base page ---------------------------------------------


def parts(page: content_model.Page) -> dict[str, str]:
    """The hash of every part of a base page that a replacement follows: every field (numbers
    and amounts too, which a translation shares) and every section, as the translation tracker
    hashes them."""
    return translations.parts(page, _NOT_PARTS)


def _page(path: Path, content_dir: Path, root: Path) -> content_model.Page | None:
    page, _ = content_model.read_page(path, content_dir, root)
    return page


def _record(page: content_model.Page) -> dict | None:
    value = page.meta.get(FIELD)
    ok = isinstance(value, dict) and isinstance(value.get("parts"), dict)
    return value if ok and isinstance(value.get("source"), str) else None


def stale(resolution: Resolution, rel: str) -> translations.Lag | None:
    """What changed in the base page ``rel`` since the edition's replacement of it was checked;
    None when it is in step or has no well-formed record."""
    own = _page(resolution.files[rel], resolution.edition / "content", resolution.root)
    shared = _page(resolution.base / rel, resolution.base, resolution.root)
    rec = _record(own) if own else None
    if shared is None or rec is None:
        return None
    now = parts(shared)
    if rec["source"] == translations.source_hash(now):
        return None
    old = {str(k): str(v) for k, v in rec["parts"].items()}
    return translations.Lag(
        str(rec.get("checked", "")),
        tuple(k for k in now if k in old and old[k] != now[k]),
        tuple(k for k in now if k not in old),
        tuple(k for k in old if k not in now),
    )


def check_replacements(resolution: Resolution) -> list[Problem]:
    """Every edition page with a ``replaces:`` record: only on a replacement, well-formed, and
    following the base page as it is now."""
    problems = []
    command = f"make editions-ok EDITION={resolution.name}"
    for rel in sorted(r for r in resolution.own if r.endswith(".md")):
        page = _page(resolution.files[rel], resolution.edition / "content", resolution.root)
        if page is None:
            continue  # unreadable: reported, naming this file, by the check of the pages
        shown, line = resolution.shown(rel), page.field_lines.get(FIELD)
        if rel not in resolution.replaced:
            if FIELD in page.meta:
                problems.append(
                    Problem(
                        shown,
                        f"a page of the edition alone has a '{FIELD}:' record, but the base "
                        f"has no content/{rel} to replace.",
                        f"remove '{FIELD}:' and what is indented under it, or move the page to "
                        "the path of the base page it replaces.",
                        field=FIELD,
                        line=line,
                    )
                )
            continue
        if _record(page) is None:
            problems.append(
                Problem(
                    shown,
                    f"replaces content/{rel} but does not record which version of it it follows.",
                    f"compare it with content/{rel}, then run {command} PAGE={rel}.",
                    field=FIELD,
                    line=line or 1,
                )
            )
        elif lag := stale(resolution, rel):
            problems.append(
                Problem(
                    shown,
                    f"replaces content/{rel}, which changed since this page was checked "
                    f"against it ({lag.checked}): {', '.join(lag.labels())}.",
                    f"bring the change into this page, then run {command} PAGE={rel}.",
                    field=FIELD,
                    line=line,
                )
            )
    return problems


def check(root: Path, edition: Path) -> list[Problem]:
    """Every problem of the edition's layer: its settings, its name, hide.yml and its replaced
    pages. (Its pages and data are checked as every page is, in the resolved folder.)"""
    problems = []
    if not _NAME.match(edition.name):
        problems.append(
            Problem(
                sources.relative(edition, root),
                f"'{edition.name}' cannot be an edition's name.",
                "use lower-case letters, digits and dashes, e.g. voorbeeld-gent.",
            )
        )
    problems += settings(edition, root)[1]
    resolution, more = resolve(root, edition)
    return problems + more + check_replacements(resolution)


# --- the record --------------------------------------------------------------------------------


def stamp(text: str, found: dict[str, str], today: dt.date) -> str | None:
    """The replacing page's ``text`` with its record for the base parts ``found`` (as the
    translation tracker writes its own); every other line stays. None without front matter."""
    return translations.stamp(text, found, today, FIELD, NOTE)
