"""Self-check quizzes: read quizzes/<id>.yml, check them, and shape one language for the template.

Pure: no MkDocs here. ``check`` is called by the build (render_quizzes / validate_content) and by
tests; every editor mistake is a ``Problem`` naming the file, the question and the fix.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml

from kb import content_model, languages, question_types, schema_registry, sources, text_policy
from kb import markers as kb_markers
from kb.problems import Problem
from kb.question_types import fill_in

__all__ = [
    "QUIZ_DIR",
    "check",
    "hosts",
    "load",
    "markers",
    "question_hash",
    "question_problems",
    "view",
]

QUIZ_DIR = "quizzes"
BLANK, NUMBER = fill_in.BLANK, fill_in.NUMBER  # a fill-in's blank; an answer that is a number
# A training session's self-check of fewer questions says little about what a coach knows.
MIN_QUESTIONS = 8


def __getattr__(name: str) -> tuple[str, ...]:
    """``quiz_model.LANGS``, as callers wrote it before the languages had one registry: the
    portal's languages now (``kb.languages.codes``)."""
    if name == "LANGS":
        return languages.codes()
    raise AttributeError(name)


def session_quiz_problems(root: Path, sessions: dict[str, str]) -> list[Problem]:
    """The quiz of each training session (``{quiz id: page}``) asks at least MIN_QUESTIONS."""
    problems = []
    for quiz_id, page in sorted(sessions.items()):
        rel = f"{QUIZ_DIR}/{quiz_id}.yml"
        doc, _ = _read(root / rel, rel)
        questions = doc.data.get("questions") if doc and isinstance(doc.data, dict) else None
        if isinstance(questions, list) and len(questions) < MIN_QUESTIONS:
            problems.append(
                Problem(
                    rel,
                    f"the quiz of {page} has {len(questions)} question(s); a training session's "
                    f"self-check needs at least {MIN_QUESTIONS}.",
                    "add questions, or link a longer quiz from the session.",
                    "questions",
                    _line(doc.node, ["questions"]),
                )
            )
    return problems


SCHEMA_PATH = schema_registry.SCHEMA_DIR / "quiz.schema.yml"
# The engine says right or wrong above the explanation; an explanation that opens with a verdict
# contradicts a reader who rightly chose "Niet waar" ("✓ Juist", then "Fout. …").
VERDICT = re.compile(
    r"^\s*(juist|fout|onjuist|correct|incorrect|klopt( niet)?|inderdaad|niet waar|waar|ja|nee"
    r"|right|wrong|true|false|yes|no|indeed)\s*[.!:;,]",
    re.I,
)
# Option feedback may open with a verdict, but never one that contradicts the option itself.
WRONG_WORDS = {
    "fout",
    "onjuist",
    "incorrect",
    "klopt niet",
    "niet waar",
    "nee",
    "wrong",
    "false",
    "no",
}


# --- reading ----------------------------------------------------------------------------------


def _read(path: Path, rel: str) -> tuple[sources.YamlDoc | None, list[Problem]]:
    """The parsed quiz with its node tree (for line numbers), or why it cannot be read."""
    text, problems = sources.read_text(path, rel)
    if text is None:
        return None, problems
    return sources.load_yaml(text, rel)


def quiz_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The quiz files, and a problem for each link that leads outside quizzes/."""
    return sources.list_files(root / QUIZ_DIR, "*.yml", root)


def load(root: Path) -> dict[str, dict]:
    """Every quiz that parses as a mapping, by id (the file name without .yml)."""
    quizzes = {}
    for path in quiz_files(root)[0]:
        doc, _ = _read(path, f"{QUIZ_DIR}/{path.name}")
        if doc is not None and isinstance(doc.data, dict):
            quizzes[path.stem] = doc.data
    return quizzes


def markers(text: str) -> list[tuple[int, str, str]]:
    """``(line, name, argument)`` of each kb:quiz / kb:progress marker outside code fences."""
    return [
        (m.line, m.name, m.arg) for m in kb_markers.scan(text) if m.name in {"quiz", "progress"}
    ]


def hosts(site: content_model.Site) -> dict[str, str]:
    """Quiz id -> the Dutch page (path under content/) that shows it, by marker or ``quiz:``."""
    found: dict[str, str] = {}
    for rel in sorted(p for p, page in site.pages.items() if page.lang == languages.default()):
        page = site.pages[rel]
        ids = [arg for _, name, arg in markers(page.body) if name == "quiz"]
        ids.append(page.meta.get("quiz"))
        for quiz_id in ids:
            if isinstance(quiz_id, str):
                found.setdefault(quiz_id, rel)
    return found


# --- checking ---------------------------------------------------------------------------------


def _line(node: yaml.Node | None, path: list) -> int | None:
    """The line of the deepest node along ``path`` (keys and list indexes)."""
    return sources.line_of(node, path)


def _field(data: Any, path: list) -> str:
    """A field name an editor can find: questions[rol-van-de-coach].options[b].text.nl"""
    out, node = "", data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            label = item.get("id") if isinstance(item, dict) and item.get("id") else step + 1
            out += f"[{label}]"
            node = item
        else:
            out += ("." if out else "") + str(step)
            node = node.get(step) if isinstance(node, dict) else None
    return out


def _schema_problems(rel: str, data: Any, tree: yaml.Node | None) -> list[Problem]:
    errors = schema_registry.errors("quiz", data)
    problems = []
    for error in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        message, fix = schema_registry.describe(error)
        field = (
            [*path, schema_registry.missing_name(error)] if error.validator == "required" else path
        )
        problems.append(Problem(rel, message, fix, _field(data, field), _line(tree, path)))
    return problems


def _resolves(site: content_model.Site, target: str) -> str:
    """Why ``target`` (path#anchor under content/) does not resolve, in either language; empty
    when it does (content_model.resolve, the one link resolver)."""
    path, _, anchor = target.partition("#")
    for lang in languages.codes():
        dest, why = content_model.resolve(site, path, anchor, lang)
        if why == "page":
            return f"the page '{path}' does not exist."
        if why == "anchor":
            return f"content/{dest.src} has no heading with the id '{anchor}'."
    return ""


def _source_problem(site: content_model.Site, source: str) -> str:
    """Why a question's ``source`` is neither an existing page nor an https address; empty if fine."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", source):
        if not source.startswith("https://") or text_policy.check_web_address(source):
            return f"'{source}' is not an https:// web address."
        return ""
    if not re.match(r"^[a-z0-9/_.-]+\.md(#[a-z0-9_-]+)?$", source):
        return f"'{source}' is neither a page path nor a web address."
    return _resolves(site, source)


def _item_problems(q: dict, qtype: question_types.QuestionType, add) -> None:
    """A type's list of items (options, steps, pairs): ids used once, and enough of them."""
    items = q.get(qtype.items) if qtype.items else None
    if not isinstance(items, list):
        return
    ids = [i.get("id") for i in items if isinstance(i, dict)]
    for dup in sorted({i for i in ids if ids.count(i) > 1 and i is not None}):
        add(
            qtype.items,
            f"the id '{dup}' is used twice in {qtype.items}.",
            "give every item its own id.",
        )
    if len(items) < qtype.least:
        add(
            qtype.items,
            f"has {len(items)} {qtype.items}; a {qtype.name} question needs at least {qtype.least}.",
            f"add {qtype.items} until there are {qtype.least}.",
        )


def question_problems(
    rel: str, q: dict, index: int, tree: yaml.Node | None, site: content_model.Site
) -> list[Problem]:
    """The rules of one question that the schema does not express: its type's fields (required
    on it, foreign to other types), its list of items, its type's own rules (kb.question_types),
    then what every question shares (verdicts, option feedback, source, read_again)."""
    qid, kind = q.get("id", index + 1), q.get("type")
    if not isinstance(kind, str):
        kind = None  # the schema says what the type should be
    base = ["questions", index]
    out: list[Problem] = []

    def add(key: str, message: str, fix: str) -> None:
        out.append(Problem(rel, message, fix, f"questions[{qid}].{key}", _line(tree, [*base, key])))

    qtype = question_types.get(kind)
    wanted = qtype.fields if qtype else frozenset()
    for key in sorted((question_types.all_fields() - wanted) & q.keys()):
        add(key, f"{key} is not used by a {kind} question.", f"remove {key}, or change type.")
    for key in sorted(wanted - q.keys()):
        add(
            key,
            f"a {kind} question needs {key}.",
            f"add {key} (see the quiz format in hooks/kb/schemas/quiz.schema.yml).",
        )
    if qtype:
        _item_problems(q, qtype, add)
        qtype.check(q, add, languages.codes())
    for lang in languages.codes():
        text = (
            (q.get("explanation") or {}).get(lang)
            if isinstance(q.get("explanation"), dict)
            else None
        )
        if isinstance(text, str) and (verdict := VERDICT.match(text)):
            out.append(
                Problem(
                    rel,
                    f"the explanation starts with the verdict '{verdict.group(1)}'.",
                    "start with the reason: the portal already shows right or wrong above the "
                    "explanation, and a verdict here can contradict the reader's choice.",
                    f"questions[{qid}].explanation.{lang}",
                    _line(tree, [*base, "explanation", lang]),
                )
            )
    for i, option in enumerate(q.get("options") or []):
        feedback = option.get("feedback") if isinstance(option, dict) else None
        for lang in languages.codes() if isinstance(feedback, dict) else ():
            verdict = VERDICT.match(feedback.get(lang) or "")
            says_wrong = verdict and verdict.group(1).lower() in WRONG_WORDS
            if verdict and says_wrong == bool(option.get("correct")):
                out.append(
                    Problem(
                        rel,
                        f"the feedback starts with '{verdict.group(1)}', but the option is "
                        + ("right." if option.get("correct") else "wrong."),
                        "change the first word of the feedback, or correct: of the option.",
                        f"questions[{qid}].options[{option.get('id', i + 1)}].feedback.{lang}",
                        _line(tree, [*base, "options", i, "feedback", lang]),
                    )
                )
    for key, problem, fix in (
        (
            "source",
            _source_problem,
            "name a page under content/ (e.g. statuses/ibo.md) or an official https:// address.",
        ),
        (
            "read_again",
            _resolves,
            "point read_again to an existing page under content/ (and an existing heading id).",
        ),
    ):
        value = q.get(key)
        if isinstance(value, str) and (why := problem(site, value)):
            add(key, why, fix)
    return out


def check(root: Path, site: content_model.Site) -> list[Problem]:
    """Every problem in quizzes/*.yml (``site``: the pages that source and read_again link to)."""
    quiz_ids = set()
    paths, problems = quiz_files(root)
    for path in paths:
        rel = f"{QUIZ_DIR}/{path.name}"
        quiz_ids.add(path.stem)
        doc, read_problems = _read(path, rel)
        if doc is None:
            problems += read_problems
            continue
        data, tree = doc.data, doc.node
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem):
            problems.append(
                Problem(
                    rel,
                    "the file name is not a valid quiz id.",
                    "rename it with lower case letters, digits and hyphens, e.g. sessie-1.yml.",
                )
            )
        problems += _schema_problems(rel, data, tree)
        questions = data.get("questions") if isinstance(data, dict) else None
        if not isinstance(questions, list):
            continue
        ids = [q.get("id") for q in questions if isinstance(q, dict)]
        for index, q in enumerate(questions):
            if not isinstance(q, dict):
                continue
            if (
                q.get("id") is not None
                and ids.count(q.get("id")) > 1
                and ids.index(q["id"]) != index
            ):
                problems.append(
                    Problem(
                        rel,
                        "the id is used by another question too.",
                        "give every question its own id.",
                        f"questions[{q['id']}].id",
                        _line(tree, ["questions", index, "id"]),
                    )
                )
            problems += question_problems(rel, q, index, tree, site)
    # Quiz markers in pages are checked with every other marker, in content_model.
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))


# --- one language for the template ------------------------------------------------------------


def question_hash(q: dict) -> str:
    """A short hash of a question's language-neutral content (ids, type, which answers are right).

    Saved answers are restored only while this hash is unchanged, so an editor who reorders or
    changes options never has a reader's old answer applied to a different question.
    """
    neutral = {"id": q.get("id"), "type": q.get("type")}
    for qtype in question_types.TYPES.values():  # every type's part, from any question
        neutral.update(qtype.hash_part(q))
    return hashlib.sha1(json.dumps(neutral, sort_keys=True).encode()).hexdigest()[:10]


def view(quiz_id: str, quiz: dict, lang: str) -> dict:
    """The quiz in one language, shaped for overrides/hooks/render_quizzes.html."""
    questions = []
    for q in quiz["questions"]:
        item = {
            "id": q["id"],
            "type": q["type"],
            "hash": question_hash(q),
            "prompt": q["prompt"][lang],
            "hint": (q.get("hint") or {}).get(lang),
            "explanation": q["explanation"][lang],
            "read_again": q.get("read_again"),
            "source": q.get("source"),
        }
        qtype = question_types.TYPES[q["type"]]
        item.update({"help": qtype.help, "data": {}, **qtype.view(quiz_id, q, lang)})
        questions.append(item)
    return {
        "id": quiz_id,
        "title": quiz["title"][lang],
        "intro": (quiz.get("intro") or {}).get(lang),
        "pass_mark": quiz.get("pass_mark"),
        "questions": questions,
    }
