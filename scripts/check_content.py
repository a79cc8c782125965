"""Check the content without building the site: every problem, one per line.

python scripts/check_content.py        # exit 0 when all is well, 1 when there are problems
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from validate_content import collect_problems  # noqa: E402


def main() -> int:
    problems = collect_problems(ROOT, ROOT / "content")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found." if problems else "The content is in order.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
