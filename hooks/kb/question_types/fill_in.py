"""fill-in: a sentence with one blank (``___``) and the answers accepted in it, per language.

Moodle XML: shortanswer, every accepted answer 100% (graded exactly, case-insensitive, without
the portal's one-slip tolerance). GIFT: {=answer =other}. QTI: textEntryInteraction.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from kb.question_types import base

BLANK = "___"
# A fill-in whose accepted answers include a number asks for a number, not a word.
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class FillIn(base.QuestionType):
    name = "fill-in"
    fields = frozenset({"text", "answers"})
    moodle_type = "shortanswer"
    qti_mapped = True

    def check(self, q: dict, add: base.Add, langs) -> None:
        if not isinstance(q.get("text"), dict):
            return
        for lang in langs:
            if isinstance(q["text"].get(lang), str) and q["text"][lang].count(BLANK) != 1:
                add(
                    "text",
                    f"the {lang} text must contain exactly one blank (___).",
                    "write three underscores where the reader fills in the answer.",
                )

    def hash_part(self, q: dict) -> dict:
        return {"answers": q.get("answers")}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        before, _, after = q["text"][lang].partition(BLANK)
        answers = [str(a) for a in q["answers"][lang]]
        answers_json = json.dumps(answers, ensure_ascii=False)
        return {
            "before": before,
            "after": after,
            "answers": answers,
            "answers_json": answers_json,
            "data": {"answers": answers_json},
            "numeric": any(NUMBER.match(a.strip()) for a in answers),
        }

    def prompt(self, q: dict, lang: str) -> str:
        return f"{q['prompt'][lang]} {q['text'][lang].replace(BLANK, '_____')}"

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        base.short_answers(el, q["answers"][lang])

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        return [f"={base.gift_escape(a)}" for a in q["answers"][lang]]

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        answers = [str(a) for a in q["answers"][lang]]
        decl = base.qti_declare(item, "single", "string", answers[:1])
        base.qti_mapping(decl, [(a, 1) for a in answers], caseSensitive="false")

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        ET.SubElement(body, "p").text = q["prompt"][lang]
        before, _, after = q["text"][lang].partition(BLANK)
        para = ET.SubElement(body, "p")
        para.text = before
        ET.SubElement(
            para, "textEntryInteraction", {"responseIdentifier": "RESPONSE", "expectedLength": "20"}
        ).tail = after


TYPE = FillIn()
