"""Host it anywhere, carry it offline: what a new host or a coach without network sees.

- a "page not found" page per language, at a domain root and under a sub-path, from a server
  that answers unknown addresses with the nearest 404.html (tests/static_host.py);
- no console error on any page kind, in both languages, opened from file://;
- the offline bundle (scripts/offline.py, `make offline`): one zip, named with version and date,
  that unpacked anywhere navigates, searches, explains terms and runs quizzes in both languages
  from file://, with no request to another host and no console error.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from static_host import StaticHost
from test_glossary import BY_TERM, GLOSSARY_PAGE, tooltip_of
from test_quizzes import QUIZ_EN, QUIZ_NL, SAY, answer, check, first_of, result
from test_search import search

from pages import PAGE_KINDS

ROOT = Path(__file__).resolve().parent.parent

NOT_FOUND = {
    # language: (a missing address, the page's heading, its home link's text, the home page)
    "nl": ("statuses/bestaat-niet.html", "Pagina niet gevonden", "startpagina", "index.html"),
    "en": ("en/no/such/page.html", "Page not found", "home page", "en/index.html"),
}


@pytest.fixture(scope="module", params=["root", "sub-path"])
def host(request, built_site: Path, subpath_site: Path) -> Iterator[str]:
    """The site at a domain root (SITE_URL's path is /) or under /portaal/ (built for it)."""
    server = (
        StaticHost(built_site, "/")
        if request.param == "root"
        else StaticHost(subpath_site, "/portaal/")
    )
    yield server.url
    server.stop()


def watch_console(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_not_found_page_works_at_any_depth(page: Page, host: str, lang: str) -> None:
    """An unknown address shows the styled 404 page in its language; its home link works."""
    missing, heading, link, home = NOT_FOUND[lang]
    errors = watch_console(page)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    response = page.goto(host + missing, wait_until="networkidle")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text(heading)
    assert page.locator("html").get_attribute("lang") == lang
    header = page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).position") in {"sticky", "fixed"}
    assert failed == [host + missing]  # only the page itself: styles and scripts all loaded
    assert errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    page.locator(".md-content a", has_text=link).first.click()
    expect(page).to_have_url(host + home)
    expect(page.locator("h1").first).not_to_have_text(heading)


def test_not_found_page_searches_its_language(page: Page, host: str) -> None:
    """Search on the English 404 page answers from the English index."""
    page.goto(host + NOT_FOUND["en"][0])
    page.locator("input.md-search__input").click()
    page.keyboard.type("employer")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile(r"/en/"))


@pytest.mark.parametrize("lang", [0, 1], ids=["nl", "en"])
@pytest.mark.parametrize("kind", sorted(set(PAGE_KINDS) - {"not-found"}))
def test_no_console_error_from_disk(
    page: Page, built_site: Path, external_requests: list[str], kind: str, lang: int
) -> None:
    """Opened from file://, the page logs no error and asks no other host.

    (The 404 pages are left out: without a web server nothing ever shows them.)"""
    errors = watch_console(page)
    page.goto((built_site / PAGE_KINDS[kind][lang]).as_uri(), wait_until="networkidle")
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert external_requests == []


def test_language_switch_from_disk(page: Page, built_site: Path) -> None:
    """From file://, the language button still leads to the same page in English."""
    page.goto((built_site / "statuses/ibo.html").as_uri())
    page.locator(".md-header a[hreflang='en']").first.dispatch_event("click")
    expect(page).to_have_url((built_site / "en/statuses/ibo.html").as_uri())


@pytest.fixture(scope="module")
def bundle(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`scripts/offline.py` on the test build: the zip, what it printed, the unpacked folder."""
    out = tmp_path_factory.mktemp("dist")
    printed = subprocess.run(
        [sys.executable, ROOT / "scripts/offline.py", "--site", built_site, "--output", out],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    zips = sorted(out.iterdir())
    unpacked = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(zips[0]) as archive:
        archive.extractall(unpacked)
    return {"zips": zips, "printed": printed, "folder": next(unpacked.iterdir())}


def test_bundle_is_one_named_zip(bundle: dict) -> None:
    """One zip and nothing half-written beside it, named with version and date, its path and
    size printed; inside, one folder with the site and a read-me in both languages."""
    [zip_path] = bundle["zips"]
    assert re.fullmatch(r"jobcoachportaal-[\w.-]+-\d{4}-\d{2}-\d{2}\.zip", zip_path.name)
    assert str(zip_path.resolve()) in bundle["printed"]
    size = zip_path.stat().st_size
    assert f"{size} bytes" in bundle["printed"] and "MiB" in bundle["printed"]
    folder = bundle["folder"]
    assert folder.name == zip_path.stem
    assert (folder / "index.html").is_file() and (folder / "en/index.html").is_file()
    assert "index.html" in (folder / "LEES-MIJ.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bundle_works_from_disk(
    page: Page, bundle: dict, external_requests: list[str], lang: str
) -> None:
    """Unpacked and opened from file://: menu link, search, a glossary tooltip and a quiz."""
    folder, prefix = bundle["folder"], "" if lang == "nl" else "en/"
    errors = watch_console(page)
    page.goto((folder / prefix / "index.html").as_uri())
    page.locator(".md-content a[href='about.html']").first.click()
    expect(page).to_have_url((folder / prefix / "about.html").as_uri())
    search(page, "IBO")
    hit = page.locator(".md-search-result__item a").first
    expect(hit).to_have_attribute("href", re.compile(r"statuses/ibo\.html"))
    hit.click()
    ibo = (folder / prefix / "statuses/ibo.html").as_uri()
    expect(page).to_have_url(re.compile(re.escape(ibo) + r"(\?h=ibo)?$"))  # search.highlight

    page.goto((folder / GLOSSARY_PAGE[lang]).as_uri())
    vdab = page.locator(".md-content abbr", has_text="VDAB").first
    vdab.hover()
    expect(tooltip_of(vdab)).to_contain_text(BY_TERM[lang]["VDAB"]["explanation"])

    page.goto((folder / (QUIZ_NL if lang == "nl" else QUIZ_EN)).as_uri())
    question = first_of("single")
    answer(page, question, right=True, lang=lang)
    check(page)  # with questions still open, it asks first: yes
    expect(result(page, question["id"])).to_have_text(SAY[lang]["right"])
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert external_requests == []


def test_bundle_is_whole_or_nothing(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip that fails half-way leaves nothing behind, an earlier zip of the same name intact;
    a folder that is no site gives a message and no zip."""
    import offline

    day = offline.dt.date(2026, 12, 1)
    earlier = tmp_path / f"{offline.bundle_name('v1', day)}.zip"
    earlier.write_bytes(b"the earlier bundle")
    written = []

    def fail_half_way(self, filename, arcname=None, *args, **kwargs):
        written.append(arcname)
        if len(written) > 3:
            raise OSError("disk full")
        return original(self, filename, arcname, *args, **kwargs)

    original = zipfile.ZipFile.write
    monkeypatch.setattr(zipfile.ZipFile, "write", fail_half_way)
    with pytest.raises(OSError, match="disk full"):
        offline.write_zip(built_site, tmp_path, "v1", day)
    assert sorted(p.name for p in tmp_path.iterdir()) == [earlier.name]
    assert earlier.read_bytes() == b"the earlier bundle"

    empty = tmp_path / "not-a-site"
    empty.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            ROOT / "scripts/offline.py",
            "--site",
            empty,
            "--output",
            tmp_path / "out",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "No zip was written" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
