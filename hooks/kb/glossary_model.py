"""The glossary: read content/_data/glossary.yml, check it, and shape it per language.

Pure: no MkDocs here. ``check`` is called by the build (hooks/render_glossary.py, later also
hooks/validate_content.py) and by tests; every editor mistake is a ``Problem`` that names the
file, the term, the field and the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from kb import sources, text_policy
from kb.problems import Problem

__all__ = ["GLOSSARY_FILE", "LANGS", "GlossaryError", "anchor", "anchors", "check", "load"]

GLOSSARY_FILE = "content/_data/glossary.yml"
LANGS = ("nl", "en")
LANG_NAMES = {"nl": "Dutch", "en": "English"}
SCHEMA_PATH = Path(__file__).parent / "schemas" / "glossary.schema.yml"
HTML = re.compile(r"<\s*[A-Za-z/!?]|&[A-Za-z#][A-Za-z0-9]*;")
MARKDOWN = re.compile(r"\*\*|`|\[[^\]]*\]\(")

_formats = FormatChecker()
_formats.checks("plain-text")(lambda v: not isinstance(v, str) or not HTML.search(v))
_formats.checks("uri")(lambda v: not isinstance(v, str) or text_policy.check_web_address(v) is None)
_validator = Draft202012Validator(
    yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8")), format_checker=_formats
)


class GlossaryError(Exception):
    """The glossary file has mistakes; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def anchor(term: str) -> str:
    """The id of a term on the glossary page: lower case, other signs become hyphens (IBO-T: ibo-t)."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


# --- reading ----------------------------------------------------------------------------------


def _node_lines(
    node: yaml.Node, path: tuple = (), out: dict | None = None, dupes: list | None = None
) -> tuple[dict[tuple, int], list[tuple[tuple, str, int]]]:
    """The 1-based line of every value in the YAML tree, and keys written twice in one mapping."""
    out = {} if out is None else out
    dupes = [] if dupes is None else dupes
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value
            if name in seen:
                dupes.append((path, str(name), key.start_mark.line + 1))
            seen.add(name)
            out[(*path, name)] = key.start_mark.line + 1
            _node_lines(value, (*path, name), out, dupes)
            out[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), out, dupes)
    return out, dupes


def _read(root: Path) -> tuple[Any, dict[tuple, int], list, list[Problem]]:
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return (
            None,
            {},
            [],
            [
                Problem(
                    GLOSSARY_FILE,
                    "the glossary file is missing.",
                    "create it: a list of terms with term, nl and en.",
                )
            ],
        )
    text, problems = sources.read_text(path, GLOSSARY_FILE)
    doc, more = sources.load_yaml(text, GLOSSARY_FILE) if text is not None else (None, [])
    if doc is None:
        return None, {}, [], problems + more
    data, node = doc.data, doc.node
    lines, dupes = _node_lines(node) if node is not None else ({}, [])
    return data, lines, dupes, []


# --- checking ---------------------------------------------------------------------------------


def _term_name(data: Any, index: int) -> str:
    item = data[index] if isinstance(data, list) and index < len(data) else None
    term = item.get("term") if isinstance(item, dict) else None
    return str(term) if term else f"term {index + 1}"


def _field(data: Any, path: tuple) -> str:
    """``IBO.en.explanation`` rather than ``[3].en.explanation``."""
    if not path:
        return ""
    head = _term_name(data, path[0]) if isinstance(path[0], int) else str(path[0])
    rest = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[1:])
    return head + rest


def _describe(error: ValidationError) -> tuple[str, str]:
    """What is wrong and how to fix it, in an editor's words."""
    v, schema, path = error.validator, error.schema, list(error.absolute_path)
    hint = schema.get("description", "")
    if v == "required":
        name = error.message.split("'")[1]
        if name in LANGS:
            return (
                f"the {LANG_NAMES[name]} text is missing.",
                f"add '{name}:' with 'name:' and 'explanation:' under it (every term needs "
                "both nl and en).",
            )
        return f"the field '{name}' is missing.", f"add '{name}: …'."
    if v == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        allowed = ", ".join(schema.get("properties", {}))
        return (
            f"unknown field {', '.join(repr(e) for e in extra)}.",
            f"check the spelling; allowed here: {allowed}.",
        )
    if v == "format":
        return ("contains HTML.", "write plain text: no tags like <b> or <br>, no &amp;-codes.")
    if v == "type":
        names = {
            "string": "text",
            "array": "a list (lines starting with '- ')",
            "object": "a group of 'field: value' lines",
        }
        expected = schema.get("type")
        if not path:
            return (
                "the file should be a list of terms.",
                "start each term with '- term: …' (see the other terms).",
            )
        return (
            f"should be {names.get(expected, expected)}, not {type(error.instance).__name__}.",
            "put text that starts with a special sign in quotes." if expected == "string" else hint,
        )
    if v == "minLength":
        return "is empty or too short.", hint or "write the text."
    if v == "maxLength":
        return (
            f"is too long ({len(error.instance)} characters, at most {schema['maxLength']}).",
            "shorten it to one or two short sentences.",
        )
    if v == "pattern" and path and path[-1] == "page":
        return (
            f"'{error.instance}' is not a page path.",
            "write the path under content/ to the Dutch file, e.g. statuses/ibo.md.",
        )
    if v == "pattern":
        return (
            f"'{error.instance}' is not an abbreviation as written in the text.",
            "write it as it appears in the text: letters, digits, hyphens, no spaces.",
        )
    if v == "uniqueItems":
        return "lists the same alias twice.", "remove the duplicate."
    if v == "minItems":
        return "the glossary has no terms.", "add at least one term."
    return error.message + ".", hint


def _schema_problems(data: Any, lines: dict[tuple, int]) -> list[Problem]:
    problems = []
    for error in sorted(
        _validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
    ):
        what, fix = _describe(error)
        path = tuple(error.absolute_path)
        line = lines.get(path)
        while line is None and path:
            path = path[:-1]
            line = lines.get(path)
        problems.append(
            Problem(
                GLOSSARY_FILE,
                what,
                fix,
                field=_field(data, tuple(error.absolute_path)) or "glossary",
                line=line,
            )
        )
    return problems


def _content_problems(
    data: list, lines: dict[tuple, int], dupes: list, root: Path
) -> list[Problem]:
    """What the schema cannot see: duplicate terms and keys, Markdown in a tooltip text, a page
    that does not exist."""
    problems = []
    for path, key, line in dupes:
        problems.append(
            Problem(
                GLOSSARY_FILE,
                f"'{key}' is written twice in the same place.",
                "keep one; YAML would silently use only the last one.",
                field=_field(data, (*path, key)),
                line=line,
            )
        )
    first: dict[str, str] = {}  # anchor -> term that has it
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            continue
        names = [item.get("term"), *list(item.get("aliases") or [])]
        for name in names:
            if not isinstance(name, str) or not name:
                continue
            key = anchor(name)
            if key in first:
                what = (
                    f"the term '{name}' is in the glossary twice."
                    if first[key] == name
                    else f"'{name}' and '{first[key]}' are the same term written differently."
                )
                problems.append(
                    Problem(
                        GLOSSARY_FILE,
                        what,
                        "keep one entry; put other spellings under 'aliases:'.",
                        field=_field(data, (index, "term")),
                        line=lines.get((index, "term")),
                    )
                )
            else:
                first[key] = name
        page = item.get("page")
        if (
            isinstance(page, str)
            and (root / "content").is_dir()
            and not (root / "content" / page).is_file()
        ):
            problems.append(
                Problem(
                    GLOSSARY_FILE,
                    f"the page 'content/{page}' does not exist.",
                    "check the path (the Dutch file under content/, e.g. "
                    "statuses/ibo.md) or remove 'page:'.",
                    field=_field(data, (index, "page")),
                    line=lines.get((index, "page")),
                )
            )
        for lang in LANGS:
            texts = item.get(lang)
            if not isinstance(texts, dict):
                continue
            for key in ("name", "explanation"):
                value = texts.get(key)
                if isinstance(value, str) and MARKDOWN.search(value):
                    problems.append(
                        Problem(
                            GLOSSARY_FILE,
                            "contains Markdown (**, ` or a link); a tooltip shows it as is.",
                            "write plain text without formatting.",
                            field=_field(data, (index, lang, key)),
                            line=lines.get((index, lang, key)),
                        )
                    )
    return problems


def check(root: Path) -> list[Problem]:
    """Every problem in the glossary file (empty when it is fine)."""
    data, lines, dupes, problems = _read(root)
    if problems:
        return problems
    problems = _schema_problems(data, lines)
    if isinstance(data, list):
        problems += _content_problems(data, lines, dupes, root)
        problems += _sentence_problems(data, lines)
    return problems


# Plain language (B1): a tooltip is read in passing, so its Dutch sentences stay short.
MAX_WORDS = 15


def _sentence_problems(data: list, lines: dict[tuple, int]) -> list[Problem]:
    problems = []
    for index, item in enumerate(data):
        text = item.get("nl", {}).get("explanation") if isinstance(item, dict) else None
        if not isinstance(item.get("nl") if isinstance(item, dict) else None, dict):
            continue
        if not isinstance(text, str):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if len(sentence.split()) > MAX_WORDS:
                problems.append(
                    Problem(
                        GLOSSARY_FILE,
                        f"a sentence has {len(sentence.split())} words; at most {MAX_WORDS} "
                        f"(plain language): '{sentence}'",
                        "split it into two shorter sentences.",
                        field=_field(data, (index, "nl", "explanation")),
                        line=lines.get((index, "nl", "explanation")),
                    )
                )
    return problems


# --- shaping ----------------------------------------------------------------------------------


def load(root: Path) -> dict[str, list[dict[str, Any]]]:
    """The glossary per language, sorted A-Z: ``{"nl": [{term, aliases, anchor, page, name,
    explanation}, …], "en": […]}``. Raises GlossaryError (with all problems) if the file has mistakes.
    """
    problems = check(root)
    if problems:
        raise GlossaryError(problems)
    data, _, _, _ = _read(root)
    out: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGS:
        out[lang] = sorted(
            (
                {
                    "term": item["term"],
                    "aliases": list(item.get("aliases") or []),
                    "anchor": anchor(item["term"]),
                    "page": item.get("page"),
                    "name": item[lang]["name"].strip(),
                    "explanation": " ".join(item[lang]["explanation"].split()),
                }
                for item in data
            ),
            key=lambda t: (t["term"].casefold(), t["term"]),
        )
    return out


def anchors(root: Path) -> set[str]:
    """The ids of the terms on the glossary page (for checks of links like woordenlijst.md#ibo)."""
    data, _, _, problems = _read(root)
    if problems or not isinstance(data, list):
        return set()
    return {
        anchor(item["term"])
        for item in data
        if isinstance(item, dict) and isinstance(item.get("term"), str)
    }
