"""Eligibility as data (hooks/kb/eligibility.py): the checks an editor meets, on small content
trees; the evaluator's meaning ("I don't know" moves a scheme to "check first", never hides it);
and realistic cases on the real content, in both languages, with the groups the pages' own
conditions and sources give them."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from pathlib import Path

import pytest
import yaml

from kb import content_model, eligibility, languages, portal, views
from kb.project import Project

ROOT = Path(__file__).resolve().parents[1]

QUESTIONS = {
    "questions": [
        {
            "id": "residence",
            "text": {"nl": "Welk verblijf?", "en": "Which residence?"},
            "answers": [
                {
                    "id": "refugee",
                    "text": {"nl": "Vluchteling", "en": "Refugee"},
                    "facet": "recognised-refugee",
                },
                {"id": "applicant", "text": {"nl": "Verzoeker", "en": "Applicant"}},
            ],
        },
        {
            "id": "region",
            "text": {"nl": "Waar?", "en": "Where?"},
            "answers": [
                {"id": "flanders", "text": {"nl": "Vlaanderen", "en": "Flanders"}},
                {"id": "brussels", "text": {"nl": "Brussel", "en": "Brussels"}},
            ],
        },
        {
            "id": "leefloon",
            "text": {"nl": "Leefloon?", "en": "Leefloon?"},
            "answers": [
                {"id": "yes", "text": {"nl": "Ja", "en": "Yes"}, "facet": "leefloon"},
                {"id": "no", "text": {"nl": "Nee", "en": "No"}},
            ],
        },
    ]
}
STATUS = {
    "kind": "status",
    "title": "Stage",
    "full_name": "een stage",
    "summary": "Een stage bij een werkgever.",
    "category": "work",
    "for_whom": ["leefloon"],
    "organiser": "VDAB.",
    "duration": "Een maand.",
    "income": "Geen loon.",
    "employer": "Niets.",
    "conditions": ["Een plan."],
    "after": "Een job.",
    "legal_basis": "Een besluit.",
    "sources": [{"title": "VDAB", "url": "https://www.vdab.be/stage", "official": True}],
    "reviewed": "2026-11-01",
}
OPEN = {"group": "open", "when": {"residence": ["refugee"]}, "because": "Een vluchteling mag."}
CLOSED = {"group": "closed", "when": {"residence": ["applicant"]}, "because": "Nog niet."}


def tree(root: Path, rules: list[dict], english: list[dict] | None = None) -> portal.Portal:
    """A content tree with the questions above and one status page (and its English one)."""
    data = root / "content" / "_data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "eligibility.yml").write_text(yaml.safe_dump(QUESTIONS), encoding="utf-8")
    for name, page_rules in (("stage.md", rules), ("stage.en.md", english)):
        if page_rules is None:
            continue
        meta = yaml.safe_dump({**STATUS, "eligibility": page_rules}, sort_keys=False)
        path = root / "content" / "statuses" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{meta}---\n\n# Stage\n", encoding="utf-8")
    return portal.load(Project(root, root / "content"))


def problems(root: Path, rules: list[dict], english: list[dict] | None = None) -> list[str]:
    return [str(p) for p in eligibility.check(tree(root, rules, english))]


def line(path: Path, text: str, nth: int = 1) -> int:
    """The number of the line of ``path`` where ``text`` occurs the ``nth`` time."""
    found = [n for n, got in enumerate(path.read_text().split("\n"), 1) if text in got]
    return found[nth - 1]


# --- the checks --------------------------------------------------------------------------------


def test_well_formed_rules_have_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, [OPEN, CLOSED], [OPEN, CLOSED]) == []


def test_an_unknown_question_or_answer_is_named_with_its_line(tmp_path: Path) -> None:
    rules = [
        OPEN,
        {"group": "closed", "when": {"residense": ["applicant"]}, "because": "Nee."},
        {"group": "closed", "when": {"region": ["wallonia"]}, "because": "Nee."},
    ]
    found = problems(tmp_path, rules)
    page = tmp_path / "content" / "statuses" / "stage.md"
    first, second = line(page, "residense:"), line(page, "region:")
    assert found == [
        f"content/statuses/stage.md:{first}: eligibility[1].when.residense: the rule names the "
        "question 'residense', which content/_data/eligibility.yml does not declare. Fix: use "
        "one of: residence, region, leefloon.",
        f"content/statuses/stage.md:{second}: eligibility[2].when.region: 'wallonia' is not an answer "
        "of the question 'region'. Fix: use one of: flanders, brussels (\"I don't know\" needs "
        "no rule).",
    ]


def test_a_page_no_answers_open_is_reported(tmp_path: Path) -> None:
    found = problems(tmp_path, [CLOSED, {"group": "closed", "because": "Anders niet."}])
    assert len(found) == 1
    assert "no combination of answers makes this page open or 'check first'" in found[0]
    page = tmp_path / "content" / "statuses" / "stage.md"
    assert found[0].startswith(
        f"content/statuses/stage.md:{line(page, 'eligibility:')}: eligibility:"
    )


def test_two_rules_of_different_groups_that_overlap_contradict(tmp_path: Path) -> None:
    overlap = {"group": "closed", "when": {"region": ["brussels"]}, "because": "Niet in Brussel."}
    found = problems(tmp_path, [OPEN, overlap])
    at = line(tmp_path / "content" / "statuses" / "stage.md", "group: closed")
    assert found == [
        f"content/statuses/stage.md:{at}: eligibility[1].when: rules 1 (open) and 2 (closed) "
        "contradict each other: both match residence: refugee, region: brussels. Fix: narrow "
        "the 'when' of one of them so that no answers match both."
    ]
    # Rules of one group may overlap: they agree.
    same = {**overlap, "group": "open"}
    assert problems(tmp_path, [OPEN, same]) == []


def test_otherwise_is_one_rule_and_the_last(tmp_path: Path) -> None:
    otherwise = {"group": "check", "because": "Vraag het na."}
    found = problems(tmp_path, [otherwise, OPEN, {**otherwise, "because": "Nog eens."}])
    assert any("more than one rule without 'when' (rules 1 and 3)" in p for p in found)
    assert any("rule 1 has no 'when'" in p and "is not the last rule" in p for p in found)


def test_group_and_when_must_be_the_same_in_both_languages(tmp_path: Path) -> None:
    english = [{**OPEN, "because": "A refugee may."}, {**CLOSED, "group": "check"}]
    found = problems(tmp_path, [OPEN, CLOSED], english)
    assert len(found) == 1
    assert found[0].startswith("content/statuses/stage.en.md:")
    assert "differ from content/statuses/stage.md (from rule 2 on)" in found[0]
    # Only the reasons are translated.
    translated = [{**OPEN, "because": "A refugee may."}, {**CLOSED, "because": "Not yet."}]
    assert problems(tmp_path, [OPEN, CLOSED], translated) == []


def test_problems_in_the_questions_file_come_first_and_alone(tmp_path: Path) -> None:
    site = tree(tmp_path, [OPEN])
    broken = json.loads(json.dumps(QUESTIONS))
    broken["questions"][0]["answers"][1]["id"] = "unknown"
    broken["questions"][1]["answers"][1]["id"] = "flanders"
    del broken["questions"][2]["text"]["en"]
    path = tmp_path / "content" / "_data" / "eligibility.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    found = [str(p) for p in eligibility.check(portal.load(site.project))]
    assert any("'unknown' is the answer every question has already" in p for p in found)
    assert any("English text is missing" in p or "'en'" in p for p in found)
    broken["questions"][0]["answers"][1]["id"] = "applicant"
    del broken["questions"][2]
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    found = [str(p) for p in eligibility.check(portal.load(site.project))]
    at = line(path, "id: flanders", 2)
    assert found == [
        f"content/_data/eligibility.yml:{at}: questions[1].answers[1].id: the answer id 'flanders' "
        "is used twice in this list. Fix: give every answer its own id."
    ]


def test_an_unquoted_yes_is_explained(tmp_path: Path) -> None:
    site = tree(tmp_path, [{"group": "open", "when": {"leefloon": [True]}, "because": "Ja."}])
    found = [str(p) for p in content_model.check_site(site.site, set(), set())]
    assert any("eligibility[0].when.leefloon[0]" in p and "quotes" in p for p in found), found
    assert eligibility.check(site) == []  # said once, by the schema check


# --- the evaluator -----------------------------------------------------------------------------


def page_rules(site: portal.Portal, src: str = "statuses/stage.md") -> list[eligibility.Rule]:
    return eligibility.rules(site.site.pages[src])


def test_a_complete_answer_gives_the_matching_rule(tmp_path: Path) -> None:
    site = tree(tmp_path, [OPEN, CLOSED, {"group": "check", "because": "Vraag het na."}])
    rules, questions = page_rules(site), site.eligibility()[0]
    assert eligibility.evaluate(rules, questions, {"residence": "refugee"}, "stage") == {
        "slug": "stage",
        "group": "open",
        "reasons": ["Een vluchteling mag."],
        "to_check": [],
    }
    assert eligibility.evaluate(rules, questions, {"residence": "applicant"})["group"] == "closed"


def test_without_otherwise_an_unmatched_page_is_closed_with_no_reason(tmp_path: Path) -> None:
    site = tree(tmp_path, [OPEN])
    found = eligibility.evaluate(
        page_rules(site), site.eligibility()[0], {"residence": "applicant"}
    )
    assert found["group"] == "closed" and found["reasons"] == []


def test_i_dont_know_moves_to_check_and_says_what_to_check(tmp_path: Path) -> None:
    leefloon = {"group": "open", "when": {"leefloon": ["yes"]}, "because": "Met leefloon."}
    site = tree(tmp_path, [leefloon, {"group": "closed", "because": "Zonder leefloon niet."}])
    rules, questions = page_rules(site), site.eligibility()[0]
    for answers in ({}, {"leefloon": "unknown"}, {"leefloon": "maybe"}, {"region": "brussels"}):
        found = eligibility.evaluate(rules, questions, answers)
        assert found["group"] == "check", answers
        assert found["to_check"] == ["leefloon"]
        assert found["reasons"] == ["Met leefloon.", "Zonder leefloon niet."]


def every_answer(questions: eligibility.Questions) -> list[dict[str, str]]:
    ids = questions.ids()
    return [
        dict(zip(ids, values, strict=True))
        for values in itertools.product(*(questions.answers(q) for q in ids))
    ]


@pytest.fixture(scope="module")
def real() -> portal.Portal:
    return portal.load(Project(ROOT, ROOT / "content"))


def test_i_dont_know_never_hides_a_scheme_on_the_real_pages(real: portal.Portal) -> None:
    """For every complete answer and every question left unanswered: the same group, or check."""
    questions = real.eligibility()[0]
    pages = real.site.of_kind("status", languages.default())
    combos = every_answer(questions)
    for page in pages:
        rules = eligibility.rules(page)
        for combo in combos[:: max(1, len(combos) // 60)]:
            full = eligibility.evaluate(rules, questions, combo)["group"]
            for question in questions.ids():
                part = eligibility.evaluate(rules, questions, {**combo, question: "unknown"})
                assert part["group"] in (full, "check"), (page.slug, combo, question)


# --- realistic cases on the real content -------------------------------------------------------

# Each person with the answers a coach gives, and the groups the pages' own conditions and sources
# give (VDAB for the IBO, the OCMW law for article 60, Agii and Fedasil for the 4 months of an
# applicant, vlaanderen.be for temporary protection and the single permit).
CASES = {
    "a recognised refugee on a leefloon, registered with VDAB in Flanders": (
        {
            "residence": "recognised-refugee",
            "leefloon": "yes",
            "jobseeker": "yes",
            "region": "flanders",
        },
        {
            "open": [
                "ibo",
                "artikel-60",
                "tijdelijke-werkervaring",
                "arbeidsovereenkomst",
                "erkend-vluchteling",
                "zelfstandige",
                "wijk-werken",
            ],
            "check": ["studentenarbeid"],
            "closed": ["verzoeker-internationale-bescherming", "gecombineerde-vergunning"],
        },
    ),
    "an applicant for international protection, 3 months after applying": (
        {"residence": "asylum-seeker", "applied": "under-4-months"},
        {
            "open": [],
            "check": [],
            "closed": [
                "arbeidsovereenkomst",
                "uitzendarbeid",
                "seizoensarbeid",
                "ibo",
                "bis",
                "artikel-60",
                "tijdelijke-werkervaring",
                "zelfstandige",
                "studentenarbeid",
                "verzoeker-internationale-bescherming",
                "erkend-vluchteling",
            ],
        },
    ),
    "a person with temporary protection in Flanders": (
        {"residence": "temporary-protection", "region": "flanders"},
        {
            "open": [
                "arbeidsovereenkomst",
                "uitzendarbeid",
                "tijdelijke-bescherming",
                "zelfstandige",
                "bis",
            ],
            "check": ["ibo"],
            "closed": ["erkend-vluchteling", "verzoeker-internationale-bescherming"],
        },
    ),
    "a single-permit worker": (
        {"residence": "single-permit"},
        {
            "open": [],
            "check": ["gecombineerde-vergunning", "arbeidsovereenkomst", "zelfstandige"],
            "closed": ["erkend-vluchteling", "tijdelijke-bescherming"],
        },
    ),
}


@pytest.mark.parametrize("lang", languages.codes())
@pytest.mark.parametrize("case", list(CASES))
def test_realistic_cases_land_in_their_groups(real: portal.Portal, case: str, lang: str) -> None:
    answers, expected = CASES[case]
    results = {r["slug"]: r for r in eligibility.evaluate_all(real, answers, lang)}
    for group, slugs in expected.items():
        for slug in slugs:
            assert results[slug]["group"] == group, (case, slug, results[slug])
            if group != "closed":  # a residence page is closed to others without a reason
                assert results[slug]["reasons"], (case, slug)


def test_the_reasons_are_in_the_readers_language(real: portal.Portal) -> None:
    answers = CASES["a person with temporary protection in Flanders"][0]
    dutch, english = (
        {r["slug"]: r for r in eligibility.evaluate_all(real, answers, lang)}
        for lang in ("nl", "en")
    )
    assert dutch["ibo"]["to_check"] == english["ibo"]["to_check"] == ["jobseeker"]
    assert dutch["arbeidsovereenkomst"]["reasons"] != english["arbeidsovereenkomst"]["reasons"]
    assert "may work" in english["arbeidsovereenkomst"]["reasons"][0]


def test_a_changed_rule_changes_the_result(tmp_path: Path) -> None:
    (tmp_path / "content" / "statuses").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "_data", tmp_path / "content" / "_data")
    page = tmp_path / "content" / "statuses" / "ibo.md"
    shutil.copy(ROOT / "content" / "statuses" / "ibo.md", page)
    answers = {"residence": "recognised-refugee", "jobseeker": "yes", "region": "brussels"}

    def result() -> dict:
        site = portal.load(Project(tmp_path, tmp_path / "content"))
        return eligibility.evaluate_all(site, answers, "nl")[0]

    assert result()["group"] == "check"
    text = page.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    for rule in meta["eligibility"]:
        if rule.get("when", {}).get("region") == ["brussels"]:
            rule["group"] = "open"
    body = text.split("---\n", 2)[2]
    page.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}", encoding="utf-8")
    changed = result()
    assert changed["group"] == "open"
    assert "Actiris" in changed["reasons"][0]


# --- what the navigator, the finder and the fact box read ---------------------------------------


def test_navigator_data_is_plain_data_from_the_pages(real: portal.Portal) -> None:
    for lang in languages.codes():
        data = real.eligibility()[0]
        found = eligibility.navigator_data(real, lang)
        assert json.loads(json.dumps(found)) == found
        assert [q["id"] for q in found["questions"]] == data.ids()
        assert all(q["text"] and q["answers"] for q in found["questions"])
        ibo = next(s for s in found["schemes"] if s["slug"] == "ibo")
        page = real.site.by_slug("status", "ibo", lang)
        assert ibo["title"] == page.meta["title"] and ibo["path"] == "statuses/ibo.md"
        assert [r["because"] for r in ibo["rules"]] == [
            r["because"] for r in page.meta["eligibility"]
        ]
        assert ibo["sources"][0]["url"].startswith("https://")


def test_the_finder_facets_follow_the_rules(tmp_path: Path) -> None:
    site = tree(tmp_path, [OPEN, CLOSED])
    questions = site.eligibility()[0]
    page = site.site.pages["statuses/stage.md"]
    # The refugee answer opens it; with leefloon only, the residence is unknown: check, shown.
    assert eligibility.facets(page, questions) == ["recognised-refugee", "leefloon"]
    site = tree(tmp_path, [CLOSED, {"group": "check", "because": "Vraag het na."}])
    page = site.site.pages["statuses/stage.md"]
    assert eligibility.by_group(page) == {"check": ["Vraag het na."], "closed": ["Nog niet."]}


def test_the_fact_box_reads_the_rules_through_the_page_view(tmp_path: Path) -> None:
    site = tree(tmp_path, [OPEN, CLOSED], [{**OPEN, "because": "A refugee may."}, CLOSED])
    for src, lang, first in (
        ("statuses/stage.md", "nl", "Een vluchteling mag."),
        ("statuses/stage.en.md", "en", "A refugee may."),
    ):
        page = site.site.pages[src]
        view = views.page_view(site.site, page, lang, today=dt.date(2026, 12, 7))
        opening = view.get("opening").data
        assert opening["eligibility"] == {"open": [first], "closed": ["Nog niet."]}
        assert "eligibility" not in dict(opening["first"])  # too long for the first screen


def test_a_question_asked_only_after_an_answer_names_an_earlier_question(tmp_path: Path) -> None:
    """`ask_if` (the navigator skips a question that does not apply) names an earlier question
    and answers it has; otherwise the check says which and how to fix it."""
    data = tmp_path / "content" / "_data"
    data.mkdir(parents=True)
    asked = json.loads(json.dumps(QUESTIONS))
    asked["questions"][2]["ask_if"] = {"residence": ["applicant"]}
    (data / "eligibility.yml").write_text(yaml.safe_dump(asked), encoding="utf-8")
    assert eligibility.load(tmp_path, tmp_path / "content")[1] == []
    assert eligibility.load(tmp_path, tmp_path / "content")[0].in_language("en")[2]["ask_if"] == {
        "residence": ["applicant"]
    }
    asked["questions"][1]["ask_if"] = {"leefloon": ["yes"]}  # a later question
    asked["questions"][2]["ask_if"] = {"residence": ["student"]}  # no such answer
    path = data / "eligibility.yml"
    path.write_text(yaml.safe_dump(asked), encoding="utf-8")
    found = [str(p) for p in eligibility.load(tmp_path, tmp_path / "content")[1]]
    assert found == [
        f"content/_data/eligibility.yml:{line(path, 'leefloon:', 1)}: questions[region].ask_if: "
        "question 'region' is asked only after 'leefloon', which is no earlier question. Fix: "
        "name a question that comes before this one in the file.",
        f"content/_data/eligibility.yml:{line(path, 'residence:', 1)}: "
        "questions[leefloon].ask_if.residence: question 'residence' has no answer 'student'. "
        "Fix: use one of: refugee, applicant.",
    ]
