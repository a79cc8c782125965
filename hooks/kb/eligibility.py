"""Who can use a status or measure, as data: the navigator's questions and each page's rules.

The questions and their answers are declared once, in every language, in
``content/_data/eligibility.yml``. Each page under ``content/statuses/`` says under
``eligibility:`` which answers make it ``open``, ``check`` (check first) or ``closed``, each rule
with a one-line reason (``because``) in the page's language. The navigator (its script reads
``navigator_data``), the statuses overview's finder (``facets``) and each page's fact box
(``by_group``) read these same rules; no template or script holds a second copy of a rule.

The meaning of the rules (the navigator's script gives the same results):

* A rule matches a complete combination of answers when, for each question in its ``when``, the
  answer is one of those listed (questions AND-ed, answers of one question OR-ed). A rule without
  ``when`` is the page's "otherwise": it applies when no other rule matches; without one, the
  page is closed for that combination, with no reason of its own.
* "I don't know" (the answer id ``unknown``, or no answer) is filled in with every declared answer
  of each such question that the page's rules mention. When every completion gives the same
  group, that is the page's group; otherwise the page is ``check``, and the questions whose answer
  changes the group are what to check. So "I don't know" never hides a scheme.

``check`` reports what an editor can get wrong: an unknown question or answer, a page that no
combination makes open or check, two rules of different groups that can both match (a
contradiction), an "otherwise" that is not the last rule or not the only one, and rules that
differ between a page's languages. Pure: no MkDocs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb import content_model, kinds, languages, sources
from kb.data_model import schema_problems
from kb.problems import Problem

if TYPE_CHECKING:
    from kb.portal import Portal

__all__ = [
    "FILE",
    "GROUPS",
    "UNKNOWN",
    "Questions",
    "Rule",
    "by_group",
    "check",
    "evaluate",
    "evaluate_all",
    "facets",
    "load",
    "navigator_data",
    "rules",
]

FILE = "eligibility.yml"
GROUPS = ("open", "check", "closed")
UNKNOWN = "unknown"  # "I don't know": every question has it; no file declares it


def _kind() -> str | None:
    """The kind whose pages carry ``eligibility:`` rules (``plays: [schemes]`` in its registry entry)."""
    return kinds.playing("schemes")


@dataclass(frozen=True)
class Questions:
    """The questions of ``content/_data/eligibility.yml``, in the order they are asked."""

    items: tuple[dict, ...] = ()

    def ids(self) -> list[str]:
        return [q["id"] for q in self.items]

    def answers(self, question: str) -> list[str]:
        """The declared answer ids of ``question`` (empty for an unknown question)."""
        found = next((q for q in self.items if q["id"] == question), None)
        return [a["id"] for a in found["answers"]] if found else []

    def in_language(self, lang: str) -> list[dict]:
        """The questions as the reader of ``lang`` sees them (the default language's text where
        one is missing)."""

        def text(value: dict | None) -> str:
            value = value or {}
            return value.get(lang) or value.get(languages.default(), "")

        return [
            {
                "id": q["id"],
                "text": text(q["text"]),
                "hint": text(q.get("hint")),
                "answers": [{"id": a["id"], "text": text(a["text"])} for a in q["answers"]],
                "ask_if": {k: list(v) for k, v in (q.get("ask_if") or {}).items()},
            }
            for q in self.items
        ]

    def facet_answers(self) -> list[tuple[str, str, str]]:
        """(question, answer, facet) for every answer that stands for a finder facet."""
        return [
            (q["id"], a["id"], a["facet"]) for q in self.items for a in q["answers"] if "facet" in a
        ]


def load(root: Path, content_dir: Path | None = None) -> tuple[Questions, list[Problem]]:
    """The questions and every problem of the questions file (no file: no questions)."""
    path, rel = sources.data_file(root, FILE, content_dir)
    if not path.is_file():
        return Questions(), []
    text, problems = sources.read_text(path, rel)
    doc, more = sources.load_yaml(text, rel) if text is not None else (None, [])
    if doc is None or problems or more:
        return Questions(), problems + more
    data = doc.data if doc.data is not None else {}
    problems = schema_problems(rel, "eligibility", doc, data)
    if problems:
        return Questions(), problems
    problems += _repeated(rel, doc, data["questions"], ["questions"], "question")
    for index, question in enumerate(data["questions"]):
        where = ["questions", index, "answers"]
        problems += _repeated(rel, doc, question["answers"], where, "answer")
    problems += _ask_if_problems(rel, doc, data["questions"])
    return (Questions() if problems else Questions(tuple(data["questions"]))), problems


def _ask_if_problems(rel: str, doc: Any, questions: list[dict]) -> list[Problem]:
    """A question is asked only after the questions its ``ask_if`` names, and only for answers
    they have."""
    problems, earlier = [], {}
    for index, question in enumerate(questions):
        for name, answers in (question.get("ask_if") or {}).items():
            where = ["questions", index, "ask_if", name]
            if name not in earlier:
                problems.append(
                    Problem(
                        rel,
                        f"question '{question['id']}' is asked only after '{name}', which is "
                        "no earlier question.",
                        "name a question that comes before this one in the file.",
                        field=f"questions[{question['id']}].ask_if",
                        line=doc.line(where),
                    )
                )
                continue
            for answer in answers:
                if answer not in earlier[name]:
                    problems.append(
                        Problem(
                            rel,
                            f"question '{name}' has no answer '{answer}'.",
                            f"use one of: {', '.join(earlier[name])}.",
                            field=f"questions[{question['id']}].ask_if.{name}",
                            line=doc.line(where),
                        )
                    )
        earlier[question["id"]] = [a["id"] for a in question["answers"]]
    return problems


def _repeated(rel: str, doc: Any, items: list[dict], where: list, what: str) -> list[Problem]:
    """Every item whose id an earlier item of the same list has: a rule that names it must
    mean one question (or one answer of its question)."""
    problems, seen = [], set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            problems.append(
                Problem(
                    rel,
                    f"the {what} id '{item['id']}' is used twice in this list.",
                    f"give every {what} its own id.",
                    field="".join(
                        f"[{p}]" if isinstance(p, int) else f".{p}" for p in [*where, index, "id"]
                    ).lstrip("."),
                    line=doc.line([*where, index, "id"]),
                )
            )
        seen.add(item["id"])
    return problems


# --- the rules of a page -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule of a page: its group, the answers it needs (empty: "otherwise") and its reason."""

    group: str
    when: tuple[tuple[str, tuple[str, ...]], ...]
    because: str
    index: int

    @property
    def otherwise(self) -> bool:
        return not self.when

    def matches(self, combination: dict[str, str]) -> bool:
        return bool(self.when) and all(combination.get(q) in answers for q, answers in self.when)

    def as_data(self) -> dict:
        return {
            "group": self.group,
            "when": {q: list(a) for q, a in self.when},
            "because": self.because,
        }


def rules(page: content_model.Page) -> list[Rule]:
    """The page's well-formed rules, in file order (the schema check reports the others)."""
    found = []
    for index, item in enumerate(page.meta.get("eligibility") or []):
        if not isinstance(item, dict) or item.get("group") not in GROUPS:
            continue
        when = item.get("when") or {}
        if not isinstance(when, dict) or not all(
            isinstance(v, list) and all(isinstance(a, str) for a in v) for v in when.values()
        ):
            continue  # an unquoted yes (read as true): the schema check explains it
        pairs = tuple((str(q), tuple(answers)) for q, answers in when.items())
        found.append(Rule(item["group"], pairs, str(item.get("because", "")), index))
    return found


def _mentioned(page_rules: list[Rule]) -> list[str]:
    """The questions the rules name, in the order they first appear."""
    return list(dict.fromkeys(q for rule in page_rules for q, _ in rule.when))


def _decide(page_rules: list[Rule], combination: dict[str, str]) -> tuple[str, list[Rule]]:
    """The group of one complete combination, and the rules that gave it."""
    matching = [rule for rule in page_rules if rule.matches(combination)]
    if matching:
        return matching[0].group, matching
    otherwise = [rule for rule in page_rules if rule.otherwise]
    return (otherwise[0].group, otherwise[:1]) if otherwise else ("closed", [])


def _completions(
    page_rules: list[Rule], questions: Questions, answers: dict[str, str]
) -> tuple[list[str], list[dict[str, str]]]:
    """The unknown questions the rules mention, and every combination that fills them in."""
    mentioned = _mentioned(page_rules)
    known = {q: a for q, a in answers.items() if a != UNKNOWN and a in questions.answers(q)}
    unknown = [q for q in questions.ids() if q in mentioned and q not in known]
    choices = [questions.answers(q) for q in unknown]
    combos = [
        {**known, **dict(zip(unknown, values, strict=True))}
        for values in itertools.product(*choices)
    ]
    return unknown, combos


def evaluate(
    page_rules: list[Rule], questions: Questions, answers: dict[str, str], slug: str = ""
) -> dict:
    """The page's group for ``answers`` (question id -> answer id; missing or ``unknown`` is "I
    don't know"): ``{slug, group, reasons, to_check}``."""
    unknown, combos = _completions(page_rules, questions, answers)
    decided = [(combo, *_decide(page_rules, combo)) for combo in combos]
    groups = {group for _, group, _ in decided}
    used = sorted(
        {rule.index: rule for _, _, found in decided for rule in found}.values(),
        key=lambda r: r.index,
    )
    reasons = list(dict.fromkeys(rule.because for rule in used if rule.because))
    if len(groups) == 1:
        return {"slug": slug, "group": groups.pop(), "reasons": reasons, "to_check": []}
    to_check = [q for q in unknown if _changes(q, unknown, decided)]
    return {"slug": slug, "group": "check", "reasons": reasons, "to_check": to_check}


def _changes(question: str, unknown: list[str], decided: list) -> bool:
    """Whether the answer to ``question`` alone changes the group, the other answers staying."""
    others = [q for q in unknown if q != question]
    seen: dict[tuple, set[str]] = {}
    for combo, group, _ in decided:
        seen.setdefault(tuple(combo[q] for q in others), set()).add(group)
    return any(len(groups) > 1 for groups in seen.values())


def _pages(portal: Portal, lang: str) -> list[content_model.Page]:
    """The status pages a reader of ``lang`` sees (the default language's where not translated)."""
    site, kind = portal.site, _kind()
    default = site.of_kind(kind, languages.default())
    return [site.by_slug(kind, page.slug, lang) or page for page in default]


def evaluate_all(portal: Portal, answers: dict[str, str], lang: str) -> list[dict]:
    """Every status page's result for ``answers``, in the overview's order."""
    questions = portal.eligibility()[0]
    return [evaluate(rules(page), questions, answers, page.slug) for page in _pages(portal, lang)]


def facets(page: content_model.Page, questions: Questions) -> list[str]:
    """The finder facets the page shows for: each answer with a facet that does not make it
    closed, the other questions unknown (the page's ``for_whom``, derived)."""
    page_rules = rules(page)
    found = [
        facet
        for question, answer, facet in questions.facet_answers()
        if evaluate(page_rules, questions, {question: answer})["group"] != "closed"
    ]
    return list(dict.fromkeys(found))


def by_group(page: content_model.Page) -> dict[str, list[str]]:
    """The page's reasons per group, in file order, for its fact box ("Open to: …")."""
    found: dict[str, list[str]] = {}
    for rule in rules(page):
        found.setdefault(rule.group, []).append(rule.because)
    return {group: found[group] for group in GROUPS if group in found}


def navigator_data(portal: Portal, lang: str) -> dict:
    """What the navigator page needs, JSON-able: the questions in ``lang`` and every scheme with
    its rules (eligibility contract §4)."""
    questions = portal.eligibility()[0]
    schemes = [
        {
            "slug": page.slug,
            "path": page.base,
            "title": page.meta.get("title", page.slug),
            "region": page.meta.get("region"),
            "organiser": page.meta.get("organiser", ""),
            "reviewed": str(page.meta.get("reviewed", "")),
            "sources": [
                {"title": s.get("title", ""), "url": s.get("url", "")}
                for s in page.meta.get("sources") or []
                if isinstance(s, dict)
            ],
            "rules": [rule.as_data() for rule in rules(page)],
        }
        for page in _pages(portal, lang)
    ]
    return {"questions": questions.in_language(lang), "schemes": schemes}


# --- the check ---------------------------------------------------------------------------------


def check(portal: Portal) -> list[Problem]:
    """Every problem of the questions file and of the pages' rules."""
    questions, problems = portal.eligibility()
    if problems:
        return list(problems)
    site, kind = portal.site, _kind()
    found: list[Problem] = []
    for page in sorted(site.pages.values(), key=lambda p: p.src):
        if page.kind != kind or "eligibility" not in page.meta:
            continue
        rel = f"{site.content_dir.name}/{page.src}"
        page_rules = rules(page)
        names = _name_problems(page, rel, page_rules, questions)
        found += names + _otherwise_problems(page, rel, page_rules)
        if page.lang != languages.default():
            found += _parity_problems(site, page, rel, page_rules)
        whole = isinstance(page.meta["eligibility"], list) and len(page_rules) == len(
            page.meta["eligibility"]
        )
        if whole and not names:  # only well-formed rules in known terms can be judged
            found += _contradictions(page, rel, page_rules, questions)
            found += _unreachable(page, rel, page_rules, questions)
    return found


def _line(page: content_model.Page, rule: Rule, *more: Any) -> int | None:
    return page.line(["eligibility", rule.index, *more])


def _field(rule: Rule, *more: str) -> str:
    return ".".join(["eligibility", f"[{rule.index}]", *more]).replace(".[", "[")


def _name_problems(
    page: content_model.Page, rel: str, page_rules: list[Rule], questions: Questions
) -> list[Problem]:
    """A question or answer that content/_data/eligibility.yml does not declare."""
    problems = []
    for rule in page_rules:
        for question, answers in rule.when:
            declared = questions.answers(question)
            if not declared:
                problems.append(
                    Problem(
                        rel,
                        f"the rule names the question '{question}', which "
                        f"content/_data/{FILE} does not declare.",
                        f"use one of: {', '.join(questions.ids())}.",
                        field=_field(rule, "when", question),
                        line=_line(page, rule, "when", question),
                    )
                )
                continue
            for answer in answers:
                if answer not in declared:
                    problems.append(
                        Problem(
                            rel,
                            f"'{answer}' is not an answer of the question '{question}'.",
                            f'use one of: {", ".join(declared)} ("I don\'t know" needs no rule).',
                            field=_field(rule, "when", question),
                            line=_line(page, rule, "when", question),
                        )
                    )
    return problems


def _otherwise_problems(
    page: content_model.Page, rel: str, page_rules: list[Rule]
) -> list[Problem]:
    """An "otherwise" rule (no ``when``) that is not the page's last rule, or not its only one."""
    problems = []
    otherwise = [rule for rule in page_rules if rule.otherwise]
    for rule in otherwise[1:]:
        problems.append(
            Problem(
                rel,
                f"the page has more than one rule without 'when' (rules {otherwise[0].index + 1} "
                f"and {rule.index + 1}); only one can say what holds otherwise.",
                "give one of them a 'when', or remove it.",
                field=_field(rule),
                line=_line(page, rule),
            )
        )
    if otherwise and otherwise[0] is not page_rules[-1]:
        rule = otherwise[0]
        problems.append(
            Problem(
                rel,
                f"rule {rule.index + 1} has no 'when' (it says what holds otherwise) but is not "
                "the last rule.",
                "move it to the end of the eligibility list.",
                field=_field(rule),
                line=_line(page, rule),
            )
        )
    return problems


def _words(combination: dict[str, str]) -> str:
    return ", ".join(f"{q}: {a}" for q, a in combination.items()) or "any answers"


def _contradictions(
    page: content_model.Page, rel: str, page_rules: list[Rule], questions: Questions
) -> list[Problem]:
    """Two rules of different groups that one combination of answers matches both."""
    problems = []
    conditional = [rule for rule in page_rules if not rule.otherwise]
    for first, second in itertools.combinations(conditional, 2):
        if first.group == second.group:
            continue
        example = _overlap(first, second, questions)
        if example is None:
            continue
        problems.append(
            Problem(
                rel,
                f"rules {first.index + 1} ({first.group}) and {second.index + 1} "
                f"({second.group}) contradict each other: both match {_words(example)}.",
                "narrow the 'when' of one of them so that no answers match both.",
                field=_field(second, "when"),
                line=_line(page, second),
            )
        )
    return problems


def _overlap(first: Rule, second: Rule, questions: Questions) -> dict[str, str] | None:
    """A combination both rules match, or None when there is none."""
    one, two = dict(first.when), dict(second.when)
    example = {}
    for question in dict.fromkeys([*one, *two]):
        common = [
            a
            for a in questions.answers(question)
            if a in one.get(question, (a,)) and a in two.get(question, (a,))
        ]
        if not common:
            return None
        example[question] = common[0]
    return example


def _unreachable(
    page: content_model.Page, rel: str, page_rules: list[Rule], questions: Questions
) -> list[Problem]:
    """A page that no complete combination makes open or check: nobody would ever see it."""
    _, combos = _completions(page_rules, questions, {})
    if any(_decide(page_rules, combo)[0] != "closed" for combo in combos):
        return []
    return [
        Problem(
            rel,
            "no combination of answers makes this page open or 'check first': the navigator "
            "would never show it.",
            "add a rule with 'group: open' or 'group: check' for the people it is meant for.",
            field="eligibility",
            line=page.line(["eligibility"]),
        )
    ]


def _parity_problems(
    site: content_model.Site, page: content_model.Page, rel: str, page_rules: list[Rule]
) -> list[Problem]:
    """Rules whose group or when differ from the default-language page's (only the reasons are
    in a page's own language)."""
    original = site.pages.get(page.base)
    if original is None or original.kind != _kind():
        return []
    theirs = [(r.group, r.when) for r in rules(original)]
    ours = [(r.group, r.when) for r in page_rules]
    if ours == theirs:
        return []
    at = next(
        (i for i, pair in enumerate(ours) if i >= len(theirs) or pair != theirs[i]), len(theirs)
    )
    return [
        Problem(
            rel,
            f"the eligibility rules differ from content/{original.src} (from rule {at + 1} on): "
            "group and when must be the same in every language.",
            "copy group and when from the Dutch page; translate only 'because'.",
            field="eligibility",
            line=page.line(["eligibility", at]) if at < len(ours) else page.line(["eligibility"]),
        )
    ]
