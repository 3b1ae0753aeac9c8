"""A folder served over HTTP on localhost, and Debian's Chromium launched with the flags this machine needs.

One place for both, shared by the browser tests (tests/browser/), the search benchmark
(bench/search_latency.py), the live-preview benchmark (bench/preview_latency.py) and the Lighthouse
audit (tools/audit.py); and `live_preview`, the author's `make serve` of a project copy.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike

CHROMIUM = shutil.which("chromium") or shutil.which("google-chrome") or "/usr/bin/chromium"
"""Debian's Chromium (Playwright cannot download its own browsers here); Google Chrome where that is what a
machine has (GitHub's Ubuntu runners)."""

LAUNCH_ARGS = [
    "--no-sandbox",  # Chromium's sandbox refuses to start as root, which is how the tests and CI run
    "--disable-gpu",  # there is no GPU: skip the GPU process and its errors
    # The machine's network is closed: Chromium's own requests to Google's services are refused, and waiting on
    # them (or their errors) only slows and muddies the runs. The next three stop them.
    "--disable-background-networking",  # safe browsing lists, variations, field trials, DNS prefetch
    "--disable-component-update",  # component updater downloads (CRLSets, Widevine, ...)
    "--disable-sync",  # Google account sync
    "--no-first-run",  # no first-run tasks or dialogs on a fresh profile
    "--disable-quic",  # no HTTP/3 over UDP: whatever still goes out tries plain TCP only, and is refused at once
]
"""Chromium's command-line flags, for Playwright (`launch`) and Lighthouse (tools/audit.py)."""


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that keeps the output clean: no line per request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(
    directory: str | PathLike[str], port: int = 0, handler: type[SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (`port` 0: any free port) in a background thread; yields the base URL,
    "http://127.0.0.1:<port>" (no trailing slash). The server is shut down and closed on exit."""
    httpd = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    """A port nothing listens on now: for a site built with its address (site_url) before it is served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def launch(playwright):
    """Debian's Chromium, headless, with LAUNCH_ARGS: `playwright` is what sync_playwright() yields."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


@contextlib.contextmanager
def live_preview(project: str | PathLike[str], timeout: float = 60, port: int = 0) -> Iterator[str]:
    """`mkdocs serve` of a project (what `make serve` runs) on `port` (0: a free one); yields its base URL once
    it answers."""
    port = port or free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"mkdocs serve did not start: {server.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        server.stderr.close()
