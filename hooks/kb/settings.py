"""The portal's own settings in mkdocs.yml (under ``extra:``), checked like content.

Pure: the caller passes the settings as the generator read them, and the file's text for the line
of each key (``!ENV`` and other generator tags do not matter here: the text is only composed, not
constructed). A typo is a message with its line, never a traceback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb import branding_model
from kb.problems import Problem
from kb.text_policy import setting_text_problem

__all__ = ["NUMBER_SETTINGS", "check_settings"]

# Settings under `extra:` that the portal reads: least value, example.
NUMBER_SETTINGS = {"freshness_months": (1, 12), "nav_group_size": (2, 40)}


@lru_cache(maxsize=8)
def _composed(text: str) -> yaml.Node | None:
    """The settings file's node tree, composed once per process per text (``make check``, a
    serve rebuild and each test case ask for the same file); nothing changes a node."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader) if text else None
    except yaml.YAMLError:
        return None


def _lines(text: str):
    """``line(path)``: the 1-based line of a key under the settings file's top level."""
    node = _composed(text)

    def line(path: list) -> int | None:
        current, found = node, None
        for step in path:
            if not isinstance(current, yaml.MappingNode):
                return found
            for key, value in current.value:
                if key.value == step:
                    current, found = value, key.start_mark.line + 1
                    break
            else:
                return found
        return found

    return line


def check_settings(
    extra: dict[str, Any],
    rel: str,
    text: str,
    image_dirs: list[Path],
    texts: dict[str, Any] | None = None,
) -> list[Problem]:
    """Every problem in ``extra`` (from the file ``rel`` whose text is ``text``) and in
    ``texts``, the generator's own text settings by name (``site_name``, …)."""
    line = _lines(text)
    problems = []
    for name, value in (texts or {}).items():
        if why := setting_text_problem(value):
            at = text.find(value) if value else -1
            problems.append(
                Problem(
                    rel,
                    f"{why}.",
                    'write plain text, without < > " ` or &…; codes.',
                    field=name,
                    line=text.count("\n", 0, at) + 1 if at >= 0 else line(name.split(".")),
                )
            )
    for key, (least, example) in NUMBER_SETTINGS.items():
        value = extra.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < least
        ):
            problems.append(
                Problem(
                    rel,
                    f"must be a whole number of at least {least}; it is {value!r}.",
                    f"write a number, for example `{key}: {example}`.",
                    field=f"extra.{key}",
                    line=line(["extra", key]),
                )
            )
    sections = extra.get("sections")
    if sections is not None and not (
        isinstance(sections, list) and all(isinstance(s, str) for s in sections)
    ):
        problems.append(
            Problem(
                rel,
                "must be a list of folder names under content/.",
                "write them in brackets, for example `sections: [statuses, support]`.",
                field="extra.sections",
                line=line(["extra", "sections"]),
            )
        )
    problems += branding_model.check(
        extra.get("branding"),
        rel,
        lambda key: line(
            ["extra", "branding"] if key == "branding" else ["extra", "branding", *key.split(".")]
        ),
        image_dirs,
    )
    return problems
