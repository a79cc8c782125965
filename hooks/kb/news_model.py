"""Updates of the knowledge network (the `news` kind): check what no schema can see, and shape
them per language for the updates page, the home page, the feeds and the change history.

Pure Python with no MkDocs import: the build (hooks/steps/render_news.py, hooks/steps/output/write_feeds.py) and
`make check` (through hooks/steps/validate_content.py) use the same functions.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb import content_model, kinds, languages, sources
from kb.content_model import Page, Site
from kb.problems import Problem

__all__ = [
    "TAGS_FILE",
    "Update",
    "check",
    "check_quizzes",
    "entry_id",
    "feed_updated",
    "history",
    "is_update",
    "load_tags",
    "page_url",
    "refreshers",
    "updates",
]

TAGS_FILE = "content/_data/news-topics.yml"
# Fixed namespace for entry ids: an entry keeps its id when the site moves to another address.
_NAMESPACE = uuid.UUID("6f1c3a52-7d0e-4c1b-9b8a-2f5e1d9c4a10")


@dataclass(frozen=True)
class Update:
    """One update as a reader of one language sees it (the Dutch text if there is no English)."""

    page: Page  # the record shown (English, or the Dutch fallback)
    base: str  # the Dutch path, e.g. news/2017-01-01-tijdelijke-werkervaring.md

    @property
    def meta(self) -> dict[str, Any]:
        return self.page.meta

    @property
    def date(self) -> str:
        return str(self.meta["date"])

    @property
    def updated(self) -> str:
        return str(self.meta.get("updated") or self.meta["date"])

    @property
    def year(self) -> str:
        return self.date[:4]


def _translation_files() -> str:
    """How a translation's file name ends: ".en.md" (".en.md or .fr.md" with two translations)."""
    return " or ".join(f"{languages.get(code).suffix}.md" for code in languages.others())


def page_url(base: str, lang: str, default: str | None = None) -> str:
    """The address of a page under the site root, e.g. en/news/x.html (pages end in .html)."""
    return ("" if lang == (default or languages.default()) else f"{lang}/") + base[:-3] + ".html"


def entry_id(base: str, lang: str) -> str:
    """A permanent Atom id for an update in one language: the same on every build and host."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{lang}:{base}')}"


# --- reading ----------------------------------------------------------------------------------


def load_tags(
    root: Path, content_dir: Path | None = None
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The tags file: ``{tag: {"nl": label, "en": label}}``, and its problems."""
    path, rel = sources.data_file(root, "news-topics.yml", content_dir)
    if not path.is_file():
        return {}, []
    text, problems = sources.read_text(path, rel)
    doc, more = sources.load_yaml(text, rel) if text is not None else (None, [])
    if doc is None:
        return {}, problems + more
    data = doc.data or {}
    if not isinstance(data, dict):
        fix = (
            "write one tag per line, e.g. 'work-schemes: {nl: Werkmaatregelen, en: Work schemes}'."
        )
        return {}, [Problem(rel, "the file is not a list of tags.", fix, line=1)]
    tags = {}
    for key, labels in data.items():
        line = doc.line([key])
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(key)):
            problems.append(
                Problem(
                    rel,
                    f"the tag '{key}' is not a valid name.",
                    "use lower-case letters, digits and hyphens, e.g. 'work-schemes'.",
                    line=line,
                )
            )
        elif not (
            isinstance(labels, dict)
            and all(isinstance(labels.get(lang), str) for lang in languages.codes())
        ):
            problems.append(
                Problem(
                    rel,
                    f"the tag '{key}' needs a label in Dutch and in English.",
                    f"write '{key}: {{nl: …, en: …}}'.",
                    line=line,
                )
            )
        else:
            tags[str(key)] = {lang: labels[lang] for lang in languages.codes()}
    return tags, problems


def _value_line(page: Page, key: str, value: str) -> int | None:
    """The line where ``value`` is written in the ``key:`` list of the page's front matter."""
    values = page.meta.get(key)
    if isinstance(values, list) and value in values:
        return page.line([key, values.index(value)])
    return page.line([key])


def is_update(page: Page) -> bool:
    """Whether ``page`` is an update: its kind plays the updates (``plays: [updates]`` in its
    registry entry, kb/kinds.py)."""
    return page.kind == kinds.playing("updates")


# --- checking ---------------------------------------------------------------------------------


def check(site: Site, root: Path, quiz_ids: set[str]) -> list[Problem]:
    """Mistakes in updates that the schema cannot see: unknown topics, pages and quizzes."""
    tags, problems = load_tags(root, site.content_dir)
    tags_file = sources.data_file(root, "news-topics.yml", site.content_dir)[1]
    tag_list = ", ".join(sorted(tags)) or "(none yet)"
    for page in site.pages.values():
        if not is_update(page):
            continue
        rel = (site.content_dir / page.src).relative_to(site.root).as_posix()
        for tag in _strings(page.meta.get("topics")):
            if tag not in tags:
                problems.append(
                    Problem(
                        rel,
                        f"unknown topic '{tag}'.",
                        f"use one of: {tag_list}; or add the topic to {tags_file}.",
                        field="topics",
                        line=_value_line(page, "topics", tag),
                    )
                )
        for target in _strings(page.meta.get("changes")):
            translated = content_model.page_language(target) != languages.default()
            if translated or content_model.resolve(site, target)[1]:
                problems.append(
                    Problem(
                        rel,
                        f"'{target}' is not a page of the portal.",
                        "name the Dutch file under content/, e.g. statuses/ibo.md "
                        f"(not the {_translation_files()} file, and without content/ in front).",
                        field="changes",
                        line=_value_line(page, "changes", target),
                    )
                )
        quiz = page.meta.get("refresher")
        if isinstance(quiz, str) and quiz not in quiz_ids:
            problems.append(
                Problem(
                    rel,
                    f"there is no quiz '{quiz}'.",
                    f"use the id of a file in quizzes/ ({', '.join(sorted(quiz_ids))}).",
                    field="refresher",
                    line=page.field_lines.get("refresher"),
                )
            )
        date, updated = str(page.meta.get("date")), page.meta.get("updated")
        if updated and str(updated) < date:
            problems.append(
                Problem(
                    rel,
                    f"'updated' ({updated}) lies before 'date' ({date}).",
                    "'updated' is the day you corrected the update: the same day or later.",
                    field="updated",
                    line=page.field_lines.get("updated"),
                )
            )
    return problems


def check_quizzes(site: Site, quizzes: dict[str, dict]) -> list[Problem]:
    """A quiz's ``update:`` must name an update in content/news/."""
    slugs = {p.slug for p in site.pages.values() if is_update(p)}
    problems = []
    for quiz_id, quiz in sorted(quizzes.items()):
        update = quiz.get("update")
        if isinstance(update, str) and update not in slugs:
            rel = f"quizzes/{quiz_id}.yml"
            text, _ = sources.read_text(site.root / rel, rel)
            doc, _ = sources.load_yaml(text, rel) if text is not None else (None, [])
            problems.append(
                Problem(
                    rel,
                    f"there is no update '{update}' in content/news/.",
                    "use the file name of an update without .md, e.g. "
                    f"{min(slugs - {'index'}, default='2018-09-01-ibo-en-bis')}.",
                    field="update",
                    line=doc.line(["update"]) if doc is not None else None,
                )
            )
    return problems


def refreshers(update: Page, quizzes: dict[str, dict]) -> list[str]:
    """The quizzes that go with an update: its own ``refresher`` and every quiz naming it."""
    found = [update.meta["refresher"]] if update.meta.get("refresher") in quizzes else []
    found += [q for q, data in sorted(quizzes.items()) if data.get("update") == update.slug]
    return list(dict.fromkeys(found))


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# --- shaping ----------------------------------------------------------------------------------


def updates(site: Site, lang: str) -> list[Update]:
    """Every update in ``lang``, newest first (the Dutch text where no translation exists)."""
    return list(site.derived(("news.updates", lang), lambda: _updates(site, lang)))


def _updates(site: Site, lang: str) -> tuple[Update, ...]:
    found = []
    for page in site.pages.values():
        if not is_update(page) or page.lang != languages.default() or page.slug == "index":
            continue
        shown = site.pages.get(languages.translation_path(page.src, lang))
        found.append(Update(shown or page, page.src))
    found.sort(key=lambda u: u.meta.get("title", ""))
    found.sort(key=lambda u: u.date, reverse=True)
    return tuple(found)


def history(site: Site, base: str, lang: str) -> list[Update]:
    """The updates that name the page ``base`` under ``changes``, newest first."""
    return list(site.derived(("news.history", lang), lambda: _history(site, lang)).get(base, ()))


def _history(site: Site, lang: str) -> dict[str, list[Update]]:
    by_page: dict[str, list[Update]] = {}
    for update in updates(site, lang):
        for base in dict.fromkeys(_strings(update.meta.get("changes"))):
            by_page.setdefault(base, []).append(update)
    return by_page


def feed_updated(items: list[Update]) -> str:
    """The newest 'updated' date of the items (today when there are none)."""
    return max((u.updated for u in items), default="1970-01-01")
