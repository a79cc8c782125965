"""What every question type is, and the small builders its exports share.

A question type is one module in this package with one ``QuestionType`` subclass: the fields it
uses, the rules a schema cannot say, its view for the template (the macro of the same name in
overrides/hooks/render_quizzes.html) and its question in Moodle XML, GIFT and QTI 2.1. The quiz
model, the template and the exporter ask the registry (``kb.question_types.TYPES``) instead of
naming types, so a new type is one module (plus its grader in quiz.js and its strings).
"""

from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

# add(field, message, fix): a problem at questions[<id>].<field> of the question being checked.
Add = Callable[[str, str, str], None]


class QuestionType:
    """One question type. Subclasses set the class attributes and override what they need."""

    name: str = ""
    # The fields this type uses, each required; another type's field on the question is a mistake.
    fields: frozenset[str] = frozenset()
    # The list of items with ids (options, steps, pairs), if any, and how many it needs at least.
    items: str | None = None
    least: int = 3
    # The key in hooks/ui_strings.yml of the line that says how to answer (None: no such line).
    help: str | None = None
    # The Moodle XML question type.
    moodle_type: str = ""
    # True when only Moodle 4.4 or later imports its Moodle XML (``ordering`` False: what an older
    # Moodle gets instead).
    needs_moodle_44: bool = False
    # QTI: True when the score comes from a mapping (partial credit), False for all or nothing.
    qti_mapped: bool = False

    # --- checking (the schema has checked the shape already) ---------------------------------

    def check(self, q: dict, add: Add, langs: Sequence[str]) -> None:
        """Rules of this type that the schema cannot say; each one found is ``add``-ed."""

    def hash_part(self, q: dict) -> dict:
        """This type's part of the language-neutral hash of a question (quiz_model.question_hash).

        It is taken from every question, of any type: a new type returns ``{}`` when its fields
        are absent, so that the hash (and with it a reader's saved answers) of other questions
        stays the same."""
        return {}

    # --- the page -----------------------------------------------------------------------------

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        """The fields of this type in one language, for the macro named after the type
        (overrides/hooks/quiz_questions.html); under ``data``, the question's ``data-*``
        attributes that the type's grader in quiz.js reads."""
        return {}

    # --- exports (scripts/export_moodle.py) -----------------------------------------------------

    def prompt(self, q: dict, lang: str) -> str:
        """The question as one plain text (a fill-in adds its sentence with the blank)."""
        return q["prompt"][lang]

    def moodle_question_html(self, q: dict, lang: str, ordering: bool = True) -> str:
        """Moodle's question text (HTML)."""
        return html_paragraph(self.prompt(q, lang))

    def moodle_question_type(self, ordering: bool = True) -> str:
        """Moodle's type; ``ordering`` False: for a Moodle before 4.4 (no ordering type)."""
        return self.moodle_type

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        """The answers of this type inside Moodle's ``<question>``."""

    def gift_text(self, q: dict, lang: str) -> str:
        """The question text in GIFT, escaped."""
        return gift_escape(self.prompt(q, lang))

    def gift_answers(self, q: dict, lang: str) -> str:
        """What stands between ``{`` and the general feedback: the answers, one a line."""
        return "".join(f"\n\t{line}" for line in self.gift_lines(q, lang))

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        return []

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        """QTI's responseDeclaration: the right answer and, if mapped, the partial credit."""
        raise NotImplementedError

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        """QTI's interaction inside itemBody."""
        raise NotImplementedError


# --- Moodle XML -------------------------------------------------------------------------------


def fraction(value: float) -> str:
    """A grade as Moodle and QTI write it: at most five decimals, no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def html_paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def moodle_text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = html_paragraph(text) if fmt == "html" else text
    return element


def moodle_answer(
    parent: ET.Element, value: float, text: str, feedback: str | None, fmt: str = "html"
) -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction(value), "format": fmt})
    ET.SubElement(answer, "text").text = html_paragraph(text) if fmt == "html" else text
    if feedback:
        moodle_text(answer, "feedback", feedback)
    return answer


def short_answers(el: ET.Element, answers: Sequence[object]) -> None:
    """A Moodle short answer: every accepted answer is fully right, case does not count."""
    ET.SubElement(el, "usecase").text = "0"
    for answer in answers:
        moodle_answer(el, 100, str(answer), None, "moodle_auto_format")


def shares(options: list[dict]) -> tuple[float, float]:
    """Fractions of a multiple-answer question: each right answer and each wrong one, as the
    portal grades it (right minus wrong, over the number of right answers, at least 0)."""
    right = sum(1 for o in options if o.get("correct"))
    return 100 / right, -100 / right


# --- GIFT -------------------------------------------------------------------------------------


def gift_escape(text: object) -> str:
    """Text with GIFT's special characters escaped."""
    return re.sub(r"([~=#{}:\\])", r"\\\1", str(text)).replace("\n", " ")


# --- IMS QTI 2.1 ------------------------------------------------------------------------------


def qti_id(value: str) -> str:
    """A QTI identifier (an XML name) for a portal id, which may start with a digit."""
    return "C_" + re.sub(r"[^A-Za-z0-9_-]", "_", str(value))


def qti_declare(item: ET.Element, cardinality: str, base: str, correct: list[str]) -> ET.Element:
    decl = ET.SubElement(
        item,
        "responseDeclaration",
        {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base},
    )
    values = ET.SubElement(decl, "correctResponse")
    for value in correct:
        ET.SubElement(values, "value").text = value
    return decl


def qti_mapping(decl: ET.Element, entries: list[tuple[str, float]], **extra: str) -> None:
    mapping = ET.SubElement(
        decl, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"}
    )
    for key, value in entries:  # a right share rounds up, so that all right adds up to 1
        value = math.ceil(value * 1e5) / 1e5 if value > 0 else value
        ET.SubElement(mapping, "mapEntry", {"mapKey": key, "mappedValue": fraction(value), **extra})


def qti_interaction(body: ET.Element, tag: str, prompt: str, **attrs: str) -> ET.Element:
    """An interaction with its prompt, answered in RESPONSE."""
    inter = ET.SubElement(body, tag, {"responseIdentifier": "RESPONSE", **attrs})
    ET.SubElement(inter, "prompt").text = prompt
    return inter


def qti_choices(inter: ET.Element, items: list[dict], lang: str) -> None:
    """One simpleChoice per option or step, by its id."""
    for item in items:
        choice = ET.SubElement(inter, "simpleChoice", {"identifier": qti_id(item["id"])})
        choice.text = item["text"][lang]
