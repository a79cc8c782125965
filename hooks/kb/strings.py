"""Texts of the portal's interface in more languages, from the content.

The portal's own labels are in ``hooks/<name>_strings.yml``. A language they lack (French for a
Brussels edition) is settings and content: ``content/_data/strings/<name>`` adds texts in the same
shape as the file it extends. Those files are editor content, so they are read like every other
data file (``kb.sources``: size, UTF-8, YAML with line numbers) and checked by the one check; the
build only merges what reads cleanly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb import languages, sources
from kb.problems import Problem

__all__ = ["FOLDER", "NAMES", "UI", "extra", "own", "problems", "text"]

FOLDER = Path("_data") / "strings"
# The strings files of hooks/ that content may add to.
NAMES = ("content_strings.yml", "news_strings.yml", "ui_strings.yml")
UI = "ui_strings.yml"  # the widgets' texts, shaped ``key: {language: text}``
HOOKS = Path(__file__).resolve().parents[1]
PROJECT = HOOKS.parent


def _read(root: Path, content_dir: Path, name: str) -> tuple[Any, list[Problem]]:
    path, rel = sources.data_file(root, f"strings/{name}", content_dir)
    text, problems = sources.read_text(path, rel)
    if text is None or problems:
        return None, problems
    doc, problems = sources.load_yaml(text, rel)
    if doc is None or problems:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [
            Problem(
                rel,
                "a strings file is a group of 'language: texts' or 'key: {language: text}' lines.",
                "write it in the shape of the hooks/ file of the same name.",
                line=doc.line([]) or 1,
            )
        ]
    return doc.data, []


def extra(content_dir: Path, root: Path, name: str) -> Any:
    """The texts ``content/_data/strings/<name>`` adds, or None when there is no such file or it
    does not read cleanly (``problems`` reports it and stops the build)."""
    return _read(root, content_dir, name)[0] if (content_dir / FOLDER / name).is_file() else None


def _merged(ours: Any, more: Any) -> Any:
    if isinstance(ours, dict) and isinstance(more, dict):
        return {**ours, **{key: _merged(ours.get(key), value) for key, value in more.items()}}
    return more


@lru_cache(maxsize=4)
def own(name: str) -> dict[str, Any]:
    """The strings file ``hooks/<name>`` with the texts that ``content/_data/strings/<name>``
    adds (more languages, in the file's own shape)."""
    ours = yaml.safe_load((HOOKS / name).read_text(encoding="utf-8"))
    more = extra(PROJECT / "content", PROJECT, name)
    return ours if more is None else _merged(ours, more)


def text(key: str, lang: str) -> str:
    """The widgets' text ``key`` (``ui_strings.yml``) in ``lang``, or in the default language
    where ``lang`` has none yet: code asks for a text, it never writes one per language."""
    texts = own(UI)[key]
    return texts.get(lang) or texts[languages.default()]


def problems(content_dir: Path, root: Path) -> list[Problem]:
    """Every strings file in the content that cannot be read, or extends no file of hooks/."""
    found = []
    for path in sorted((content_dir / FOLDER).glob("*")):
        if path.name not in NAMES:
            found.append(
                Problem(
                    sources.data_file(root, f"strings/{path.name}", content_dir)[1],
                    f"'{path.name}' is not a strings file of the portal.",
                    f"name it after the file it adds texts to: {', '.join(NAMES)}.",
                )
            )
            continue
        found += _read(root, content_dir, path.name)[1]
    return found
