"""Check all content before anything is built; fail once, listing every problem.

Runs in ``on_pre_build``, before MkDocs cleans the output folder, so a mistake never costs the
last good site. Non-failing reports (pages due for review, translation status) are printed here
too, as `make check` prints them (``reports``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta as mkdocs_meta

from kb import content_model, editions, languages, portal, review, settings, sources, translations
from kb.problems import Problem
from kb.project import order
from steps.page_data import new_portal, portal_for, record_for
from steps.site_language import is_nested_build

log = logging.getLogger("mkdocs.hooks.validate_content")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def collect_problems(config: MkDocsConfig, bodies: bool = True) -> list[Problem]:
    """Every problem in the settings and the content: what the build and `make check` both run,
    on this build's one load of the portal (page_data.portal_for). `make check` renders each
    body for the text policy; the build (``bodies=False``) leaves that to MkDocs' own render
    (hooks/steps/judge_pages.py), unless the check fails anyway: then the bodies are rendered
    here too, so that the editor sees every problem at once."""
    loaded = portal_for(config)
    problems = check_settings(config) + portal.check(loaded, bodies)
    problems += reader_problems(config, loaded)
    if problems and not bodies:
        project = loaded.project
        render = content_model.shared_renderer(project.markdown_extensions, project.mdx_configs)
        problems += content_model.rendered_body_problems(loaded.site, render)
    return for_editor(config, problems)


def for_editor(config: MkDocsConfig, problems: list[Problem]) -> list[Problem]:
    """``problems`` as an editor reads them: an edition's own files named (kb/editions.py), root
    causes first (kb.project.order)."""
    loaded = portal_for(config)
    if loaded.project.edition is not None:
        resolution = editions.resolve(loaded.root, loaded.project.edition)[0]
        problems = editions.relocate(problems, resolution, Path(config.config_file_path).name)
    return order(problems)


_DATE = re.compile(r"(?<![\w\"'-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w\"'-])")


def reader_problems(config: MkDocsConfig, loaded: portal.Portal | None = None) -> list[Problem]:
    """The portal reads front matter with its own reader (kb.sources); MkDocs, which publishes
    the page, reads it again with its own. Where the two disagree on where the front matter ends
    or what it holds (MkDocs gives up on YAML that the portal reads, e.g. an impossible date,
    and then publishes the whole front matter as text), the page is refused."""
    root = project_root(config)
    site = (loaded or portal_for(config)).site
    problems = []
    for page in site.pages.values():
        path = site.content_dir / page.src
        rel = sources.relative(path, root)
        text, _ = sources.read_text(path, rel)
        if text is None or _read_alike(text, page):
            continue
        body, meta = mkdocs_meta.get_data(text)
        if body.lstrip("\n") == page.body.lstrip("\n") and set(meta) == set(page.meta):
            continue
        problems.append(_disagreement(text, rel, page))
    return problems


_STR, _TIMESTAMP_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"
_TIMESTAMP = dict(yaml.SafeLoader.yaml_implicit_resolvers["0"])[_TIMESTAMP_TAG]
# The start of every text _TIMESTAMP matches (year-month-day): a plain value is the document's
# own characters, so a front matter without this holds no value PyYAML reads as a date.
_DATE_LIKE = re.compile(r"([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)")
_TIME_AFTER = re.compile(r"[Tt]|[ \t]+[0-9]")


def _read_alike(text: str, page: content_model.Page) -> bool:
    """Whether MkDocs' reader (``mkdocs_meta.get_data``) gets this page's body and fields as the
    portal did, decided from the portal's own parse (``page.front``) without parsing the front
    matter a second time. MkDocs gives PyYAML's SafeLoader the same text when both find the
    same front matter; that loader differs from the portal's only in reading an unquoted date
    as a date. So: the same span, only characters PyYAML reads, no date as a field name, and
    every unquoted date one of the calendar. False when unsure: the caller then asks MkDocs'
    reader itself, as before."""
    return page.front is not None and _alike(text, page.front.node)


@lru_cache(maxsize=8192)
def _alike(text: str, root: yaml.Node) -> bool:
    """``_read_alike`` of a page's text and the YAML node the portal parsed from it, kept per
    text and node (a node is kept per front-matter text, so an unchanged page is judged once
    per process: ``make check``, ``mkdocs serve`` and the tests check unchanged pages again)."""
    ours, theirs = sources._FRONT.match(text), mkdocs_meta.YAML_RE.match(text)
    if ours is None or theirs is None or ours.span(1) != theirs.span(1):
        return False
    if ours.end() != theirs.end() or yaml.reader.Reader.NON_PRINTABLE.search(ours.group(1)):
        return False
    if not isinstance(root, yaml.MappingNode):
        return False
    front = ours.group(1)
    if not _DATE_LIKE.search(front):
        return True  # a date is written in one piece on one line: without one, nothing to read
    if any(_is_date(key) for key, _ in root.value):
        return False  # MkDocs' field name would be a date, not text
    if all(_real_date(found, front) for found in _DATE_LIKE.finditer(front)):
        return True  # every text PyYAML may read as a date is one of the calendar, without time
    return all(_date_of_calendar(node) for node in sources.nodes(root))


def _real_date(found: re.Match, front: str) -> bool:
    """Whether the date-like text ``found`` is a date of the calendar and no time follows it
    (with a time, the walk over the nodes decides)."""
    if _TIME_AFTER.match(front, found.end()):
        return False
    try:
        dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return False
    return True


def _is_date(node: yaml.Node) -> bool:
    """A plain scalar that PyYAML's SafeLoader reads as a date (the portal reads it as text)."""
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == _STR
        and not node.style
        and node.value[:1].isdigit()
        and _TIMESTAMP.match(node.value) is not None
    )


def _date_of_calendar(node: yaml.Node) -> bool:
    if not _is_date(node):
        return True
    try:
        yaml.constructor.SafeConstructor().construct_yaml_timestamp(
            yaml.ScalarNode(_TIMESTAMP_TAG, node.value)
        )
    except Exception:  # what MkDocs would meet (it catches every error)
        return False
    return True


def _disagreement(text: str, rel: str, page: content_model.Page) -> Problem:
    """Why MkDocs reads ``text`` otherwise than the portal, at the line that causes it."""
    front = text[: text.find("\n---", 3) + 1] if text.find("\n---", 3) > 0 else text
    for number, line in enumerate(front.splitlines(), 1):
        for match in _DATE.finditer(line.split(" #")[0]):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return Problem(
                    rel,
                    f"MkDocs cannot read this front matter: {match.group(0)} is not a date of "
                    "the calendar, and MkDocs reads an unquoted date as one; it would publish the "
                    "whole front matter as page text.",
                    f'write an existing date, in quotes: "{match.group(0)}".',
                    line=number,
                    cause=True,
                )
    try:
        yaml.load(front.partition("\n")[2], getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        why = "ends the front matter elsewhere"
    except Exception as err:  # what MkDocs itself would have met (it catches every error)
        why = f"cannot read it ({str(err).splitlines()[0]})"
    return Problem(
        rel,
        f"MkDocs {why}: it reads this front matter otherwise than the portal, and would publish part of it as page text.",
        "end the front matter with a line of three dashes (---) alone, and write dates and "
        "other values in quotes.",
        line=1,
        cause=True,
    )


def check_settings(config: MkDocsConfig) -> list[Problem]:
    """The portal's own settings in mkdocs.yml (kb.settings)."""
    path = Path(config.config_file_path)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    image_dirs = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
    return settings.check_settings(
        dict(config.extra), path.name, text, image_dirs, setting_texts(config)
    )


def setting_texts(config: MkDocsConfig) -> dict[str, object]:
    """Every text setting the theme writes into pages, by the name an editor finds it under."""
    texts = {key: config.get(key) for key in ("site_name", "site_description", "copyright")}
    plugin = config.plugins.get("i18n")
    for lang in plugin.config.languages if plugin else []:
        for key in ("site_name", "site_description", "copyright"):
            texts[f"plugins.i18n.languages.{lang.locale}.{key}"] = lang.get(key)
        for name, title in (lang.get("nav_translations") or {}).items():
            texts[f"plugins.i18n.languages.{lang.locale}.nav_translations.{name}"] = title
    return texts


def check(config: MkDocsConfig) -> None:
    if is_nested_build(config):  # the English build re-runs events; the content was checked once
        return
    with portal.collector_paused():
        new_portal(config)  # one load of the content for this whole build, every language
        problems = collect_problems(config, bodies=False)
    fail(problems)
    for line in reports(config):  # to act on, not a reason to stop publishing
        print(line, file=sys.stderr)


def fail(problems: list[Problem]) -> None:
    """Stop the build listing ``problems``, one error each, when there are any."""
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(
            f"The content has {len(problems)} problem(s), listed above. "
            "Nothing was built; the last good site is unchanged."
        )


def reports(config: MkDocsConfig) -> list[str]:
    """What the build and `make check` print without failing: pages due for a check of their
    facts (oldest check first) and the state of the translations."""
    site = portal_for(config).site
    months = int(config.extra.get("freshness_months", 12))
    lines = []
    due = review.report(site, content_model.today(), months)
    if due:
        lines.append(
            f"Review due: {len(due)} page(s), the oldest check first; check their facts "
            "and update 'reviewed':"
        )
        lines += [f"  {line}" for line in due]
    first = languages.english_name(languages.default())
    for lang in languages.others():
        name = languages.english_name(lang)
        missing = sorted(
            p.src
            for p in site.pages.values()
            if p.lang == languages.default()
            and languages.translation_path(p.src, lang) not in site.pages
        )
        if missing:
            lines.append(
                f"Translation status: {len(missing)} page(s) have no {name} version yet "
                f"(shown in {first} with a notice on the {name} site): {', '.join(missing)}"
            )
    late, unrecorded = translations.report(site)
    if (edition := portal_for(config).project.edition) is not None:
        resolution = editions.resolve(project_root(config), edition)[0]
        late, unrecorded = editions.translation_report(resolution, late, unrecorded)
    if late:
        lines.append(
            f"Translation status: {len(late)} English page(s) follow an older version of their "
            "Dutch page (make translations lists what changed)."
        )
    if unrecorded:
        lines.append(
            f"Translation status: {len(unrecorded)} English page(s) have no translation record "
            "(make translations-ok PAGE=<page> writes it once the translation is right)."
        )
    return lines


# --- MkDocs reads the portal's parse of a page ---------------------------------------------------

_read_by_portal: dict[int, dict] = {}  # id(page) -> its fields, from page_source to page_fields


def page_source(page, config: MkDocsConfig) -> str | None:
    """The page's source for MkDocs, with its front matter already read: the portal has read the
    file and parsed its front matter (kb.sources), and where MkDocs' reader would get the same
    body and fields (``_read_alike``; where it would not, the check has refused the page) MkDocs
    gets the same text with an empty front matter (``{}``), so it reads neither the file nor the
    YAML again; ``page_fields`` then hands it the portal's fields. None (MkDocs reads the page
    itself) for a page the portal did not load, or that comes from another file."""
    _read_by_portal.pop(id(page), None)  # a page of an earlier (failed) build may have had this id
    record = record_for(page, config)
    if record is None or page.file.abs_src_path is None:
        return None
    site = portal_for(config).site
    path = site.content_dir / record.src
    source = page.file.abs_src_path
    if (
        os.path.normpath(source) != os.path.normpath(path)
        and Path(source).resolve() != path.resolve()
    ):
        return None
    text, _ = sources.read_text(path, record.src)
    if text is None or not _read_alike(text, record):
        return None
    theirs = mkdocs_meta.YAML_RE.match(text)
    _read_by_portal[id(page)] = record.meta
    return text[: theirs.start(1)] + "{}\n" + text[theirs.end(1) :]


def page_fields(markdown: str, page, config: MkDocsConfig, files) -> None:
    """``page.meta`` as MkDocs would have read it, from the portal's parse (``page_source``): the
    same fields and values, but a date is its text ("2025-03-01"), as the portal reads it."""
    meta = _read_by_portal.pop(id(page), None)
    if meta is not None:
        page.meta = sources.copy_data(meta)
