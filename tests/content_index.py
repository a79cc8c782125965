"""The shipped content as the tests see it: front matter of every page, read by the portal's own model."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from kb import content_model  # noqa: E402

SITE = content_model.load_site(ROOT / "content", ROOT)


def pages(kind: str, lang: str = "nl") -> list[content_model.Page]:
    return SITE.of_kind(kind, lang)


def section_pages(folder: str, lang: str = "nl") -> list[content_model.Page]:
    """The pages of a top-level section in the order of its menu (``order``, then title), its
    index page left out: every kind there (statuses/ holds the navigator as well as statuses)."""
    found = [
        p
        for p in SITE.pages.values()
        if p.lang == lang
        and p.base.startswith(f"{folder}/")
        and p.base != f"{folder}/index.md"
        and "/" not in p.base[len(folder) + 1 :]
    ]
    return sorted(found, key=lambda p: (p.meta.get("order", 100), p.meta.get("title", "")))


def html_path(page: content_model.Page) -> str:
    """Address of a page under the site root, e.g. en/statuses/ibo.html."""
    prefix = "en/" if page.lang == "en" else ""
    return prefix + page.base[:-3] + ".html"


def front_matter(path: Path) -> dict:
    """The YAML front matter of a content page."""
    match = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1))


def labels(lang: str) -> dict:
    """The box titles the rendering hooks use in one language."""
    return yaml.safe_load((ROOT / "hooks" / "content_strings.yml").read_text(encoding="utf-8"))[
        lang
    ]
