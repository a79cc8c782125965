"""match: pairs of a left and a right text; the reader picks the right one for each left one.

Moodle XML: matching, partial credit per pair. GIFT: {=left -> right}. QTI: matchInteraction.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

from kb.question_types import base


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class Match(base.QuestionType):
    name = "match"
    help = "match_help"
    fields = frozenset({"pairs"})
    items = "pairs"
    moodle_type = "matching"
    qti_mapped = True

    def check(self, q: dict, add: base.Add, langs) -> None:
        pairs = q.get("pairs")
        if not isinstance(pairs, list):
            return
        for lang in langs:
            rights = [
                i.get("right", {}).get(lang)
                for i in pairs
                if isinstance(i, dict) and isinstance(i.get("right"), dict)
            ]
            if len(set(rights)) < len(rights):
                add(
                    "pairs",
                    f"two pairs have the same right-hand text in {lang}.",
                    "make every right-hand text different, or merge the pairs.",
                )

    def hash_part(self, q: dict) -> dict:
        return {"pairs": [p.get("id") for p in q.get("pairs", [])]}

    def view(self, quiz_id: str, q: dict, lang: str) -> dict:
        pairs = [
            {"id": p["id"], "left": p["left"][lang], "right": p["right"][lang]} for p in q["pairs"]
        ]
        return {"pairs": pairs, "choices": sorted(pairs, key=lambda p: _fold(p["right"]))}

    def moodle(self, el: ET.Element, q: dict, lang: str, ordering: bool = True) -> None:
        ET.SubElement(el, "shuffleanswers").text = "true"
        for pair in q["pairs"]:
            sub = ET.SubElement(el, "subquestion", {"format": "html"})
            ET.SubElement(sub, "text").text = base.html_paragraph(pair["left"][lang])
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair["right"][lang]

    def gift_lines(self, q: dict, lang: str) -> list[str]:
        g = base.gift_escape
        return [f"={g(p['left'][lang])} -> {g(p['right'][lang])}" for p in q["pairs"]]

    def qti_response(self, item: ET.Element, q: dict, lang: str) -> None:
        pairs = [f"{base.qti_id('L' + p['id'])} {base.qti_id('R' + p['id'])}" for p in q["pairs"]]
        decl = base.qti_declare(item, "multiple", "directedPair", pairs)
        base.qti_mapping(decl, [(pair, 1 / len(pairs)) for pair in pairs])

    def qti_body(self, body: ET.Element, q: dict, lang: str) -> None:
        inter = base.qti_interaction(
            body,
            "matchInteraction",
            q["prompt"][lang],
            shuffle="true",
            maxAssociations=str(len(q["pairs"])),
        )
        for side in ("left", "right"):
            group = ET.SubElement(inter, "simpleMatchSet")
            for p in q["pairs"]:
                ident = base.qti_id(("L" if side == "left" else "R") + p["id"])
                ET.SubElement(
                    group, "simpleAssociableChoice", {"identifier": ident, "matchMax": "1"}
                ).text = p[side][lang]


TYPE = Match()
