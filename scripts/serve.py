"""Live preview of a local edition for its editors: `make serve EDITION=<name>`.

python scripts/serve.py voorbeeld-gent                    # on http://127.0.0.1:8000
python scripts/serve.py voorbeeld-gent -a 127.0.0.1:8001  # another address

An edition is built from a prepared folder (kb/editions.py: the shared content/ with the
edition's layer laid over it, and settings that INHERIT mkdocs.yml), so watching that folder alone
would never see an editor's change. This script prepares the edition as `make build EDITION=`
does, runs `mkdocs serve` on the prepared settings (live reload, as `make serve`), and watches the edition's folder and the
shared content/: after a change it prepares the folder again and copies over only the files that
differ, so MkDocs rebuilds and the open page reloads. The prepared files are removed on exit.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.__main__ import cli
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import editions  # noqa: E402

SETTLE = 0.3  # seconds without a new change before preparing again (an editor's save is a burst)


def sync(source: Path, target: Path) -> bool:
    """Make ``target`` hold exactly the files of ``source``, writing only those that differ, so
    the live server sees the editor's change and nothing else. True when a file changed."""
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    changed = False
    for rel in sorted(wanted):
        new, old = source / rel, target / rel
        if not (old.is_file() and filecmp.cmp(new, old, shallow=False)):
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(new, old)
            changed = True
    for old in [p for p in target.rglob("*") if p.is_file()]:
        if old.relative_to(target) not in wanted:
            old.unlink()
            changed = True
    return changed


def prepare_again(root: Path, name: str, config: Path) -> None:
    """Resolve the edition anew into the prepared folder beside ``config``. When no prepared
    file changed (the edition's settings or its additions did, which the hooks read from the
    edition's folder), ``config`` is written again instead, so the live server rebuilds once."""
    docs = config.with_suffix("") / "content"  # where editions.prepared put the content
    with tempfile.TemporaryDirectory(prefix=f"kb-serve-{name}-") as staging:
        text = editions.prepare(
            root, name, Path(staging) / "content", docs.relative_to(root).as_posix()
        )
        changed = sync(Path(staging) / "content", docs)
    if not changed or text != config.read_text(encoding="utf-8"):
        config.write_text(text, encoding="utf-8")


class Refresh(FileSystemEventHandler):
    """Prepares the edition again once the files have settled after a change."""

    def __init__(self, action) -> None:
        self.action = action
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or "__pycache__" in event.src_path:
            return
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(SETTLE, self.run)
            self.timer.daemon = True
            self.timer.start()

    def run(self) -> None:
        try:
            self.action()
        except Exception as error:  # the server stays up; the next save tries again
            print(f"Could not prepare the edition again: {error}", file=sys.stderr)


def serve_edition(root: Path, name: str, dev_addr: str) -> int:
    """Serve the edition ``name`` with live reload until Ctrl-C (or SIGTERM)."""
    if why := editions.unknown(root, name):
        print(why, file=sys.stderr)
        return 2
    with editions.prepared(root, name) as config:
        handler = Refresh(lambda: prepare_again(root, name, config))
        observer = Observer()
        for folder in (root / "content", editions.folder(root, name)):
            observer.schedule(handler, str(folder), recursive=True)
        observer.start()
        try:  # mkdocs's own command, in this process: its output and its handling of Ctrl-C
            cli.main(["serve", "-f", str(config), "-a", dev_addr], standalone_mode=False)
        except KeyboardInterrupt:
            pass  # between builds MkDocs catches it itself; during one it comes here
        finally:
            observer.stop()
            observer.join()
    return 0


def stop_on_term(*_) -> None:
    """SIGTERM ends the preview as Ctrl-C does, so the prepared files are removed."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", help="the edition's folder name under editions/")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in background
    signal.signal(signal.SIGTERM, stop_on_term)
    return serve_edition(ROOT, args.edition, args.dev_addr)


if __name__ == "__main__":
    sys.exit(main())
