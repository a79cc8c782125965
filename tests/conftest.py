"""Shared fixtures: the portal built once per test session, served on 127.0.0.1, in Debian's Chromium.

- ``built_site``: the real build (scripts/build.py, strict) into a temp dir, at <root>/portaal/.
- ``site_url``: that build served at the root of a local server; also pytest-playwright's base_url.
- ``subpath_url``: the same files served under /portaal/, as on a host with a sub-path.
- ``external_requests``: every request a page tried to send to another host (all are blocked).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build as portal_build  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def pytest_configure(config: pytest.Config) -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROME_PATH")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    path = chromium_path()
    if not path:
        pytest.fail(
            "Chromium is missing: run `make test` (it installs Debian's chromium), "
            "or set CHROME_PATH to a Chromium binary."
        )
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


# --- the site ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal as `make build` makes it (strict), inside a folder that a sub-path host serves."""
    site = tmp_path_factory.mktemp("host") / "portaal"
    if portal_build.build(site, strict=True) != 0:
        pytest.fail("The portal does not build: run `make build` to see why.")
    return site


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal built for a host's sub-path (SITE_URL=http://127.0.0.1/portaal/), at <root>/portaal/:
    only its 404 pages and sitemaps differ from ``built_site``."""
    site = tmp_path_factory.mktemp("subpath-host") / "portaal"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", "http://127.0.0.1/portaal/")
        if portal_build.build(site, strict=True) != 0:
            pytest.fail("The portal does not build with a sub-path SITE_URL.")
    return site


class StaticServer:
    """`python -m http.server` on a free port of 127.0.0.1, serving one folder."""

    def __init__(self, directory: Path) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-u",
                "-m",
                "http.server",
                "0",
                "--bind",
                "127.0.0.1",
                "--directory",
                str(directory),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = self.proc.stdout.readline()  # "Serving HTTP on 127.0.0.1 port N (…) ..."
        port = int(line.split(" port ")[1].split()[0])
        self.url = f"http://127.0.0.1:{port}/"
        urllib.request.urlopen(self.url, timeout=10).close()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server = StaticServer(built_site)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def subpath_url(built_site: Path) -> Iterator[str]:
    server = StaticServer(built_site.parent)
    yield server.url + built_site.name + "/"
    server.stop()


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    return site_url


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """The small sites under tests/fixtures/, each built once per session and served once
    (tests/sites.py): ``fixture_sites.site("site_fr")`` is its folder, ``.url(...)`` its address."""
    import sites  # here, not at the top: sites.py imports StaticServer from this file

    built = sites.FixtureSites(tmp_path_factory)
    yield built
    built.stop()


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the project per test file, for copies that link to its files
    (``copy_project(dest, like=original)``: a copy is most of a fixture case's setup) and replace
    a file they change. After the file's last test, no file of it has changed."""
    from test_build_errors import copy_project, fingerprint_files

    project = copy_project(tmp_path_factory.mktemp("original") / "project")
    before = fingerprint_files(project)
    yield project
    assert fingerprint_files(project) == before


@pytest.fixture(scope="module")
def case_project(tmp_path_factory: pytest.TempPathFactory, original: Path) -> Path:
    """One copy linked to ``original`` per test file, for fixture cases: each writes its mistake
    into it and undoes it after its check (``reset_copy``), instead of making and leaving a copy
    of hundreds of entries per case (deleting them cost seconds at the session's end)."""
    from test_build_errors import copy_project

    return copy_project(tmp_path_factory.mktemp("case") / "project", like=original)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"file", "data", "blob", "about", "chrome-extension"}:
        return True
    return parts.hostname in LOCAL_HOSTS


@pytest.fixture
def context(context):
    """Every test's browser context blocks and records requests to other hosts."""
    context.kb_external = []

    def block(route):
        context.kb_external.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_local(url), block)
    return context


@pytest.fixture
def external_requests(context) -> list[str]:
    return context.kb_external


# --- tiers ------------------------------------------------------------------------------------

BROWSER_FIXTURES = {"page", "context", "browser", "external_requests"}
BUILD_FIXTURES = {
    "built_site",
    "site_url",
    "subpath_url",
    "subpath_site",
    "good_site",
    "aged_site",
    "grouped_site",
    "fixture_sites",
}
# Tests that run scripts/build.py themselves, on a small or broken project: by name.
BUILD_MODULES = {"test_build_errors"}
BUILD_CLASS_PREFIX = "TestBuild"


# The fast tier's slowest files (about 8-20 s each on 2 cores, a few slow tests each), first in
# the collection: `make test-fast` has xdist hand out files in that order
# (--no-loadscope-reorder), so that the many small files fill both processes' ends. xdist's own
# order, by number of tests, would hand these out last, and one would run on alone.
SLOW_FIRST = (
    "test_build_cost",
    "test_bounded_time_pages",
    "test_check_cases",
    "test_check_cases_second_half",
    "test_bounded_time",
    "test_build_cost_texts",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test by what it needs: `browser` (Chromium) or `build` (a full portal build).
    `make test-fast` runs the rest: the content pipeline and its checks, in well under a minute.
    The slowest files go first (``SLOW_FIRST``); every other test keeps its place."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.module.__name__, len(rank)))
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        cls = getattr(item, "cls", None)
        builds = (
            names & (BUILD_FIXTURES | BROWSER_FIXTURES)
            or item.module.__name__ in BUILD_MODULES
            or (cls is not None and cls.__name__.startswith(BUILD_CLASS_PREFIX))
        )
        if builds:
            item.add_marker(pytest.mark.build)
