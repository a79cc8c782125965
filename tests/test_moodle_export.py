"""`make moodle` (scripts/export_moodle.py): every quiz per language as Moodle XML, GIFT and a
QTI 2.1 package, with the right answers, feedback and partial credit of the YAML, written whole or
not at all."""

from __future__ import annotations

import html
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_quiz_files import FIXTURES, GOOD_QUIZ, tiny_site
from test_quizzes import (
    QUIZ,
    QUIZ_ID,
    QUIZ_NL,
    SAY,
    check,
    first_of,
    put_in_order,
    ready,
    result,
    status,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import export_moodle  # noqa: E402

from kb import quiz_model  # noqa: E402

QUIZZES = quiz_model.load(ROOT)
MOODLE_TYPE = export_moodle.MOODLE_TYPES


def any_order(quiz: dict) -> bool:
    return any(q["type"] == "order" for q in quiz["questions"])


def steps_from_letters(text: str, answer: str) -> list[str]:
    """The steps that the letters of ``answer`` name, read from the question as a reader sees it
    (one "A. step" per paragraph)."""
    listed = dict(re.findall(r"<p>([A-Z])\. (.*?)</p>", html.unescape(text)))
    return [listed[letter] for letter in re.findall(r"[A-Z]", answer)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("moodle") / "moodle"
    assert export_moodle.export(ROOT, out) == 0
    return out


def plain(element: ET.Element | None) -> str:
    """The text of a Moodle <text> holding '<p>…</p>' HTML, as a reader sees it."""
    assert element is not None
    return html.unescape(re.sub(r"</?p>", "", element.findtext("text") or ""))


WITH_ORDERING = sorted(q for q, quiz in QUIZZES.items() if any_order(quiz))


def test_one_xml_and_one_gift_file_per_quiz_and_language(exported: Path) -> None:
    """Per quiz and language: Moodle XML, GIFT and QTI; a quiz with an ordering question also
    gets a Moodle XML file for Moodle before 4.4; and a README.txt."""
    expected = {
        f"{quiz_id}.{lang}.{ext}"
        for quiz_id in QUIZZES
        for lang in quiz_model.LANGS
        for ext in ("xml", "gift.txt", "qti.zip")
    }
    expected |= {f"{q}.{lang}.before-4.4.xml" for q in WITH_ORDERING for lang in quiz_model.LANGS}
    assert {p.name for p in exported.iterdir()} == expected | {"README.txt"}


def test_readme_names_the_files_that_need_moodle_4_4(exported: Path) -> None:
    """README.txt lists exactly the Moodle XML files with an ordering question, in both of its
    languages, and points to the files for an older Moodle."""
    text = (exported / "README.txt").read_text(encoding="utf-8")
    listed = re.findall(r"^  (\S+\.xml)$", text, re.M)
    names = [f"{q}.{lang}.xml" for q in WITH_ORDERING for lang in quiz_model.LANGS]
    assert sorted(listed) == sorted(names * 2)
    assert text.count("Moodle 4.4") == 2 and text.count("<quiz>.<lang>.before-4.4.xml") == 2


@pytest.mark.parametrize("lang", quiz_model.LANGS)
@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_xml_has_every_question_with_its_right_answers(
    exported: Path, quiz_id: str, lang: str
) -> None:
    """The XML parses; it has one category and one question per YAML question, of the matching
    type, with the YAML's right answers, explanation, feedback and partial credit."""
    quiz = QUIZZES[quiz_id]
    root = ET.parse(exported / f"{quiz_id}.{lang}.xml").getroot()
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert quiz["title"][lang] in category.findtext("category/text")
    assert [q.get("type") for q in questions] == [MOODLE_TYPE[q["type"]] for q in quiz["questions"]]
    for el, q in zip(questions, quiz["questions"], strict=True):
        assert plain(el.find("generalfeedback")) == q["explanation"][lang]
        answers = [(float(a.get("fraction")), plain(a), a) for a in el.findall("answer")]
        if q["type"] in ("single", "multiple"):
            assert el.findtext("single") == ("true" if q["type"] == "single" else "false")
            right = {o["text"][lang] for o in q["options"] if o.get("correct")}
            assert {text for share, text, _ in answers if share > 0} == right
            assert sum(share for share, _, _ in answers if share > 0) == pytest.approx(
                100, abs=0.01
            )
            if q["type"] == "multiple":  # a wrong tick costs what a right one earns
                assert all(share < 0 for share, text, _ in answers if text not in right)
            for o in q["options"]:
                feedback = (o.get("feedback") or {}).get(lang)
                if feedback:
                    answer = next(a for _, text, a in answers if text == o["text"][lang])
                    assert plain(answer.find("feedback")) == feedback
        elif q["type"] == "true-false":
            assert [text for share, text, _ in answers if share == 100] == [
                str(q["answer"]).lower()
            ]
        elif q["type"] == "fill-in":
            assert [text for _, text, _ in answers] == [str(a) for a in q["answers"][lang]]
            assert all(share == 100 for share, _, _ in answers)
        elif q["type"] == "match":
            pairs = [(plain(s), s.findtext("answer/text")) for s in el.findall("subquestion")]
            assert pairs == [(p["left"][lang], p["right"][lang]) for p in q["pairs"]]
        elif q["type"] == "order":  # scored all or nothing, as in the portal
            assert [text for _, text, _ in answers] == [s["text"][lang] for s in q["steps"]]
            assert el.findtext("gradingtype") == "ALL_OR_NOTHING"


def test_portal_and_export_score_a_nearly_right_order_alike(page: Page, exported: Path) -> None:
    """Two steps swapped, the others in their place: the portal says 'Fout' and gives no point,
    and Moodle grades the same question all or nothing (its short-answer form, too, accepts only
    the whole order: see the test below)."""
    q = first_of("order")
    ids = [s["id"] for s in q["steps"]]
    page.goto(QUIZ_NL)
    page.evaluate("localStorage.clear(); localStorage.setItem('kb-progress-consent', 'yes')")
    page.reload()
    ready(page)
    put_in_order(page, q["id"], [ids[1], ids[0], *ids[2:]])
    check(page)
    expect(result(page, q["id"])).to_have_text(SAY["nl"]["wrong"])
    expect(status(page)).to_contain_text(f"0 van {len(QUIZ['questions'])} (0%)")
    root = ET.parse(exported / f"{QUIZ_ID}.nl.xml").getroot()
    moodle = next(
        e for e in root.iter("question") if e.findtext("idnumber") == f"{QUIZ_ID}-{q['id']}"
    )
    assert moodle.get("type") == "ordering"
    assert moodle.findtext("gradingtype") == "ALL_OR_NOTHING"


@pytest.mark.parametrize("lang", quiz_model.LANGS)
@pytest.mark.parametrize("quiz_id", WITH_ORDERING)
def test_xml_before_moodle_4_4_asks_the_order_as_letters(
    exported: Path, quiz_id: str, lang: str
) -> None:
    """The file for an older Moodle has the same questions, none of them of the ordering type;
    each ordering question lists its steps with letters, not in the right order, and accepts
    only the letters that put every step in its place (all or nothing)."""
    quiz = QUIZZES[quiz_id]
    root = ET.parse(exported / f"{quiz_id}.{lang}.before-4.4.xml").getroot()
    _, *questions = root.findall("question")
    assert [q.get("type") for q in questions] == [
        "shortanswer" if q["type"] == "order" else MOODLE_TYPE[q["type"]] for q in quiz["questions"]
    ]
    for el, q in zip(questions, quiz["questions"], strict=True):
        if q["type"] != "order":
            continue
        right = [s["text"][lang] for s in q["steps"]]
        text = el.findtext("questiontext/text")
        assert steps_from_letters(text, "ABCDEFGHIJ"[: len(right)]) != right
        answers = el.findall("answer")
        assert {a.get("fraction") for a in answers} == {"100"}
        for answer in answers:
            assert steps_from_letters(text, answer.findtext("text")) == right


@pytest.mark.parametrize("lang", quiz_model.LANGS)
@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_gift_has_every_question(exported: Path, quiz_id: str, lang: str) -> None:
    """The GIFT file has one question per YAML question; true/false answers match; an ordering
    question is a short answer whose letters put the steps in the right order."""
    quiz = QUIZZES[quiz_id]
    text = (exported / f"{quiz_id}.{lang}.gift.txt").read_text(encoding="utf-8")
    heads = re.findall(r"^::(.+?)::", text, re.M)
    assert heads == [f"{quiz_id}\\: {q['id']}" for q in quiz["questions"]]
    for q in quiz["questions"]:
        block = text.split(f"::{quiz_id}\\: {q['id']}::", 1)[1]
        if q["type"] == "true-false":
            assert block.split("{", 1)[1].lstrip().startswith("TRUE" if q["answer"] else "FALSE")
        elif q["type"] == "order":  # a short answer: the letters in order, all or nothing
            question, answers = block.split("::", 1)[0].split(" {\n", 1)
            accepted = re.findall(r"^\t=(.+)$", answers, re.M)
            assert accepted
            right = [s["text"][lang] for s in q["steps"]]
            plain_text = re.sub(r"\\(.)", r"\1", question)  # GIFT's escapes undone
            for answer in accepted:
                assert steps_from_letters(plain_text, answer) == right


def test_a_broken_quiz_exports_nothing(tmp_path: Path) -> None:
    """With a mistake in any quiz, nothing is written and an earlier export stays as it was."""
    broken = (FIXTURES / "no-correct-option.yml").read_text(encoding="utf-8")
    project = tiny_site(tmp_path / "p", {"goed": GOOD_QUIZ, "kapot": broken})
    out = tmp_path / "moodle"
    out.mkdir()
    (out / "earlier.xml").write_text("earlier", encoding="utf-8")
    assert export_moodle.export(project, out) == 1
    assert [p.name for p in out.iterdir()] == ["earlier.xml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moodle", "p"]


def test_a_failure_half_way_leaves_no_half_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing stops half-way, the earlier export stays and no partial folder is left."""
    out = tmp_path / "moodle"
    out.mkdir()
    (out / "earlier.xml").write_text("earlier", encoding="utf-8")
    calls = []

    def fail_second(quiz_id: str, quiz: dict, lang: str) -> str:
        calls.append(quiz_id)
        if len(calls) > 1:
            raise OSError("disk full")
        return ""

    monkeypatch.setattr(export_moodle, "quiz_gift", fail_second)
    with pytest.raises(OSError):
        export_moodle.export(ROOT, out)
    assert [p.name for p in out.iterdir()] == ["earlier.xml"]
    assert [p.name for p in tmp_path.iterdir()] == ["moodle"]


QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@pytest.mark.parametrize("lang", quiz_model.LANGS)
@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_qti_package_has_every_item_with_its_right_answers(
    exported: Path, quiz_id: str, lang: str
) -> None:
    """The QTI 2.1 package lists one item per question in its manifest; each item parses and
    holds the YAML's right answer, partial credit adding up to 1 and the explanation."""
    quiz = QUIZZES[quiz_id]
    with zipfile.ZipFile(exported / f"{quiz_id}.{lang}.qti.zip") as package:
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        hrefs = [r.get("href") for r in manifest.iter(CP + "resource")]
        assert hrefs == [f"items/{q['id']}.xml" for q in quiz["questions"]]
        for href, q in zip(hrefs, quiz["questions"], strict=True):
            item = ET.fromstring(package.read(href))
            declared = item.find(f"{QTI}responseDeclaration/{QTI}correctResponse")
            correct = [v.text for v in declared]
            assert item.findtext(QTI + "modalFeedback") == q["explanation"][lang]
            entries = {
                e.get("mapKey"): float(e.get("mappedValue")) for e in item.iter(QTI + "mapEntry")
            }
            if q["type"] in ("single", "multiple"):
                assert correct == [f"C_{o['id']}" for o in q["options"] if o.get("correct")]
            if q["type"] == "multiple":
                assert sum(v for v in entries.values() if v > 0) >= 1
            elif q["type"] == "true-false":
                assert correct == [f"C_{str(q['answer']).lower()}"]
            elif q["type"] == "fill-in":
                assert list(entries) == [str(a) for a in q["answers"][lang]]
            elif q["type"] == "match":
                assert correct == [f"C_L{p['id']} C_R{p['id']}" for p in q["pairs"]]
                assert sum(entries.values()) >= 1
            elif q["type"] == "order":
                assert correct == [f"C_{s['id']}" for s in q["steps"]]
