"""single: one right option among two or more.

Moodle XML: multichoice, one answer. GIFT: =right ~wrong. QTI: choiceInteraction, one choice.
"""

from __future__ import annotations

from kb.question_types import base
from kb.question_types.choice import OptionsType


class Single(OptionsType):
    name = "single"
    help = "choose_one"

    def check(self, q: dict, add: base.Add, langs) -> None:
        options = q.get("options")
        if not isinstance(options, list):
            return
        correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
        if correct != 1:
            add(
                "options",
                f"{correct} options are marked correct; a single-choice question needs exactly 1.",
                "mark exactly one option with correct: true (or use type: multiple).",
            )

    def gift_mark(self, option: dict, right: float, wrong: float) -> str:
        return "=" if option.get("correct") else "~"


TYPE = Single()
