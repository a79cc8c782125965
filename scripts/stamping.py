"""Writing a follow-up record into one page, shared by `make translations-ok` (an English page
follows its Dutch page) and `make editions-ok` (an edition's page follows its base page).

Both commands do the same thing to a file: read it, let the record's own ``stamp`` rewrite the
front matter, write it back only if something changed (so an unchanged page keeps its date and
its modification time), and say in one line what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def stamp_file(
    path: Path,
    shown: str,
    follows: str,
    stamp: Callable[[str], str | None],
    missing: str = "no front matter",
) -> bool:
    """Stamp the page at ``path`` (named ``shown`` in the output) as following ``follows``.
    ``stamp`` returns the new text, or None when the page has no front matter to hold the record
    (then ``missing`` says why and nothing is written). True when the record is there now."""
    text = path.read_text(encoding="utf-8")
    new = stamp(text)
    if new is None:
        print(f"{shown}: {missing}; nothing written.")
        return False
    if new != text:
        path.write_text(new, encoding="utf-8")
    print(f"{shown}: follows {follows}")
    return True
