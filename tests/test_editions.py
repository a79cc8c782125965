"""Local editions built (issue 27): both example editions from one base, in a copy of the project
in which a shared page changed after the editions were written.

What each edition adds (its own pages, its address, its meetings) is read from its own files, and
looked for in every file of both sites: it must be in its own (pages, search index, sitemaps,
feeds, calendar) and in no byte of the other. The hidden page is gone from every file of the
edition that hides it. A few browser checks read the menu, the search and the example note as a
coach would. The layer's rules on small trees are in tests/test_edition_layers.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import StaticServer
from playwright.sync_api import Page, expect
from sites import browser_context_args  # noqa: F401 (fixture: each edition has its own server)
from test_build_errors import build, copy_project
from test_search import search

from content_index import ROOT
from kb import editions

pytestmark = pytest.mark.build

NAMES = sorted(p.name for p in (ROOT / editions.FOLDER).iterdir() if p.is_dir())
SHARED = "coaching/grenzen-van-de-rol.md"  # a base page no example edition replaces or hides
ADDED = "Deze zin kwam in de gedeelde pagina nadat de edities geschreven waren."


def layer(root: Path, name: str) -> editions.Resolution:
    return editions.resolve(root, editions.folder(root, name))[0]


def own_pages(resolution: editions.Resolution) -> list[str]:
    """The edition's pages that the base does not have, as published (``.html``, the Dutch
    address; the English one is under ``en/``)."""
    return sorted(
        rel[:-3] + ".html"
        for rel in resolution.own - resolution.replaced
        if rel.endswith(".md") and not rel.startswith("_") and ".en." not in rel
    )


def marks(root: Path, name: str) -> list[str]:
    """What belongs to this edition alone: its pages' paths (not a path another edition has too,
    such as services/index.html), its host, its meetings' uids."""
    resolution = layer(root, name)
    values, _ = editions.settings(resolution.edition, root)
    others = {p for n in NAMES if n != name for p in own_pages(layer(root, n))}
    found = [p for p in own_pages(resolution) if p not in others]
    found.append(values["site_url"].split("//")[1].split("/")[0])
    meetings = resolution.edition / "content/_data/meetings.yml"
    found += [m["uid"] for m in yaml.safe_load(meetings.read_text(encoding="utf-8"))]
    return sorted(set(found))


def texts(site: Path) -> dict[str, str]:
    """Every text file of a built site (pages, search index, sitemaps, feeds, calendars)."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".js", ".xml", ".ics", ".txt"}
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the editions, whose shared page SHARED changed since."""
    root = copy_project(tmp_path_factory.mktemp("editions") / "project")
    shutil.copytree(ROOT / editions.FOLDER, root / editions.FOLDER)
    page = root / "content" / SHARED
    page.write_text(page.read_text(encoding="utf-8") + f"\n{ADDED}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sites(project: Path) -> dict[str, Path]:
    built = {}
    for name in NAMES:
        site = project.parent / f"site-{name}"
        result = build(project, site, "--edition", name)
        assert result.returncode == 0, result.stderr[-3000:]
        built[name] = site
    return built


@pytest.fixture(scope="module")
def files(sites: dict[str, Path]) -> dict[str, dict[str, str]]:
    return {name: texts(site) for name, site in sites.items()}


def test_two_example_editions_ship() -> None:
    assert len(NAMES) >= 2
    for name in NAMES:
        values, problems = editions.settings(editions.folder(ROOT, name), ROOT)
        assert problems == [] and values["example"] is True


@pytest.mark.parametrize("name", NAMES)
def test_local_pages_are_in_their_own_edition_in_both_languages(
    name: str, project: Path, sites: dict[str, Path], files: dict
) -> None:
    resolution = layer(project, name)
    host = editions.settings(resolution.edition, project)[0]["site_url"]
    for location in own_pages(resolution):
        assert (sites[name] / location).is_file()
        assert (sites[name] / "en" / location).is_file()
        assert f"{host}{location}" in files[name]["sitemap.xml"]
        assert location in files[name]["search/search_index.json"]
        assert location in files[name]["en/search/search_index.json"]


@pytest.mark.parametrize("name", NAMES)
def test_nothing_of_one_edition_leaks_into_another(
    name: str, project: Path, files: dict[str, dict[str, str]]
) -> None:
    mine = marks(project, name)
    assert mine
    everything = "\n".join(files[name].values())
    for mark in mine:
        assert mark in everything, f"{mark} is missing from {name}"
    for other in (n for n in NAMES if n != name):
        for path, text in files[other].items():
            leaked = [mark for mark in mine if mark in text]
            assert not leaked, f"{other}/{path} holds {leaked} of {name}"


@pytest.mark.parametrize("name", NAMES)
def test_the_calendar_and_feeds_are_the_editions_own(
    name: str, project: Path, files: dict[str, dict[str, str]]
) -> None:
    resolution = layer(project, name)
    host = editions.settings(resolution.edition, project)[0]["site_url"]
    ours = yaml.safe_load((resolution.edition / "content/_data/meetings.yml").read_text())
    base = yaml.safe_load((project / "content/_data/meetings.yml").read_text())
    for calendar in ("meetings.ics", "en/meetings.ics"):
        uids = set(re.findall(r"^UID:([^@\r\n]+)", files[name][calendar], re.M))
        assert {m["uid"] for m in ours} <= uids
        assert not {m["uid"] for m in base} & uids  # the edition's meetings replace the base's
    for feed in ("feed.xml", "en/feed.xml"):
        assert host in files[name][feed]


def test_a_hidden_page_is_gone_from_its_edition_only(
    project: Path, files: dict[str, dict[str, str]]
) -> None:
    for name in NAMES:
        hidden = layer(project, name).hidden
        assert hidden
        for rel in hidden:
            html = rel[:-3].removesuffix(".en") + ".html"
            slug = html.rsplit("/", 1)[-1]
            holding = [p for p, text in files[name].items() if slug in text]
            assert not holding, f"{name}: {slug} is still in {holding[:5]}"
            for other in (n for n in NAMES if n != name and rel not in layer(project, n).hidden):
                assert html in files[other] and any(slug in t for t in files[other].values())


def test_a_base_page_changed_shows_in_every_edition(files: dict[str, dict[str, str]]) -> None:
    html = SHARED[:-3] + ".html"
    for name in NAMES:
        assert ADDED in files[name][html]


def test_a_stale_replacement_and_a_broken_local_page_are_named(tmp_path: Path) -> None:
    """The base changes a section of a page an edition replaces: the check fails and names the
    edition's page, the section and the command; after that command the page is in step. A
    mistake in a page of the edition is named with the edition's file, as any page's is."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / editions.FOLDER, root / editions.FOLDER)
    name = NAMES[0]
    rel = sorted(r for r in layer(root, name).replaced if r.endswith(".md"))[0]
    base = root / "content" / rel
    text = base.read_text(encoding="utf-8")
    heading = re.findall(r"^## (.+)$", text, re.M)[-1]
    base.write_text(text.rstrip("\n") + "\nEen regel die de basis later toevoegde.\n")
    broken = editions.folder(root, name) / "content/coaching/kapot.md"
    broken.write_text("---\nkind: page\ntitle: Kapot\n---\n\n# Kapot\n\nZie [dit](nergens.md).\n")
    check = [sys.executable, "scripts/check_content.py", "--edition", name]
    result = subprocess.run(check, cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    shown = f"editions/{name}/content/coaching/kapot.md"
    assert f"{shown}: front matter: the field 'summary' is missing. Fix: " in result.stdout
    assert f"{shown}:8: link: the link 'nergens.md' leads to no page. Fix: " in result.stdout
    broken.unlink()
    assert re.search(
        rf"^editions/{name}/content/{re.escape(rel)}:\d+: replaces: replaces content/"
        rf"{re.escape(rel)}, which changed since this page was checked against it \([0-9-]+\): "
        rf"section '{re.escape(heading)}'\. Fix: .*make editions-ok EDITION={name} "
        rf"PAGE={re.escape(rel)}\.$",
        result.stdout,
        re.M,
    ), result.stdout
    ok = [sys.executable, "scripts/editions.py", name, "ok", rel]
    assert subprocess.run(ok, cwd=root, capture_output=True, timeout=60).returncode == 0
    result = subprocess.run(check, cwd=root, capture_output=True, text=True, timeout=300)
    assert "replaces:" not in result.stdout


# --- in the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    servers = {name: StaticServer(site) for name, site in sites.items()}
    yield {name: server.url for name, server in servers.items()}
    for server in servers.values():
        server.stop()


def _title(root: Path, name: str) -> tuple[str, str]:
    """(path, title) of the edition's first own Dutch page."""
    resolution = layer(root, name)
    rel = next(
        r
        for r in sorted(resolution.own - resolution.replaced)
        if r.endswith(".md") and ".en." not in r and not r.startswith("_")
    )
    meta = yaml.safe_load(resolution.files[rel].read_text(encoding="utf-8").split("---")[1])
    return rel[:-3] + ".html", meta["title"]


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_a_coach_finds_the_local_page_in_the_menu_and_search(
    page: Page, name: str, project: Path, served: dict[str, str]
) -> None:
    path, title = _title(project, name)
    section = path.split("/")[0]
    page.goto(served[name] + f"{section}/index.html")
    expect(page.locator(".md-nav__link", has_text=title).first).to_be_attached()
    expect(page.locator(".kb-example")).to_be_visible()
    search(page, title)
    expect(page.locator(".md-search-result__item").first.locator("a").first).to_have_attribute(
        "href", re.compile(re.escape(path))
    )
    for other in (n for n in NAMES if n != name):
        page.goto(served[other] + f"{section}/index.html")
        expect(page.locator(".md-nav__link", has_text=title)).to_have_count(0)
