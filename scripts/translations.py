"""Which English pages follow an older version of their Dutch page, and the command that records
that an English page is in step again.

python scripts/translations.py                      # every English page behind, with what changed
python scripts/translations.py ok statuses/ibo.md   # statuses/ibo.en.md follows the Dutch page now
python scripts/translations.py ok all               # every English page (a first record)

`ok` writes the record under `translation:` in the English page's front matter (hooks/kb/
translations.py) and changes no other line. Run it after you updated the English page, or after a
change of the Dutch page that needs no new translation (a typo, a comma).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import stamping  # noqa: E402

from kb import content_model, languages, translations  # noqa: E402


def english_pages(site: content_model.Site, names: list[str]) -> tuple[list, list[str]]:
    """The English pages that ``names`` mean (either language's path, with or without content/),
    and the names that mean none."""
    if names == ["all"]:
        found = [
            p for p in site.pages.values() if p.lang != languages.default() and p.base in site.pages
        ]
        return sorted(found, key=lambda p: p.src), []
    found, unknown = [], []
    prefix = site.content_dir.name + "/"
    for name in names:
        src = name.strip().removeprefix(prefix)
        src = src if src.endswith(".md") else src + ".md"
        translated = content_model.page_language(src) != languages.default()
        page = site.pages.get(src if translated else content_model.partner_path(src))
        if page is None or page.base not in site.pages:
            unknown.append(name)
        else:
            found.append(page)
    return found, unknown


def ok(site: content_model.Site, names: list[str]) -> int:
    pages, unknown = english_pages(site, names)
    for name in unknown:
        print(
            f"{name}: no English page with a Dutch page by that name. Fix: write the path under "
            f"{site.content_dir.name}/, e.g. statuses/ibo.md, or 'all'."
        )
    today = content_model.today()
    folder = site.content_dir.name
    for page in pages:
        found = translations.parts(site.pages[page.base])
        stamping.stamp_file(
            site.content_dir / page.src,
            f"{folder}/{page.src}",
            f"{folder}/{page.base}",
            lambda text, found=found: translations.stamp(text, found, today),
        )
    return 1 if unknown else 0


def show(site: content_model.Site) -> int:
    late, unrecorded = translations.report(site)
    for line in late:
        print(line)
    for rel in unrecorded:
        print(f"{rel}: no translation record yet (make translations-ok PAGE=<page> writes one)")
    if not late and not unrecorded:
        print("Every English page follows its Dutch page.")
    else:
        print(
            f"{len(late)} English page(s) behind. Update each, then run "
            "make translations-ok PAGE=<page>; for a Dutch change that needs no new translation, "
            "run only that command."
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", nargs="?", choices=["list", "ok"], default="list")
    parser.add_argument("pages", nargs="*", help="for ok: pages (statuses/ibo.md) or 'all'")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    site = content_model.load_site(args.content, args.content.resolve().parent)
    if args.action == "ok":
        if not args.pages:
            print("Name the page: make translations-ok PAGE=statuses/ibo.md (or PAGE=all).")
            return 2
        return ok(site, args.pages)
    return show(site)


if __name__ == "__main__":
    sys.exit(main())
