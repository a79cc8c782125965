"""Check the content without building the site: exactly the checks the build runs first.

python scripts/check_content.py            # exit 0 when all is well, 1 when there are problems
python scripts/check_content.py -f other/mkdocs.yml
python scripts/check_content.py --edition voorbeeld-gent   # the base with that edition's layer
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import ConfigurationError  # noqa: E402

from kb import editions, portal  # noqa: E402
from steps.validate_content import collect_problems, reports  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--edition", help="check the base with the layer of editions/<name>/")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if not args.edition:
        return check(args.config_file)
    path = args.config_file.resolve()
    if why := editions.unknown(path.parent, args.edition):
        print(why)
        return 2
    with editions.prepared(path.parent, args.edition, path.name) as layered:
        return check(layered)


def check(config_file: Path) -> int:
    """Print every problem of the content that ``config_file`` builds, then the reports."""
    try:
        config = load_config(str(config_file))
    except ConfigurationError as err:
        print(f"{config_file.name}: {err}")
        print("1 problem(s) found.")
        return 1
    with portal.collector_paused():
        problems = collect_problems(config)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found." if problems else "The content is in order.")
    for line in reports(config):  # to act on without failing: due reviews, translations
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
