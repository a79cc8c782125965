"""Build the portal without ever leaving a half-written site behind.

MkDocs cleans its output folder before writing and stops half-way when a page has a broken link,
so a failed `mkdocs build` can destroy the last good site. This script builds into a fresh folder
beside the target and swaps it into place only when the build succeeded.

    python scripts/build.py                 # strict build into ./site
    python scripts/build.py -d /srv/portal  # another output folder
    SITE_URL=https://example.org/kb/ python scripts/build.py
    python scripts/build.py --edition voorbeeld-gent   # a local edition (editions/<name>/)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import editions  # noqa: E402


def build(site_dir: Path, strict: bool = True, config: Path = ROOT / "mkdocs.yml") -> int:
    """Build into a temporary sibling of ``site_dir``; replace ``site_dir`` only on success."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    # No -q: with -q MkDocs stops counting warnings, and --strict would let them pass.
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(staging)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(cmd, env=env, cwd=config.parent, capture_output=True, text=True)
    # MkDocs' INFO lines (one per language and plugin) bury the warnings an editor must read.
    for stream, out in ((result.stderr, sys.stderr), (result.stdout, sys.stdout)):
        shown = [line for line in stream.splitlines() if not line.startswith("INFO")]
        if shown:
            print("\n".join(shown), file=out)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = "The last good site is unchanged" if site_dir.exists() else "No site was written"
        print(f"\nBuild failed: nothing was replaced. {kept} ({site_dir}).", file=sys.stderr)
        return 1
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".site-old-{os.getpid()}")
        site_dir.rename(old)
    staging.rename(site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
    print(f"Built the portal into {site_dir}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--no-strict", action="store_true", help="let warnings pass")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--edition", help="build the local edition editions/<name>/")
    args = parser.parse_args()
    config = args.config_file.resolve()
    return build_edition(args.site_dir, args.edition, strict=not args.no_strict, config=config)


def build_edition(
    site_dir: Path, edition: str | None, strict: bool = True, config: Path = ROOT / "mkdocs.yml"
) -> int:
    """``build``, for the local edition ``edition`` (editions/<name>/) when one is named."""
    if not edition:
        return build(site_dir, strict=strict, config=config)
    if why := editions.unknown(config.parent, edition):
        print(why, file=sys.stderr)
        return 2
    with editions.prepared(config.parent, edition, config.name) as layered:
        return build(site_dir, strict=strict, config=layered)


if __name__ == "__main__":
    sys.exit(main())
