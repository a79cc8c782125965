"""Branding in one place: an organisation changes extra.branding in mkdocs.yml and nothing else.

A second build uses a copy of mkdocs.yml with another branding (scripts/build.py's config
argument); the test checks what a reader sees in both languages: the site name, the logo, the
header colour, the contact line and a "report a mistake on this page" link that carries the page's
address. Wrong settings are Problems with the line in mkdocs.yml and a fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import StaticServer
from playwright.sync_api import Page, expect

import build as portal_build
from kb import branding_model

ROOT = Path(__file__).resolve().parent.parent
SECOND = {
    "name": {"nl": "Portaal van Testorganisatie", "en": "Test organisation portal"},
    "organisation": "Testorganisatie vzw",
    "logo": "assets/images/favicon.png",  # Material's own image: the theme's files count
    "colour": "#00695c",
    "contact": "mailto:info@testorganisatie.example",
    "report": "https://forms.testorganisatie.example/fout?form=portaal",
}
SITE_URL = "https://jobcoach.example.org/"  # mkdocs.yml's default


def with_branding(branding: dict) -> str:
    """mkdocs.yml with its `branding:` block replaced."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  branding:\n(?:    .*\n)+", text, re.M)
    assert block, "mkdocs.yml has no extra.branding block"
    lines = yaml.safe_dump({"branding": branding}, allow_unicode=True, sort_keys=False)
    return (
        text[: block.start()]
        + "".join(f"  {line}\n" for line in lines.splitlines())
        + text[block.end() :]
    )


def build_with(branding: dict, site: Path) -> int:
    config = ROOT / f".mkdocs-branding-{os.getpid()}.yml"  # beside mkdocs.yml: same relative paths
    config.write_text(with_branding(branding), encoding="utf-8")
    try:
        return portal_build.build(site, strict=True, config=config)
    finally:
        config.unlink()


@pytest.fixture(scope="module")
def second_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("branded") / "site"
    assert build_with(SECOND, site) == 0
    server = StaticServer(site)
    yield server.url
    server.stop()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_second_branding_shows_everywhere(page: Page, second_url: str, lang: str) -> None:
    prefix = "" if lang == "nl" else "en/"
    page.goto(second_url + prefix + "statuses/ibo.html")
    expect(page.locator(".md-header__topic").first).to_have_text(SECOND["name"][lang])
    expect(page).to_have_title(re.compile(re.escape(SECOND["name"][lang]) + "$"))
    logo = page.locator(".md-header .md-logo img")
    expect(logo).to_have_attribute("src", re.compile(r"assets/images/favicon\.png$"))
    header = page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(0, 105, 92)"
    address = f"{SITE_URL}{prefix}statuses/ibo.html"
    report = page.locator(".kb-report__link")
    expect(report).to_have_text(
        "Een fout op deze pagina melden" if lang == "nl" else "Report a mistake on this page"
    )
    expect(report).to_have_attribute("href", f"{SECOND['report']}&page={quote(address, safe='')}")
    contact = page.locator(".kb-report__contact a")
    expect(contact).to_have_text(SECOND["organisation"])
    expect(contact).to_have_attribute("href", SECOND["contact"])


@pytest.mark.parametrize("path", ["index.html", "en/training/sessie-1.html", "woordenlijst.html"])
def test_default_report_link_carries_the_page(page: Page, site_url: str, path: str) -> None:
    """With mkdocs.yml as shipped: an e-mail whose subject and body hold the page's address."""
    page.goto(path)
    href = page.locator(".kb-report__link").get_attribute("href")
    report = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text().split("\nhooks:")[0].replace("!ENV", "")
    )
    expected = report["extra"]["branding"]["report"]
    assert href.startswith(expected + "?subject=")
    assert href.endswith("&body=" + quote(SITE_URL + path, safe=""))


BAD = {
    "colour": ("#ffeb3b", "contrast of 1.2:1, under 4.5:1"),
    "report": ("javascript:alert(1)", "must start with mailto: or https://"),
    "contact": ('mailto:a@b.org"><script>', "may not hold spaces, quotes or angle brackets"),
    "logo": ("assets/images/nergens.svg", "is no image file under content/"),
    "name": ({"nl": "Alleen Nederlands"}, "needs a name in each language"),
    "kleur": ("#000000", "is not a branding setting"),
}


@pytest.mark.parametrize("key", sorted(BAD))
def test_wrong_setting_is_a_problem(key: str) -> None:
    value, message = BAD[key]
    problems = branding_model.check(
        {key: value}, "mkdocs.yml", lambda k: {"branding": 40}.get(k, 41), [ROOT / "content"]
    )
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith(f"mkdocs.yml:41: extra.branding.{key}: ") and message in text
    assert " Fix: " in text


def test_wrong_setting_stops_the_build(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    """The build checks branding first, names the line of mkdocs.yml and writes nothing."""
    site = tmp_path / "site"
    assert build_with({"report": "javascript:alert(1)"}, site) == 1
    out = capfd.readouterr()
    assert re.search(
        r"\.mkdocs-branding-\d+\.yml:\d+: extra\.branding\.report: ", out.err + out.out
    )
    assert not site.exists()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_accessibility_statement_names_the_organisation(
    page: Page, second_url: str, lang: str
) -> None:
    """The statement says what the portal meets and whom to contact, from the branding."""
    page.goto(second_url + ("" if lang == "nl" else "en/") + "toegankelijkheid.html")
    expect(page.locator("h1")).to_have_text("Toegankelijkheid" if lang == "nl" else "Accessibility")
    expect(page.locator(".md-content")).to_contain_text("WCAG 2.2")
    contact = page.locator(".kb-contact a").first
    expect(contact).to_have_text(SECOND["organisation"])
    expect(contact).to_have_attribute("href", SECOND["contact"])
    expect(page.locator(".kb-contact a").nth(1)).to_have_attribute("href", SECOND["report"])
