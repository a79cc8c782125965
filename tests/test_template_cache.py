"""Theme templates compiled once per process (hooks/steps/template_cache.py; issue 25 point 7).

MkDocs makes a new Jinja environment for each language's build; the step gives each the same
in-memory bytecode cache. What must hold: a second environment renders the same page without
compiling again, an edited template (``mkdocs serve``) is compiled again and shows the edit, and
an environment that compiles differently never gets another's compiled template.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from steps import template_cache


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    (tmp_path / "base.html").write_text(
        "<title>{% block title %}{{ page }}{% endblock %}</title>", encoding="utf-8"
    )
    (tmp_path / "main.html").write_text(
        '{% extends "base.html" %}{% block title %}{{ page | upper }} – {{ lang }}{% endblock %}',
        encoding="utf-8",
    )
    return tmp_path


def _env(theme: Path, cache: template_cache.MemoryBytecodeCache, **settings) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), **settings)
    env.bytecode_cache = cache
    return env


def _compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from here on."""
    seen: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return seen


def test_the_next_language_renders_without_compiling(theme: Path, monkeypatch) -> None:
    cache = template_cache.MemoryBytecodeCache()
    compiles = _compiles(monkeypatch)
    first = _env(theme, cache).get_template("main.html").render(page="ibo", lang="nl")
    assert sorted(compiles) == ["base.html", "main.html"]
    second = _env(theme, cache).get_template("main.html").render(page="ibo", lang="en")
    assert sorted(compiles) == ["base.html", "main.html"]  # nothing compiled again
    assert first == "<title>IBO – nl</title>" and second == "<title>IBO – en</title>"


def test_an_edited_template_is_compiled_again(theme: Path, monkeypatch) -> None:
    cache = template_cache.MemoryBytecodeCache()
    _env(theme, cache).get_template("main.html").render(page="ibo", lang="nl")
    compiles = _compiles(monkeypatch)
    (theme / "base.html").write_text("<h1>{% block title %}{% endblock %}</h1>", encoding="utf-8")
    out = _env(theme, cache).get_template("main.html").render(page="ibo", lang="nl")
    assert compiles == ["base.html"]
    assert out == "<h1>IBO – nl</h1>"


def test_other_settings_compile_their_own(theme: Path) -> None:
    cache = template_cache.MemoryBytecodeCache()
    (theme / "text.html").write_text("{{ page }}", encoding="utf-8")
    plain = _env(theme, cache).get_template("text.html").render(page="<b>")
    escaped = _env(theme, cache, autoescape=True).get_template("text.html").render(page="<b>")
    assert (plain, escaped) == ("<b>", "&lt;b&gt;")


def test_the_step_gives_the_build_environment_the_cache(theme: Path) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)))
    assert template_cache.share_compiled(env, None, None) is env
    assert isinstance(env.bytecode_cache, template_cache.MemoryBytecodeCache)
