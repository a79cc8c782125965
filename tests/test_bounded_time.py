"""No editor input makes the check or the build run for minutes (issue 22: a heading with 800
spaces took 214 s, 30,000 '[' on one line 109 s).

Every regular expression of the content pipeline (each compiled pattern in hooks/kb/) is fed long
adversarial texts: runs of the signs that make a pattern backtrack. A pattern that can backtrack
takes minutes on them; one that cannot, milliseconds. The bound is generous (the machine is
shared): what used to take minutes must now take under 2 s of the processor's time (measured
in a child process, so that a busy machine does not count and a pattern that hangs fails).
Whole pages up to the size limit go through the check (rendering included) in seconds:
tests/test_bounded_time_pages.py, a file of its own so that the fast tier's two test processes
(``--dist loadfile`` keeps a file in one) can each take one part.
"""

from __future__ import annotations

import importlib
import multiprocessing
import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p.stem for p in (ROOT / "hooks" / "kb").glob("*.py") if p.stem != "__init__")
N = 30_000
# Runs of the signs the portal's patterns care about, with and without what would end them.
PIECES = [" ", "\t", "[", "![", "]", "](", "(", "<", "<!--", "-->", "#", "*[", "{", "}", "#a",
          "a", "a.", "a-", ".a", "@", "&", "&a", "\"", "'", "/", "\\", ":", "-", "`", "~", "\n",
          " \n", "a ", "<a ", "<!-- kb:x", "0", "0-", "---\n"]  # fmt: skip
INPUTS = [piece * (N // len(piece)) for piece in PIECES]
INPUTS += [p + " " * N + "x" for p in ("# a", "## a {#x", "<!-- kb:quiz a", "a@b", "- a")]
INPUTS += [p + q * (N // 2) for p in ("[", "#", "a@") for q in ("a", ".a", " a")]


# Patterns that never see an editor's text as written: the built HTML of the search index, where
# a '<' of the text is always written &lt; (Markdown and the templates escape it).
NOT_EDITOR_INPUT = {"kb.search_index_model._TAG"}


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"kb.{name}")
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and f"kb.{name}.{attr}" not in NOT_EDITOR_INPUT:
                found.append((f"kb.{name}.{attr}", value))
    return found


PATTERNS = _patterns()


def test_every_pipeline_pattern_is_tested() -> None:
    """The sweep finds the patterns (a pattern moved elsewhere would silently leave it)."""
    names = {name for name, _ in PATTERNS}
    assert {"kb.content_model.LINK", "kb.markers._MARKER", "kb.readability._LINK"} <= names
    assert len(PATTERNS) > 40


def _slowest(pattern: re.Pattern, queue) -> None:
    """In a child process: the slowest input and its time, sent as each input is done (a
    pattern that backtracks never finishes; the parent stops waiting)."""
    for index, text in enumerate(INPUTS):
        queue.put((index, None))
        start = time.process_time()
        pattern.findall(text)
        pattern.sub("", text)
        queue.put((index, time.process_time() - start))


@pytest.mark.parametrize("pattern", [p for _, p in PATTERNS], ids=[n for n, _ in PATTERNS])
def test_no_pattern_backtracks_on_long_input(pattern: re.Pattern) -> None:
    """Each pattern, searched through every adversarial text of 30,000 characters (with findall
    and sub, as the pipeline does), finishes each in well under 2 seconds."""
    queue = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(target=_slowest, args=(pattern, queue))
    child.start()
    try:
        for _ in range(len(INPUTS)):
            index, took = queue.get(timeout=60)  # the child's start-up, at most
            text = INPUTS[index]
            where = f"{pattern.pattern!r} on {text[:24]!r}… ({len(text)} characters)"
            if took is None:
                try:  # 2 s of processor time is far less than a minute on the clock
                    index, took = queue.get(timeout=60)
                except Exception:
                    pytest.fail(f"{where} took more than a minute")
            assert took < 2, f"{where} took {took:.1f} s"
    finally:
        child.kill()
        child.join()
