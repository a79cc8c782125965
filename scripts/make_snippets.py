"""Write editor snippets from the page templates: type `kb-status` + Tab in VS Code for a new page
(`kb-status-en` for its English version), `kb-meeting` in a YAML file for a new meeting.

    python scripts/make_snippets.py   # rewrites .vscode/portal.code-snippets
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "content" / "_templates"
OUT = ROOT / ".vscode" / "portal.code-snippets"


def snippets() -> str:
    data = {}
    for path in sorted(TEMPLATES.glob("*.md")):
        english = path.name.endswith(".en.md")
        kind = path.name.removesuffix(".md").removesuffix(".en")
        lines = path.read_text(encoding="utf-8").replace("$", "\\$").splitlines()
        data[f"Jobcoach portal: new {kind} page{' (English)' if english else ''}"] = {
            "scope": "markdown",
            "prefix": f"kb-{kind}{'-en' if english else ''}",
            "description": f"Front matter and outline of a{'n English' if english else ''} '{kind}' page "
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
