"""A site served on loopback (built, or under `mkdocs serve`), and Debian's Chromium: shared by the tests, the benchmarks and search-eval."""

import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium, if installed (never a downloaded browser)."""
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, without a log line per request (it would bury test and benchmark output)."""

    def log_message(self, format, *args):
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler] | functools.partial):
    """Any request handler on a free loopback port; yields the base URL ending in '/', stops after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def serve_folder(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler):
    """A folder (a built site) on a free loopback port, as a context manager yielding its URL."""
    return serving(functools.partial(handler, directory=str(directory)))


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_serving(config: Path, port: int, log, **env: str) -> subprocess.Popen:
    """`mkdocs serve` as `make serve` runs it (strict, live reload) for this mkdocs.yml, its output into log."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.Popen(
        [str(mkdocs), "serve", "--strict", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(config)],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def stop_serving(process: subprocess.Popen, timeout: float = 30) -> None:
    """Stop `mkdocs serve` as Ctrl+C does: terminated, it leaves its built site in the temporary folder."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
