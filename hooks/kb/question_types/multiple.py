"""multiple: one or more right options; each right one earns a share, each wrong one costs one.

Moodle XML: multichoice, several answers; each right answer 100/n %, each wrong one -100/n %.
GIFT: ~%50%right ~%-50%wrong. QTI: choiceInteraction, the same shares as a mapping.
"""

from __future__ import annotations

from kb.question_types import base
from kb.question_types.choice import OptionsType


class Multiple(OptionsType):
    name = "multiple"
    help = "choose_many"
    many = True
    qti_mapped = True

    def check(self, q: dict, add: base.Add, langs) -> None:
        options = q.get("options")
        if not isinstance(options, list):
            return
        correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
        if correct == 0:
            add(
                "options",
                "no option is marked correct.",
                "mark at least one option with correct: true.",
            )
        elif correct == len(options):
            add(
                "options",
                f"all {correct} options are marked correct: ticking every box would always pass.",
                "add at least one option that is wrong (correct: false).",
            )

    def gift_mark(self, option: dict, right: float, wrong: float) -> str:
        return f"~%{base.fraction(right if option.get('correct') else wrong)}%"


TYPE = Multiple()
