"""What single, multiple and true-false share: the reader picks from options (not a type)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kb.question_types import base


class ChoiceType(base.QuestionType):
    """A question answered by picking options: QTI's choiceInteraction."""

    qti_mapped = False
    many = False  # True: any number of options may be ticked

    def options(self, q: dict, lang: str) -> list[dict]:
        """The options as QTI lists them (each with ``id``, ``text`` and ``correct``)."""
        return q["options"]

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        options = self.options(q, lang)
        right = [base.qti_id(o["id"]) for o in options if o.get("correct")]
        cardinality = "multiple" if self.many else "single"
        decl = base.qti_declare(item, cardinality, "identifier", right)
        if self.many:
            share, cost = base.shares(options)
            base.qti_mapping(
                decl,
                [
                    (base.qti_id(o["id"]), (share if o.get("correct") else cost) / 100)
                    for o in options
                ],
            )

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        most = "0" if self.many else "1"
        kind, prompt = "choiceInteraction", q["prompt"][lang]
        inter = base.qti_interaction(body, kind, prompt, shuffle="true", maxChoices=most)
        base.qti_choices(inter, self.options(q, lang), lang)


class OptionsType(ChoiceType):
    """Options written by the editor, each with its text, ``correct`` and feedback."""

    fields = frozenset({"options"})
    items = "options"
    least = 2
    moodle_type = "multichoice"

    def hash_part(self, q: dict) -> dict:
        return {"options": [(o.get("id"), bool(o.get("correct"))) for o in q.get("options", [])]}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        return {
            "options": [
                {
                    "id": o["id"],
                    "text": o["text"][lang],
                    "correct": bool(o.get("correct")),
                    "feedback": (o.get("feedback") or {}).get(lang),
                }
                for o in q["options"]
            ]
        }

    def grades(self, q: dict) -> tuple[float, float]:
        """Moodle's grade of a right and of a wrong option."""
        return base.shares(q["options"]) if self.many else (100, 0)

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        ET.SubElement(el, "single").text = "false" if self.many else "true"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "abc"
        right, wrong = self.grades(q)
        for o in q["options"]:
            feedback = (o.get("feedback") or {}).get(lang)
            base.moodle_answer(el, right if o.get("correct") else wrong, o["text"][lang], feedback)

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        right, wrong = self.grades(q)
        lines = []
        for o in q["options"]:
            feedback = (o.get("feedback") or {}).get(lang)
            tail = f"#{base.gift_escape(feedback)}" if feedback else ""
            lines.append(
                f"{self.gift_mark(o, right, wrong)}{base.gift_escape(o['text'][lang])}{tail}"
            )
        return lines

    def gift_mark(self, option: dict, right: float, wrong: float) -> str:
        """What stands before an option in GIFT."""
        raise NotImplementedError
