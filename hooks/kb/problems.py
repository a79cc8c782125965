"""The one shape of an editor-facing error: file, line, field, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field

__all__ = ["Problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in the content, reported as ``path:line: field: message Fix: fix``."""

    path: str  # relative to the project root, e.g. content/statuses/ibo.md
    message: str
    fix: str = ""
    field: str = ""
    line: int | None = None
    # True when the file could not be read at all: such a problem is the root cause of whatever
    # else fails because the file is missing, so it is reported first and alone.
    cause: bool = _field(default=False, compare=False)

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        name = f" {self.field}:" if self.field else ""
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{where}:{name} {self.message}{fix}"
