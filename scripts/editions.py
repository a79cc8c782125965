"""Local editions: which replaced pages fell behind their base page, and the command that records
that a replaced page follows its base page again.

python scripts/editions.py voorbeeld-gent                         # every replaced page behind
python scripts/editions.py voorbeeld-gent ok coaching/matching.md # it follows the base page now
python scripts/editions.py voorbeeld-gent ok all                  # every replaced page

`ok` writes the record under `replaces:` in the edition's page (hooks/kb/editions.py) and changes no
other line. Run it after you compared your page with the base page and brought in what changed
(`make editions-ok EDITION=<name> PAGE=<page>`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import stamping  # noqa: E402

from kb import content_model, editions  # noqa: E402


def ok(resolution: editions.Resolution, names: list[str]) -> int:
    """Record, in each named replaced page, the base version it follows now."""
    replaced = sorted(r for r in resolution.replaced if r.endswith(".md"))
    wanted = replaced if names == ["all"] else [n.removeprefix("content/") for n in names]
    unknown = [n for n in wanted if n not in resolution.replaced]
    for name in unknown:
        print(
            f"{name}: the edition {resolution.name} does not replace that page. Fix: write its "
            f"path under content/ (one of: {', '.join(replaced) or 'none'}), or 'all'."
        )
    today = content_model.today()
    for rel in (n for n in wanted if n in resolution.replaced):
        base, _ = content_model.read_page(resolution.base / rel, resolution.base, ROOT)
        found = editions.parts(base) if base else None
        stamping.stamp_file(
            resolution.files[rel],
            resolution.shown(rel),
            f"content/{rel}",
            lambda text, found=found: editions.stamp(text, found, today) if found else None,
            missing="no front matter here or in the base page",
        )
    return 1 if unknown else 0


def show(resolution: editions.Resolution) -> int:
    """Every replaced page behind its base page, with what changed (never fails)."""
    late = editions.check_replacements(resolution)
    for problem in late:
        print(problem)
    if late:
        print(
            f"{len(late)} replaced page(s) to check against their base page. Bring each change "
            f"in, then run make editions-ok EDITION={resolution.name} PAGE=<page>."
        )
    else:
        print(f"Every replaced page of {resolution.name} follows its base page.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", help="the edition's folder name under editions/")
    parser.add_argument("action", nargs="?", choices=["list", "ok"], default="list")
    parser.add_argument("pages", nargs="*", help="for ok: pages (coaching/matching.md) or 'all'")
    args = parser.parse_args(argv)
    if why := editions.unknown(ROOT, args.edition):
        print(why)
        return 2
    resolution, _ = editions.resolve(ROOT, editions.folder(ROOT, args.edition))
    if args.action == "ok":
        return ok(resolution, args.pages or ["all"])
    return show(resolution)


if __name__ == "__main__":
    sys.exit(main())
