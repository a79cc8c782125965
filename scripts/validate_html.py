"""Valid HTML: the Nu HTML checker (npm vnu-jar, needs Java) on every built page.

    make validate                                 # installs vnu-jar (npm ci), builds, checks
    .venv/bin/python scripts/validate_html.py --site site

Prints each error with its file and line, and a count per message. Exit 1 on any error except
the one Material writes on every page: ``autocomplete="off"`` on its menu and search toggles
(checkboxes). Material sets it so that Firefox does not restore an open menu or search after
"back"; removing it would change that, so it is reported as known, not as a failure.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KNOWN = "Attribute “autocomplete” is only allowed when the input type is"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args()
    if not VNU.exists():
        raise SystemExit(f"{VNU} is missing: run `npm ci` (make validate does).")
    if shutil.which("java") is None:
        raise SystemExit("The Nu HTML checker needs Java: apt-get install default-jre-headless")
    from audit import build_site

    site = args.site or build_site()
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
    )
    messages = [
        m for m in json.loads(result.stderr or "{}").get("messages", []) if m["type"] == "error"
    ]
    known = [m for m in messages if m["message"].startswith(KNOWN)]
    other = [m for m in messages if not m["message"].startswith(KNOWN)]
    for m in other:
        where = Path(m["url"].removeprefix("file:")).relative_to(site.resolve())
        print(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
    print(f"\n{len(pages)} pages checked; {len(other)} error(s)")
    for message, count in collections.Counter(m["message"] for m in other).most_common():
        print(f"  {count:5} {message}")
    print(f"Known and left (Material's toggles): {len(known)} autocomplete error(s)")
    if not args.site:
        shutil.rmtree(site.parent, ignore_errors=True)
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main())
