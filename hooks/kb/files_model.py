"""Every file under the content roots that is not a page or a data file: judged before publishing.

MkDocs publishes every file under ``content/`` as it is. Pages (``.md``) and data files
(``.yml`` under ``_data/`` and ``_templates/``, which are not published) go through the pipeline;
anything else must be of a type the portal needs, and must be what its name says:

- raster images: PNG, JPEG, GIF, WebP, AVIF (their first bytes are checked);
- PDF documents (a reader opens them in the browser's own viewer, which runs no page script);
- SVG images without script, event handler, reference to anything outside the file (an address
  in ``href``, ``url(…)`` or ``@import``), ``<foreignObject>``, animation of an address,
  DOCTYPE or entity, or processing instruction: opened on their own, SVG files are documents
  that could run script.

A file at the path of one of the portal's or the theme's own files (scripts, style sheets, the
service worker, templates, images) would replace it in the built site: it is refused whatever
its type. ``quizzes/`` holds quiz files only.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from xml.parsers import expat

from kb import sources
from kb.problems import Problem

__all__ = ["MAX_FILE_BYTES", "RASTER", "check"]

# What the portal publishes besides pages: name ending -> the bytes such a file starts with.
RASTER = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"",),  # an ISO box: "ftyp" at byte 4, below
}
_DOCUMENTS = {".pdf": (b"%PDF-",)}
_KINDS = ", ".join(e.lstrip(".") for e in [*RASTER, ".svg", *_DOCUMENTS])
# An image or a PDF larger than this slows every reader on a phone; an SVG is parsed in full.
MAX_FILE_BYTES = 5_000_000
MAX_SVG_BYTES = 1_000_000
_DATA_FOLDERS = ("_data", "_templates")

_SVG_REFUSED_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler"}
_ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform"}
# url(…) that is not a reference to an element of the same file (url(#gradient)).
_FOREIGN_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.I)
_LOCAL_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,", re.I)


def _shadowed(theme_dirs: tuple[Path, ...]) -> dict[str, str]:
    """Every file of the theme and the portal's overrides, by its path in the site (lower case:
    a server on a case-insensitive disk would serve either); the first folder's first."""
    found: dict[str, str] = {}
    for folder in theme_dirs:
        for key, path in _theme_files(folder).items():
            found.setdefault(key, path)
    return found


@lru_cache(maxsize=16)
def _theme_files(folder: Path) -> dict[str, str]:
    """The files of one theme folder by their lower-case path, listed once per process per
    folder (as before for the whole list): a check of a copy of the project walks its own
    overrides/ but not Material's theme again. Hidden folders (Material's icons) are not
    published."""
    found: dict[str, str] = {}
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            path = (Path(here) / name).relative_to(folder).as_posix()
            found.setdefault(path.lower(), path)
    return found


def check(
    root: Path, content_dir: Path, quiz_dir: Path, theme_dirs: list[Path] | tuple = ()
) -> list[Problem]:
    """A problem for each file under ``content_dir`` or ``quiz_dir`` that the portal would
    publish unjudged or that would replace one of its own files."""
    theme = _shadowed(tuple(Path(d) for d in theme_dirs))
    problems = []
    files, _ = sources.list_files(content_dir, "*", root)  # links: content_model reports them
    resolved = content_dir.resolve()
    for path in files:
        inside = path.relative_to(resolved if path.is_absolute() else content_dir)
        if any(part.startswith(".") for part in inside.parts):
            continue  # MkDocs publishes no hidden file or folder
        rel = sources.relative(path, root)
        where = inside.as_posix()
        suffix = path.suffix.lower()
        if where.lower() in theme:
            problems.append(
                Problem(
                    rel,
                    f"the file would replace the portal's own {theme[where.lower()]} in the "
                    "built site (a file of the theme or of overrides/), on every page that "
                    "uses it.",
                    "give it another name or folder; the portal's own scripts, style sheets "
                    "and images are changed in overrides/, by a developer.",
                )
            )
        elif suffix == ".md" or (suffix in {".yml", ".yaml"} and inside.parts[0] in _DATA_FOLDERS):
            continue
        else:
            problems += _judge(path, rel, suffix)
    quizzes, _ = sources.list_files(quiz_dir, "*", root)
    problems += [
        Problem(
            sources.relative(path, root),
            "is not a quiz file; quizzes/ holds only quizzes, one <id>.yml each.",
            "move it elsewhere, or save the quiz with the ending .yml.",
        )
        for path in quizzes
        if path.suffix != ".yml" and not path.name.startswith(".")
    ]
    return problems


def _judge(path: Path, rel: str, suffix: str) -> list[Problem]:
    """A file that is neither a page nor a data file: its type, its size and its bytes."""
    if suffix not in RASTER and suffix not in _DOCUMENTS and suffix != ".svg":
        what = "a data file outside _data/" if suffix in {".yml", ".yaml"} else "this type"
        return [
            Problem(
                rel,
                f"the portal does not publish {what} ('{suffix or path.name}'): it would be "
                "served as it is, unchecked.",
                "write a page as Markdown (.md) and data in content/_data/; besides pages, "
                f"content/ may hold only {_KINDS} files.",
            )
        ]
    size = path.stat().st_size
    limit = MAX_SVG_BYTES if suffix == ".svg" else MAX_FILE_BYTES
    if size > limit:
        return [
            Problem(
                rel,
                f"the file is {size // 1000:,} KB; at most {limit // 1000:,} KB is allowed.",
                "make the image smaller (fewer pixels, or compress it) or split the document.",
                line=1,
            )
        ]
    if suffix == ".svg":
        return _svg_problems(path.read_bytes(), rel)
    with path.open("rb") as handle:
        head = handle.read(16)
    starts = {**RASTER, **_DOCUMENTS}[suffix]
    wrong = (suffix == ".webp" and head[8:12] != b"WEBP") or (
        suffix == ".avif" and head[4:12] not in {b"ftypavif", b"ftypavis"}
    )
    if not head.startswith(starts) or wrong:
        return [
            Problem(
                rel,
                f"the file is not a {suffix.lstrip('.').upper()} file, whatever its name says "
                "(its first bytes are those of another type).",
                f"save it again as {suffix.lstrip('.').upper()} in an image editor or PDF "
                "program, or give it the ending of its real type.",
                line=1,
            )
        ]
    return []


class _Refused(Exception):
    """Stops reading an SVG image at its first breach."""


def _svg_problems(data: bytes, rel: str) -> list[Problem]:
    """An SVG image with nothing active or foreign in it: what the first breach is, and where."""
    parser = expat.ParserCreate(namespace_separator=" ")
    found: list[tuple[str, int]] = []

    def refuse(what: str) -> None:
        found.append((what, parser.CurrentLineNumber))
        raise _Refused  # the first breach is enough; nothing after it is read (or expanded)

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2].lower()
        if local in _SVG_REFUSED_ELEMENTS:
            refuse(
                f"the element <{name.rpartition(' ')[2]}>, which can run script or show "
                "another document"
            )
        for key, value in attrs.items():
            attr = key.rpartition(" ")[2].lower()
            if attr.startswith("on"):
                refuse(f"the event handler {attr}=, which runs script")
            elif attr == "href" and not value.strip().startswith("#"):
                if not _LOCAL_IMAGE.match(value.strip()):
                    refuse(f"the address '{value[:80]}', a reference outside the file")
            elif _FOREIGN_URL.search(value):
                refuse(f"the attribute {attr}= with a reference outside the file")
            elif local in _ANIMATIONS and attr == "attributename" and "href" in value.lower():
                refuse(f"an <{local}> that changes an address")

    def text(data: str) -> None:
        if stack and stack[-1] == "style" and _FOREIGN_URL.search(data):
            refuse("a style with url(…) or @import, a reference outside the file")

    stack: list[str] = []

    def begin(name: str, attrs: dict[str, str]) -> None:
        stack.append(name.rpartition(" ")[2].lower())
        start(name, attrs)

    parser.StartElementHandler = begin
    parser.EndElementHandler = lambda name: stack.pop()
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = lambda *a: refuse("a DOCTYPE, which can define entities")
    parser.EntityDeclHandler = lambda *a: refuse("an entity definition")
    parser.ProcessingInstructionHandler = lambda target, d: refuse(
        f"the instruction <?{target}?>, which can load a style sheet"
    )
    try:
        parser.Parse(data, True)
    except _Refused:
        pass
    except expat.ExpatError as err:
        return [
            Problem(
                rel,
                f"the SVG image cannot be read as XML ({expat.ErrorString(err.code)}).",
                "export it again from your drawing program as plain SVG.",
                line=err.lineno,
            )
        ]
    if not found:
        return []
    what, line = found[0]
    return [
        Problem(
            rel,
            f"the SVG image holds {what}.",
            "export it again as plain SVG without scripts, links or embedded web content, or "
            "save it as PNG.",
            line=line,
        )
    ]
