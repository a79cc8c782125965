"""Web servers for the distribution tests: a static host as organisations have one.

- ``StaticHost``: Python's http.server on a free port of 127.0.0.1 that serves a built site under
  a prefix (``/`` or ``/portaal/``), answers an unknown path with the nearest ``404.html`` up the
  folder tree (as Cloudflare Pages does, and as hosting/nginx.conf sets up) and status 404, and
  sends the headers of ``scripts/csp.py`` (the same set the hosting guide gives).
- ``Nginx``: Debian's nginx running ``hosting/nginx.conf`` itself, on a free port.
"""

from __future__ import annotations

import http.server
import mimetypes
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import csp

ROOT = Path(__file__).resolve().parent.parent


class StaticHost:
    def __init__(self, site: Path, prefix: str = "/", headers: bool = True) -> None:
        self.site, self.prefix = site.resolve(), "/" + prefix.strip("/") + "/"
        self.prefix = self.prefix.replace("//", "/")
        extra = csp.security_headers(self.site) if headers else {}
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, file = host.resolve(urlsplit(self.path).path)
                body = file.read_bytes() if file else b"Not found"
                self.send_response(status)
                kind = mimetypes.guess_type(file.name)[0] if file else "text/plain"
                if kind and (kind.startswith("text/") or kind.endswith(("json", "javascript"))):
                    kind += "; charset=utf-8"
                self.send_header("Content-Type", kind or "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                for name, value in extra.items():
                    self.send_header(name, value)
                if headers:
                    self.send_header("Cache-Control", csp.cache_control(self.path))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{self.prefix}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def resolve(self, path: str) -> tuple[int, Path | None]:
        """(status, file) for a request path: the file, or the nearest 404.html with 404."""
        path = unquote(path)
        if not path.startswith(self.prefix):
            return 404, None
        target = (self.site / path[len(self.prefix) :]).resolve()
        if self.site not in (target, *target.parents):
            return 404, None
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return 200, target
        for folder in target.parents:
            if (folder / "404.html").is_file():
                return 404, folder / "404.html"
            if folder == self.site:
                break
        return 404, None

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Nginx:
    """hosting/nginx.conf, with its port, web root and headers file pointed into ``workdir``.

    ``www`` is the folder that holds ``portaal/`` (the site)."""

    def __init__(self, www: Path, headers_conf: str, workdir: Path) -> None:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is missing: run `make setup-test` (installs Debian's nginx)")
        port = free_port()
        (workdir / "headers.conf").write_text(headers_conf, encoding="utf-8")
        server = (ROOT / "hosting/nginx.conf").read_text(encoding="utf-8")
        for old, new in (
            ("listen 80;", f"listen 127.0.0.1:{port};"),
            ("root /srv/www;", f"root {www};"),
            ("include snippets/jobcoach-headers.conf;", f"include {workdir / 'headers.conf'};"),
        ):
            assert old in server, f"hosting/nginx.conf no longer has `{old}`"
            server = server.replace(old, new)
        (workdir / "server.conf").write_text(server, encoding="utf-8")
        (workdir / "nginx.conf").write_text(
            f"""user root;
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {workdir};
    proxy_temp_path {workdir};
    fastcgi_temp_path {workdir};
    uwsgi_temp_path {workdir};
    scgi_temp_path {workdir};
    include {workdir / "server.conf"};
}}
""",
            encoding="utf-8",
        )
        self.proc = subprocess.Popen(
            [binary, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(self.url + "portaal/index.html", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError) as error:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    log = workdir / "error.log"
                    log = log.read_text() if log.exists() else ""
                    raise RuntimeError(f"nginx did not start: {log}") from error
                time.sleep(0.1)  # nginx is starting: ask again

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
