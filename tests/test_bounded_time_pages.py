"""No page up to the size limit makes the check run for minutes (issue 22): whole pages just
under 300 KB, each a run of what once made a step slow, go through the whole check (rendering
included) in seconds of the processor's time. The patterns themselves are swept in
tests/test_bounded_time.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# Pages just under the size limit (300 KB), each a run of what made a step slow.
BIG = 290_000
PAGES = {
    "spaces-in-a-heading": "# a" + " " * BIG + "b\n",
    "brackets": "[" * BIG + "\n",
    "links-never-closed": "Tekst [a](" * (BIG // 10) + "\n",
    "images-never-closed": "![" * (BIG // 2) + "\n",
    "comments-never-closed": "<!--" * (BIG // 4) + "\n",
    "angle-brackets": "<" * BIG + "\n",
    "emphasis": "*a" * (BIG // 2) + "\n",
    "markers": "<!-- kb:quiz " + " " * BIG + "x\n",
    "abbreviations": "*[" * (BIG // 2) + "\n",
    "headings": "# a {#" * (BIG // 6) + "\n",
}


@pytest.mark.parametrize("body", PAGES.values(), ids=PAGES.keys())
def test_the_check_of_a_page_at_the_size_limit_takes_seconds(body: str, tmp_path: Path) -> None:
    """The whole check of a project with one such page (rendering, links, readability, policy)
    takes well under 30 s of processor time, where such pages took minutes to hours."""
    from mkdocs.config import load_config

    from kb.project import Project, check_project

    config = load_config(str(ROOT / "mkdocs.yml"))
    content = tmp_path / "content"
    content.mkdir()
    front = "---\nkind: page\ntitle: Traag\nsummary: Een pagina die lang duurt.\n---\n\n"
    (content / "traag.md").write_text(front + body, encoding="utf-8")
    project = Project(tmp_path, content, list(config.markdown_extensions), dict(config.mdx_configs))
    start = time.process_time()
    check_project(project)
    assert time.process_time() - start < 30
