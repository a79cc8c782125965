"""true-false: a statement that is true or false (``answer``).

Moodle XML: truefalse. GIFT: {TRUE} / {FALSE}. QTI: a choiceInteraction of two options.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kb import strings
from kb.question_types import base
from kb.question_types.choice import ChoiceType


class TrueFalse(ChoiceType):
    name = "true-false"
    help = "choose_one"
    fields = frozenset({"answer"})
    moodle_type = "truefalse"

    def hash_part(self, q: dict) -> dict:
        return {"answer": q.get("answer")}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        return {"answer": bool(q["answer"])}

    def options(self, q: dict, lang: str) -> list[dict]:
        # QTI has no true-false type: two options with the quiz's own texts for them.
        true, false = strings.text("true_label", lang), strings.text("false_label", lang)
        return [
            {"id": "true", "text": {lang: true}, "correct": q["answer"] is True},
            {"id": "false", "text": {lang: false}, "correct": q["answer"] is False},
        ]

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        for value in (True, False):
            fraction = 100 if q["answer"] is value else 0
            base.moodle_answer(el, fraction, str(value).lower(), None, "moodle_auto_format")

    def gift_answers(self, q: dict, lang: str) -> str:
        return "TRUE" if q["answer"] else "FALSE"


TYPE = TrueFalse()
