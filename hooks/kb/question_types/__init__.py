"""Every quiz question type, one module each, in one registry (``TYPES``, by name).

The quiz model (fields, checks, view, hash), the template (one macro per type, chosen by name)
and the exporter (Moodle XML, GIFT, QTI) ask this registry; none of them names a type. A new
type: a module here with a ``QuestionType`` subclass registered below, its grader in
overrides/assets/javascripts/quiz.js (``GRADERS``), its macro in render_quizzes.html, its fields
in the quiz schema (a test checks that the schema and this registry agree) and its tests.
"""

from __future__ import annotations

from kb.question_types import fill_in, match, multiple, order, single, true_false
from kb.question_types.base import QuestionType

__all__ = ["TYPES", "QuestionType", "all_fields", "get", "register"]

TYPES: dict[str, QuestionType] = {}


def register(qtype: QuestionType) -> QuestionType:
    """Add a type to the registry (a test may register a toy type and remove it again)."""
    TYPES[qtype.name] = qtype
    return qtype


def get(name: object) -> QuestionType | None:
    """The type of that name, or None (an unknown type, which the schema reports)."""
    return TYPES.get(name) if isinstance(name, str) else None


def all_fields() -> frozenset[str]:
    """Every field that some type uses: on a question of another type, each is a mistake."""
    return frozenset().union(*(t.fields for t in TYPES.values()))


# In the order the schema lists them (and editors read them in "use one of: …").
for _module in (single, multiple, true_false, fill_in, order, match):
    register(_module.TYPE)
