"""Fixture sites for the browser tests: a small project under tests/fixtures/ (its own mkdocs.yml
and content) with the portal's own code copied beside it, built as `make build` does and served
on 127.0.0.1.

The session fixture ``fixture_sites`` (conftest.py) builds each named fixture once per test
session and serves it once, so test files that read the same fixture share one build. A test
file names what it uses in one line each::

    three = site_fixture("site_fr")                  # the built folder (a Path)
    three_url = site_fixture("site_fr", served=True)  # its address on 127.0.0.1 (ends in /)
    from sites import browser_context_args          # pages come from that server, not the portal's

``build_fixture`` builds a fresh copy, for a test that first changes the fixture's content.
A build that fails stops the test with the build's own output, so the cause is on screen.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import StaticServer
from test_build_errors import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CODE = ["hooks", "overrides", "scripts"]  # the portal's code; the fixture brings the rest
TAIL = 4000  # characters of the build's output shown when it fails


def fixture_project(name: str, tmp: Path) -> Path:
    """A copy of fixture ``name`` with the portal's code beside it (tmp/project), not built."""
    project = tmp / "project"
    shutil.copytree(FIXTURES / name, project)
    for part in CODE:
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def build_fixture(name: str, tmp: Path, change: Callable[[Path], None] | None = None) -> Path:
    """The built site of fixture ``name`` (tmp/project/site); ``change`` edits the copied
    content folder before the build."""
    project = fixture_project(name, tmp)
    if change:
        change(project / "content")
    result = build(project, project / "site")
    if result.returncode != 0:
        pytest.fail(
            f"The fixture site tests/fixtures/{name} does not build "
            f"(scripts/build.py in {project}, exit {result.returncode}):\n"
            f"{result.stdout[-TAIL:]}\n{result.stderr[-TAIL:]}",
            pytrace=False,
        )
    return project / "site"


class FixtureSites:
    """Each fixture site built at most once and served at most once, for as long as this lives."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._sites: dict[str, Path] = {}
        self._servers: dict[str, StaticServer] = {}

    def site(self, name: str) -> Path:
        """The built site folder of tests/fixtures/<name>."""
        if name not in self._sites:
            self._sites[name] = build_fixture(name, self._tmp.mktemp(name))
        return self._sites[name]

    def url(self, name: str) -> str:
        """The address at which the built fixture is served (ends in /)."""
        if name not in self._servers:
            self._servers[name] = StaticServer(self.site(name))
        return self._servers[name].url

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()


def site_fixture(name: str, served: bool = False):
    """A module fixture for tests/fixtures/<name>: its built site folder, or with ``served`` the
    address it is served at. The name it gets is the name it is assigned to in the test file."""

    def fixture(fixture_sites: FixtureSites) -> Path | str:
        return fixture_sites.url(name) if served else fixture_sites.site(name)

    return pytest.fixture(scope="module")(fixture)


@pytest.fixture(scope="module")
def browser_context_args() -> dict:
    """No base address: the pages come from the fixture's own server, so the portal itself (the
    session's ``base_url``) is not built for these tests."""
    return {}
