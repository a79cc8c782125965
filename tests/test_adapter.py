"""The order of the build's steps is one list in one place (issue 25, points 3 and 4).

``hooks/adapter.py`` is the only hook mkdocs.yml names; its ``STEPS`` list every step once, per
MkDocs event, and ``PLACES`` say where each event's steps run among the plugins' handlers. No
module under ``hooks/steps/`` may order itself (an ``on_*`` function, an ``event_priority``).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.config import load_config

import adapter

ROOT = Path(__file__).resolve().parent.parent
STEPS_DIR = ROOT / "hooks" / "steps"
MODULES = sorted(p for p in STEPS_DIR.rglob("*.py") if p.name != "__init__.py")
ORDERING = {"event_priority", "CombinedEvent"}  # MkDocs' ways for a module to order its handlers


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT / "hooks").with_suffix("").parts)


def _all_steps() -> list[tuple[str, str, object]]:
    return [(event, name, step) for event, steps in adapter.STEPS.items() for name, step in steps]


def test_every_step_is_named_once() -> None:
    """No name and no function twice: one step, one place in the lists."""
    found = _all_steps()
    names = [name for _, name, _ in found]
    functions = [f"{step.__module__}.{step.__name__}" for _, _, step in found]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert sorted({f for f in functions if functions.count(f) > 1}) == []


def test_every_step_lives_in_the_steps_package() -> None:
    for event, name, step in _all_steps():
        assert step.__module__.startswith("steps."), f"{event}: {name} is {step.__module__}"
        assert not step.__name__.startswith("on_"), f"{event}: {name}: rename {step.__name__}"


def test_every_step_module_has_its_steps_in_the_lists() -> None:
    """A module of hooks/steps/ either has a step in the lists or helps the modules that do: a
    module nobody lists or imports is a step that was forgotten."""
    listed = {step.__module__ for _, _, step in _all_steps()}
    sources = {_module_name(p): p.read_text(encoding="utf-8") for p in MODULES}
    for module in sources.keys() - listed:
        short = module.rsplit(".", 1)[-1]
        users = [m for m, text in sources.items() if m != module and short in text]
        assert users, f"hooks/steps/{short}.py: no step of it is in hooks/adapter.py's STEPS"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(STEPS_DIR).as_posix())
def test_no_step_module_orders_itself(path: Path) -> None:
    """No ``on_*`` function and no event priority under hooks/steps/: the order is the lists'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert not node.name.startswith("on_"), (
                f"{path.name}:{node.lineno}: {node.name} is a MkDocs event name; name the step "
                "for what it does and list it in hooks/adapter.py's STEPS"
            )
        used = {
            getattr(node, "id", None),
            getattr(node, "attr", None),
            *(alias.name for alias in getattr(node, "names", []) if isinstance(alias, ast.alias)),
        }
        assert not used & ORDERING, (
            f"{path.name}:{node.lineno}: the priority of a step goes in hooks/adapter.py's PLACES"
        )


def _hooks(path: Path) -> list[str]:
    class Loader(yaml.SafeLoader):
        """mkdocs.yml's own tags (!ENV, !relative) read as plain values."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader)["hooks"]


def test_mkdocs_yml_names_only_the_adapter() -> None:
    assert _hooks(ROOT / "mkdocs.yml") == ["hooks/adapter.py"]


def test_every_event_with_steps_has_its_place() -> None:
    assert set(adapter.STEPS) == set(adapter.PLACES)
    for event, place in adapter.PLACES.items():
        assert place.why, f"{event}: say why its steps run where they do"


def test_the_places_are_where_mkdocs_runs_the_steps() -> None:
    """For mkdocs.yml as it is, each event's steps run after exactly the plugins' handlers that
    ``PLACES[event].after`` names and before every other plugin's: the table tells the truth,
    and a plugin added later makes this fail until its place is thought about."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    origins = config.plugins._event_origins
    for event, place in adapter.PLACES.items():
        handlers = [origins.get(handler, "?") for handler in config.plugins.events[event]]
        assert handlers.count("hooks/adapter.py") == 1, f"{event}: {handlers}"
        at = handlers.index("hooks/adapter.py")
        assert sorted(handlers[:at]) == sorted(place.after), f"{event}: {handlers}"


def test_a_step_that_returns_nothing_keeps_the_item() -> None:
    """The adapter passes an event's item from step to step as MkDocs passes it from handler to
    handler: a step's result replaces it, None keeps it."""
    seen = []
    steps = {
        "page_markdown": [
            ("upper", lambda markdown, **_: markdown.upper()),
            ("look", lambda markdown, page, **_: seen.append((markdown, page.url))),
            ("mark", lambda markdown, **_: f"{markdown}!"),
        ],
        "post_build": [("after", lambda config: seen.append(config.site_dir))],
    }
    hooks = adapter.hooks(steps)
    page = SimpleNamespace(url="x.html")
    assert hooks["on_page_markdown"]("tekst", page=page, config=None, files=None) == "TEKST!"
    assert hooks["on_post_build"](config=SimpleNamespace(site_dir="site")) is None
    assert seen == [("TEKST", "x.html"), "site"]
    assert hooks["on_page_markdown"].mkdocs_priority == adapter.PLACES["page_markdown"].priority


def test_an_event_without_an_item_returns_the_last_steps_result() -> None:
    """``page_read_source`` has no item: MkDocs takes the source from the last handler that
    returned one, and so does the adapter from its steps (it used to return None always)."""
    steps = {
        "page_read_source": [
            ("first", lambda page, config: "first source"),
            ("nothing", lambda page, config: None),
        ]
    }
    hook = adapter.hooks(steps)["on_page_read_source"]
    assert hook(page=SimpleNamespace(), config=None) == "first source"
    assert (
        adapter.hooks({"page_read_source": [("none", lambda page, config: None)]})[
            "on_page_read_source"
        ](page=SimpleNamespace(), config=None)
        is None
    )


def test_only_keeps_the_order_of_a_modules_steps() -> None:
    """A tiny site with some of the steps (the quiz tests') runs exactly those, in the build's
    order: the content check before the quizzes are read."""
    quizzes = importlib.import_module("steps.render_quizzes")
    check = importlib.import_module("steps.validate_content")
    chosen = adapter.only(check, quizzes)
    for event, steps in adapter.STEPS.items():
        ours = [step for _, step in steps if step.__module__ in {quizzes.__name__, check.__name__}]
        assert [step for _, step in chosen[event]] == ours
    assert [step for _, step in chosen["pre_build"]][:2] == [check.check, quizzes.load]
