"""Reading the editor's files: text, front matter and YAML, each mistake a Problem.

Every kind of content (pages, quizzes, the glossary, figures) is read through these functions, so
that a file that is not UTF-8, too large, a link to somewhere else or broken YAML gives the same
clear message everywhere, never a traceback.
"""

from __future__ import annotations

import copy
import fnmatch
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb.problems import Problem


def _cause(*args: Any, **kwargs: Any) -> Problem:
    """A problem that stops a file being read: the root cause of what follows from it."""
    return Problem(*args, cause=True, **kwargs)


__all__ = [
    "MAX_BYTES",
    "MAX_VALUES",
    "FrontMatter",
    "YamlDoc",
    "copy_data",
    "line_of",
    "list_files",
    "load_yaml",
    "nodes",
    "read_front_matter",
    "read_text",
    "relative",
]

# A page of the portal is a few KB; 300 KB of Markdown is a pasted book or a mistake, and would
# make every language's HTML and search index grow by megabytes.
MAX_BYTES = 300_000
# YAML aliases (*name) let a few lines stand for a source written once; nested ones can make a
# 5 KB file stand for billions of values ("billion laughs"). Far more than any real file holds.
MAX_VALUES = 100_000
# Characters that XML 1.0 (the feeds) or iCalendar (the calendar) cannot carry, and that no
# editor means to write: C0 controls but tab, line feed and carriage return; DEL; the two
# non-characters U+FFFE and U+FFFF; lone surrogates (which YAML's \\ud800 escape can make).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_FORBIDDEN_FIX = "remove it (in YAML it may be written as an escape such as \\x0b or \\e)."


def _forbidden(text: str) -> str | None:
    """The first character of ``text`` that XML or iCalendar forbids, as U+XXXX, or None."""
    found = _FORBIDDEN.search(text)
    return f"U+{ord(found.group(0)):04X}" if found else None


_FRONT = re.compile(r"^---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)


# --- files ------------------------------------------------------------------------------------


def list_files(folder: Path, pattern: str, root: Path) -> tuple[list[Path], list[Problem]]:
    """Files under ``folder`` matching ``pattern`` (a glob such as ``*.md``), as MkDocs finds them
    (following links), and a Problem for every link that leads outside ``folder``."""
    folder = folder.resolve() if folder.exists() else folder
    found, problems = [], []
    if not folder.is_dir():
        return [], []
    # A pattern of one part is matched on the name alone (what Path.match does with it).
    matches = (lambda name: fnmatch.fnmatchcase(name, pattern)) if "/" not in pattern else None
    for here, dirs, files in os.walk(folder, followlinks=True):
        base = Path(here)
        outside = set()  # the names here that are links leading outside ``folder``
        for name in sorted(dirs + files):
            path = base / name
            if os.path.islink(path) and not _inside(path, folder):
                outside.add(name)
                problems.append(
                    _cause(
                        relative(path, root),
                        f"is a link to {os.readlink(path)}, outside {relative(folder, root)}/; "
                        "its pages would be published without being checked.",
                        f"copy the file or folder into {relative(folder, root)}/ instead of linking it.",
                    )
                )
                if name in dirs:
                    dirs.remove(name)
        # os.walk does not enter a linked folder outside ``folder`` (removed above), so only a
        # file that is a link itself can lead outside, and the loop above has found those.
        found += [
            base / f
            for f in files
            if (matches(f) if matches else Path(f).match(pattern)) and f not in outside
        ]
    return sorted(found), problems


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def relative(path: Path, root: Path) -> str:
    """The path as an editor sees it: from the project root."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, rel: str, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, a byte-order mark dropped), or the Problem that stops reading it.
    Each file is read once until it changes, however many parts of the pipeline ask for it."""
    try:
        stat = path.stat()
    except OSError as err:
        return None, [
            _cause(rel, f"the file cannot be read ({err.strerror}).", "check that it exists.")
        ]
    text, problems = _read_text(str(path), rel, limit, stat.st_mtime_ns, stat.st_size)
    return text, list(problems)


@lru_cache(maxsize=4096)
def _read_text(
    path: str, rel: str, limit: int, _mtime: int, _size: int
) -> tuple[str | None, tuple[Problem, ...]]:
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        return None, (
            _cause(rel, f"the file cannot be read ({err.strerror}).", "check that it exists."),
        )
    if len(raw) > limit:
        return None, (
            _cause(
                rel,
                f"the file is {len(raw) // 1000} KB; at most {limit // 1000} KB is allowed.",
                "split it into several pages, or remove pasted text.",
                line=1,
            ),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, (
            _cause(
                rel,
                "the file is not UTF-8 text.",
                "save it as UTF-8 in your editor (File > Save with encoding).",
                line=raw[: err.start].count(b"\n") + 1,
            ),
        )
    text = text.lstrip("\ufeff")
    if shown := _forbidden(text):
        at = _FORBIDDEN.search(text).start()
        return None, (
            _cause(
                rel,
                f"the file holds the control character {shown}, which no page, feed or "
                "calendar may carry.",
                "remove it; your editor may show it as a box or as ^[ .",
                line=text.count("\n", 0, at) + 1,
            ),
        )
    return text, ()


# --- YAML -------------------------------------------------------------------------------------


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML for content: dates stay text (the schema judges them) and a key written twice is
    a mistake. LibYAML's parser when PyYAML has it (same errors and line numbers, several times
    faster)."""

    first_line = 1  # the line of the file where the YAML starts (front matter: line 2)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a plain name, not a list or a group",
                    key_node.start_mark,
                )
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key '{key}' is written twice (first on line {self.first_line + seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDoc:
    """Parsed YAML and its node tree, for the line of any value."""

    data: Any
    node: yaml.Node | None
    first_line: int = 1

    def line(self, path: tuple | list = ()) -> int | None:
        found = line_of(self.node, path)
        return None if found is None else found + self.first_line - 1


def load_yaml(text: str, rel: str, first_line: int = 1) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML; a syntax error, a duplicate key or an alias becomes a Problem with its line.
    Kept per text for the process; each caller gets its own data. The first caller of a text
    (in a build, the only one: tests/test_work_once.py) gets the data the parse made; a later
    caller gets it made again from the kept node tree, so that no caller sees what another
    changed."""
    doc, problems, handed = _load_yaml_kept(text, rel, first_line)
    if doc is None:
        return None, list(problems)
    if not handed:
        handed.append(True)
        return YamlDoc(doc.data, doc.node, doc.first_line), []
    return YamlDoc(_construct(doc.node, first_line), doc.node, doc.first_line), []


def _construct(node: yaml.Node | None, first_line: int) -> Any:
    """The data of ``node`` as the parse made it: values that an anchor (&name) shares stay
    shared, as ``copy.deepcopy`` would keep them; it raised no error the first time."""
    if node is None:
        return None
    loader = _Loader("")
    loader.first_line = first_line
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def copy_data(value: Any) -> Any:
    """A copy of parsed YAML that its reader may change, as ``copy.deepcopy`` makes it but
    several times faster: dicts and lists are copied, text, numbers, true/false and null (which
    cannot change) are shared; anything else (a ``!!set``, ``!!omap``) goes through
    ``copy.deepcopy``. Two places that were one alias (&name) become two equal values."""
    kind = type(value)
    if kind is dict:
        return {key: copy_data(item) for key, item in value.items()}
    if kind is list:
        return [copy_data(item) for item in value]
    if kind in _IMMUTABLE:
        return value
    return copy.deepcopy(value)


_IMMUTABLE = frozenset({str, int, float, bool, type(None), bytes})


@lru_cache(maxsize=4096)
def _load_yaml_kept(text: str, rel: str, first_line: int) -> tuple[YamlDoc | None, tuple, list]:
    """The parse of ``text`` and whether its data was handed out (empty list: not yet)."""
    doc, problems = _load_yaml(text, rel, first_line)
    return doc, tuple(problems), []


def _load_yaml(text: str, rel: str, first_line: int = 1) -> tuple[YamlDoc | None, list[Problem]]:
    loader = _Loader(text)
    loader.first_line = first_line
    try:
        node = loader.get_single_node()
        if node is not None and _may_expand(text) and (size := _expanded_size(node)) > MAX_VALUES:
            raise yaml.YAMLError(f"aliases (*name) make it {size:,} values; at most {MAX_VALUES:,}")
        if node is not None and _may_hide(text) and (bad := _forbidden_scalar(node)):
            shown, mark = bad
            raise yaml.MarkedYAMLError(
                problem=f"a text holds the control character {shown}, which no page, feed or "
                "calendar may carry",
                problem_mark=mark,
            )
        data = _data(loader, node, text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        what = getattr(err, "problem", None) or str(err).splitlines()[0]
        if "alias" in what and mark is None:
            mark = yaml.Mark(rel, 0, 0, 0, None, None)
        context = getattr(err, "context_mark", None)
        if context and mark and context.line != mark.line:
            what += f"; the part that is not closed starts on line {first_line + context.line}"
        if "alias" in what:
            fix = "repeat less: an alias may stand for a source, not for lists of aliases."
        elif "written twice" in what:
            fix = "keep one of the two; remove or rename the other."
        elif "control character" in what:
            fix = _FORBIDDEN_FIX
        elif "a key must be" in what:
            fix = "write the name before the colon as plain text, e.g. 'work-schemes:'."
        else:
            fix = "check the indentation and put text with a colon in quotes."
        return None, [
            _cause(
                rel,
                f"the YAML cannot be read ({what}).",
                fix,
                line=first_line + mark.line if mark else None,
            )
        ]
    finally:
        loader.dispose()
    return YamlDoc(data, node, first_line), []


def _data(loader: _Loader, node: yaml.Node | None, text: str) -> Any:
    """The data of ``node``. PyYAML's constructor makes each value through a chain of generic
    steps (anchors, merge keys, tags, two-step mappings); nearly all content is only maps, lists
    and plain values, made here directly and to the same result. Anything else (an anchor, a
    tag, a merge key, a key written twice) goes to PyYAML's constructor, as before, which also
    gives the error and its line."""
    if node is None:
        return None
    if "&" not in text:  # without an anchor, no node stands in two places
        try:
            return _plain(loader, node)
        except Exception:  # not plain, or a value PyYAML refuses: its constructor decides
            pass
    return loader.construct_document(node)


class _NotPlain(Exception):
    """A node that ``_plain`` leaves to PyYAML's constructor."""


_TAG = "tag:yaml.org,2002:"
_SCALAR_MAKERS = {
    f"{_TAG}null": yaml.constructor.SafeConstructor.construct_yaml_null,
    f"{_TAG}bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    f"{_TAG}int": yaml.constructor.SafeConstructor.construct_yaml_int,
    f"{_TAG}float": yaml.constructor.SafeConstructor.construct_yaml_float,
}


def _plain(loader: _Loader, node: yaml.Node) -> Any:
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == f"{_TAG}str":
            return node.value
        if (make := _SCALAR_MAKERS.get(tag)) is None:
            raise _NotPlain
        return make(loader, node)
    if kind is yaml.SequenceNode and tag == f"{_TAG}seq":
        return [_plain(loader, item) for item in node.value]
    if kind is yaml.MappingNode and tag == f"{_TAG}map":
        data: dict = {}
        seen = set()
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.value in seen:
                raise _NotPlain  # PyYAML's constructor says what is wrong (_Loader)
            seen.add(key_node.value)
            key = _plain(loader, key_node)
            data[key] = _plain(loader, value_node)
        return data
    raise _NotPlain


def _may_hide(text: str) -> bool:
    """Whether a text of the document may hold a character that ``text`` itself does not show:
    only an escape of a double-quoted scalar (``\\x0b``, ``\\e``) makes one; every other scalar
    is made of the document's own characters, line breaks and spaces."""
    return "\\" in text or _FORBIDDEN.search(text) is not None


def _forbidden_scalar(root: yaml.Node) -> tuple[str, yaml.Mark] | None:
    """The first text (as YAML reads it, escapes decoded) with a character XML or iCalendar
    forbids, and where it starts; each node once (aliases share theirs)."""
    for node in nodes(root):
        if isinstance(node, yaml.ScalarNode) and (shown := _forbidden(node.value)):
            return shown, node.start_mark
    return None


def nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """``root`` and every node under it, in the order of the file, each once (an alias shares
    its anchor's node)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in reversed(node.value) for part in reversed(pair)]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


def _may_expand(text: str) -> bool:
    """Whether the document may hold more than MAX_VALUES values. Only an alias makes a value
    count more than once, and an alias needs an anchor (``&name``; without one it is an error):
    without an ``&`` each node counts once, and every node but the document takes at least one
    character, or is the empty key or value of a ``?``, ``:`` or ``-`` (at most 3 per
    character), so a text of fewer than MAX_VALUES / 4 characters cannot."""
    return "&" in text or len(text) * 4 >= MAX_VALUES


def _expanded_size(root: yaml.Node) -> int:
    """How many values the document has once every alias is written out (each node counted once
    per use, computed without writing anything out)."""
    sizes: dict[int, int] = {}
    order, stack = [], [root]
    while stack:  # children before parents, each node once
        node = stack.pop()
        if id(node) in sizes:
            continue
        sizes[id(node)] = 0
        order.append(node)
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    for node in reversed(order):
        children = (
            [part for pair in node.value for part in pair]
            if isinstance(node, yaml.MappingNode)
            else node.value
            if isinstance(node, yaml.SequenceNode)
            else []
        )
        sizes[id(node)] = min(1 + sum(sizes[id(c)] for c in children), 10**12)
    return sizes[id(root)]


def line_of(node: yaml.Node | None, path: tuple | list) -> int | None:
    """The 1-based line of the deepest node along ``path`` (mapping keys and list indexes)."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step or key.value == str(step):
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                return line
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


# --- front matter -----------------------------------------------------------------------------


@dataclass
class FrontMatter:
    """A Markdown file split into its front matter and its body."""

    meta: dict[str, Any]
    doc: YamlDoc
    body: str
    body_line: int


def read_front_matter(text: str, rel: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Split ``---`` front matter from the body and parse it (lines counted in the file)."""
    match = _FRONT.match(text)
    if not match and re.match(r"---[ \t]*\r?\n", text):
        return None, [
            _cause(
                rel,
                "the front matter has no closing '---' line.",
                "add a line of three dashes (---) after the last field, before the page text.",
                line=1,
            )
        ]
    if not match:
        return None, [
            _cause(
                rel,
                "the page has no front matter.",
                "start the file with a '---' line, the fields (title: …, summary: …), "
                "and another '---' line.",
                line=1,
            )
        ]
    doc, problems = load_yaml(match.group(1), rel, first_line=2)
    if problems:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [
            _cause(
                rel,
                "the front matter is not a list of 'field: value' lines.",
                "write one field per line, e.g. 'title: Over dit portaal'.",
                line=2,
            )
        ]
    body_line = text[: match.end()].count("\n") + 1
    return FrontMatter(doc.data, doc, text[match.end() :], body_line), []


def data_file(root: Path, name: str, content_dir: Path | None = None) -> tuple[Path, str]:
    """A data file in the content folder's ``_data/`` (``content/`` unless the site's settings name
    another, MkDocs' ``docs_dir``): its path, and its name as messages show it, from ``root``."""
    path = (content_dir if content_dir is not None else root / "content") / "_data" / name
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return path, rel
