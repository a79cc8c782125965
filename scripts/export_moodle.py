"""Export every quiz, per language, as Moodle XML and as GIFT, for organisations that train in Moodle.

    python scripts/export_moodle.py               # writes ./moodle (make moodle)
    python scripts/export_moodle.py -o /tmp/out   # another folder

For each quizzes/<id>.yml and each language it writes <id>.<lang>.xml (Moodle XML),
<id>.<lang>.gift.txt (GIFT) and <id>.<lang>.qti.zip (an IMS QTI 2.1 package of items, for other
learning platforms). A quiz with an ordering question needs Moodle 4.4 or later in Moodle XML
(before 4.4 the ordering type was the plug-in qtype_ordering, and without it an import stops at
the first such question), so it also gets <id>.<lang>.before-4.4.xml, in which each ordering
question is a short answer: the steps listed with letters, the reader types the letters in order.
README.txt in the folder says which file needs which Moodle. The quizzes are checked first (hooks/kb/quiz_model.py); with any
problem nothing is written. The files are made in a fresh folder that replaces the output folder
only when every file was written, so an export is whole or not there at all.

What each question type becomes in each format is said, and done, by its module in
hooks/kb/question_types/ (this script writes what every question shares: name, text, general
feedback, grade, hint; the quiz's category, package and files).

Ordering is scored all or nothing everywhere, as in the portal (quiz.js): a procedure in the wrong
order is not partly right, and it is the one rule that every format can state (Moodle's ordering
type as ALL_OR_NOTHING, a short answer, QTI's match with the correct order); a matching question,
GIFT's only other way, gives part marks per pair.
Kept: option feedback, the explanation as general feedback, the hint (Moodle XML), partial credit.
QTI 2.1 keeps the right answers, partial credit (mapResponse) and the explanation (modalFeedback),
not the option feedback or the hint.
Not kept: Moodle grades fill-in answers exactly (case-insensitive), without the portal's one-slip
tolerance.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import content_model, question_types, quiz_model, strings  # noqa: E402
from kb.question_types import base as qt_base  # noqa: E402

OLDER_MOODLE = "before-4.4"  # the Moodle XML file of a quiz with ordering questions, without them
# The Moodle question type of each portal type (see the table above).
MOODLE_TYPES = {name: qtype.moodle_type for name, qtype in question_types.TYPES.items()}
# What the question types need from the exporter (kb/question_types/base.py), and GIFT's escape.
_text, _g, _qid = qt_base.moodle_text, qt_base.gift_escape, qt_base.qti_id


def question_xml(quiz_id: str, q: dict, lang: str, ordering: bool = True) -> ET.Element:
    """One Moodle question; with ``ordering`` False, an ordering question becomes a short answer
    (for Moodle before 4.4)."""
    qtype = question_types.TYPES[q["type"]]
    el = ET.Element("question", {"type": qtype.moodle_question_type(ordering)})
    ET.SubElement(ET.SubElement(el, "name"), "text").text = f"{quiz_id}: {q['id']}"
    question_text = ET.SubElement(el, "questiontext", {"format": "html"})
    ET.SubElement(question_text, "text").text = qtype.moodle_question_html(q, lang, ordering)
    _text(el, "generalfeedback", q["explanation"][lang])
    ET.SubElement(el, "defaultgrade").text = "1"
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = f"{quiz_id}-{q['id']}"
    qtype.moodle(el, q, lang, ordering)
    if (q.get("hint") or {}).get(lang):
        _text(el, "hint", q["hint"][lang])
    return el


def _category(quiz: dict, lang: str) -> str:
    """Moodle's category path; a slash inside a name is written twice."""
    return f"$course$/top/{strings.text('moodle_category', lang)}/{quiz['title'][lang].replace('/', '//')}"


def has_ordering(quiz: dict) -> bool:
    """True when the quiz's Moodle XML needs Moodle 4.4 or later (an ordering question)."""
    return any(question_types.TYPES[q["type"]].needs_moodle_44 for q in quiz["questions"])


def quiz_xml(quiz_id: str, quiz: dict, lang: str, ordering: bool = True) -> bytes:
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(category, "category"), "text").text = _category(quiz, lang)
    for q in quiz["questions"]:
        root.append(question_xml(quiz_id, q, lang, ordering))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# --- GIFT ------------------------------------------------------------------------------------


def question_gift(quiz_id: str, q: dict, lang: str) -> str:
    qtype = question_types.TYPES[q["type"]]
    head = f"::{_g(quiz_id + ': ' + q['id'])}::{qtype.gift_text(q, lang)} {{"
    general = f"\n\t####{_g(q['explanation'][lang])}"
    return head + qtype.gift_answers(q, lang) + general + "\n}\n"


def quiz_gift(quiz_id: str, quiz: dict, lang: str) -> str:
    out = [
        f"// {quiz['title'][lang]} (quizzes/{quiz_id}.yml, {lang})",
        f"$CATEGORY: {_category(quiz, lang)}",
        "",
    ]
    out += [question_gift(quiz_id, q, lang) for q in quiz["questions"]]
    return "\n".join(out)


# --- IMS QTI 2.1 -----------------------------------------------------------------------------

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"


def question_qti(quiz_id: str, q: dict, lang: str) -> bytes:
    """One assessmentItem: the interaction, the right answer, partial credit, the explanation."""
    item = ET.Element(
        "assessmentItem",
        {
            "xmlns": QTI,
            "identifier": _qid(f"{quiz_id}-{q['id']}"),
            "title": q["prompt"][lang][:80],
            "adaptive": "false",
            "timeDependent": "false",
            "xml:lang": lang,
        },
    )
    qtype = question_types.TYPES[q["type"]]
    qtype.qti_response(item, q, lang)
    for name, base in (("SCORE", "float"), ("FEEDBACK", "identifier")):
        out = ET.SubElement(
            item,
            "outcomeDeclaration",
            {"identifier": name, "cardinality": "single", "baseType": base},
        )
        if name == "SCORE":
            ET.SubElement(ET.SubElement(out, "defaultValue"), "value").text = "0"
    qtype.qti_body(ET.SubElement(item, "itemBody"), q, lang)
    rp = ET.SubElement(item, "responseProcessing")
    cond = ET.SubElement(ET.SubElement(rp, "responseCondition"), "responseIf")
    if qtype.qti_mapped:
        ET.SubElement(ET.SubElement(cond, "not"), "isNull").append(
            ET.Element("variable", {"identifier": "RESPONSE"})
        )
        ET.SubElement(
            ET.SubElement(cond, "setOutcomeValue", {"identifier": "SCORE"}),
            "mapResponse",
            {"identifier": "RESPONSE"},
        )
    else:
        match = ET.SubElement(cond, "match")
        ET.SubElement(match, "variable", {"identifier": "RESPONSE"})
        ET.SubElement(match, "correct", {"identifier": "RESPONSE"})
        ET.SubElement(
            ET.SubElement(cond, "setOutcomeValue", {"identifier": "SCORE"}),
            "baseValue",
            {"baseType": "float"},
        ).text = "1"
    ET.SubElement(
        ET.SubElement(rp, "setOutcomeValue", {"identifier": "FEEDBACK"}),
        "baseValue",
        {"baseType": "identifier"},
    ).text = "EXPLANATION"
    feedback = ET.SubElement(
        item,
        "modalFeedback",
        {"outcomeIdentifier": "FEEDBACK", "identifier": "EXPLANATION", "showHide": "show"},
    )
    feedback.text = q["explanation"][lang]
    ET.indent(item)
    return ET.tostring(item, encoding="utf-8", xml_declaration=True) + b"\n"


def quiz_qti(quiz_id: str, quiz: dict, lang: str) -> bytes:
    """A QTI 2.1 content package: imsmanifest.xml and one item file per question."""
    manifest = ET.Element("manifest", {"xmlns": CP, "identifier": _qid(f"{quiz_id}-{lang}")})
    meta = ET.SubElement(manifest, "metadata")
    ET.SubElement(meta, "schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    files = {}
    for q in quiz["questions"]:
        href = f"items/{q['id']}.xml"
        files[href] = question_qti(quiz_id, q, lang)
        res = ET.SubElement(
            resources,
            "resource",
            {"identifier": _qid(q["id"]), "type": "imsqti_item_xmlv2p1", "href": href},
        )
        ET.SubElement(res, "file", {"href": href})
    ET.indent(manifest)
    files = {
        "imsmanifest.xml": ET.tostring(manifest, encoding="utf-8", xml_declaration=True),
        **files,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():  # a fixed date: the same quiz gives the same bytes
            package.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


# --- writing ---------------------------------------------------------------------------------


def needs_moodle_44(quizzes: dict[str, dict]) -> list[str]:
    """The Moodle XML files that only Moodle 4.4 or later imports (they hold ordering questions)."""
    return [
        f"{quiz_id}.{lang}.xml"
        for quiz_id, quiz in quizzes.items()
        if has_ordering(quiz)
        for lang in quiz_model.LANGS
    ]


def readme(quizzes: dict[str, dict]) -> str:
    """README.txt of the export, in English and Dutch: which file needs which Moodle."""
    newer = "".join(f"  {name}\n" for name in needs_moodle_44(quizzes)) or "  -\n"
    return f"""Job coach portal: the quizzes for Moodle (Moodle XML, GIFT) and QTI 2.1

Moodle XML (<quiz>.<lang>.xml): More > Question bank > Import, format "Moodle XML".
These files hold ordering questions. Only Moodle 4.4 or later imports them (or an older
Moodle with the Ordering plug-in, qtype_ordering); elsewhere the import stops at the first
ordering question and nothing is imported:
{newer}
For an older Moodle, import <quiz>.<lang>.{OLDER_MOODLE}.xml instead: the same quiz, in which
each ordering question is a short answer (the steps have letters; type them in order).
GIFT (<quiz>.<lang>.gift.txt) writes ordering questions the same way and works in every Moodle.
An ordering question scores all or nothing, as in the portal.

---

Jobcoachportaal: de quizzen voor Moodle (Moodle XML, GIFT) en QTI 2.1

Moodle XML (<quiz>.<lang>.xml): Meer > Vragenbank > Importeren, formaat "Moodle XML".
Deze bestanden bevatten ordeningsvragen. Alleen Moodle 4.4 of later importeert ze (of een
oudere Moodle met de plug-in Ordering, qtype_ordering); anders stopt het importeren bij de
eerste ordeningsvraag en wordt er niets geïmporteerd:
{newer}
Voor een oudere Moodle importeer je <quiz>.<lang>.{OLDER_MOODLE}.xml: dezelfde quiz, waarin
elke ordeningsvraag een korte-antwoordvraag is (de stappen hebben letters; typ ze in volgorde).
GIFT (<quiz>.<lang>.gift.txt) schrijft ordeningsvragen op dezelfde manier en werkt in elke Moodle.
Een ordeningsvraag is helemaal juist of fout, zoals in het portaal.
"""


def export(root: Path, out: Path) -> int:
    """Check the quizzes, then write every file into a fresh folder that replaces ``out``."""
    problems = quiz_model.check(root, content_model.load_site(root / "content", root))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"\n{len(problems)} problem(s): nothing was exported.", file=sys.stderr)
        return 1
    quizzes = quiz_model.load(root)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".moodle-", dir=out.parent))
    try:
        for quiz_id, quiz in quizzes.items():
            for lang in quiz_model.LANGS:
                (staging / f"{quiz_id}.{lang}.xml").write_bytes(quiz_xml(quiz_id, quiz, lang))
                if has_ordering(quiz):
                    (staging / f"{quiz_id}.{lang}.{OLDER_MOODLE}.xml").write_bytes(
                        quiz_xml(quiz_id, quiz, lang, ordering=False)
                    )
                (staging / f"{quiz_id}.{lang}.gift.txt").write_text(
                    quiz_gift(quiz_id, quiz, lang), encoding="utf-8"
                )
                (staging / f"{quiz_id}.{lang}.qti.zip").write_bytes(quiz_qti(quiz_id, quiz, lang))
        (staging / "README.txt").write_text(readme(quizzes), encoding="utf-8")
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = out.with_name(f".moodle-old-{os.getpid()}") if out.exists() else None
    if old:
        out.rename(old)
    staging.rename(out)
    if old:
        shutil.rmtree(old, ignore_errors=True)
    count = sum(len(q["questions"]) for q in quizzes.values())
    print(f"Exported {len(quizzes)} quizzes ({count} questions) in 2 languages to {out}")
    newer = needs_moodle_44(quizzes)
    if newer:
        print(
            f"Need Moodle 4.4 or later (ordering questions): {', '.join(newer)}.\n"
            f"For an older Moodle, import <quiz>.<lang>.{OLDER_MOODLE}.xml instead (see README.txt)."
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "moodle")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    return export(args.root.resolve(), args.out)


if __name__ == "__main__":
    sys.exit(main())
