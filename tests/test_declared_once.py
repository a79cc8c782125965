"""Every content kind, quiz question type and language is declared once (issue 25, point 1).

The registries are ``hooks/kb/kinds.py`` with the schemas' ``x-kind`` entries (kinds),
``hooks/kb/question_types/`` with one grader per type in ``quiz.js`` (question types) and
``hooks/kb/languages.py``, from mkdocs.yml (languages). Code elsewhere asks them; it does not
write a kind's name, a type's name or a language's code itself, so that a new kind, type or
language is an addition and not a hunt through if-chains.

This scans the code under ``hooks/``, ``scripts/`` and ``overrides/`` (Python, JavaScript, and
the Jinja expressions of the templates) for string literals equal to such a name, and for a
translation's file suffix (``.en.md``). Each stray literal fails the test with its file and
line. ``ALLOWED`` lists, with a reason each, the few places where the same word means something
else (a field, a marker, an ARIA role) or where a file *is* a declaration. The names come from
the registries themselves, so a new page or kind changes nothing here.
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from kb import content_model, kinds, languages, question_types, review  # noqa: E402

SCANNED = ("hooks", "scripts", "overrides")

# The files that declare what they name, by what they may name.
REGISTRIES = {
    "kind": ("hooks/kb/kinds.py",),
    "question type": ("hooks/kb/question_types/",),
    "language": ("hooks/kb/languages.py",),
}

# (file, literal) -> why that literal there is not a kind, type or language listed in code.
ALLOWED = {
    # --- the word is a field, a marker, a block or a role, not the kind -----------------------
    ("hooks/kb/content_model.py", "page"): "the glossary's and links' `page:` field, and "
    "`resolve`'s reason 'no such page'",
    ("hooks/kb/content_model.py", "news"): "the `<!-- kb:news -->` marker's name",
    ("hooks/kb/content_model.py", "order"): "the front-matter field `order:`",
    ("hooks/steps/render_news.py", "news"): "the `<!-- kb:news -->` marker's name",
    ("hooks/kb/views.py", "navigator"): "the view's `navigator` block (kb.views.ORDER)",
    ("hooks/kb/views.py", "page"): "a link's `page` field (glossary, read-before)",
    ("hooks/steps/render_facts.py", "navigator"): "the view's `navigator` block and its macro",
    ("hooks/kb/glossary_model.py", "page"): "a term's `page:` field",
    ("hooks/steps/render_glossary.py", "page"): "a term's `page:` field",
    ("hooks/steps/output/write_feeds.py", "page"): "an update's page link in the feed",
    ("hooks/kb/quiz_model.py", "page"): "`content_model.resolve`'s reason 'no such page'",
    ("hooks/kb/readability.py", "page"): "the front-matter fields that are no running text",
    ("hooks/kb/readability.py", "order"): "the front-matter fields that are no running text",
    ("hooks/kb/signals_model.py", "status"): "a signal's `status:` field",
    ("hooks/kb/meetings_model.py", "status"): "a meeting's `status:` field (and iCalendar's)",
    ("hooks/steps/render_calendar.py", "status"): "a meeting's `status:` field",
    ("hooks/steps/render_signals.py", "status"): "a signal's `status:` field",
    ("hooks/kb/local.py", "order"): "the front-matter field `order:`",
    ("hooks/steps/order_nav.py", "order"): "the front-matter field `order:`",
    ("hooks/kb/project.py", "order"): "the function `order` in `__all__`",
    ("hooks/kb/first_facts.py", "order"): "the function `order` in `__all__`",
    ("scripts/pdf.py", "order"): "the front-matter field `order:`",
    ("scripts/pdf.py", "page"): "the print texts' word for 'page'",
    ("scripts/export_moodle.py", "single"): 'QTI\'s `cardinality="single"`',
    ("scripts/export_moodle.py", "match"): "the Moodle XML element `<match>`",
    ("scripts/bench_weight.py", "page"): "a column heading",
    ("scripts/audit.py", "page"): "a column heading",
    ("scripts/readability.py", "page"): "a column heading",
    # --- a file that is a declaration ----------------------------------------------------------
    ("overrides/assets/javascripts/quiz.js", "true-false"): "its grader, in GRADERS",
    ("overrides/assets/javascripts/quiz.js", "fill-in"): "its grader, in GRADERS",
    ("overrides/hooks/kinds/training-session.html", "testimonial"): "the training session's "
    "view links its exercises' stories, the kind its schema's `x-refers-to` names",
    ("overrides/assets/javascripts/quiz.js", "status"): "the ARIA role of its live regions",
    ("overrides/partials/language.html", "en"): "Material's own partial: its English fallback "
    "file and the portal's English wording of one Material string (issue 26)",
    ("scripts/bench_search.py", "nl"): "the browser's stemmer and stop words per language",
    ("scripts/bench_search.py", "en"): "the browser's stemmer and stop words per language",
    ("scripts/bench_first_query.py", "nl"): "the measured query, a word of each language",
    ("scripts/bench_first_query.py", "en"): "the measured query, a word of each language",
    ("scripts/audit.py", "status"): "a report row's name: the landing page of one kind",
    ("scripts/bench_weight.py", "news"): "a report row's name: the updates page",
    # --- OPEN: still names one; to move into its registry (each a small step of its own) --------
    ("overrides/assets/javascripts/quiz.js", "nl"): "the default language when a page has no "
    "`lang` (every page has one; `STRINGS.nl` too): the build could write the default first "
    "into STRINGS (steps/render_quizzes.py), a change of the built script",
    ("overrides/assets/javascripts/offline.js", "nl"): "as in quiz.js: `|| undefined` would do",
}

STRING = re.compile(r"""(["'])((?:\\.|(?!\1).)*?)\1""")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _python(text: str) -> list[tuple[int, str]]:
    """The string literals of a module with their lines, but not its docstrings (prose)."""
    tree = ast.parse(text)
    prose = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose
    ]


def _script(text: str) -> list[tuple[int, str]]:
    """The quoted strings of a script, outside ``//`` comment lines."""
    return [
        (number, found.group(2))
        for number, line in enumerate(text.splitlines(), 1)
        if not line.lstrip().startswith(("//", "*", "/*"))
        for found in STRING.finditer(line)
    ]


def _template(text: str) -> list[tuple[int, str]]:
    """The quoted strings inside a template's Jinja expressions and statements (its HTML
    attributes, such as ``role="status"``, are markup, not names)."""
    return [
        (text.count("\n", 0, block.start() + found.start()) + 1, found.group(2))
        for block in JINJA.finditer(text)
        for found in STRING.finditer(block.group())
    ]


READERS = {".py": _python, ".js": _script, ".html": _template}


def _names() -> dict[str, str]:
    """Every declared name -> what it is (a kind's name, a type's, a language's code)."""
    names = dict.fromkeys(languages.codes(), "language")
    names.update(dict.fromkeys(question_types.TYPES, "question type"))
    names.update(dict.fromkeys(kinds.kinds(), "kind"))
    return names


def _declares(path: str, what: str) -> bool:
    return any(path.startswith(prefix) for prefix in REGISTRIES[what])


def strays(root: Path = ROOT) -> list[str]:
    """``file:line: 'literal' (what it is)`` for each declared name written in code outside its
    registry and ``ALLOWED``."""
    names = _names()
    suffixes = [(f".{code}.md", code) for code in languages.codes() if code != languages.default()]
    found = []
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*")):
            reader = READERS.get(path.suffix)
            if reader is None or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            for line, value in reader(path.read_text(encoding="utf-8")):
                what = names.get(value)
                if what is None:
                    what = next(("language" for s, _ in suffixes if s in value), None)
                if what and not _declares(rel, what) and (rel, value) not in ALLOWED:
                    found.append(f"{rel}:{line}: '{value}' names a {what}")
    return found


def test_no_kind_type_or_language_is_named_outside_its_registry() -> None:
    found = strays()
    assert not found, (
        "Ask the registry (kb.kinds, kb.question_types, kb.languages) instead of naming these, "
        "or add the place to ALLOWED with the reason:\n" + "\n".join(found)
    )


def test_every_allowed_place_still_has_its_literal() -> None:
    """An entry of ``ALLOWED`` whose literal is gone is removed, so the list stays true."""
    present = set()
    for rel in {rel for rel, _ in ALLOWED}:
        path = ROOT / rel
        if path.is_file():
            present |= {(rel, v) for _, v in READERS[path.suffix](path.read_text("utf-8"))}
    assert set(ALLOWED) <= present, sorted(set(ALLOWED) - present)


def test_a_stray_literal_is_found_with_its_file_and_line(tmp_path: Path) -> None:
    """The scan can fail: a kind compared by name, a type and a translation's suffix, each in
    a file that is no registry, are reported where they are."""
    kind, qtype = sorted(kinds.kinds())[0], next(iter(question_types.TYPES))
    other = next(code for code in languages.codes() if code != languages.default())
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "stray.py").write_text(
        f'"""Docstrings may say {kind!r}."""\n\nif page.kind == "{kind}":\n'
        f'    path = src + ".{other}.md"\n',
        encoding="utf-8",
    )
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "t.html").write_text(
        f'<p role="x">\n{{% if q.type == "{qtype}" %}}{{% endif %}}</p>\n', encoding="utf-8"
    )
    (tmp_path / "scripts").mkdir()
    assert strays(tmp_path) == [
        f"hooks/stray.py:3: '{kind}' names a kind",
        f"hooks/stray.py:4: '.{other}.md' names a language",
        f"overrides/t.html:2: '{qtype}' names a question type",
    ]


# --- what the registry declares instead --------------------------------------------------------


def _schema(folder: Path, name: str, entry: str) -> None:
    """A kind ``name`` with the ``x-kind`` lines ``entry``, in ``folder``."""
    text = f"""\
        $schema: https://json-schema.org/draft/2020-12/schema
        $id: {name}.schema.yml
        x-kind:
          {entry}
        type: object
        properties:
          kind: {{const: {name}}}
          reviewed: {{type: string}}
        """
    (folder / f"{name}.schema.yml").write_text(textwrap.dedent(text), encoding="utf-8")


def test_each_part_of_the_portal_is_played_by_the_kind_its_entry_names() -> None:
    played = {part: kinds.playing(part) for part in kinds.PARTS}
    for part, name in played.items():
        assert name is None or part in kinds.get(name).plays
    with pytest.raises(ValueError, match="no such part"):
        kinds.playing("recipes")


def test_a_part_played_by_two_kinds_is_refused(tmp_path: Path) -> None:
    _schema(tmp_path, "bulletin", "plays: [updates]")
    refused = pytest.raises(ValueError, match=r"news\.schema\.yml: plays 'updates', as 'bulletin'")
    with refused, kinds.extended(tmp_path):
        pass
    assert "bulletin" not in kinds.kinds()


def test_a_kinds_review_interval_is_its_entrys(tmp_path: Path) -> None:
    """A new kind's pages are due after its own ``review_months`` (sooner in a folder its entry
    names), with nothing in kb/review.py to edit."""
    _schema(tmp_path, "leaflet", "{review_months: 9, review_months_in: {support: 3}}")

    def page(src: str) -> content_model.Page:
        return content_model.Page(src, {"kind": "leaflet", "reviewed": "2026-01-01"}, "", 1)

    with kinds.extended(tmp_path):
        assert review.interval(page("leaflets/a.md")) == 9
        assert review.interval(page("support/a.md")) == 3
    assert review.interval(page("leaflets/a.md"), default=12) == 12  # no such kind any more
