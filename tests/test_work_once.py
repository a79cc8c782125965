"""One build of the real content does each piece of work once per file (issue 25 point 2).

The build is run in this process (MkDocs' own ``build``, as ``mkdocs build`` runs it, with every
hook and the i18n plugin) with counters on the work that costs: a file read by ``kb.sources``, a
YAML parse (front matter or data file), a schema validation, and a Markdown render of a page
body (MkDocs' own, and any other, such as a content check that rendered it again). Each test fails naming the file and the count of
whatever was done more than once, so that a hook that loads again what the build already has is
caught where it is added.

A page published in two languages' builds (a Dutch page shown on the English site because it has
no translation) is rendered once per language: that is MkDocs publishing two pages, not work
done twice.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import meta as mkdocs_meta

from kb import content_model, schema_registry, sources
from steps.site_language import current_language

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent


class Counts:
    """What the build did, per file (or per validated value)."""

    def __init__(self) -> None:
        self.reads: Counter[str] = Counter()
        self.parses: Counter[str] = Counter()
        self.validations: Counter[tuple[str, str]] = Counter()
        self.converts: Counter[str] = Counter()  # Markdown source texts, outside MkDocs' render
        self.page_renders: Counter[tuple[str, str]] = Counter()  # (language, page) by MkDocs
        self.mkdocs_front: Counter[str] = Counter()  # texts read by MkDocs' front-matter reader


def _install(monkeypatch: pytest.MonkeyPatch, counts: Counts) -> None:
    """Counters around the real work, with every cache that would hide a first time emptied."""
    read = sources._read_text.__wrapped__

    @functools.lru_cache(maxsize=4096)
    def counted_read(path, rel, limit, mtime, size):
        counts.reads[rel] += 1
        return read(path, rel, limit, mtime, size)

    monkeypatch.setattr(sources, "_read_text", counted_read)
    parse = sources._load_yaml

    def counted_parse(text, rel, first_line=1):
        counts.parses[rel] += 1
        return parse(text, rel, first_line)

    monkeypatch.setattr(sources, "_load_yaml", counted_parse)
    sources._load_yaml_kept.cache_clear()
    validate = schema_registry.errors

    def counted_errors(name, instance):
        counts.validations[(name, json.dumps(instance, sort_keys=True, default=str))] += 1
        return validate(name, instance)

    monkeypatch.setattr(schema_registry, "errors", counted_errors)
    content_model._schema_findings_kept.cache_clear()
    content_model._renderer.cache_clear()
    content_model._body_findings.cache_clear()
    content_model._cache.clear()
    _count_markdown(monkeypatch, counts)


def _count_markdown(monkeypatch: pytest.MonkeyPatch, counts: Counts) -> None:
    convert, render = markdown.Markdown.convert, MkDocsPage.render
    inside = []

    def counted_convert(self, source):
        if not inside:
            counts.converts[source] += 1
        return convert(self, source)

    def counted_render(self, config, files):
        counts.page_renders[(current_language(config), self.file.src_uri)] += 1
        inside.append(self)
        try:
            return render(self, config, files)
        finally:
            inside.pop()

    monkeypatch.setattr(markdown.Markdown, "convert", counted_convert)
    monkeypatch.setattr(MkDocsPage, "render", counted_render)
    get_data = mkdocs_meta.get_data

    def counted_get_data(doc):
        counts.mkdocs_front[doc] += 1
        return get_data(doc)

    monkeypatch.setattr(mkdocs_meta, "get_data", counted_get_data)


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> Counts:
    found = Counts()
    with pytest.MonkeyPatch.context() as monkeypatch:
        _install(monkeypatch, found)
        config = load_config(
            str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("once") / "site")
        )
        mkdocs_build(config)
    return found


def _twice(counter: Counter) -> dict:
    return {key: n for key, n in sorted(counter.items(), key=str) if n > 1}


def test_each_file_is_read_once(counts: Counts) -> None:
    assert counts.reads, "the counter saw no file read: kb.sources changed, update this test"
    assert _twice(counts.reads) == {}


def test_each_yaml_text_is_parsed_once(counts: Counts) -> None:
    assert counts.parses
    assert _twice(counts.parses) == {}


def test_each_value_is_validated_once(counts: Counts) -> None:
    assert counts.validations
    twice = {f"{name} {value[:80]}…": n for (name, value), n in _twice(counts.validations).items()}
    assert twice == {}


def test_each_page_body_is_rendered_once_per_language(counts: Counts) -> None:
    """A body is rendered by MkDocs alone: the content check renders none in a build (the text
    policy judges MkDocs' render, hooks/steps/judge_pages.py), so per language, once."""
    site = content_model.load_site(ROOT / "content", ROOT)
    by_body: dict[str, list[str]] = {}
    for page in site.pages.values():
        by_body.setdefault(page.body, []).append(page.src)
    renders: Counter[str] = Counter()
    for source, n in counts.converts.items():
        for src in by_body.get(source, []):
            renders[src] += n
    per_page = Counter()
    for (_, src), n in counts.page_renders.items():
        per_page[src] = max(per_page[src], n)  # once per language it is published in
    assert per_page, "MkDocs rendered no page"
    total = {src: renders[src] + per_page[src] for src in site.pages}
    assert _twice(Counter(total)) == {}


def test_front_matter_is_parsed_by_the_portal_only(counts: Counts) -> None:
    """The portal parses each front matter once (kb.sources, counted above) and MkDocs gets the
    page with its fields from that parse (validate_content.page_source and page_fields): MkDocs'
    reader parses no page's front matter, in no language's build (it used to parse each once per
    language it was published in)."""
    site = content_model.load_site(ROOT / "content", ROOT)
    languages: Counter[str] = Counter(src for _, src in counts.page_renders)
    again = {}
    for page in site.pages.values():
        text, _ = sources.read_text(site.content_dir / page.src, page.src)
        if counts.mkdocs_front[text]:
            again[page.src] = counts.mkdocs_front[text]
    assert languages, "MkDocs rendered no page"
    assert again == {}
