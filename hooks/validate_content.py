"""Check all content before anything is built; fail once, listing every problem.

Runs in ``on_pre_build``, before MkDocs cleans the output folder, so a mistake never costs the
last good site. Non-failing reports (pages due for review, translation status) are printed here
too, as `make check` prints them (``reports``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import content_model, review, settings, translations
from kb.problems import Problem
from kb.project import Project, check_project, order
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
    )


def collect_problems(config: MkDocsConfig) -> list[Problem]:
    """Every problem in the settings and the content: what the build and `make check` both run."""
    return order(check_settings(config) + check_project(project_for(config)))


def check_settings(config: MkDocsConfig) -> list[Problem]:
    """The portal's own settings in mkdocs.yml (kb.settings)."""
    path = Path(config.config_file_path)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    image_dirs = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
    return settings.check_settings(dict(config.extra), path.name, text, image_dirs)


@event_priority(100)  # first of all hooks
def on_pre_build(config: MkDocsConfig) -> None:
    if is_nested_build(config):  # the English build re-runs events; the content was checked once
        return
    problems = collect_problems(config)
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(
            f"The content has {len(problems)} problem(s), listed above. "
            "Nothing was built; the last good site is unchanged."
        )
    for line in reports(config):  # to act on, not a reason to stop publishing
        print(line, file=sys.stderr)


def reports(config: MkDocsConfig) -> list[str]:
    """What the build and `make check` print without failing: pages due for a check of their
    facts (oldest check first) and the state of the translations."""
    site = content_model.load_site(Path(config.docs_dir), project_root(config))
    months = int(config.extra.get("freshness_months", 12))
    lines = []
    due = review.report(site, content_model.today(), months)
    if due:
        lines.append(
            f"Review due: {len(due)} page(s), the oldest check first; check their facts "
            "and update 'reviewed':"
        )
        lines += [f"  {line}" for line in due]
    missing = sorted(
        p.src
        for p in site.pages.values()
        if p.lang == "nl" and content_model.partner_path(p.src) not in site.pages
    )
    if missing:
        lines.append(
            f"Translation status: {len(missing)} page(s) have no English version yet "
            f"(shown in Dutch with a notice on the English site): {', '.join(missing)}"
        )
    late, unrecorded = translations.report(site)
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
