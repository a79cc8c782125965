"""Question types are declared once (hooks/kb/question_types/): a type defined only in this test
is checked, shaped for the template and exported without any other file knowing it; and the
registry, the quiz schema, the template's macros and quiz.js's graders name the same types."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import export_moodle
import jinja2
import pytest
import yaml

from kb import content_model, question_types, quiz_model, schema_registry
from kb.question_types import base

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "hooks" / "kb" / "schemas" / "quiz.schema.yml"
TEMPLATES = ROOT / "overrides"
QUIZ_JS = ROOT / "overrides" / "assets" / "javascripts" / "quiz.js"
# What every question has, whatever its type.
COMMON = {"id", "type", "prompt", "hint", "explanation", "read_again", "source"}


class Estimate(base.QuestionType):
    """A toy type: the reader estimates a whole number; an answer within ``margin`` is right."""

    name = "estimate"
    fields = frozenset({"number", "margin"})
    help = "estimate_help"
    moodle_type = "numerical"
    qti_mapped = False

    def check(self, q: dict, add: base.Add, langs) -> None:
        if isinstance(q.get("margin"), int) and q["margin"] < 0:
            add("margin", "the margin is below 0.", "write a margin of 0 or more.")

    def hash_part(self, q: dict) -> dict:
        return {"number": q["number"]} if "number" in q else {}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        return {"number": q["number"], "data": {"number": str(q["number"])}}

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        answer = base.moodle_answer(el, 100, str(q["number"]), None, "moodle_auto_format")
        ET.SubElement(answer, "tolerance").text = str(q["margin"])

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        return [f"#{q['number']}:{q['margin']}"]

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        base.qti_declare(item, "single", "integer", [str(q["number"])])

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        ET.SubElement(body, "p").text = q["prompt"][lang]
        ET.SubElement(body, "textEntryInteraction", {"responseIdentifier": "RESPONSE"})


def text(nl: str, en: str) -> dict:
    return {"nl": nl, "en": en}


ESTIMATE = {
    "id": "leefloon",
    "type": "estimate",
    "prompt": text("Hoeveel euro is het leefloon?", "How many euros is the living wage?"),
    "explanation": text("Het bedrag staat op de pagina.", "The page gives the amount."),
    "number": 1300,
    "margin": 50,
}
TRUE_FALSE = {
    "id": "coach",
    "type": "true-false",
    "prompt": text("Een coach beslist.", "A coach decides."),
    "explanation": text("De nieuwkomer beslist zelf.", "The newcomer decides."),
    "answer": False,
}


@pytest.fixture
def estimate(monkeypatch: pytest.MonkeyPatch) -> Estimate:
    """The toy type, registered for this test only."""
    qtype = Estimate()
    monkeypatch.setitem(question_types.TYPES, qtype.name, qtype)
    return qtype


@pytest.fixture
def site(tmp_path: Path) -> content_model.Site:
    (tmp_path / "content").mkdir()
    return content_model.load_site(tmp_path / "content", tmp_path)


def messages(q: dict, site: content_model.Site) -> list[str]:
    return [str(p) for p in quiz_model.question_problems("quizzes/toy.yml", q, 0, None, site)]


def test_a_new_type_is_checked(estimate: Estimate, site: content_model.Site) -> None:
    """Its fields are required on it and foreign to every other type; its own rule reports."""
    assert messages(ESTIMATE, site) == []
    missing = {k: v for k, v in ESTIMATE.items() if k != "margin"}
    assert messages(missing, site) == [
        "quizzes/toy.yml: questions[leefloon].margin: a estimate question needs margin. Fix: add "
        "margin (see the quiz format in hooks/kb/schemas/quiz.schema.yml)."
    ]
    assert messages({**ESTIMATE, "margin": -5}, site) == [
        "quizzes/toy.yml: questions[leefloon].margin: the margin is below 0. "
        "Fix: write a margin of 0 or more."
    ]
    assert messages({**TRUE_FALSE, "number": 3}, site) == [
        "quizzes/toy.yml: questions[coach].number: number is not used by a true-false question. "
        "Fix: remove number, or change type."
    ]
    assert (
        "options is not used by a estimate question"
        in messages({**ESTIMATE, "options": []}, site)[0]
    )


def test_a_new_type_is_shaped_for_the_template(estimate: Estimate) -> None:
    quiz = {"title": text("Raad", "Guess"), "questions": [ESTIMATE, TRUE_FALSE]}
    toy, other = quiz_model.view("toy", quiz, "en")["questions"]
    assert toy["prompt"] == "How many euros is the living wage?"
    assert (toy["type"], toy["help"], toy["number"]) == ("estimate", "estimate_help", 1300)
    assert toy["data"] == {"number": "1300"}
    assert other["data"] == {} and other["help"] == "choose_one" and other["answer"] is False


def test_a_new_type_leaves_other_questions_hashes_alone(estimate: Estimate) -> None:
    """A reader's saved answers stay valid: the hash of a question of another type is the same
    with the new type registered as without it."""
    with_toy = quiz_model.question_hash(TRUE_FALSE)
    del question_types.TYPES["estimate"]
    assert quiz_model.question_hash(TRUE_FALSE) == with_toy
    question_types.register(estimate)
    changed = quiz_model.question_hash({**ESTIMATE, "number": 1400})
    assert quiz_model.question_hash(ESTIMATE) != changed


def test_a_new_type_is_exported(estimate: Estimate) -> None:
    quiz = {"title": text("Raad", "Guess"), "questions": [ESTIMATE]}
    xml = ET.fromstring(export_moodle.quiz_xml("toy", quiz, "nl"))
    question = xml.findall("question")[1]
    assert question.get("type") == "numerical"
    assert question.findtext("questiontext/text") == "<p>Hoeveel euro is het leefloon?</p>"
    assert question.findtext("answer/text") == "1300"
    assert question.findtext("answer/tolerance") == "50"
    gift = export_moodle.quiz_gift("toy", quiz, "en")
    assert "::toy\\: leefloon::How many euros is the living wage? {\n\t#1300:50\n" in gift
    qti = ET.fromstring(export_moodle.question_qti("toy", ESTIMATE, "en"))
    ns = {"q": export_moodle.QTI}
    assert qti.find("q:responseDeclaration", ns).get("baseType") == "integer"
    assert qti.findtext("q:responseDeclaration/q:correctResponse/q:value", namespaces=ns) == "1300"
    assert qti.find("q:itemBody/q:textEntryInteraction", ns) is not None
    assert not export_moodle.has_ordering(quiz)


# --- the registry, the schema, the template and quiz.js name the same types --------------------


def question_schema() -> dict:
    """The question's schema as the checks use it (``x-enum`` written out)."""
    return schema_registry.raw_schema("quiz")["$defs"]["question"]


def test_the_schema_lists_the_registered_types() -> None:
    """In the same order: the schema's error names them ("use one of: …")."""
    assert question_schema()["properties"]["type"]["enum"] == list(question_types.TYPES)


def test_the_schema_has_the_fields_of_every_type_and_no_others() -> None:
    properties = set(question_schema()["properties"])
    assert properties - COMMON == question_types.all_fields()


def test_every_type_has_its_macro() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    module = env.get_template("hooks/quiz_questions.html").module
    for name in question_types.TYPES:
        assert callable(getattr(module, name.replace("-", "_"), None)), name


def test_every_type_has_its_grader() -> None:
    script = QUIZ_JS.read_text(encoding="utf-8")
    start = script.index("var GRADERS = {")
    graders = script[start : script.index("\n  };\n", start)]
    names = re.findall(r'^ {4}"?([a-z-]+)"?:', graders, re.M)
    assert names == list(question_types.TYPES)


def test_every_help_line_is_a_ui_string() -> None:
    strings = yaml.safe_load((ROOT / "hooks" / "ui_strings.yml").read_text(encoding="utf-8"))
    helps = {t.help for t in question_types.TYPES.values()} - {None}
    assert helps <= set(strings)
