"""Playwright on Debian's Chromium against the built site, served over HTTP on localhost."""

from __future__ import annotations

import functools
import shutil
import socket
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import sync_playwright

from helpers import QuietHandler, build, copy_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def serve():
    """Serve a folder over HTTP on localhost; returns its base URL. Servers stop at the session's end."""
    servers = []

    def start(directory, port: int = 0, handler=QuietHandler) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(serve, site):
    """The built site at http://127.0.0.1:<port>/."""
    return serve(site)


@pytest.fixture(scope="session")
def instant_server(serve, tmp_path_factory):
    """The site as built by a host who sets `site_url` to its real address: only then does Material's instant
    navigation work (it follows just the links listed in sitemap.xml, which is empty without site_url)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = copy_project(tmp_path_factory.mktemp("instant") / "project")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_url: http://127.0.0.1:{port}/\n")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return serve(project / "site", port)


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
    page.on(
        "request",
        lambda req: (
            req.url.startswith("http://127.0.0.1:")
            or req.url.startswith("data:")
            or page.foreign_requests.append(req.url)
        ),
    )
    page.dialogs = []
    # Alerts only come from content that should never run: record and close them. Confirms are the
    # reset's, answered by the tests that expect them.
    page.on("dialog", lambda dialog: dialog.type == "alert" and (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
