"""`make moodle` writes ./moodle and leaves everything else alone (issue 25: a stray `rm -rf` in
its recipe deleted the built site and the offline bundles)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from test_build_errors import copy_project


def test_make_moodle_keeps_the_site_and_the_bundles(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(Path(__file__).resolve().parent.parent / "Makefile", project / "Makefile")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>the last good site</p>", encoding="utf-8")
    (project / "dist").mkdir()
    (project / "dist" / "bundle.zip").write_bytes(b"PK")
    # `-o setup`: the virtualenv this test runs in is the one to use; set it up no further.
    result = subprocess.run(
        ["make", "-o", "setup", "moodle", f"PY={sys.executable}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert any((project / "moodle").rglob("*.xml")), "make moodle wrote no Moodle XML"
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == (
        "<p>the last good site</p>"
    )
    assert (project / "dist" / "bundle.zip").read_bytes() == b"PK"
