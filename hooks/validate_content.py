"""Check all content before anything is built; fail once, listing every problem.

Runs in ``on_pre_build``, before MkDocs cleans the output folder, so a mistake never costs the
last good site. Non-failing reports (stale pages, translation status) are printed here too.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import meta as mkdocs_meta

from kb import content_model, settings, sources
from kb.problems import Problem
from kb.project import Project, check_project, order
from page_data import stale
from site_language import is_nested_build

log = logging.getLogger("mkdocs.hooks.validate_content")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def project_for(config: MkDocsConfig) -> Project:
    """The settings of this build that the content check needs."""
    return Project(
        project_root(config),
        Path(config.docs_dir),
        list(config.markdown_extensions),
        dict(config.mdx_configs),
        [Path(d) for d in config.theme.dirs],
    )


def collect_problems(config: MkDocsConfig) -> list[Problem]:
    """Every problem in the settings and the content: what the build and `make check` both run."""
    return order(
        check_settings(config) + check_project(project_for(config)) + reader_problems(config)
    )


_DATE = re.compile(r"(?<![\w\"'-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w\"'-])")


def reader_problems(config: MkDocsConfig) -> list[Problem]:
    """The portal reads front matter with its own reader (kb.sources); MkDocs, which publishes
    the page, reads it again with its own. Where the two disagree on where the front matter ends
    or what it holds (MkDocs gives up on YAML that the portal reads, e.g. an impossible date,
    and then publishes the whole front matter as text), the page is refused."""
    root = project_root(config)
    site = content_model.load_site(Path(config.docs_dir), root)
    problems = []
    for page in site.pages.values():
        path = site.content_dir / page.src
        rel = sources.relative(path, root)
        text, _ = sources.read_text(path, rel)
        if text is None:
            continue
        body, meta = mkdocs_meta.get_data(text)
        if body.lstrip("\n") == page.body.lstrip("\n") and set(meta) == set(page.meta):
            continue
        problems.append(_disagreement(text, rel, page))
    return problems


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


@event_priority(100)  # first of all hooks
def on_pre_build(config: MkDocsConfig) -> None:
    if is_nested_build(config):  # the English build re-runs events; the content was checked once
        return
    root = project_root(config)
    problems = collect_problems(config)
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(
            f"The content has {len(problems)} problem(s), listed above. "
            "Nothing was built; the last good site is unchanged."
        )
    site = content_model.load_site(Path(config.docs_dir), root)
    months = int(config.extra.get("freshness_months", 12))
    old = sorted(
        f"{Path(config.docs_dir).name}/{p.src} ({p.meta['reviewed']})"
        for p in site.pages.values()
        if p.lang == "nl" and stale(p.meta, months)
    )
    if old:  # a warning to act on, not a reason to stop publishing
        print(
            f"WARNING: {len(old)} page(s) were last checked more than {months} months ago; "
            f"check their facts and update 'reviewed': {', '.join(old)}",
            file=sys.stderr,
        )
    missing, older = content_model.translation_report(site)
    if missing:
        print(
            f"Translation status: {len(missing)} page(s) have no English version yet "
            f"(shown in Dutch with a notice on the English site): {', '.join(missing)}",
            file=sys.stderr,
        )
    if older:
        print(
            f"Translation status: {len(older)} English page(s) are older than their Dutch "
            f"page and may need updating: {', '.join(older)}",
            file=sys.stderr,
        )
