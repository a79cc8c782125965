"""Both languages are complete: every shipped page has its partner, with the same structure."""

from content_index import ROOT, SITE
from kb import content_model
from kb.project import Project, check_project


def test_every_dutch_page_has_english_partner() -> None:
    """No page ships in one language only (organisations may do that; the project does not)."""
    missing = sorted(
        p.src
        for p in SITE.pages.values()
        if p.lang == "nl" and content_model.partner_path(p.src) not in SITE.pages
    )
    assert missing == []


def test_every_english_page_has_dutch_original() -> None:
    orphans = sorted(
        p.src for p in SITE.pages.values() if p.lang == "en" and p.base not in SITE.pages
    )
    assert orphans == []


def test_same_number_of_sections() -> None:
    """The English page has as many second-level headings as the Dutch one."""
    different = []
    for page in SITE.pages.values():
        if page.lang == "en" and page.base in SITE.pages:
            nl = SITE.pages[page.base]
            count = lambda p: sum(1 for line in p.body.splitlines() if line.startswith("## "))  # noqa: E731
            if count(page) != count(nl):
                different.append(f"{page.src}: {count(page)} vs {count(nl)}")
    assert different == []


def test_content_has_no_problems() -> None:
    """The shipped content passes every check the build makes (the same call as make check)."""
    assert [str(p) for p in check_project(Project(ROOT, ROOT / "content"))] == []
