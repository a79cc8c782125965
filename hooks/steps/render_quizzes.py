"""Self-check quizzes: ``<!-- kb:quiz <id> -->`` and ``<!-- kb:progress -->`` become HTML.

The quiz comes from quizzes/<id>.yml (hooks/kb/quiz_model.py), the HTML from the macros in
overrides/hooks/render_quizzes.html. A training-session page whose front matter names a
``quiz:`` but has no marker gets the quiz at the end. quiz.js and quiz.css are linked only from
pages that show a quiz (Material's extra_javascript would load them on every page); on a quiz
page neither is linked: quiz-loader.js finds them next to itself (never from an address in the page,
which an editor could write) and fetches them when a quiz comes near the viewport or is first used (quiz.css also
in a ``<noscript>`` link, for readers without JavaScript) (issue 16: bytes and blocking time of a first load). The quizzes
and the markers are checked before the build by hooks/steps/validate_content.py (quiz_model.check).
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import content_model, languages, quiz_model
from steps.page_data import (
    STRINGS_DIR,
    fill_script,
    flat,
    headings_written,
    keep,
    portal_for,
    record_for,
    site_for,
    strings_file,
    template_env,
)
from steps.polish_headings import box_link_label
from steps.site_language import current_language, is_nested_build

log = logging.getLogger("mkdocs.hooks.render_quizzes")
TEMPLATE = "hooks/render_quizzes.html"
STRINGS = STRINGS_DIR / "ui_strings.yml"
CSS, JS, PROGRESS_JS = (
    "assets/stylesheets/quiz.css",
    "assets/javascripts/quiz.js",
    "assets/javascripts/quiz-progress.js",
)
# Fetches quiz.css and quiz.js when a quiz comes near the viewport or is first used: every site
# that shows a quiz needs it (joined into site.js with our other scripts, no request of its own).
LOADER = "assets/javascripts/quiz-loader.js"
# The texts that only quiz.js shows (results, marks, counts, its buttons and questions): written
# into the site's quiz.js, per language, instead of into every quiz (issue 16: bytes of a first
# load; quiz.js is fetched only when a quiz is near). quiz.js reads them as data-s-* names:
# not_passed -> sNotPassed.
QUIZ_JS_STRINGS = (
    "right", "wrong", "partly", "unanswered", "chosen", "score", "passed", "not_passed", "best",
    "moved", "locale", "answered_one", "answered_other", "unanswered_one", "unanswered_other",
    "nothing_answered", "answer_first", "missed", "accepted_spelling", "summary_question",
    "history_item", "consent_saved", "consent_refused", "check_one", "solution_one", "retry_one",
    "move_up", "move_down", "confirm_yes", "confirm_no", "check", "retry_wrong", "retry_all",
    "show_solution", "summary_title", "consent_question", "consent_yes", "consent_no",
    "print_key", "key_heading", "progress_page",
)  # fmt: skip
_STRINGS_SLOT = "var STRINGS = {};"
_state: dict = {}


def add_loader(config: MkDocsConfig) -> MkDocsConfig:
    if LOADER not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(LOADER)
    return config


def load(config: MkDocsConfig) -> None:
    """Read the quizzes once per build (hooks/steps/validate_content.py has checked them already)."""
    if is_nested_build(config):  # the English build re-runs events: read once
        return
    _state.update(
        quizzes=portal_for(config).quizzes(),
        hosts=portal_for(config).quiz_hosts(),
        strings=strings_file(STRINGS.name),
    )


def _strings(lang: str) -> dict[str, str]:
    first = languages.default()
    return {key: value.get(lang) or value[first] for key, value in _state["strings"].items()}


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
    page = pages.get(languages.translation_path(path, lang)) or pages.get(path)
    return str(page.meta.get("title", path)) if page else path


def _quiz_html(
    quiz_id: str,
    page: Page,
    config: MkDocsConfig,
    files: Files,
    head: str,
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
    rec = record_for(page, config)
    link_label = box_link_label(rec.kind if rec is not None else None, lang)
    return _macros(config).quiz(data, _strings(lang), head, link_label)


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


def place_quizzes(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = quiz_model.markers(markdown)
    rec = record_for(page, config)  # the portal's front matter, not MkDocs' parse of it again
    wanted = (rec.meta if rec is not None else page.meta).get("quiz")
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
        css = None if CSS in linked else _asset(CSS, page)
        linked |= {CSS, script}
        with headings_written() as written:  # the quiz's title, for the page contents
            if name == "quiz":  # quiz.js and quiz.css: fetched lazily by quiz-loader.js
                head = _macros(config).noscript_css(css)
                html = _quiz_html(arg, page, config, files, head)
            else:
                head = _macros(config).assets(css, src)
                html = _progress_html(page, config, files, head)
        # A finished box: Markdown need not parse it (hooks/steps/keep_html.py; the same HTML).
        lines[number - 1] = "\n" + keep(flat(html), written) + "\n"
    return "\n".join(lines)


def _asset(path: str, page: Page) -> str:
    return get_relative_url(path, page.url or "index.html")


def quiz_js_strings(strings: dict, site: content_model.Site | None = None) -> dict[str, dict]:
    """``{lang: {"sRight": …}}``: the texts of QUIZ_JS_STRINGS in every language of
    ui_strings.yml (the Dutch one where a text has no translation); with ``site``, also the
    address of the progress page from the site's root (``sProgressPath``, for the link in the
    saving question) and its title (``sProgressPage``)."""
    langs = sorted({lang for value in strings.values() for lang in value})
    texts = {
        lang: {
            "s" + "".join(w.capitalize() for w in key.split("_")): strings[key].get(lang)
            or strings[key][languages.default()]
            for key in QUIZ_JS_STRINGS
        }
        for lang in langs
    }
    host = _progress_host(site) if site else None
    for lang in langs if host else ():
        page = site.pages.get(languages.translation_path(host, lang))
        texts[lang]["sProgressPage"] = str((page or site.pages[host]).meta.get("title", ""))
        prefix = "" if lang == languages.default() else f"{lang}/"
        texts[lang]["sProgressPath"] = prefix + host.removesuffix(".md") + ".html"
    return texts


def _progress_host(site: content_model.Site) -> str | None:
    """The Dutch page (path under content/) that shows ``<!-- kb:progress -->``, if any."""
    return next(
        (
            rel
            for rel, page in sorted(site.pages.items())
            if page.lang == languages.default()
            and any(name == "progress" for _, name, _ in quiz_model.markers(page.body))
        ),
        None,
    )


def write_strings(config: MkDocsConfig) -> None:
    """The quiz texts into the site's quiz.js (the English build writes the theme's copy again,
    so only after it)."""
    if is_nested_build(config):
        return
    texts = json.dumps(quiz_js_strings(_state["strings"], site_for(config)), ensure_ascii=False)
    try:
        fill_script(config.site_dir, JS, _STRINGS_SLOT, f"var STRINGS = {texts};")
    except ValueError as error:
        raise PluginError(str(error)) from None
