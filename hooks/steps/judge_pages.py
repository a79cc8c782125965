"""Each page's HTML judged as Chromium will read it: the editor's body as MkDocs rendered it, and
the content exactly as published.

The content check (hooks/steps/validate_content.py) judges what an editor wrote in front matter
and data files before anything is built, but renders no body: a body is rendered once per build,
by MkDocs. Its HTML is judged here instead, with the text policy's body rules
(kb.content_model.body_problems: the allow-list, each breach at its line of the body), first of
all steps of ``page_content`` (``judge_body``), when the HTML is what Markdown made of the body
and the hooks' boxes are still out of it (hooks/steps/keep_html.py; a page with a box that
could not be taken out has its body rendered by itself, as `make check` does). That HTML holds
the glossary's ``abbr`` already (the render wraps the terms, hooks/steps/render_glossary.py),
which the allow-list allows. The boxes put back after it are the steps' own HTML, so the HTML
that is published is judged again after all of them (``judge_published``:
kb.text_policy.published_problems): nothing that runs script or loads from another host reaches
a page, whichever step let it through.

MkDocs renders every page of a language before it writes any (``on_env`` runs in between), so
the problems of all pages are kept and reported together there (``stop``), an editor's before
what a step made of them, and nothing of that language is written. The English pages are built
inside the Dutch build's ``on_post_build`` (mkdocs-static-i18n), after the Dutch pages are
written; scripts/build.py builds into a new folder and keeps the last good site, so an English
page that fails then costs nothing either.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb import content_model, text_policy
from kb.problems import Problem
from steps import keep_html
from steps.page_data import portal_for, record_for, site_for
from steps.validate_content import fail, for_editor

# id(files) of one language's build -> (its files, problems in its bodies, the pages that have
# them, the published problems of the other pages). The files are kept with them so that a build
# that failed before on_env leaves nothing a later build's files could be taken for.
_found: dict[int, tuple[object, list[Problem], set[str], list[Problem]]] = {}


def _kept(files) -> tuple[list[Problem], set[str], list[Problem]]:
    entry = _found.get(id(files))
    if entry is None or entry[0] is not files:
        entry = _found[id(files)] = (files, [], set(), [])
    return entry[1:]


def judge_body(html: str, page, config: MkDocsConfig, files) -> str:
    """The text policy's body rules on MkDocs' render of the page's body (the first step). A
    page with a box that went through Markdown with the text (keep_html.left_in_markdown: it
    did not stand apart from it) has that box's HTML mixed with the body's; its body is then
    rendered by itself, as `make check` renders it (the box is judged with the published page)."""
    record = record_for(page, config)
    if record is None:
        return html
    site = site_for(config)
    if keep_html.left_in_markdown(page):
        project = portal_for(config).project
        render = content_model.shared_renderer(project.markdown_extensions, project.mdx_configs)
        found = content_model.body_problems(site, record, render(record.body))
    else:
        found = content_model.body_problems(site, record, html)
    if found:
        bodies, sources, _ = _kept(files)
        bodies += found
        sources.add(page.file.src_uri)
    return html


def judge_published(html: str, page, config: MkDocsConfig, files) -> str:
    """What the published content would run or load (the last step)."""
    _, sources, published = _kept(files)
    if page.file.src_uri in sources:  # the editor's body is the cause; its problems say so
        return html
    found = text_policy.published_problems(html)
    if not found:
        return html
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError, UnicodeDecodeError):
        source = ""
    for what, needle in found:
        at = source.find(needle) if needle else -1
        published.append(
            Problem(
                rel,
                f"the page as published would hold {what}, which can run script or load from "
                "another host.",
                "remove it from the page; if the page has none, report the page: a step of the "
                "build made it.",
                line=source.count("\n", 0, at) + 1 if at >= 0 else None,
            )
        )
    return html


def stop(env, config: MkDocsConfig, files) -> None:
    """Fail before any page of this language is written if a page's HTML broke the policy."""
    bodies, _, published = _kept(files)
    del _found[id(files)]
    fail(for_editor(config, bodies) + published)
