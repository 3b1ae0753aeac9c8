"""Playwright on Debian's Chromium against the built site, served over HTTP on localhost."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """Serve a folder over HTTP on localhost; returns its base URL. Servers stop at the session's end."""
    servers = []

    def start(directory) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(serve, site):
    """The built site at http://127.0.0.1:<port>/."""
    return serve(site)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    """A fresh browser context; collects console errors and requests leaving the site."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.console_errors = []
    page.foreign_requests = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("request", lambda req: req.url.startswith("http://127.0.0.1:") or req.url.startswith("data:")
            or page.foreign_requests.append(req.url))
    page.dialogs = []
    # Alerts only come from content that should never run: record and close them. Confirms are the
    # reset's, answered by the tests that expect them.
    page.on("dialog", lambda dialog: dialog.type == "alert" and (page.dialogs.append(dialog.message),
                                                                  dialog.dismiss()))
    yield page
    context.close()
