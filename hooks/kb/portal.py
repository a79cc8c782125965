"""The whole portal, loaded once per build: ``load(project)`` and ``check(portal)``.

Every kind of content (pages, quizzes, the glossary, figures, meetings, signals) is read, parsed
and checked through one ``Portal``: the check that stops a build and every step that renders
afterwards ask the same object, so a file is read, parsed and validated once per build however
many steps need it (tests/test_work_once.py counts it). Each kind is loaded when it is first
asked for and kept; the per-kind models do the reading and checking, the Portal only makes sure
it happens once.

Pure: no MkDocs. The build keeps one Portal per build (hooks/steps/page_data.py ``portal_for``);
``make check`` (scripts/check_content.py) makes one too.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb import (
    content_model,
    editions,
    eligibility,
    files_model,
    glossary_model,
    kinds,
    languages,
    local,
    meetings_model,
    navigator_view,
    news_model,
    quiz_model,
    schema_registry,
    sections,
    signals_model,
    sources,
    strings,
    translations,
)
from kb.figures_model import Chart, load_figures
from kb.problems import Problem
from kb.project import Project, data_text_problems, order, plain_language

__all__ = ["Portal", "check", "collector_paused", "load"]


@dataclass
class Portal:
    """Every file of one project, each loaded (read, parsed, checked) once, when first asked."""

    project: Project
    site: content_model.Site
    _kept: dict = field(default_factory=dict, repr=False)

    @property
    def root(self) -> Path:
        return self.project.root

    @property
    def content_dir(self) -> Path:
        return self.project.content_dir

    def _once(self, key: Any, make: Callable[[], Any]) -> Any:
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def quiz_paths(self) -> list[Path]:
        return self._once("quiz_paths", lambda: quiz_model.quiz_files(self.root)[0])

    def quizzes(self) -> dict[str, dict]:
        """Every quiz that parses, by id (``quiz_model.load``)."""
        return self._once("quizzes", lambda: quiz_model.load(self.root))

    def quiz_hosts(self) -> dict[str, str]:
        """The page that shows each quiz (``quiz_model.hosts``)."""
        return self._once("quiz_hosts", lambda: quiz_model.hosts(self.site))

    def figures(
        self, langs: tuple[str, ...] | None = None
    ) -> tuple[dict[str, Chart], list[Problem]]:
        """The charts by id and the problems of figures.yml (``figures_model.load_figures``), in
        ``langs`` (default: the project's languages)."""
        langs = tuple(langs or languages.codes())

        def make() -> tuple[dict[str, Chart], list[Problem]]:
            path, rel = sources.data_file(self.root, "figures.yml", self.content_dir)
            return load_figures(path, rel, langs)

        return self._once(("figures", tuple(langs)), make)

    def glossary_problems(self) -> list[Problem]:
        return self._once(
            "glossary_problems", lambda: glossary_model.check(self.root, self.content_dir)
        )

    def glossary(self, in_file_order: bool = False) -> dict[str, list[dict[str, Any]]]:
        """The checked glossary per language (``glossary_model.load``); GlossaryError if it has
        problems."""
        if problems := self.glossary_problems():
            raise glossary_model.GlossaryError(problems)
        return self._once(
            ("glossary", in_file_order),
            lambda: glossary_model.terms(self.root, self.content_dir, in_file_order=in_file_order),
        )

    def meetings(self) -> tuple[list[meetings_model.Meeting], list[Problem]]:
        return self._once("meetings", lambda: meetings_model.checked(self.root, self.content_dir))

    def signals(self) -> tuple[list[dict], list[Problem]]:
        return self._once("signals", lambda: signals_model.load(self.root, self.content_dir))

    def navigator(self, lang: str) -> dict[str, Any]:
        """The scheme navigator's data in ``lang`` (kb/navigator_view.py): every navigator page
        shows the same questions and schemes."""
        return self._once(("navigator view", lang), lambda: navigator_view.data(self, lang))

    def eligibility(self) -> tuple[eligibility.Questions, list[Problem]]:
        """The navigator's questions and the problems of their file (``eligibility.load``)."""
        return self._once("eligibility", lambda: eligibility.load(self.root, self.content_dir))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the portal is loaded and checked, and what that made
    kept out of its walks afterwards. The load makes some hundred thousand objects (YAML nodes,
    parsed values, kept results) that all live as long as the build; the collector, started by
    the count of new objects, walked them again and again and found next to nothing to free (a
    fifth of the check's CPU at ten times today's content), and would walk them again in every
    full collection of the render that follows. ``gc.freeze`` sets them apart for the rest of
    the process. A process that checks again (``mkdocs serve``, the tests) first gives the
    last check's objects back to the collector and collects, so that a build left behind is
    freed as before."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def load(project: Project) -> Portal:
    """The portal of ``project``: its pages now (``content_model.load_site``), the other kinds
    when they are first asked for."""
    return Portal(project, content_model.load_site(project.content_dir, project.root))


def check(portal: Portal, bodies: bool = True) -> list[Problem]:
    """Every problem in pages, quizzes, the glossary, the figures and the eligibility rules, in the
    order of ``order``; with ``bodies=False``, without the page bodies' HTML, which the build
    judges as MkDocs renders it (``content_model.check_site``)."""
    project, site = portal.project, portal.site
    root, content_dir = project.root, project.content_dir
    charts, problems = portal.figures()
    problems = list(problems)
    quiz_ids = {p.stem for p in portal.quiz_paths()}
    render = content_model.shared_renderer(project.markdown_extensions, project.mdx_configs)
    problems += content_model.check_site(site, quiz_ids, set(charts), render, bodies)
    problems += portal.glossary_problems()
    problems += quiz_model.check(root, site)
    sessions = {
        p.meta["quiz"]: f"{content_dir.name}/{p.src}"
        for p in site.pages.values()
        if p.kind == kinds.playing("sessions")
        and p.lang == languages.default()
        and isinstance(p.meta.get("quiz"), str)
    }
    problems += quiz_model.session_quiz_problems(root, sessions)
    problems += news_model.check(site, root, quiz_ids) + portal.meetings()[1]
    problems += news_model.check_quizzes(site, portal.quizzes()) + portal.signals()[1]
    problems += data_text_problems(site, root, content_dir)
    problems += parity_problems(site) + translations.record_problems(site)
    problems += translations.quiz_parity_problems(root)
    problems += plain_language(site)
    problems += sections.check(site)
    problems += eligibility.check(portal)
    problems += strings.problems(content_dir, root)
    problems += local.check(portal)
    problems += files_model.check(root, content_dir, root / quiz_model.QUIZ_DIR, project.theme_dirs)
    if project.edition is not None:  # its layer's own rules; each problem names the editor's file
        problems = editions.relocate(problems, editions.resolve(root, project.edition)[0])
        problems += editions.check(root, project.edition)
    return order(problems)


# --- a page pair's parity, kept per content ---------------------------------------------------

_PARITY_KEPT: dict[tuple, tuple[Problem, ...]] = {}
_PARITY_KEPT_MAX = 8192


def parity_problems(site: content_model.Site) -> list[Problem]:
    """``translations.parity_problems``, each page pair's kept per process while neither page
    changes: ``make check``, a ``mkdocs serve`` rebuild and the tests check a whole portal in
    which most pairs are the same as last time. The check compares a page with its Dutch page
    and nothing else, so it is asked of a site of the two pages alone; the key holds all it
    reads (``_pair_key``), so a kept result is never stale."""
    problems: list[Problem] = []
    for page in site.pages.values():
        dutch = site.pages.get(page.base)
        if page.lang == languages.default() or dutch is None:
            continue
        pair = content_model.Site(
            site.root, site.content_dir, {dutch.src: dutch, page.src: page}, []
        )
        key = _pair_key(site, dutch, page)
        if key is None:
            problems += translations.parity_problems(pair)
            continue
        if key not in _PARITY_KEPT:
            if len(_PARITY_KEPT) >= _PARITY_KEPT_MAX:
                _PARITY_KEPT.clear()
            _PARITY_KEPT[key] = tuple(translations.parity_problems(pair))
        problems += _PARITY_KEPT[key]
    return problems


def _pair_key(site: content_model.Site, dutch: content_model.Page, page: content_model.Page):
    """Everything the parity of ``page`` with ``dutch`` reads, or None (a page not read from a
    file): each page's path, body, first body line and front matter, both as parsed (the YAML
    node, which the parse keeps per text: the same node is the same text, with its lines, and
    no step changes a node) and as it is now (its ``repr``, exact for the plain values YAML
    gives, keys' types and order included, in case a step changed it); where messages say the
    page is; the languages; and the schemas (they name the fields every language shares)."""
    if dutch.front is None or page.front is None:
        return None
    pages = tuple(
        (p.src, p.body, p.body_line, p.front.node, p.front.first_line, repr(p.meta))
        for p in (dutch, page)
    )
    rel = content_model.rel_path(site, page)
    return (pages, rel, languages.project(), schema_registry.generation())
