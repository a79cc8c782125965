"""One page of every kind the portal has, in both languages, for tests that sweep all kinds."""

PAGE_KINDS = {
    "home": ("index.html", "en/index.html"),
    "page": ("about.html", "en/about.html"),
    "employer-guide": (
        "employers/verblijf-controleren.html",
        "en/employers/verblijf-controleren.html",
    ),
    "not-found": ("404.html", "en/404.html"),
    "status": ("statuses/ibo.html", "en/statuses/ibo.html"),
    "training-session": ("training/sessie-2.html", "en/training/sessie-2.html"),
    "status-overview": ("statuses/index.html", "en/statuses/index.html"),
    "task-guide": ("tasks/werk-zoeken.html", "en/tasks/werk-zoeken.html"),
    "skills-module": ("skills/meertaligheid.html", "en/skills/meertaligheid.html"),
    "testimonial": ("stories/luwam.html", "en/stories/luwam.html"),
    "training-path": ("training/mijn-opleiding.html", "en/training/mijn-opleiding.html"),
    "glossary": ("woordenlijst.html", "en/woordenlijst.html"),
    "update": ("news/2018-09-01-ibo-en-bis.html", "en/news/2018-09-01-ibo-en-bis.html"),
    "updates": ("news/index.html", "en/news/index.html"),
    "calendar": ("news/agenda.html", "en/news/agenda.html"),
    "signals-register": ("coaching/signalen.html", "en/coaching/signalen.html"),
    "case-sheet": ("training/casusblad.html", "en/training/casusblad.html"),
}

ALL_PAGES = sorted({path for pair in PAGE_KINDS.values() for path in pair})
