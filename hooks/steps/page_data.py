"""What the rendering hooks share: this build's content records, labels, dates, links, templates.

Kept apart from the hooks so that each render_* hook stays a thin translation of MkDocs events
into template calls.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup, escape

from kb import content_model, glossary_terms, languages, portal, strings, text_policy
from kb.project import Project
from steps.site_language import current_language

__all__ = [
    "STRINGS_DIR",
    "Heading",
    "Linker",
    "contents_heading",
    "declared_headings",
    "fill_script",
    "forget_headings",
    "format_date",
    "headings_written",
    "in_language",
    "inline_markdown",
    "keep",
    "keeping",
    "labels",
    "new_portal",
    "portal_for",
    "project_for",
    "record_for",
    "render_macro",
    "site_for",
    "strings_file",
    "take_glossary",
    "template_env",
    "templates",
    "today",
    "use_glossary",
]

# The portal's own strings files (content_strings.yml, news_strings.yml, ui_strings.yml) are in
# hooks/, beside the adapter and the package: the steps and the model both name them.
STRINGS_DIR = Path(__file__).resolve().parents[1]
STRINGS = STRINGS_DIR / "content_strings.yml"
# A hook's finished HTML box in a page's Markdown, between these lines (hooks/steps/keep_html.py); the
# token is new in every process, so that no editor's text can look like them.
KEEP_TOKEN = secrets.token_hex(4)
KEEP_OPEN, KEEP_CLOSE = f"<!--kb-keep-{KEEP_TOKEN}-->", f"<!--/kb-keep-{KEEP_TOKEN}-->"


def flat(html: str) -> str:
    """A rendered box as one raw-HTML block for Markdown and ``keep``: no blank lines (which would
    split it into blocks that Markdown parses) and no indentation that reads as code. Not for
    HTML with line breaks that are text (``<pre>``, ``<textarea>``)."""
    return "\n".join(line.strip() for line in str(html).splitlines() if line.strip())


class Heading(NamedTuple):
    """A heading a box writes, as the page contents list it: its level, its id and its title
    (the heading's text as the page shows it, HTML-escaped as the box's template escapes it)."""

    level: int
    id: str
    title: str


_writing: list[list[Heading]] = []  # the headings being written, innermost render last


def contents_heading(level: Any, anchor: Any, title: Any) -> str:
    """Called by the template that writes a box's heading for the page contents
    (overrides/hooks/headings.html, ``heading``): it hands the heading on as data to the render
    that ``headings_written`` watches, escaped as the template's autoescape writes it. Writes
    nothing into the HTML."""
    if _writing:
        _writing[-1].append(Heading(int(level), str(anchor), str(escape(title))))
    return ""


@contextmanager
def headings_written() -> Iterator[list[Heading]]:
    """The headings for the page contents that the templates write while the ``with`` block
    renders, in their order (a render inside it that watches its own keeps those)."""
    written: list[Heading] = []
    _writing.append(written)
    try:
        yield written
    finally:
        _writing.pop()


# html -> the headings a box declared, from ``keep`` to ``keep_html.take_out`` (same page)
_declared: dict[str, tuple[Heading, ...]] = {}


# The glossary of the page being made (term -> tooltip text, in the page's language), from the
# first of its Markdown steps to its Markdown render (hooks/steps/render_glossary.py)
_glossary: list[dict[str, str]] = []


def use_glossary(titles: dict[str, str]) -> None:
    """The glossary terms of the page whose Markdown the steps now write."""
    _glossary[:] = [titles]


def take_glossary() -> dict[str, str]:
    """The glossary terms of the page Markdown renders now, for its body; none after it."""
    return _glossary.pop() if _glossary else {}


def keep(html: str, headings: Iterable[Heading] = ()) -> str:
    """``html`` marked as a finished box that Markdown need not parse (hooks/steps/keep_html.py),
    with the ``headings`` it writes, in its order: the page contents list them at the box's place
    (hooks/steps/polish_headings.py) without reading its HTML. The page's glossary terms in it
    are wrapped here, by the step that made it (kb/glossary_terms.py)."""
    if html and _glossary:
        html = glossary_terms.wrap_terms(html, _glossary[0])
    if html and (listed := tuple(headings)):
        _declared[html] = listed
    return f"{KEEP_OPEN}\n{html}\n{KEEP_CLOSE}" if html else html


def declared_headings(html: str) -> tuple[Heading, ...]:
    """The headings ``keep`` was given with the box ``html`` (none: it declared none)."""
    return _declared.get(html, ())


def forget_headings() -> None:
    """Drop the declarations of a page's boxes, once its Markdown is written (keep_html.py)."""
    _declared.clear()


def fill_script(site_dir: str | Path, rel: str, slot: str, code: str) -> None:
    """In the built script ``rel``, the line ``slot`` replaced by ``code``: texts that come from
    the strings files and the content, written in after the build (the last language's build
    writes the theme's copy again). A script without its slot fails the build."""
    path = Path(site_dir) / rel
    if not path.is_file():
        return
    script = path.read_text(encoding="utf-8")
    if slot not in script:
        raise ValueError(f"{rel} has no '{slot}' for the texts written in after the build")
    path.write_text(script.replace(slot, code, 1), encoding="utf-8")


def keeping(render: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    """``render`` (a marker's HTML, for ``kb.markers.replace``) with its HTML marked by ``keep``,
    with the headings for the page contents that its templates wrote (``headings_written``)."""

    def kept(marker: Any) -> str | None:
        with headings_written() as written:
            html = render(marker)
        return None if html is None else keep(html, written)

    return kept


def strings_file(name: str) -> dict[str, Any]:
    """The strings file ``hooks/<name>`` with the texts the content adds (``kb.strings.own``):
    a new language is settings and content, no code (CONTRIBUTING.md, "Add a language")."""
    return strings.own(name)


def labels(lang: str) -> dict[str, Any]:
    """Interface labels for one language; a label it lacks is the default language's."""
    return in_language(STRINGS.name, lang, languages.default())


@lru_cache(maxsize=32)
def in_language(name: str, lang: str, default: str) -> dict[str, Any]:
    """One language's block of a strings file shaped ``{lang: {key: text}}``, completed with the
    default language's texts."""
    texts = strings_file(name)
    return {**texts[default], **texts.get(lang, {})}


def format_date(iso: str, lang: str) -> str:
    """2026-11-23 -> '23 november 2026' / '23 November 2026'."""
    try:
        day = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{day.day} {labels(lang)['months'][day.month - 1]} {day.year}"


def today() -> dt.date:
    """The date freshness is judged against (PORTAL_TODAY=YYYY-MM-DD overrides it, for tests)."""
    override = os.environ.get("PORTAL_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


# A text that Markdown and the text policy give back as it is (most titles, summaries and facts):
# a letter first (no list, heading or code block), then letters, digits, spaces and punctuation
# that no Markdown rule reads and HTML needs no escape for (tests/test_build_cost.py compares it
# with the renderer on every text of the content and on random ones).
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:()?!'\"%€/+=-])*\Z")


def inline_markdown(text: Any) -> Markup:
    """Front-matter text with Markdown emphasis and links -> HTML without the surrounding <p>.
    The text policy's renderer: HTML in the text is escaped, whatever the checks let through."""
    text = str(text)
    return Markup(text if _PLAIN.match(text) else text_policy.inline_html(text))


# (the config of the build, its portal); the config itself, not its id, so that a later build's
# config at the same address never gets this one's content
_current: list[tuple[Any, portal.Portal]] = []


def project_for(config) -> Project:
    """The settings of this build that loading and checking the content need."""
    theme = getattr(config, "theme", None)
    root = Path(config.config_file_path).resolve().parent
    additions = (getattr(config, "extra", None) or {}).get("local_additions")
    edition = (getattr(config, "extra", None) or {}).get("edition")  # kb/editions.py
    return Project(
        root,
        Path(config.docs_dir),
        list(getattr(config, "markdown_extensions", None) or []),
        dict(getattr(config, "mdx_configs", None) or {}),
        [Path(d) for d in getattr(theme, "dirs", None) or []],
        root / additions if isinstance(additions, str) and additions else None,
        root / edition if isinstance(edition, str) else None,
    )


def new_portal(config) -> portal.Portal:
    """A fresh load of the portal for the build that starts now (hooks/steps/validate_content.py, first
    of all hooks): every later step of this build, in every language, gets this one."""
    _current[:] = [(config, portal.load(project_for(config)))]
    return _current[0][1]


def portal_for(config) -> portal.Portal:
    """This build's portal (kb.portal): each file read, parsed and checked once per build."""
    return _current[0][1] if _current and _current[0][0] is config else new_portal(config)


def site_for(config) -> content_model.Site:
    """The pages of this build (the portal's), read once per build."""
    return portal_for(config).site


def record_for(page, config) -> content_model.Page | None:
    return site_for(config).pages.get(page.file.src_uri)


class _KnownFiles:
    """A build's files with each path's look-up kept: mkdocs-static-i18n's ``get_file_from_path``
    builds three paths per call, and the links of every page's boxes, tables and meetings ask for
    the same few targets again and again (about a second of a build of ten times today's
    content)."""

    def __init__(self, files, lang: str) -> None:
        self.files, self.lang = files, lang
        self._found: dict[str, Any] = {}
        self._targets: dict[str, Any] = {}

    def get_file_from_path(self, path: str):
        if path not in self._found:
            self._found[path] = self.files.get_file_from_path(path)
        return self._found[path]

    def target(self, src: str):
        """The file a link to the page ``src`` leads to in this language build, or None: a page
        in the default language is linked to its translation when this build has one (the
        build's files hold only its own language and the fallbacks)."""
        if src not in self._targets:
            translations = (
                [languages.translation_path(src, lang) for lang in languages.others()]
                if content_model.page_language(src) == languages.default()
                else []
            )
            self._targets[src] = next(
                (f for path in [*translations, src] if (f := self.get_file_from_path(path))),
                None,
            )
        return self._targets[src]


_known: list[_KnownFiles] = []  # this language build's files (one: a new build replaces it)


def known_files(files, lang: str) -> _KnownFiles:
    """``files`` with its look-ups kept for the language build that has them."""
    if not _known or _known[0].files is not files or _known[0].lang != lang:
        _known[:] = [_KnownFiles(files, lang)]
    return _known[0]


class Linker:
    """Addresses of other pages relative to the page being rendered, in the build's language
    (each target looked up once per language build: ``known_files``)."""

    def __init__(self, page, files, config) -> None:
        self.page, self.files = page, known_files(files, current_language(config))

    def __call__(self, src: str, anchor: str = "") -> str | None:
        target = self.files.target(src)
        if target is None:
            return None
        return target.url_relative_to(self.page.file) + (f"#{anchor}" if anchor else "")


_envs: dict[int, Any] = {}
_modules: dict[tuple, Any] = {}


def templates(dirs: Any) -> jinja2.Environment:
    """A Jinja environment of the portal's templates in ``dirs`` as the build has it: autoescape,
    the ``md`` filter, and the hand-over of box headings to the page contents (``heading`` in
    overrides/hooks/headings.html). Tests that render a template by itself use it too."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(dirs), autoescape=True, auto_reload=False
    )
    env.filters["md"] = inline_markdown
    env.globals["contents_heading"] = contents_heading
    return env


def template_env(config):
    """The Jinja environment of the portal's own templates (overrides/hooks/), made once per build.

    It autoescapes: editor text can never become markup. Deliberate HTML reaches a template only
    as a macro's output or as ``markupsafe.Markup`` (the ``md`` filter). It is not the theme's
    environment (MkDocs makes that one without autoescape, and anew on every call)."""
    key = id(config.theme)
    if key not in _envs:
        env = templates(config.theme.dirs)
        _envs.clear()
        _modules.clear()
        _envs[key] = env
    return _envs[key]


def template_module(config, template: str) -> Any:
    """The macros of one template under overrides/hooks/, made once per build and language."""
    key = (id(config.theme), template, current_language(config))
    if key not in _modules:
        env = template_env(config)
        _modules[key] = env.get_template(template).make_module({"lang": current_language(config)})
    return _modules[key]


def render_macro(
    config, template: str, macro: str, *, linker: Linker | None = None, **context: Any
) -> str:
    """Call one macro of a template under overrides/hooks/ and return its HTML.

    Editor text in it (the ``md`` filter) links to portal pages as ``kb-page:`` paths; the step
    that renders it hands its page's ``linker``, and those links leave here as addresses from
    that page, so that no later pass edits the HTML (the content check has made sure that every
    linked page and heading exists)."""
    html = str(getattr(template_module(config, template), macro)(**context))
    if f'href="{text_policy.PAGE_SCHEME}' not in html:
        return html
    if linker is None:  # a fault of the portal, not of the content: never publish kb-page:
        raise ValueError(f"{template}: {macro} links to portal pages but was given no linker")
    return text_policy.resolve_page_links(html, linker)
