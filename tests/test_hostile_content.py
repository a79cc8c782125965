"""Issue 22: whatever reaches the published site runs no script of an editor's and asks no other
host for anything, read by Chromium itself.

The broken-content suite (tests/fixtures/broken_content.yml) shows that hostile input is refused
with a message; here, input that is allowed but was once dangerous is built for real and opened in
Chromium, and every page of the built portal is opened and scrolled to its end (so that lazy
loaders such as the quiz loader run) without a dialog or a request to another host.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import StaticServer
from playwright.sync_api import Page, Route, expect
from test_build_errors import build, copy_project

from pages import PAGE_KINDS

# Allowed, and harmless only when every step reads it as a browser does: markup inside an
# attribute (the glossary once wrapped the term in it and closed the attribute), a comment, and a
# link whose title is in single quotes.
HOSTILE_TITLE = "x > IBO <img src=x onerror=alert(1)> y"
PAGE = f"""---
kind: page
title: Proef
summary: Een pagina die het portaal test.
---

# Proef

<span class="proef" title="{HOSTILE_TITLE}">De IBO is een opleiding.</span>

<!-- een opmerking voor de redactie -->

Lees [de IBO](statuses/ibo.md 'Over de IBO').
"""


def _visit(page: Page, url: str, dialogs: list[str]) -> None:
    page.goto(url, wait_until="load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy loaders run
    page.wait_for_load_state("networkidle")
    assert dialogs == [], f"{url}: {dialogs}"


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    found: list[str] = []

    def dismiss(dialog) -> None:
        found.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "content" / "proef.md").write_text(PAGE, encoding="utf-8")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    server = StaticServer(site)
    yield server.url
    server.stop()


class TestBuildHostileButAllowedContent:
    def test_markup_in_an_attribute_stays_text(
        self, page: Page, hostile_site: str, dialogs: list[str], external_requests: list[str]
    ) -> None:
        """The reader sees the text with its glossary term; the title keeps the editor's words
        exactly, and nothing in it runs or loads."""
        _visit(page, hostile_site + "proef.html", dialogs)
        span = page.locator("span.proef")
        expect(span).to_have_attribute("title", HOSTILE_TITLE)
        expect(span.locator("abbr.kb-term")).to_have_text("IBO")
        expect(page.locator("article img")).to_have_count(0)
        expect(page.get_by_role("link", name="de IBO")).to_have_attribute("title", "Over de IBO")
        assert external_requests == []


def test_the_quiz_loader_loads_only_the_portals_own_files(
    page: Page, site_url: str, external_requests: list[str]
) -> None:
    """Even when a page names another script in the attributes the loader once read (as if an
    editor's HTML had got through), the quiz sets up with the portal's own quiz.js."""
    path = PAGE_KINDS["training-session"][0]

    def poisoned(route: Route) -> None:
        html = route.fetch().text()
        evil = ' data-kb-quiz-src="https://evil.example.com/x.js" data-kb-quiz-css="//evil.example.com/x.css"'
        route.fulfill(
            body=re.sub(r"(data-kb-quiz=\"[^\"]+\")", r"\1" + evil, html), content_type="text/html"
        )

    page.route(site_url + path, poisoned)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + path)
    quiz = page.locator("[data-kb-quiz]").first
    expect(quiz).to_have_attribute("data-kb-quiz-src", "https://evil.example.com/x.js")
    quiz.scroll_into_view_if_needed()
    expect(quiz).to_have_class(re.compile(r"\bkb-quiz--js\b"))
    assert external_requests == []
    assert [u for u in fetched if u.endswith("/quiz.js")] == [
        site_url + "assets/javascripts/quiz.js"
    ]


def test_no_page_of_the_portal_shows_a_dialog_or_asks_another_host(
    page: Page, built_site: Path, site_url: str, dialogs: list[str], external_requests: list[str]
) -> None:
    """Every page of the built site (both languages), opened and scrolled to its end."""
    paths = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(paths) > 100
    for path in paths:
        _visit(page, site_url + path, dialogs)
        assert external_requests == [], f"{path}: {external_requests}"
