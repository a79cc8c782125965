"""The glossary: read content/_data/glossary.yml, check it, and shape it per language.

Pure: no MkDocs here. ``check`` is called by the build (hooks/steps/render_glossary.py, later also
hooks/steps/validate_content.py) and by tests; every editor mistake is a ``Problem`` that names the
file, the term, the field and the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb import languages, schema_registry, sources
from kb.problems import Problem

__all__ = ["GLOSSARY_FILE", "GlossaryError", "anchor", "anchors", "check", "load", "terms"]

GLOSSARY_FILE = "content/_data/glossary.yml"
SCHEMA_PATH = schema_registry.SCHEMA_DIR / "glossary.schema.yml"
MARKDOWN = re.compile(r"\*\*|`|\[[^\][]*+\]\(")


def _and(items: tuple[str, ...]) -> str:
    """ "nl and en", "nl, en and fr"."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


class GlossaryError(Exception):
    """The glossary file has mistakes; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def anchor(term: str) -> str:
    """The id of a term on the glossary page: lower case, other signs become hyphens (IBO-T: ibo-t)."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


# --- reading ----------------------------------------------------------------------------------


def _read(
    root: Path, content_dir: Path | None = None
) -> tuple[sources.YamlDoc | None, list[Problem]]:
    path, rel = sources.data_file(root, "glossary.yml", content_dir)
    if not path.is_file():
        return None, [
            Problem(
                rel,
                "the glossary file is missing.",
                f"create it: a list of terms with term, {_and(languages.codes())}.",
            )
        ]
    text, problems = sources.read_text(path, rel)
    doc, more = sources.load_yaml(text, rel) if text is not None else (None, [])
    return doc, problems + more


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


def _schema_problems(doc: sources.YamlDoc, rel: str) -> list[Problem]:
    errors = schema_registry.errors("glossary", doc.data)
    problems = []
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        what, fix = schema_registry.describe(error)
        path = tuple(error.absolute_path)
        field = _field(doc.data, path) or "glossary"
        problems.append(Problem(rel, what, fix, field=field, line=doc.line(path)))
    return problems


def _content_problems(
    doc: sources.YamlDoc, rel: str, root: Path, content_dir: Path | None
) -> list[Problem]:
    """What the schema cannot see: duplicate terms and keys, Markdown in a tooltip text, a page
    that does not exist."""
    data, problems = doc.data, []
    site = None
    content_dir = content_dir if content_dir is not None else root / "content"
    if content_dir.is_dir():
        # Imported here: the content model itself asks the glossary for its terms' anchors.
        from kb import content_model

        site = content_model.load_site(content_dir, root)
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
                        rel,
                        what,
                        "keep one entry; put other spellings under 'aliases:'.",
                        field=_field(data, (index, "term")),
                        line=doc.line((index, "term")),
                    )
                )
            else:
                first[key] = name
        page = item.get("page")
        if isinstance(page, str) and site is not None and content_model.resolve(site, page)[1]:
            problems.append(
                Problem(
                    rel,
                    f"the page 'content/{page}' does not exist.",
                    "check the path (the Dutch file under content/, e.g. "
                    "statuses/ibo.md) or remove 'page:'.",
                    field=_field(data, (index, "page")),
                    line=doc.line((index, "page")),
                )
            )
        for lang in languages.codes():
            texts = item.get(lang)
            if not isinstance(texts, dict):
                continue
            for key in ("name", "explanation"):
                value = texts.get(key)
                if isinstance(value, str) and MARKDOWN.search(value):
                    problems.append(
                        Problem(
                            rel,
                            "contains Markdown (**, ` or a link); a tooltip shows it as is.",
                            "write plain text without formatting.",
                            field=_field(data, (index, lang, key)),
                            line=doc.line((index, lang, key)),
                        )
                    )
    return problems


def check(root: Path, content_dir: Path | None = None) -> list[Problem]:
    """Every problem in the glossary file (empty when it is fine)."""
    doc, problems = _read(root, content_dir)
    if problems or doc is None:
        return problems
    rel = sources.data_file(root, "glossary.yml", content_dir)[1]
    problems = _schema_problems(doc, rel)
    if isinstance(doc.data, list):
        problems += _content_problems(doc, rel, root, content_dir)
        problems += _sentence_problems(doc, rel)
    return problems


# Plain language (B1): a tooltip is read in passing, so its Dutch sentences stay short.
MAX_WORDS = 15


def _sentence_problems(doc: sources.YamlDoc, rel: str) -> list[Problem]:
    data, problems = doc.data, []
    for index, item in enumerate(data):
        first = languages.default()  # the plain-language rule is the default language's
        dutch = item.get(first) if isinstance(item, dict) else None
        text = dutch.get("explanation") if isinstance(dutch, dict) else None
        if not isinstance(text, str):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if len(sentence.split()) > MAX_WORDS:
                problems.append(
                    Problem(
                        rel,
                        f"a sentence has {len(sentence.split())} words; at most {MAX_WORDS} "
                        f"(plain language): '{sentence}'",
                        "split it into two shorter sentences.",
                        field=_field(data, (index, first, "explanation")),
                        line=doc.line((index, first, "explanation")),
                    )
                )
    return problems


# --- shaping ----------------------------------------------------------------------------------


def load(
    root: Path, content_dir: Path | None = None, *, in_file_order: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """The glossary per language, sorted A-Z (or as written, ``in_file_order``): ``{"nl": [{term,
    aliases, anchor, page, name, explanation}, …], "en": […]}``. Raises GlossaryError (with all
    problems) if the file has mistakes.
    """
    problems = check(root, content_dir)
    if problems:
        raise GlossaryError(problems)
    return terms(root, content_dir, in_file_order=in_file_order)


def terms(
    root: Path, content_dir: Path | None = None, *, in_file_order: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """``load`` of a glossary that ``check`` has found in order, without checking it again (the
    build checks it once, kb.portal)."""
    doc, _ = _read(root, content_dir)
    data = doc.data if doc is not None else []
    out: dict[str, list[dict[str, Any]]] = {}
    for lang in languages.codes():
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
            key=(lambda t: 0) if in_file_order else (lambda t: (t["term"].casefold(), t["term"])),
        )
    return out


def anchors(root: Path, content_dir: Path | None = None) -> set[str]:
    """The ids of the terms on the glossary page (for checks of links like woordenlijst.md#ibo)."""
    doc, problems = _read(root, content_dir)
    data = doc.data if doc is not None else None
    if problems or not isinstance(data, list):
        return set()
    return {
        anchor(item["term"])
        for item in data
        if isinstance(item, dict) and isinstance(item.get("term"), str)
    }
