"""The marker scanner's shortcuts give what reading line by line gives (issue 25 point 7).

``kb.markers`` answers a text without ``kb:`` (no marker can be in it) or without ``` and ~~~ (no
fence) at once; every title, section and most pages are such texts. Here each function is asked
with and without its shortcut, on texts with and without markers and fences.
"""

from __future__ import annotations

import pytest

from kb import markers

TEXTS = [
    "",
    "Een titel zonder iets",
    "Tekst\n\nmet twee alinea's\n",
    "<!-- kb:quiz ibo -->",
    "Intro\n<!-- kb:glossary -->\nslot\n",
    "Voorbeeld:\n```\n<!-- kb:quiz x -->\n```\n<!-- kb:quiz y -->\n",
    "~~~~\ncode\n~~~~\ntekst",
    "```python\nopen fence tot het einde\n",
    "Geen marker: <!-- kb:quiz --> in een zin.",
    "   <!-- kb:quiz a -->   \n    <!-- kb:quiz b -->",
]


def _slow(monkeypatch) -> None:
    """Every shortcut off: each text read line by line."""
    monkeypatch.setattr(markers, "_MARKED", "")
    monkeypatch.setattr(markers, "_fenced", lambda text: True)


@pytest.mark.parametrize("text", TEXTS)
def test_shortcuts_give_the_line_by_line_answer(text: str, monkeypatch) -> None:
    def answers() -> tuple:
        return (
            markers.scan(text),
            markers.malformed(text),
            markers.code_lines(text),
            markers.mask_code(text),
            markers.mask_code(text, keep_offsets=True),
            markers.replace(text, lambda m: f"<p>{m.name}</p>"),
        )

    fast = answers()
    _slow(monkeypatch)
    assert fast == answers()
