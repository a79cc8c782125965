"""Offline on a phone: on a hosted site, a page visited once opens with the network cut, says when
its copy was saved and that rules change; online, the reader always gets the current page.
From file:// no service worker is registered."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import StaticServer
from playwright.sync_api import BrowserContext, Error, Page, expect

PAGE = {"nl": "statuses/ibo.html", "en": "en/statuses/ibo.html"}
LINE = {
    "nl": r"Je leest een offline kopie van .*2\d{3}.*Regels veranderen",
    "en": r"You are reading an offline copy from .*2\d{3}.*Rules change",
}
KEPT = "document.documentElement.dataset.kbOffline === 'kept'"


@pytest.fixture(scope="module")
def own_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """A copy of the site that this test may change, served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("sw") / "site"
    shutil.copytree(built_site, site)
    server = StaticServer(site)
    yield site, server.url
    server.stop()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_visited_once_opens_offline(
    page: Page, context: BrowserContext, own_copy: tuple, lang: str
) -> None:
    _, url = own_copy
    page.goto(url + PAGE[lang])
    expect(page.locator(".kb-offline")).to_be_hidden()  # online: the current page, no notice
    page.wait_for_function(KEPT)
    context.set_offline(True)
    try:
        page.goto(url + PAGE[lang])
        expect(page.locator("h1")).to_contain_text("IBO")
        header = page.locator("header.md-header")  # the stylesheet came from the copy too
        assert header.evaluate("h => getComputedStyle(h).position") in {"sticky", "fixed"}
        expect(page.locator(".kb-offline")).to_be_visible()
        expect(page.locator(".kb-offline")).to_have_text(re.compile(LINE[lang]))
        with pytest.raises(Error):  # a page never opened has no copy
            page.goto(url + ("" if lang == "nl" else "en/") + "stories/luwam.html")
    finally:
        context.set_offline(False)


def test_online_reader_gets_the_current_page(
    page: Page, context: BrowserContext, own_copy: tuple
) -> None:
    """Network first: a page changed on the server shows its new text, and that becomes the copy."""
    site, url = own_copy
    path = "statuses/bis.html"
    page.goto(url + path)
    page.wait_for_function(KEPT)
    page.reload()  # now under the worker's control
    file = site / path
    original = file.read_text(encoding="utf-8")
    file.write_text(original.replace("</h1>", " (gewijzigd)</h1>", 1), encoding="utf-8")
    try:
        page.reload()
        expect(page.locator("h1")).to_contain_text("(gewijzigd)")
        context.set_offline(True)
        page.reload()
        expect(page.locator("h1")).to_contain_text("(gewijzigd)")
        expect(page.locator(".kb-offline")).to_be_visible()
    finally:
        context.set_offline(False)
        file.write_text(original, encoding="utf-8")


def test_no_service_worker_from_disk(page: Page, built_site: Path) -> None:
    """From file:// the script leaves service workers alone (the browser allows none there, and an
    attempt would be a console error)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((built_site / PAGE["nl"]).as_uri(), wait_until="networkidle")
    page.reload(wait_until="networkidle")
    assert (
        page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    )
    expect(page.locator(".kb-offline")).to_be_hidden()
    assert page.locator("html").get_attribute("data-kb-offline") is None
    assert errors == []
