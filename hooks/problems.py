"""The one shape of an editor-facing error: file, line, field, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in the content, reported as ``path:line: field: message Fix: fix``."""

    path: str  # relative to the project root, e.g. content/statuses/ibo.md
    message: str
    fix: str = ""
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        field = f" {self.field}:" if self.field else ""
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{where}:{field} {self.message}{fix}"
