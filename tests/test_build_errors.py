"""An editor's mistake stops the build with a message that names the file and the problem,
and the site that was built before stays as it was (tests/fixtures/broken_content.yml)."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests/fixtures/broken_content.yml").read_text(encoding="utf-8"))
DEFAULT_BODY = "# Test\n\nTekst voor de test.\n"
PROJECT_PARTS = ["mkdocs.yml", "content", "quizzes", "hooks", "overrides", "scripts"]


# The generator's code, not the portal's content: no check reads it but MkDocs, which imports
# the hook (hooks/adapter.py) that mkdocs.yml names.
CODE_PARTS = ("hooks", "scripts")


def copy_project(dest: Path, like: Path | None = None) -> Path:
    """A copy of the project's parts at ``dest``. With ``like`` (a copy this function made), for
    a test that only checks the copy: its content files are hard links to that copy's instead of
    copies, and its code folders links to that copy's (``CODE_PARTS``), so that a copy costs
    little to make and to delete; the test changes files only through ``write_case`` or
    ``rewrite``, which replace a file rather than write into it, so it cannot change ``like``
    (``fingerprint_files`` shows it did not)."""
    source = ROOT if like is None else like
    copy = shutil.copy2 if like is None else os.link
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if like is not None and part in CODE_PARTS:
            (dest / part).symlink_to(src, target_is_directory=True)
        elif src.is_dir():
            shutil.copytree(
                src, dest / part, ignore=shutil.ignore_patterns("__pycache__"), copy_function=copy
            )
        elif src.exists():
            copy(src, dest / part)
    return dest


def _entries(top: Path) -> dict[str, tuple[bool, int]]:
    """Each entry under ``top`` (links not followed, the code folders a linked copy shares and
    Python's bytecode caches left out): whether it is a folder, and for anything else its inode
    (a hard link shares its file's). From the folder listings alone, without a ``stat`` each."""
    found: dict[str, tuple[bool, int]] = {}
    stack = [("", top)]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.name == "__pycache__" or (not prefix and entry.name in CODE_PARTS):
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    found[rel] = (True, 0)
                    stack.append((rel + "/", entry.path))
                else:
                    found[rel] = (False, entry.inode())
    return found


def reset_copy(project: Path, like: Path) -> None:
    """Make ``project``, a copy that ``copy_project(project, like=like)`` made and a case then
    changed, that copy again: what the case added is removed, what it replaced is linked to
    ``like``'s file again. Cheaper than a new copy per case (a copy's hundreds of entries cost
    more to delete than to check), and it ends with proof: the copy's entries are ``like``'s
    files again, every one."""
    want = _entries(like)
    for rel, entry in sorted(_entries(project).items(), reverse=True):  # children first
        if want.get(rel) != entry:
            path = project / rel
            path.rmdir() if entry[0] else path.unlink()
    have = _entries(project)
    for rel, (folder, _) in sorted(want.items()):  # folders before what they hold
        if rel not in have:
            (project / rel).mkdir() if folder else os.link(like / rel, project / rel)
    assert _entries(project) == want, f"{project} is not a copy of {like} again"


def fingerprint_files(project: Path) -> list[tuple[str, int, int]]:
    """Each file of a project copy with its size and time (a write into it changes them), but
    Python's own bytecode cache (``__pycache__``, which importing the hook writes)."""
    return sorted(
        (path.relative_to(project).as_posix(), info.st_size, info.st_mtime_ns)
        for path in project.rglob("*")
        if "__pycache__" not in path.parts and (info := path.lstat()) and path.is_file()
    )


def rewrite(path: Path, data: str | bytes) -> None:
    """Give ``path`` new contents as a new file: a file linked to another copy stays as it was."""
    path.unlink(missing_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/build.py", "-d", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


def page_text(spec: dict) -> str:
    if "raw" in spec:
        return spec["raw"]
    meta = copy.deepcopy(CASES["bases"][spec["base"]])
    meta.update(spec.get("set", {}))
    for key in spec.get("unset", []):
        meta.pop(key, None)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    body = spec.get("body", DEFAULT_BODY)
    if "body_repeat" in spec:  # a very long page
        body = "# Lang\n\n" + spec["body_repeat"]["text"] * spec["body_repeat"]["times"]
    return f"---\n{front}---\n\n{body}"


def write_case(project: Path, case: dict) -> None:
    if "symlink" in case:  # a folder outside content/, linked into it
        outside = project / "elders"
        outside.mkdir()
        (outside / "pagina.md").write_text(page_text({"base": "story"}), encoding="utf-8")
        (project / case["page"]).symlink_to(case["symlink"], target_is_directory=True)
        return
    if "find" in case:  # a mistake in an existing file: replace one text
        path = project / case["page"]
        text = path.read_text(encoding="utf-8")
        assert case["find"] in text, f"{case['find']!r} is not in {case['page']}"
        rewrite(path, text.replace(case["find"], case["replace"], 1))
        return
    for spec in [case] + ([case["also"] | {"base": case.get("base")}] if "also" in case else []):
        path = project / spec["page"]
        path.parent.mkdir(parents=True, exist_ok=True)
        rewrite(path, page_text(spec).encode(case.get("encoding", "utf-8")))


def exact_message(case: dict) -> str:
    """The message an editor must see; ``{today}`` stands for the date the check is run, and
    ``{line}`` for the line of the project's file where the case's ``find`` text is (so that a
    line added above it in the real file does not break the case)."""
    today = os.environ.get("PORTAL_TODAY") or dt.date.today().isoformat()
    text = case["exact"].replace("{today}", today)
    if "{line}" in text:
        source = (ROOT / case["page"]).read_text(encoding="utf-8")
        text = text.replace("{line}", str(source[: source.index(case["find"])].count("\n") + 1))
    return text


def fingerprint(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*.html")):
        digest.update(path.relative_to(site).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real portal, built once: the 'last good site' every broken build must leave alone."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, fingerprint(site)


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_mistake_is_named_and_old_site_survives(case: dict, good_site, tmp_path: Path) -> None:
    """The build fails, says which file and what is wrong, and keeps the earlier site."""
    site, before = good_site
    project = copy_project(tmp_path / "project")
    write_case(project, case)
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    for text in case.get("expect", []):
        assert text in output, f"{text!r} not in:\n{output[-2000:]}"
    if "exact" in case:  # the editor's message, word for word, and the first one listed
        errors = [
            line.split("-  ", 1)[-1] for line in output.splitlines() if line.startswith("ERROR")
        ]
        assert errors and errors[0] == exact_message(case), output[-2000:]
    if "line" in case:
        assert f"{case['page']}:{case['line']}:" in output, output[-2000:]
    assert "Traceback" not in output
    assert "the last good site is unchanged" in output.lower() or "nothing was replaced" in output
    assert fingerprint(site) == before


def test_mistakes_fail_without_strict_mode_too(good_site, tmp_path: Path) -> None:
    """A content mistake is an error, not a warning: --no-strict does not let it through."""
    site, before = good_site
    project = copy_project(tmp_path / "project")
    write_case(project, CASES["cases"][1])
    result = build(project, site, "--no-strict")
    assert result.returncode == 1
    assert "the field 'organiser' is missing" in result.stdout + result.stderr
    assert fingerprint(site) == before


def test_all_problems_reported_in_one_run(good_site, tmp_path: Path) -> None:
    """Several mistakes in several files are all listed by one build, not only the first."""
    site, _ = good_site
    project = copy_project(tmp_path / "project")
    by_name = {c["name"]: c for c in CASES["cases"]}
    write_case(project, by_name["unknown-eligibility-answer"])
    write_case(project, by_name["story-without-consent"])
    result = build(project, site)
    output = result.stdout + result.stderr
    assert "'misschien' is not an answer of the question 'jobseeker'" in output
    assert "the field 'consent' is missing" in output
