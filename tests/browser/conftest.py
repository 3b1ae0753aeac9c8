"""Playwright on Debian's Chromium against the built site, served over HTTP on localhost."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import sync_playwright

import local_site
from helpers import build, copy_project


@pytest.fixture(scope="session")
def serve():
    """Serve a folder over HTTP on localhost; returns its base URL. Servers stop at the session's end."""
    with contextlib.ExitStack() as servers:

        def start(directory, port: int = 0, handler=local_site.QuietHandler) -> str:
            return servers.enter_context(local_site.serve(directory, port, handler))

        yield start


@pytest.fixture(scope="session")
def server(serve, site):
    """The built site at http://127.0.0.1:<port>/."""
    return serve(site)


@pytest.fixture(scope="session")
def instant_server(serve, tmp_path_factory):
    """The site as built by a host who sets `site_url` to its real address: only then does Material's instant
    navigation work (it follows just the links listed in sitemap.xml, which is empty without site_url)."""
    port = local_site.free_port()
    project = copy_project(tmp_path_factory.mktemp("instant") / "project")
    result = build(project, project / "site", site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    return serve(project / "site", port)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = local_site.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    """A fresh browser context; collects console errors and requests leaving the site. A first visit, before
    the service worker holds the site (tests/browser/test_installed_app.py is about what it does after)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], service_workers="block")
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
