"""order: steps to put in the right order (written in that order), all or nothing.

Moodle XML: ordering, ALL_OR_NOTHING (Moodle 4.4 or later). GIFT and a Moodle before 4.4 have
no ordering type: there the steps are listed with letters and the reader types the letters in
order (a short answer). QTI: orderInteraction with the correct order.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

from kb import strings
from kb.question_types import base

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def lettered_steps(q: dict, lang: str) -> tuple[list[str], list[str]]:
    """An ordering question as a short answer: the steps as they are listed, each after its letter
    ("A. …"; shuffled the same on every export, no step in its own place), and every accepted
    answer: the letters in the right order, written together, with spaces, commas or hyphens
    ("CADB", "C, A, D, B")."""
    steps, listed = q["steps"], list(q["steps"])
    shuffle = random.Random(f"{q['id']}:{lang}").shuffle  # a string seed: the same every run
    while any(a is b for a, b in zip(listed, steps, strict=True)):
        shuffle(listed)
    letters = [LETTERS[listed.index(s)] for s in steps]
    lines = [f"{LETTERS[n]}. {s['text'][lang]}" for n, s in enumerate(listed)]
    return lines, [sep.join(letters) for sep in ("", " ", ",", ", ", "-")]


class Order(base.QuestionType):
    name = "order"
    help = "order_help"
    fields = frozenset({"steps"})
    items = "steps"
    moodle_type = "ordering"
    needs_moodle_44 = True

    def hash_part(self, q: dict) -> dict:
        return {"steps": [s.get("id") for s in q.get("steps", [])]}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        steps = [{"id": s["id"], "text": s["text"][lang]} for s in q["steps"]]
        shown = steps[:]
        # A fixed shuffle that is never the answer: readers without JavaScript see this order.
        rng = random.Random(f"{quiz_id}/{q['id']}")
        while shown == steps and len({s["id"] for s in steps}) > 1:
            rng.shuffle(shown)
        solution_ids = " ".join(s["id"] for s in steps)
        return {
            "solution": [s["text"][lang] for s in q["steps"]],
            "steps": shown,
            "solution_ids": solution_ids,
            "data": {"solution": solution_ids},
        }

    def lettered_html(self, q: dict, lang: str) -> str:
        lines, _ = lettered_steps(q, lang)
        ask = strings.text("order_letters", lang).format(example=LETTERS[: len(lines)])
        return "".join(base.html_paragraph(text) for text in (self.prompt(q, lang), ask, *lines))

    def moodle_question_type(self, ordering: bool = True) -> str:
        return self.moodle_type if ordering else "shortanswer"

    def moodle_question_html(self, q: dict, lang: str, ordering: bool = True) -> str:
        return super().moodle_question_html(q, lang) if ordering else self.lettered_html(q, lang)

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        if not ordering:
            base.short_answers(el, lettered_steps(q, lang)[1])
            return
        ET.SubElement(el, "layouttype").text = "VERTICAL"
        ET.SubElement(el, "selecttype").text = "ALL"
        ET.SubElement(el, "selectcount").text = "0"
        ET.SubElement(el, "gradingtype").text = "ALL_OR_NOTHING"  # as the portal grades it
        for step in q["steps"]:  # in the right order: the plug-in shuffles them for the learner
            base.moodle_answer(el, 1, step["text"][lang], None)

    def gift_text(self, q: dict, lang: str) -> str:
        return f"[html]{base.gift_escape(self.lettered_html(q, lang))}"

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        return [f"={base.gift_escape(a)}" for a in lettered_steps(q, lang)[1]]

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        base.qti_declare(item, "ordered", "identifier", [base.qti_id(s["id"]) for s in q["steps"]])

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        inter = base.qti_interaction(body, "orderInteraction", q["prompt"][lang], shuffle="true")
        base.qti_choices(inter, q["steps"], lang)


TYPE = Order()
