"""One page of every kind the portal has, in both languages, for tests that sweep all kinds.

Every content kind of the registry (kb/kinds.py) is here without an edit: its page is the one
CHOSEN for it (the page that shows the most of what its kind can show) or, for a kind not
chosen for, its first page in menu order that has an English version. The other entries are
pages that are no kind of their own (the home page, overviews, the glossary, the calendar, …).
"""

from content_index import SITE, html_path
from kb import kinds

CHOSEN = {
    "page": "about.md",
    "employer-guide": "employers/verblijf-controleren.md",
    "status": "statuses/ibo.md",
    "training-session": "training/sessie-2.md",
    "task-guide": "tasks/werk-zoeken.md",
    "skills-module": "skills/meertaligheid.md",
    "testimonial": "stories/luwam.md",
    "news": "news/2018-09-01-ibo-en-bis.md",
}

OTHER_PAGES = {
    "home": ("index.html", "en/index.html"),
    "not-found": ("404.html", "en/404.html"),
    "status-overview": ("statuses/index.html", "en/statuses/index.html"),
    "training-path": ("training/mijn-opleiding.html", "en/training/mijn-opleiding.html"),
    "glossary": ("woordenlijst.html", "en/woordenlijst.html"),
    "updates": ("news/index.html", "en/news/index.html"),
    "calendar": ("news/agenda.html", "en/news/agenda.html"),
    "signals-register": ("coaching/signalen.html", "en/coaching/signalen.html"),
    "case-sheet": ("training/casusblad.html", "en/training/casusblad.html"),
}


def _example(kind: str) -> tuple[str, str] | None:
    """The Dutch and English address of the page that stands for ``kind``."""
    translated = [
        p
        for p in SITE.of_kind(kind, "nl")
        if p.slug != "index" and p.src[:-3] + ".en.md" in SITE.pages
    ]
    chosen = SITE.pages.get(CHOSEN.get(kind, ""))
    page = chosen if chosen in translated else next(iter(translated), None)
    if page is None:
        return None
    return html_path(page), html_path(SITE.pages[page.src[:-3] + ".en.md"])


PAGE_KINDS = {
    **{kind: pair for kind in kinds.kinds() if (pair := _example(kind))},
    **OTHER_PAGES,
}

ALL_PAGES = sorted({path for pair in PAGE_KINDS.values() for path in pair})
