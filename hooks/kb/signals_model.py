"""The register of signals: read content/_data/signals.yml, check it, shape it per language.

Pure Python with no MkDocs import; the build (hooks/steps/render_signals.py) and `make check` (through
hooks/steps/validate_content.py) run the same checks.
"""

from __future__ import annotations

from pathlib import Path

from kb import sources
from kb.data_model import item_line, schema_problems
from kb.problems import Problem

__all__ = ["SIGNALS_FILE", "STATUSES", "check", "load"]

SIGNALS_FILE = "content/_data/signals.yml"
STATUSES = ("noted", "passed-on", "answered")


def load(root: Path, content_dir: Path | None = None) -> tuple[list[dict], list[Problem]]:
    """Every signal, in file order, and every problem in the file."""
    path, rel = sources.data_file(root, "signals.yml", content_dir)
    if not path.is_file():
        return [], []
    text, problems = sources.read_text(path, rel)
    doc, more = sources.load_yaml(text, rel) if text is not None else (None, [])
    if doc is None:
        return [], problems + more
    data = doc.data if doc.data is not None else []
    problems = schema_problems(rel, "signals", doc, data)
    if problems:
        return [], problems
    seen: dict[str, int | None] = {}
    for index, item in enumerate(data):
        line = item_line(doc, index, "id")
        if item["id"] in seen:
            problems.append(
                Problem(
                    rel,
                    f"the id '{item['id']}' is already used by the signal on line {seen[item['id']]}.",
                    "give every signal its own id.",
                    field=f"[{index}].id",
                    line=line,
                )
            )
        seen.setdefault(item["id"], line)
        if item["status"] == "answered" and not item.get("answer"):
            problems.append(
                Problem(
                    rel,
                    "the signal is 'answered' but has no answer.",
                    "add 'answer: {nl: …, en: …}', or set the status back to passed-on.",
                    field=f"[{index}].answer",
                    line=item_line(doc, index, "status"),
                )
            )
    return data, problems


def check(root: Path, content_dir: Path | None = None) -> list[Problem]:
    return load(root, content_dir)[1]
