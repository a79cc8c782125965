"""Write editor snippets from the page templates: type `kb-status` + Tab in VS Code for a new page
(`kb-status-en` for its English version), `kb-meeting` in a YAML file for a new meeting.

    python scripts/make_snippets.py   # rewrites .vscode/portal.code-snippets
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import languages  # noqa: E402

TEMPLATES = ROOT / "content" / "_templates"
OUT = ROOT / ".vscode" / "portal.code-snippets"


def snippets() -> str:
    data = {}
    for path in sorted(TEMPLATES.glob("*.md")):
        lang = languages.page_language(path.name)
        kind = languages.translation_path(path.name, languages.default()).removesuffix(".md")
        name = languages.english_name(lang) if lang != languages.default() else ""
        article = ("an " if name[:1] in set("AEIOU") else "a ") + (f"{name} " if name else "")
        lines = path.read_text(encoding="utf-8").replace("$", "\\$").splitlines()
        data[f"Jobcoach portal: new {kind} page{f' ({name})' if name else ''}"] = {
            "scope": "markdown",
            "prefix": f"kb-{kind}{'-' + lang if name else ''}",
            "description": f"Front matter and outline of {article}'{kind}' page "
            f"(content/_templates/{path.name})",
            "body": lines,
        }
    for path in sorted(TEMPLATES.glob("*.yml")):  # data entries (meetings, signals): both languages
        kind = path.stem
        lines = path.read_text(encoding="utf-8").replace("$", "\\$").splitlines()
        data[f"Jobcoach portal: new {kind} (both languages)"] = {
            "scope": "yaml",
            "prefix": f"kb-{kind}",
            "description": f"A new '{kind}' entry for content/_data/ (content/_templates/{path.name})",
            "body": [line for line in lines if not line.startswith("#")],
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(exist_ok=True)
    partial = OUT.with_name(OUT.name + ".part")  # whole or nothing: written aside, then renamed
    partial.write_text(snippets(), encoding="utf-8")
    partial.replace(OUT)
    print(f"Wrote {OUT.relative_to(ROOT)}")
