"""`make serve EDITION=<name>` (scripts/serve.py): a local edition with live reload, as its editor
uses it.

A small edition is laid over the fixture tests/fixtures/site_local (two builds of the whole
portal would take minutes): its own page is served; the editor saves a new sentence in that
page's file in the edition's folder, and the same address then serves the sentence (the test
polls the page until it does, with a deadline: MkDocs answers a request only once its rebuild is
done). Stopping the server removes the prepared content folder and settings it wrote.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from sites import fixture_project

pytestmark = pytest.mark.build

DEADLINE = 300  # seconds: a build, on a busy machine
SENTENCE = "Deze zin schreef de redacteur net, terwijl de pagina open stond."
EDITION = {
    "edition.yml": (
        "name: {nl: Jobcoachportaal Proef, en: Job coach portal Trial}\n"
        "site_url: https://proef.example.org/\n"
        "contact: mailto:info@proef.example.org\n"
        "report: mailto:fouten@proef.example.org\n"
        "example: true\n"
    ),
    "content/guides/lokaal.md": (
        "---\ntitle: Onze werking\nsummary: Hoe wij coaches begeleiden.\n---\n\n"
        "# Onze werking\n\nWe komen één keer per maand samen.\n"
    ),
    "content/guides/lokaal.en.md": (
        "---\ntitle: How we work\nsummary: How we guide coaches.\n---\n\n"
        "# How we work\n\nWe meet once a month.\n"
    ),
}
PAGE = "guides/lokaal.html"  # the edition's own Dutch page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, log: Path, ready: Callable[[str], bool]) -> str:
    """The page at ``url`` once ``ready`` holds for its text; fails with the server's output
    when the server stops or the deadline passes."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the live server stopped (exit {server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=DEADLINE) as answer:
                text = answer.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):  # not listening yet
            text = None
        if text is not None and ready(text):
            return text
        time.sleep(0.5)  # the next look; the condition above is what the test waits for
    pytest.fail(f"{url} did not show the change within {DEADLINE} s:\n{log.read_text()[-4000:]}")


def test_a_saved_change_to_an_edition_page_is_served(tmp_path: Path) -> None:
    project = fixture_project("site_local", tmp_path)
    for rel, text in EDITION.items():
        path = project / "editions" / "proef" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "proef", "-a", url[7:-1]],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        before = wait_for(url + PAGE, server, log, lambda text: True)
        assert "We komen één keer per maand samen." in before and SENTENCE not in before
        with (project / "editions/proef/content/guides/lokaal.md").open("a", encoding="utf-8") as f:
            f.write(f"\n{SENTENCE}\n")
        wait_for(url + PAGE, server, log, lambda text: SENTENCE in text)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=120)
    assert server.returncode == 0, log.read_text()
    assert not list(project.glob(".edition-*")), "the prepared files stay after the server stopped"
