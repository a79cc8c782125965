"""The one check of a whole project: what `make check` runs and what the build runs first.

Pure: the caller (hooks/steps/validate_content.py in the build, scripts/check_content.py for
`make check`) reads the settings from mkdocs.yml and passes them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb import content_model, languages, readability, sources
from kb.problems import Problem

__all__ = ["Project", "check_project", "order"]


@dataclass
class Project:
    """Where the content is and how the build renders Markdown."""

    root: Path
    content_dir: Path
    markdown_extensions: list = field(default_factory=list)
    mdx_configs: dict = field(default_factory=dict)
    # the theme's folders (overrides/ first): a content file at one of their paths replaces it
    theme_dirs: list = field(default_factory=list)
    # an edition's additions to the shared pages' local places (kb/local.py); None: no edition
    additions: Path | None = None
    # a local edition's folder (editions/<name>/) when content_dir is the base with its layer
    # over it (kb/editions.py); None for the base alone
    edition: Path | None = None

    def __post_init__(self) -> None:
        # An edition's additions live in its folder (editions/<name>/additions/).
        if self.additions is None and self.edition is not None:
            self.additions = self.edition / "additions"


def check_project(project: Project) -> list[Problem]:
    """Every problem in pages, quizzes, the glossary and the figures, in the order of ``order``:
    ``kb.portal.check`` on a portal loaded for this call (the build keeps one per build)."""
    from kb import portal  # kb.portal builds on this module

    return portal.check(portal.load(project))


def data_text_problems(site: content_model.Site, root: Path, content_dir: Path) -> list[Problem]:
    """The text policy on the data files whose texts the portal renders as Markdown (meetings,
    signals). A file that cannot be read is reported by its own model."""
    problems = []
    for name in ("meetings.yml", "signals.yml"):
        path, rel = sources.data_file(root, name, content_dir)
        if not path.is_file():
            continue
        text, unread = sources.read_text(path, rel)
        doc, broken = sources.load_yaml(text, rel) if text is not None else (None, [])
        if doc is None or unread or broken:
            continue
        problems += content_model.text_problems(site, rel, doc.data, doc.line)
    return problems


def plain_language(site: content_model.Site) -> list[Problem]:
    """Every Dutch page within the plain-language limits (kb/readability.py), and the portal's
    average too: coaches explain these rules to newcomers."""
    problems, scores = [], []
    for page in sorted(site.pages.values(), key=lambda p: p.src):
        if page.lang != languages.default():
            continue
        found = readability.score(page.meta, page.body, page.src)
        scores.append(found)
        if found.wps > readability.MAX_PAGE_WPS or found.lix > readability.MAX_PAGE_LIX:
            problems.append(
                Problem(
                    f"{site.content_dir.name}/{page.src}",
                    f"the page is hard to read: {found.wps:.1f} words per sentence and LIX "
                    f"{found.lix:.1f}; at most {readability.MAX_PAGE_WPS:g} and "
                    f"{readability.MAX_PAGE_LIX:g}.",
                    "write shorter sentences and split or explain long compound words "
                    "(python scripts/readability.py shows every page).",
                )
            )
    if scores:
        wps = sum(s.wps for s in scores) / len(scores)
        lix = sum(s.lix for s in scores) / len(scores)
        if wps > readability.MAX_MEAN_WPS or lix > readability.MAX_MEAN_LIX:
            problems.append(
                Problem(
                    site.content_dir.name,
                    f"the Dutch pages average {wps:.1f} words per sentence and LIX {lix:.1f}; "
                    f"at most {readability.MAX_MEAN_WPS:g} and {readability.MAX_MEAN_LIX:g}.",
                    "make the hardest pages easier (python scripts/readability.py).",
                )
            )
    return problems


def order(problems: list[Problem]) -> list[Problem]:
    """The root causes first and alone: when a file cannot be read at all, what fails because of
    it (a link to it, its partner page, a quiz it names) would only hide the cause. Otherwise
    every problem, by file and line, a page in the default language before its translations in
    the order of mkdocs.yml (a wrong field in the Dutch page is the cause; that the English one
    differs from it follows)."""
    rank = {code: i for i, code in enumerate(languages.codes())}

    def where(p: Problem) -> tuple:
        lang = languages.page_language(p.path)
        return (
            languages.translation_path(p.path, languages.default()) if rank[lang] else p.path,
            rank[lang],
        )

    unique = sorted(set(problems), key=lambda p: (*where(p), p.line or 0, p.field, p.message))
    causes = [p for p in unique if p.cause]
    return causes or unique
