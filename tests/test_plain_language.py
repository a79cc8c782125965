"""Plain language, measured: every Dutch page stays within the readability limits."""

import sys

from content_index import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import readability


def test_dutch_pages_are_plain_language(capsys) -> None:
    """Prints words per sentence and LIX per Dutch page; fails above 15 / 42 per page or 13 / 38 on average."""
    code = readability.main([])
    report = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + report)
    assert code == 0, report
