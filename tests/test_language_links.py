"""The language links in a page's head (hooks/steps/fix_language_links.py): relative by default, so the
same build works from file:// and under any sub-path; absolute when a hosted build asks for it
(ABSOLUTE_ALTERNATES=1 with SITE_URL), as the hreflang rules of search engines want."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from steps import fix_language_links  # noqa: E402


class Extra(dict):
    """Like MkDocs' config.extra: the i18n plugin sets ``alternate`` as an attribute."""


def config(site_url: str, absolute: object = None) -> SimpleNamespace:
    extra = Extra(absolute_alternates=absolute)
    extra.alternate = [
        {"lang": "nl", "link": "/kb/x.html"},
        {"lang": "en", "link": "/kb/en/x.html"},
    ]
    return SimpleNamespace(site_url=site_url, extra=extra)


@pytest.mark.parametrize("absolute", [None, False, "false", ""])
def test_relative_by_default(absolute: object) -> None:
    cfg = config("https://example.org/kb/", absolute)
    fix_language_links.fix_alternates({}, None, cfg, None)
    assert [a["link"] for a in cfg.extra.alternate] == ["x.html", "en/x.html"]


@pytest.mark.parametrize("absolute", ["1", "true", True])
def test_absolute_when_asked(absolute: object) -> None:
    cfg = config("https://example.org/kb/", absolute)
    fix_language_links.fix_alternates({}, None, cfg, None)
    assert [a["link"] for a in cfg.extra.alternate] == [
        "https://example.org/kb/x.html",
        "https://example.org/kb/en/x.html",
    ]
