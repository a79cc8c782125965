"""Files under content/ that are not pages: only the types the portal needs, and nothing that
replaces one of its own files (hooks/kb/files_model.py). The editor's messages for each refused
file are cases in tests/fixtures/broken_content.yml; here, what passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import files_model

ROOT = Path(__file__).resolve().parent.parent
CLEAN_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>\n'
    "<style>.a { fill: url(#g); }</style>\n"
    '<rect class="a" width="4" height="4" fill="url(#g)"/><use xlink:href="#g"/>\n'
    '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>\n'
    "</svg>\n"
)


def _project(tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    for name, data in files.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    theme = [ROOT / "overrides"]
    return [
        str(p)
        for p in files_model.check(tmp_path, tmp_path / "content", tmp_path / "quizzes", theme)
    ]


def test_images_documents_and_clean_svg_pass(tmp_path: Path) -> None:
    """A photo, a PDF and a drawing with only internal references are published."""
    assert (
        _project(
            tmp_path,
            {
                "assets/images/foto.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
                "assets/images/foto.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 20,
                "assets/images/foto.webp": b"RIFF\0\0\0\0WEBPVP8 ",
                "docs/folder.pdf": b"%PDF-1.7\n",
                "assets/images/schema.svg": CLEAN_SVG.encode(),
                "statuses/ibo.md": b"---\n",
                "_data/x.yml": b"a: 1\n",
                ".hidden/x.js": b"not published",
            },
        )
        == []
    )


def test_the_portals_own_svg_images_pass() -> None:
    """The check refuses nothing the portal itself ships (its favicon and pictograms)."""
    for path in (ROOT / "overrides").rglob("*.svg"):
        assert files_model._svg_problems(path.read_bytes(), path.name) == [], path


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://e.example/x.css";</style></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://e.example/#g)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x"/></svg>',
        '<?xml-stylesheet href="https://e.example/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        "<svg",
    ],
)
def test_active_or_foreign_svg_is_refused(svg: str) -> None:
    """Each way an SVG opened on its own could run script or load from another host."""
    assert files_model._svg_problems(svg.encode(), "x.svg")
