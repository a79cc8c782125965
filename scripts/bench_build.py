"""Build time: the real portal, its content ×10 and ×100, and what the project's hooks cost.

    .venv/bin/python scripts/bench_build.py                      # sizes 1, 10, 100; 1 run each
    .venv/bin/python scripts/bench_build.py --sizes 1,10 --runs 3
    .venv/bin/python scripts/bench_build.py --plain-sizes 1,10  # no plain build at 100x

For each size the content (every page except section index pages, with its translation; the
quizzes stay as they are) is copied N times into a temp dir: copy k of ``statuses/ibo.md`` is
``statuses/ibo-k.md``, its title gets " (k)" and its body ends with the word "Kopie<k>", so that
no two pages have the same text (the content check keeps its results per text; identical copies
would be checked for free and make the benchmark lie). Two configurations are built from the same tree:
- **portal**: the project's mkdocs.yml as it is (hooks, templates, strict);
- **plain**: the same mkdocs.yml without the theme overrides and without the steps except the
  menu's (``order_nav``, through ``hooks/adapter.py``'s ``only``): plain Material + search + i18n + offline with
  the SAME content, the SAME menu (long sections in groups) and the SAME strictness (--strict);
  the hooks' markers stay HTML comments. So portal/plain is what the other hooks cost.
Jobs run round-robin in one process tree (portal 1, plain 1, portal 10, …), so ratios come from
the same run. Reported: wall time and CPU time (user + sys of the build process; steadier than
wall time on a busy machine), pages built, CPU ms per page and the mean size of a page's HTML
(both should stay about flat as the site grows), and portal/plain = the cost of the hooks. Numbers go into MEASUREMENTS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from kb import languages  # noqa: E402

COPY = ["mkdocs.yml", "hooks", "overrides", "content", "quizzes"]
SECTION_PAGES = {f"index{lang.suffix}.md" for lang in languages.project()}
# The plain build's one hook file: the portal's menu step alone (hooks/adapter.py's ``only``).
MENU_ONLY = """\
import adapter
from steps import order_nav

globals().update(adapter.hooks(adapter.only(order_nav)))
"""


def make_tree(base: Path, size: int) -> Path:
    """The project with its content copied ``size`` times, plus a hook-free ``mkdocs-plain.yml``."""
    tree = base / f"x{size}"
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            tree.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    content = tree / "content"
    pages = [
        p
        for p in content.rglob("*.md")
        if p.name not in SECTION_PAGES and p.parent != content and not p.parent.name.startswith("_")
    ]
    for page in pages:
        suffix = f"{languages.get(languages.page_language(page.name)).suffix}.md"
        stem = page.name[: -len(suffix)]
        text = page.read_text(encoding="utf-8")
        for k in range(2, size + 1):
            copy = re.sub(
                r"^(title:\s*)(\"?)(.*?)(\"?)\s*$",
                rf"\g<1>\g<2>\g<3> ({k})\g<4>",
                text,
                count=1,
                flags=re.M,
            )
            # A word of its own at the end of the body too, so that no copy's text (front matter or
            # body) is the same as another's: the check keeps results per text (YAML, schema,
            # rendered body, readability), and copies must cost what distinct pages cost.
            copy = copy.rstrip("\n") + f"\n\nKopie{k}.\n"
            # a copy names no page its rules depend on: that page cannot link back to every copy
            copy = re.sub(r"^depends_on:.*\n", "", copy, count=1, flags=re.M)
            (page.parent / f"{stem}-{k}{suffix}").write_text(copy, encoding="utf-8")
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(
        r"^hooks:\n(?:[ \t]+[-#].*\n|[ \t]*\n)+",
        "hooks:\n  - hooks/menu_only.py\n",
        config,
        flags=re.M,
    )
    (tree / "hooks" / "menu_only.py").write_text(MENU_ONLY, encoding="utf-8")
    plain = re.sub(r"^\s*custom_dir:.*\n", "", plain, flags=re.M)
    (tree / "mkdocs-plain.yml").write_text(plain, encoding="utf-8")
    return tree


def build(tree: Path, config: str, strict: bool, out: Path) -> tuple[float, float, int, float]:
    """(wall s, CPU s, pages, mean KiB of a page's HTML) of one clean build."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tree / config), "-d", str(out)]
    if strict:
        cmd.append("--strict")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        cmd,
        cwd=tree,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{config} in {tree.name} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    html = [p for p in out.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]
    size = sum(p.stat().st_size for p in html) / 1024 / max(1, len(html))
    shutil.rmtree(out, ignore_errors=True)
    return wall, cpu, len(html), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1,10,100", help="content multipliers (default 1,10,100)"
    )
    parser.add_argument("--plain-sizes", help="sizes that also get the plain build (default: all)")
    parser.add_argument("--runs", type=int, default=1, help="timed runs per job (median is shown)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    plain_sizes = {int(s) for s in args.plain_sizes.split(",")} if args.plain_sizes else set(sizes)
    base = Path(tempfile.mkdtemp(prefix="kb-bench-build-"))
    try:
        trees = {size: make_tree(base, size) for size in sizes}
        jobs = [
            (size, name, config, strict)
            for size in sizes
            for name, config, strict in (
                ("portal", "mkdocs.yml", True),
                ("plain", "mkdocs-plain.yml", True),
            )
            if name == "portal" or size in plain_sizes
        ]
        results: dict[tuple[int, str], list[tuple[float, float, int, float]]] = {}
        for run in range(args.runs):
            for size, name, config, strict in jobs:
                results.setdefault((size, name), []).append(
                    build(trees[size], config, strict, base / "out")
                )
                wall, cpu, pages, kib = results[(size, name)][-1]
                print(
                    f"  run {run + 1}: x{size} {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, {pages} pages, "
                    f"{kib:.0f} KiB HTML per page",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        shutil.rmtree(base, ignore_errors=True)

    def median(size: int, name: str, i: int) -> float:
        return statistics.median(r[i] for r in results[(size, name)])

    def spread(size: int, name: str, i: int) -> str:
        values = [r[i] for r in results[(size, name)]]
        return f"{min(values):.1f}–{max(values):.1f}"

    load = os.getloadavg()[0]
    print(
        f"Build time, median of {args.runs} run(s); {os.cpu_count()} CPUs, load average {load:.1f}"
    )
    print(
        f"{'content':9}{'pages':>7}{'wall s':>9}{'CPU s':>8}{'CPU ms/page':>13}{'KiB/page':>10}"
        f"{'plain wall':>12}{'plain CPU':>11}{'hooks ×wall':>13}{'hooks ×CPU':>12}"
        f"{'CPU range':>14}{'plain CPU range':>17}"
    )
    for size in sizes:
        pages = results[(size, "portal")][0][2]
        wall, cpu = median(size, "portal", 0), median(size, "portal", 1)
        kib = results[(size, "portal")][0][3]
        row = f"{'x' + str(size):9}{pages:>7}{wall:>9.1f}{cpu:>8.1f}{1000 * cpu / pages:>13.1f}{kib:>10.1f}"
        if (size, "plain") in results:
            pwall, pcpu = median(size, "plain", 0), median(size, "plain", 1)
            row += f"{pwall:>12.1f}{pcpu:>11.1f}{wall / pwall:>13.2f}{cpu / pcpu:>12.2f}"
            row += f"{spread(size, 'portal', 1):>14}{spread(size, 'plain', 1):>17}"
        else:
            row += f"{'-':>12}{'-':>11}{'-':>13}{'-':>12}{spread(size, 'portal', 1):>14}{'-':>17}"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
