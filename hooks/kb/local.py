"""Local places on shared pages, and what an edition fills them with (issue 27).

A shared page names the places where local information belongs in its front matter::

    local: [whom-to-call]

The place shows after the page's text (``kb.views.ORDER``, block ``local``). In the shared
portal it shows nothing. In an edition it shows:

- the edition's text for that page and place, from its additions folder:
  ``<additions>/<page path without .md>/<place>.md`` (Dutch) and ``<place>.en.md`` (English),
  plain Markdown paragraphs and ``-`` lists, links written from content/ like in data files;
- the edition's services (kind ``service``, ``content/services/``) that list the page under
  ``helps_with``.

Where the additions folder is comes from the project (``Project.additions``; the build reads
``extra.local_additions`` in the settings, a folder from the project root). An edition's build
sets it to ``editions/<name>/additions``; the services arrive as pages of the resolved content.
A place that has neither text nor services shows nothing, so a page without an addition looks
as it does in the shared portal.

Pure: no MkDocs. Every mistake in an addition file is a ``Problem`` with its file and line.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb import content_model, kinds, languages, sources
from kb.problems import Problem

__all__ = [
    "PLACES",
    "Addition",
    "additions",
    "additions_dir",
    "check",
    "helping",
    "place_view",
    "places",
    "services",
]

# The places a shared page may name, with what belongs there. One for now; a new one is a name
# here, a label in the service schema's labels and a line in EDITING.md.
PLACES = {"whom-to-call": "whom a coach contacts here for this question"}


def _kind() -> str | None:
    """The kind of an edition's services (``plays: [services]`` in its registry entry)."""
    return kinds.playing("services")


@dataclass(frozen=True)
class Addition:
    """An edition's text for one place of one shared page, in one language."""

    page: str  # the shared page's path under content/ (the Dutch file), e.g. support/leefloon.md
    place: str
    lang: str
    rel: str  # the file, as messages name it
    paragraphs: tuple  # each a paragraph (str) or a list (tuple of str)


def places(page: content_model.Page) -> list[str]:
    """The local places the page names (front matter ``local``), in its order."""
    value = page.meta.get("local")
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def additions_dir(project: Any) -> Path | None:
    """The folder of the edition's additions, or None (the shared portal has none)."""
    folder = getattr(project, "additions", None)
    return Path(folder) if folder else None


def _paragraphs(text: str) -> tuple[tuple, list[tuple[int, str]]]:
    """The text's paragraphs and lists, and (line, text) of each piece for the checks."""
    found: list = []
    pieces: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []

    def close() -> None:
        if not block:
            return
        if all(line.lstrip().startswith(("- ", "* ")) for _, line in block):
            found.append(tuple(line.lstrip()[2:].strip() for _, line in block))
        else:
            found.append(" ".join(line.strip() for _, line in block))
        pieces.extend((n, line.strip()) for n, line in block)
        block.clear()

    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            block.append((number, line))
        else:
            close()
    close()
    return tuple(found), pieces


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_one(site, path: Path, folder: Path, rel: str) -> tuple[Addition | None, list[Problem]]:
    """One addition file, checked: its page and place exist, its text keeps the text policy."""
    page_dir = path.parent.relative_to(folder).as_posix()
    page = f"{page_dir}.md"
    place, lang = path.name[:-3], languages.default()
    for code in languages.codes():
        if place.endswith(f".{code}"):
            place, lang = place[: -len(code) - 1], code
    shared = site.pages.get(page)
    if shared is None:
        return None, [
            Problem(
                rel,
                f"there is no shared page content/{page} for this addition.",
                "name the folder after the page's path without .md, e.g. "
                "additions/support/leefloon/whom-to-call.md.",
            )
        ]
    if place not in places(shared):
        named = ", ".join(places(shared)) or "none"
        return None, [
            Problem(
                rel,
                f"content/{page} has no local place '{place}' (its places: {named}).",
                f"name the file after one of the page's places, or add '{place}' to the page's "
                f"local: list (places: {', '.join(PLACES)}).",
            )
        ]
    text, problems = sources.read_text(path, rel)
    if text is None:
        return None, problems
    paragraphs, pieces = _paragraphs(text)
    lines = dict(enumerate((n for n, _ in pieces)))
    problems += content_model.text_problems(
        site, rel, [piece for _, piece in pieces], lambda p: lines.get(p[0]) if p else None, lang
    )
    return Addition(page, place, lang, rel, paragraphs), problems


def _load(portal) -> tuple[dict[tuple[str, str, str], Addition], list[Problem]]:
    folder = additions_dir(portal.project)
    found: dict[tuple[str, str, str], Addition] = {}
    problems: list[Problem] = []
    if folder is None:
        return found, problems
    if not folder.is_absolute():
        folder = portal.root / folder
    files, problems = sources.list_files(folder, "*.md", portal.root)
    for path in sorted(files):
        addition, found_problems = _read_one(portal.site, path, folder, _rel(path, portal.root))
        problems += found_problems
        if addition is not None:
            found[(addition.page, addition.place, addition.lang)] = addition
    return found, problems


def _loaded(portal) -> tuple[dict[tuple[str, str, str], Addition], list[Problem]]:
    return portal._once("local_additions", lambda: _load(portal))


def additions(portal, page: content_model.Page) -> dict[str, dict[str, Addition]]:
    """The edition's texts for the page's places: place -> language -> Addition."""
    found: dict[str, dict[str, Addition]] = {}
    for (path, place, lang), addition in _loaded(portal)[0].items():
        if path == page.base:
            found.setdefault(place, {})[lang] = addition
    return found


def services(portal, lang: str) -> list[content_model.Page]:
    """The edition's services in ``lang`` (the Dutch page where one is not translated), in the
    order of their ``order`` and then their names; made once per site and language, as each
    page with a local place asks for them."""
    return list(portal.site.derived(("local services", lang), lambda: _services(portal, lang)))


def _services(portal, lang: str) -> list[content_model.Page]:
    site, kind = portal.site, _kind()
    bases = sorted({p.base for p in site.pages.values() if p.kind == kind})
    found = [site.by_slug(kind, posixpath.basename(b)[:-3], lang) for b in bases]
    found = [p for p in found if p is not None and posixpath.basename(p.base) != "index.md"]
    return sorted(found, key=lambda p: (p.meta.get("order", 999), str(p.meta.get("title"))))


def helping(portal, page: content_model.Page, lang: str) -> list[content_model.Page]:
    """The services that name ``page`` under ``helps_with``."""
    return [s for s in services(portal, lang) if page.base in (s.meta.get("helps_with") or [])]


def place_view(portal, page: content_model.Page, lang: str) -> list[dict[str, Any]]:
    """Each place of the page that has something to show, as data for the view: its name, the
    edition's text (in ``lang``, else in the default language: then ``text_lang`` says so) and
    the services. Empty in the shared portal, and on a page whose places are all empty."""
    texts, found = additions(portal, page), []
    for place in places(page):
        by_lang = texts.get(place, {})
        text = by_lang.get(lang) or by_lang.get(languages.default())
        helpers = helping(portal, page, lang)
        if text is None and not helpers:
            continue
        found.append(
            {
                "name": place,
                "paragraphs": text.paragraphs if text else (),
                "text_lang": text.lang if text and text.lang != lang else None,
                "services": helpers,
            }
        )
    return found


def check(portal) -> list[Problem]:
    """Every problem of the additions, and each page a service's ``helps_with`` names that does
    not exist (the schemas check the shape and the place names)."""
    problems = list(_loaded(portal)[1])
    site, kind = portal.site, _kind()
    for page in sorted(site.pages.values(), key=lambda p: p.src):
        if page.kind != kind or page.lang != languages.default():
            continue
        for target in page.meta.get("helps_with") or []:
            if isinstance(target, str) and target not in site.pages:
                problems.append(
                    Problem(
                        f"{site.content_dir.name}/{page.src}",
                        f"'{target}' is not a page.",
                        "write the path from content/ to the Dutch file, e.g. support/leefloon.md.",
                        field="helps_with",
                        line=page.field_lines.get("helps_with"),
                    )
                )
    return problems
