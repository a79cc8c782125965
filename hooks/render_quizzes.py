"""Self-check quizzes: ``<!-- kb:quiz <id> -->`` and ``<!-- kb:progress -->`` become HTML.

The quiz comes from quizzes/<id>.yml (hooks/kb/quiz_model.py), the HTML from the macros in
overrides/hooks/render_quizzes.html. A training-session page whose front matter names a
``quiz:`` but has no marker gets the quiz at the end. quiz.js and quiz.css are linked only from
pages that show a quiz (Material's extra_javascript would load them on every page); quiz.js is
not linked but named in the first quiz's ``data-kb-quiz-src``: glossary.js fetches it when a quiz
comes near the viewport or is first used (issue 16: bytes and blocking time of a first load). The quizzes
and the markers are checked before the build by hooks/validate_content.py (quiz_model.check).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import content_model, quiz_model
from page_data import site_for, template_env
from site_language import current_language, is_nested_build

log = logging.getLogger("mkdocs.hooks.render_quizzes")
TEMPLATE = "hooks/render_quizzes.html"
STRINGS = Path(__file__).parent / "ui_strings.yml"
CSS, JS, PROGRESS_JS = (
    "assets/stylesheets/quiz.css",
    "assets/javascripts/quiz.js",
    "assets/javascripts/quiz-progress.js",
)
# Fetches quiz.js when a quiz comes near the viewport or is first used (also glossary tooltips):
# every site that shows a quiz needs it, also one without the glossary hook.
LOADER = "assets/javascripts/glossary.js"
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if LOADER not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(LOADER)
    return config


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the quizzes once per build (hooks/validate_content.py has checked them already)."""
    if is_nested_build(config):  # the English build re-runs events: read once
        return
    root = _root(config)
    _state.update(
        quizzes=quiz_model.load(root),
        hosts=quiz_model.hosts(site_for(config)),
        strings=yaml.safe_load(STRINGS.read_text(encoding="utf-8")),
    )


def _strings(lang: str) -> dict[str, str]:
    return {key: value.get(lang) or value["nl"] for key, value in _state["strings"].items()}


def _link(target: str, page: Page, files: Files) -> str | None:
    """The page-relative URL of ``path.md#anchor`` in the page's language, or None."""
    path, _, anchor = target.partition("#")
    file = files.get_file_from_path(path)
    return file.url_relative_to(page.file) + (f"#{anchor}" if anchor else "") if file else None


def _title(target: str, lang: str, config: MkDocsConfig) -> str:
    """The title of a "read again" page in ``lang`` (the Dutch one if it has no translation),
    from the content model the build has already read."""
    path = target.partition("#")[0]
    pages = site_for(config).pages
    page = pages.get(content_model.partner_path(path) if lang != "nl" else path) or pages.get(path)
    return str(page.meta.get("title", path)) if page else path


def _quiz_html(
    quiz_id: str, page: Page, config: MkDocsConfig, files: Files, head: str, src: str | None
) -> str:
    lang = current_language(config)
    data = quiz_model.view(quiz_id, _state["quizzes"][quiz_id], lang)
    for item in data["questions"]:
        if item["read_again"]:
            item["read_again_url"] = _link(item["read_again"], page, files)
            item["read_again_title"] = _title(item["read_again"], lang, config)
        if item["source"]:  # a portal page (linked in the page's language) or an official address
            web = item["source"].startswith("https://")
            item["source_url"] = item["source"] if web else _link(item["source"], page, files)
            item["source_title"] = (
                urlsplit(item["source"]).netloc.removeprefix("www.")
                if web
                else _title(item["source"], lang, config)
            )
    return _macros(config).quiz(data, _strings(lang), head, src or "")


def _progress_html(page: Page, config: MkDocsConfig, files: Files, head: str) -> str:
    """Every quiz file as a row: sessie-N first (by number), then the refreshers, linked to the
    page that shows the quiz."""
    lang, strings = current_language(config), _strings(current_language(config))
    groups = {"sessions": [], "refreshers": []}
    for quiz_id, quiz in sorted(_state["quizzes"].items(), key=lambda kv: _order(kv[0])):
        host = _state["hosts"].get(quiz_id)
        groups["sessions" if quiz_id.startswith("sessie-") else "refreshers"].append(
            {
                "id": quiz_id,
                "title": quiz["title"][lang],
                "pass_mark": quiz.get("pass_mark"),
                "url": _link(host, page, files) if host else None,
            }
        )
    shown = [
        {"title": strings[f"progress_{name}"], "rows": rows}
        for name, rows in groups.items()
        if rows
    ]
    return _macros(config).progress(shown, strings, head, config.site_name)


def _order(quiz_id: str) -> tuple:
    number = re.search(r"(\d+)$", quiz_id)
    return (not quiz_id.startswith("sessie-"), int(number.group(1)) if number else 0, quiz_id)


def _macros(config: MkDocsConfig):
    """The quiz macros, from the build's one Jinja environment (compiled once, not per page)."""
    return template_env(config).get_template(TEMPLATE).module


def _flat(html: str) -> str:
    """One raw-HTML block for Markdown: no blank lines, no indentation that reads as code."""
    return "\n".join(line.strip() for line in str(html).splitlines() if line.strip())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = quiz_model.markers(markdown)
    wanted = page.meta.get("quiz")
    if (
        isinstance(wanted, str)
        and wanted in _state["quizzes"]
        and not any(name == "quiz" and arg == wanted for _, name, arg in found)
    ):
        markdown = markdown.rstrip("\n") + f"\n\n<!-- kb:quiz {wanted} -->\n"
        found = quiz_model.markers(markdown)
    if not found:
        return markdown
    lines = markdown.split("\n")
    linked: set[str] = set()
    for number, name, arg in found:
        if (
            name == "quiz" and arg not in _state["quizzes"]
        ):  # validate_content reports it; strict fails
            log.warning(f"{page.file.src_uri}:{number}: kb:quiz: there is no quiz '{arg}'.")
            continue
        script = JS if name == "quiz" else PROGRESS_JS
        src = None if script in linked else _asset(script, page)
        head = _macros(config).assets(
            None if linked else _asset(CSS, page),
            src if name != "quiz" else None,  # quiz.js: fetched lazily, from data-kb-quiz-src
        )
        linked |= {CSS, script}
        if name == "quiz":
            html = _quiz_html(arg, page, config, files, head, src)
        else:
            html = _progress_html(page, config, files, head)
        lines[number - 1] = "\n" + _flat(html) + "\n"
    return "\n".join(lines)


def _asset(path: str, page: Page) -> str:
    return get_relative_url(path, page.url or "index.html")
