"""What a visit costs a rep's phone: bytes on the wire (compressed) and requests, on the first visit and on a
repeat visit, and first paint and load on an emulated slow phone.

    python bench/visits.py [SITE_DIR ...]       (no folder: the project is built into a temporary one)

Each site is served as GitHub Pages serves one: gzip for text, an ETag; its `Cache-Control: max-age=600` is
`max-age=0` here, as it is for a rep who comes back after those 10 minutes (the browser revalidates). The
figures are counted by the server itself (every response's headers and body as sent), so requests a service
worker answers from its cache cost nothing, as on a phone. A visit opens the home page, waits until the page
is idle (and, where the site has one, until its service worker holds the site), then opens three more pages.
The repeat visit is the same walk again, in the same browser profile. First paint and load: the home page on a
fresh profile, Chromium's "Slow 4G" (150 ms, 1.6 Mbit/s down) and a 4× slower CPU, median of 3.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import gzip
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from playwright.sync_api import sync_playwright

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tools"))

import local_site  # noqa: E402

PAGES = ["tipos/reactivo/", "checklist/", "guia/"]
"""Opened after the home page, on both visits."""
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".webmanifest", ".svg", ".txt", ".mjs")
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


@dataclass
class Wire:
    """What the server sent: one entry per response (path, bytes with headers)."""

    responses: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.responses.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            taken, self.responses = self.responses, []
        return taken


def pages_host(wire: Wire):
    """A handler serving like GitHub Pages (gzip, ETag, max-age), counting what it sends into `wire`."""

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 (http.server's naming)
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return self._send(301, b"", {"Location": self.path.split("?")[0] + "/"})
                path = path / "index.html"
            if not path.is_file():
                body = (Path(self.directory) / "404.html").read_bytes()
                return self._send(404, body, {"Content-Type": "text/html"}, compress=True)
            body = path.read_bytes()
            tag = '"' + hashlib.md5(body).hexdigest() + '"'
            headers = {
                "Content-Type": self.guess_type(str(path)),
                "ETag": tag,
                "Last-Modified": email.utils.formatdate(path.stat().st_mtime, usegmt=True),
                "Cache-Control": "max-age=0",
            }
            if self.headers.get("If-None-Match") == tag:
                return self._send(304, b"", headers)
            return self._send(200, body, headers, compress=path.suffix in COMPRESSED)

        def _send(self, status, body, headers, compress=False):
            if compress and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                headers = {**headers, "Content-Encoding": "gzip"}
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
            head = sum(len(f"{name}: {value}\r\n") for name, value in headers.items()) + 60
            wire.add(self.path, head + len(body))

    return Handler


@dataclass
class Visit:
    requests: int
    kib: float
    asked: list[str]
    """The distinct addresses the server was asked for."""


def visit(page, base: str, wire: Wire, worker: bool) -> Visit:
    wire.take()
    page.goto(f"{base}/", wait_until="networkidle")
    if worker:
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.wait_for_timeout(500)
    for address in PAGES:
        page.goto(f"{base}/{address}", wait_until="networkidle")
    page.wait_for_timeout(3000)  # the browser looks for a new service worker a moment after a navigation
    sent = wire.take()
    return Visit(len(sent), sum(size for _, size in sent) / 1024, sorted({path for path, _ in sent}))


def slow_phone_timings(browser, base: str) -> tuple[float, float]:
    """(first contentful paint, load) in seconds: the median of three fresh visits of the home page."""
    paints, loads = [], []
    for _ in range(3):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(f"{base}/", wait_until="load")
        paint = page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN")
        load = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
        paints.append(paint / 1000)
        loads.append(load / 1000)
        context.close()
    return statistics.median(paints), statistics.median(loads)


def measure(site: Path, browser) -> dict:
    wire = Wire()
    worker = (site / "sw.js").is_file()
    handler = pages_host(wire)
    with local_site.serve(site, handler=handler) as base:
        with tempfile.TemporaryDirectory() as profile:
            context = browser.browser_type.launch_persistent_context(
                profile, executable_path=local_site.CHROMIUM, args=local_site.LAUNCH_ARGS
            )
            page = context.new_page()
            first = visit(page, base, wire, worker)
            page.goto("about:blank")
            repeat = visit(page, base, wire, worker=False)
            context.close()
        paint, load = slow_phone_timings(browser, base)
    return {"first": first, "repeat": repeat, "paint": paint, "load": load}


def asked(paths: list[str]) -> str:
    """Up to four addresses, then how many more."""
    shown = ", ".join(f"`{path}`" for path in paths[:4])
    return shown + (f" and {len(paths) - 4} more" if len(paths) > 4 else "") if paths else "nothing"


def build_project(into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(into)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path)
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        sites = args.sites or [build_project(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "site")]
        print(
            "| site | first visit: requests | first visit: KiB | repeat visit: requests | repeat visit: KiB "
            "| first paint (slow phone) | load (slow phone) | repeat visit asked for |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        with sync_playwright() as playwright:
            browser = local_site.launch(playwright)
            for site in sites:
                m = measure(site, browser)
                print(
                    f"| {site} | {m['first'].requests} | {m['first'].kib:.0f} | {m['repeat'].requests} "
                    f"| {m['repeat'].kib:.1f} | {m['paint']:.2f} s | {m['load']:.2f} s "
                    f"| {asked(m['repeat'].asked)} |"
                )
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
