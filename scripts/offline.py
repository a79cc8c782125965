"""Make the offline bundle: the whole portal in one zip, to unpack anywhere and open from disk.

    python scripts/offline.py                  # builds the portal, writes dist/<name>.zip (make offline)
    python scripts/offline.py --site site      # packs an existing build instead of building
    python scripts/offline.py --output /media/usb

The zip is named ``jobcoachportaal-<version>-<date>.zip``: the version is ``git describe``
(a tag, or the commit), the date is the day it was made (UTC). Inside is one folder with the
site and a short LEES-MIJ / READ-ME text. The 404 pages are left out: without a web server
nothing shows them, and their links start from the host's path. The zip is written under a
temporary name and renamed when complete, so a failure never leaves half a zip.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import build as portal_build

ROOT = Path(__file__).resolve().parent.parent
NAME = "jobcoachportaal"
README = """Jobcoachportaal (offline)
========================
NL  Open index.html in deze map met je browser. Alles werkt zonder internet:
    menu, zoeken, woordenlijst en oefentoetsen. Regels veranderen: kijk op de
    website van je organisatie voor de nieuwste versie. Versie {version}, gemaakt op {date}.
EN  Open en/index.html in this folder in your browser. Everything works without
    internet: menu, search, glossary and quizzes. Rules change: check your
    organisation's website for the newest version. Version {version}, made on {date}.
"""


def version() -> str:
    """``git describe`` of the project (``-dirty`` when files were changed), or "unversioned"."""
    try:
        result = subprocess.run(
            ["git", "describe", "--tags", "--always", "--dirty"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unversioned"
    return result.stdout.strip() or "unversioned"


def bundle_name(release: str, day: dt.date) -> str:
    return f"{NAME}-{release}-{day.isoformat()}"


def included(path: Path) -> bool:
    return path.is_file() and path.name != "404.html"


def write_zip(site: Path, output: Path, release: str, day: dt.date) -> Path:
    """Write ``output/<bundle name>.zip`` whole (temporary file, then rename); return its path."""
    name = bundle_name(release, day)
    output.mkdir(parents=True, exist_ok=True)
    target = output / f"{name}.zip"
    fd, partial = tempfile.mkstemp(prefix=f".{name}-", suffix=".zip.part", dir=output)
    os.close(fd)
    try:
        text = README.format(version=release, date=day.isoformat())
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{name}/LEES-MIJ.txt", text)
            for path in sorted(p for p in site.rglob("*") if included(p)):
                archive.write(path, f"{name}/{path.relative_to(site).as_posix()}")
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return target


def site_to_use(
    site: Path | None, work: str, nothing: str, edition: str | None = None
) -> Path | None:
    """``site`` when it is a built site; without one, a fresh strict build in ``work`` (of the
    local edition ``edition`` when one is named). None (after saying why, and that ``nothing``
    was written) when neither is there."""
    if site is None:
        site = Path(work) / "site"
        if portal_build.build_edition(site, edition, strict=True) != 0:
            print(f"No {nothing} was written: the build failed.", file=sys.stderr)
            return None
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here. No {nothing} was written.", file=sys.stderr)
        return None
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build to pack (default: build now)")
    parser.add_argument("--output", type=Path, default=ROOT / "dist", help="folder for the zip")
    parser.add_argument("--edition", help="build the local edition editions/<name>/ and pack it")
    args = parser.parse_args(argv)
    release, day = version(), dt.datetime.now(dt.UTC).date()
    with tempfile.TemporaryDirectory(prefix=".offline-") as work:
        site = site_to_use(args.site, work, "zip", args.edition)
        if site is None:
            return 1
        target = write_zip(site, args.output, release, day)
    size = target.stat().st_size
    print(
        f"Wrote the offline bundle {target.resolve()} ({size / 1024 / 1024:.1f} MiB, {size} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
