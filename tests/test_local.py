"""Local places and local services (issue 27, part 2): the pure package on small trees.

``tests/fixtures/site_local`` is a small site with an edition's services (content/services/) and
additions (additions/<page>/<place>.md). Each test reads the fixture, or a copy of it in
``tmp_path`` with one mistake made, through kb.portal and kb.local as the build does. The browser
tests on the built fixture are in tests/test_services.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kb import content_model, local, portal, views
from kb.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_local"


def _load(root: Path, additions: bool = True) -> portal.Portal:
    return portal.load(
        Project(root, root / "content", additions=root / "additions" if additions else None)
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the fixture to break."""
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


def _local_problems(root: Path) -> list[str]:
    """The problems of the additions and the services, as an editor reads them."""
    return [
        str(p)
        for p in portal.check(_load(root))
        if p.path.startswith(("additions/", "content/services/")) or p.field == "local"
    ]


def _page(loaded: portal.Portal, path: str):
    return loaded.site.pages[path]


def _titles(place: dict) -> list[str]:
    return [s.meta["title"] for s in place["services"]]


def test_the_fixture_has_no_problem_in_its_additions_or_services() -> None:
    assert _local_problems(FIXTURE) == []


def test_a_place_shows_the_editions_text_and_the_services_that_help_with_the_page() -> None:
    loaded = _load(FIXTURE)
    page = _page(loaded, "guides/leefloon.md")
    for lang in ("nl", "en"):
        (place,) = local.place_view(loaded, page, lang)
        expected = local.additions(loaded, page)["whom-to-call"][lang]
        assert place["name"] == "whom-to-call"
        assert place["paragraphs"] == expected.paragraphs
        assert place["text_lang"] is None
        helping = {
            s.meta["title"]
            for s in local.services(loaded, lang)
            if "guides/leefloon.md" in s.meta["helps_with"]
        }
        assert set(_titles(place)) == helping and len(helping) >= 2
    nl = local.additions(loaded, page)["whom-to-call"]["nl"].paragraphs
    assert isinstance(nl[0], str) and isinstance(nl[1], tuple)  # a paragraph, then a list


def test_a_place_without_text_shows_its_services_only() -> None:
    loaded = _load(FIXTURE)
    (place,) = local.place_view(loaded, _page(loaded, "guides/diploma.md"), "nl")
    assert place["paragraphs"] == () and _titles(place)


def test_a_page_whose_places_are_empty_and_a_page_without_places_show_nothing() -> None:
    loaded = _load(FIXTURE)
    assert local.place_view(loaded, _page(loaded, "guides/rijbewijs.md"), "nl") == []
    start = _page(loaded, "guides/start.md")
    assert local.places(start) == [] and local.place_view(loaded, start, "nl") == []


def test_without_an_edition_a_place_has_no_text(tree: Path) -> None:
    loaded = _load(tree, additions=False)
    assert local.additions(loaded, _page(loaded, "guides/leefloon.md")) == {}
    shutil.rmtree(tree / "content" / "services")
    loaded = _load(tree, additions=False)
    assert all(local.place_view(loaded, p, "nl") == [] for p in loaded.site.pages.values())


def test_the_shared_portal_fills_no_place() -> None:
    loaded = portal.load(Project(ROOT, ROOT / "content"))
    pages = list(loaded.site.pages.values())
    assert any(local.places(p) for p in pages)  # the shared pages name their places
    assert local.services(loaded, "nl") == []
    assert all(local.place_view(loaded, p, p.lang) == [] for p in pages)


def test_an_english_page_without_an_english_text_shows_the_dutch_one_marked_as_dutch(
    tree: Path,
) -> None:
    (tree / "additions" / "guides" / "leefloon" / "whom-to-call.en.md").unlink()
    loaded = _load(tree)
    (place,) = local.place_view(loaded, _page(loaded, "guides/leefloon.en.md"), "en")
    assert place["text_lang"] == "nl"
    assert (
        place["paragraphs"]
        == local.additions(loaded, _page(loaded, "guides/leefloon.md"))["whom-to-call"][
            "nl"
        ].paragraphs
    )


def test_the_view_places_the_local_block_after_the_body() -> None:
    loaded = _load(FIXTURE)
    page = _page(loaded, "guides/leefloon.md")
    view = views.page_view(
        loaded.site,
        page,
        "nl",
        today=dt.date(2026, 12, 1),
        local=local.place_view(loaded, page, "nl"),
    )
    assert view.kinds.index("local") == view.kinds.index("body") + 1
    plain = views.page_view(loaded.site, page, "nl", today=dt.date(2026, 12, 1))
    assert "local" not in plain.kinds


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _service(tree: Path, old: str, new: str) -> None:
    for name in ("sociaal-huis.md", "sociaal-huis.en.md"):
        path = tree / "content" / "services" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "phone: 09 000 00 00",
            "phone: bel ons",
            "phone: 'bel ons' is not a phone number.",
        ),
        (
            "email: onthaal@example.org",
            "email: mailto:onthaal@example.org",
            "email: 'mailto:onthaal@example.org' is not a mail address.",
        ),
        (
            "helps_with: [guides/leefloon.md]",
            "helps_with: [guides/bestaat-niet.md]",
            "helps_with: 'guides/bestaat-niet.md' is not a page.",
        ),
        (
            "for_whom: [recognised-refugee, subsidiary-protection, leefloon]",
            "for_whom: [iedereen]",
            "for_whom[0]",
        ),
        (
            "email: onthaal@example.org\nphone: 09 000 00 00\n",
            "",
            "the service has no way to reach it.",
        ),
    ],
)
def test_a_services_mistake_is_a_message_with_its_file_line_and_fix(
    tree: Path, old: str, new: str, expected: str
) -> None:
    _service(tree, old, new)
    text = (tree / "content" / "services" / "sociaal-huis.md").read_text(encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1 if new else None
    where = f"content/services/sociaal-huis.md:{line}:" if line else "sociaal-huis.md"
    found = [p for p in _local_problems(tree) if "sociaal-huis.md" in p]
    assert any(expected in p and where in p and "Fix:" in p for p in found), found


def test_a_web_address_that_is_not_https_is_reported(tree: Path) -> None:
    path = tree / "content" / "services" / "diplomaloket.md"
    text = path.read_text(encoding="utf-8").replace(
        "web: https://example.org/diplomaloket", "web: javascript:alert(1)"
    )
    path.write_text(text, encoding="utf-8")
    assert any("diplomaloket.md" in p and "web" in p for p in _local_problems(tree))


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "additions/guides/bestaat-niet/whom-to-call.md",
            "Bel ons.\n",
            "there is no shared page content/guides/bestaat-niet.md for this addition.",
        ),
        (
            "additions/guides/start/whom-to-call.md",
            "Bel ons.\n",
            "content/guides/start.md has no local place 'whom-to-call' (its places: none).",
        ),
        (
            "additions/guides/leefloon/whom-to-call.md",
            "Bel ons.\n\nKlik [hier](javascript:alert(1)) of zie [de gids](guides/geen.md).\n",
            "additions/guides/leefloon/whom-to-call.md:3:",
        ),
    ],
)
def test_an_additions_mistake_names_its_file(
    tree: Path, path: str, text: str, expected: str
) -> None:
    _write(tree / path, text)
    found = _local_problems(tree)
    assert any(expected in p and "Fix:" in p for p in found), found


def test_a_page_that_names_an_unknown_place_is_reported(tree: Path) -> None:
    path = tree / "content" / "guides" / "rijbewijs.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[whom-to-call]", "[wie-bellen]"),
        encoding="utf-8",
    )
    found = [str(p) for p in portal.check(_load(tree)) if "rijbewijs.md" in p.path]
    assert any("'wie-bellen' is not a local place." in p for p in found), found


EDITIONS = sorted(p.parent for p in (ROOT / "editions").glob("*/additions"))


def _with_edition(edition: Path, tmp: Path) -> portal.Portal:
    """The base content with the edition's pages laid over it, and its additions, as the
    edition's build gives them to kb.local (the layers themselves are kb/editions.py's)."""
    shutil.copytree(ROOT / "content", tmp / "content")
    shutil.copytree(edition / "content", tmp / "content", dirs_exist_ok=True)
    return portal.load(Project(tmp, tmp / "content", additions=edition / "additions"))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda p: p.name)
def test_an_example_editions_services_and_additions_pass_the_checks(
    edition: Path, tmp_path: Path
) -> None:
    loaded = _with_edition(edition, tmp_path)
    services = sorted((edition / "content" / "services").glob("*.md"))
    problems = [
        str(p)
        for path in services
        for p in content_model.check_template(
            tmp_path / "content" / "services" / path.name, loaded.site
        )
    ]
    assert problems + [str(p) for p in local.check(loaded)] == []
    assert 5 <= len(local.services(loaded, "nl")) <= 8
    filled = {p.base for p in loaded.site.pages.values() if local.place_view(loaded, p, "nl")}
    wanted = {
        "support/leefloon.md",
        "support/diplomagelijkschakeling.md",
        "support/inburgering-nt2.md",
    }
    assert wanted <= filled
    assert all(local.additions(loaded, loaded.site.pages[p]) for p in wanted)
