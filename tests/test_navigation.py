"""Navigation of a long section: its pages come in groups, and a page carries only its own group.

A separate build of the portal with ``extra.nav_group_size: 5``, so that the statuses section
(every page in it, the navigator too) makes groups, as a section of hundreds of pages would with
the default size of 40.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import StaticServer
from playwright.sync_api import Page, expect
from test_build_errors import copy_project

from content_index import html_path, labels, pages, section_pages

SIZE = 5


def grouped_project(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A copy of the portal whose long sections come in groups of SIZE."""
    project = copy_project(tmp_path_factory.mktemp(name) / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    grouped, found = re.subn(r"^(\s+nav_group_size:)\s*\d+", rf"\g<1> {SIZE}", text, flags=re.M)
    assert found == 1, "mkdocs.yml sets extra.nav_group_size once"
    config.write_text(grouped, encoding="utf-8")
    return project


def serve(project: Path) -> StaticServer:
    """Build the copy the way `make build` does and serve it."""
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return StaticServer(project / "site")


@pytest.fixture(scope="module")
def grouped_site(tmp_path_factory: pytest.TempPathFactory):
    server = serve(grouped_project(tmp_path_factory, "grouped"))
    yield server.url
    server.stop()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_long_section_shows_only_the_pages_of_the_current_group(
    page: Page, grouped_site: str, lang: str
) -> None:
    """On the 8th page of the statuses section the menu names the groups, opens "6–10" and leaves
    out the other groups' pages."""
    statuses = section_pages("statuses", lang)
    assert len(statuses) > 3 * SIZE, "the test needs a section of more than three groups"
    current, neighbour_in_group, elsewhere = statuses[7], statuses[5], statuses[1]
    page.goto(grouped_site + html_path(current))
    menu = page.locator("nav.md-nav--primary")
    group_name = labels(lang)["nav_group"].format(first=6, last=10)
    group = menu.get_by_role("navigation", name=group_name, exact=True)
    expect(group.locator("a.md-nav__link--active")).to_have_text(current.meta["title"])
    expect(
        group.get_by_role("link", name=neighbour_in_group.meta["title"], exact=True)
    ).to_be_visible()
    expect(
        menu.get_by_role("link", name=labels(lang)["nav_group"].format(first=1, last=5))
    ).to_be_visible()
    expect(menu.get_by_role("link", name=elsewhere.meta["title"], exact=True)).to_have_count(0)


def test_group_leads_to_its_first_page(page: Page, grouped_site: str) -> None:
    """Choosing another group in the menu, by keyboard, opens that group's first page."""
    statuses = section_pages("statuses")
    page.goto(grouped_site + html_path(statuses[7]))
    link = page.locator("nav.md-nav--primary").get_by_role(
        "link", name=labels("nl")["nav_group"].format(first=11, last=15), exact=True
    )
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text(statuses[10].meta["title"])


COPIES = 40  # copies of one status, so that the section needs groups of groups at SIZE


def _levels(count: int, size: int) -> int:
    """How many levels of at most ``size`` entries ``count`` pages need."""
    levels = 1
    while size**levels < count:
        levels += 1
    return levels


@pytest.fixture(scope="module")
def deep_site(tmp_path_factory: pytest.TempPathFactory):
    """The portal with COPIES more statuses and groups of at most SIZE entries."""
    project = grouped_project(tmp_path_factory, "deep")
    original = pages("status")[0]
    for suffix in (".md", ".en.md"):
        source = project / "content" / (original.base[:-3] + suffix)
        text = source.read_text(encoding="utf-8")
        for k in range(2, COPIES + 2):
            copy = re.sub(r"^(title:.*?)(\"?)$", rf"\g<1> ({k})\g<2>", text, count=1, flags=re.M)
            # A copy claims no dependency: the pages it names would have to link back to it.
            copy = re.sub(r"^depends_on:.*\n(?:[ -].*\n)*", "", copy, count=1, flags=re.M)
            (source.parent / f"{source.name[: -len(suffix)]}-{k}{suffix}").write_text(
                copy, encoding="utf-8"
            )
    server = serve(project)
    yield server.url, original
    server.stop()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_very_long_section_has_groups_of_groups(page: Page, deep_site, lang: str) -> None:
    """A section of more than SIZE × SIZE pages: groups of groups, at most SIZE entries in every
    list of the menu, and on a page only the lists on its own path."""
    url, original = deep_site
    count = len(section_pages("statuses", lang)) + COPIES
    levels = _levels(count, SIZE)
    assert levels >= 3, "the test needs a section that fills more than two levels"
    page.goto(url + html_path(original).replace(".html", f"-{COPIES + 1}.html"))
    menu = page.locator("nav.md-nav--primary")
    active = menu.locator("a.md-nav__link--active")
    expect(active).to_have_count(1)
    section = menu.locator("li.md-nav__item--active").first  # the statuses section
    # The menu's lists on the page's path (not its table of contents, which Material puts inside
    # the active link's item for narrow screens): the section's own list holds the top level.
    lists = section.locator("ul.md-nav__list:not(nav.md-nav--secondary *)")
    expect(lists).to_have_count(levels)
    for n in range(levels):
        entries = lists.nth(n).locator(":scope > li").count()
        index_page = 1 if n == 0 else 0
        assert 2 <= entries <= SIZE + index_page, f"list {n} of the menu has {entries} entries"
    assert section.locator("a:not(nav.md-nav--secondary *)").count() <= levels * (SIZE + 2)
