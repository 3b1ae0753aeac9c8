"""Issue 17: an address that does not exist gets a 404 page in the playbook's language, with the search and
the ways on, styled when the site is hosted under a sub-path (a GitHub Pages project site sets SITE_URL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_subpath import PREFIX, SubPathHandler

from helpers import build, copy_project
from local_site import free_port


class PagesHost(SubPathHandler):
    """The sub-path host, serving its 404.html for any address it does not have, as GitHub Pages does."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def hosted(serve, tmp_path_factory):
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("pages") / "project")
    result = build(project, project / "site", site_url=f"http://127.0.0.1:{port}{PREFIX}/")
    assert result.returncode == 0, result.stderr
    return serve(project / "site", port, handler=PagesHost) + PREFIX


def test_a_missing_page_says_so_in_spanish_styled_with_search_and_ways_on(page, hosted):
    failed = []
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and not response.url.endswith("/no-existe/") and failed.append(response.url)
        ),
    )
    response = page.goto(f"{hosted}/tipos/no-existe/")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Esta página no existe"
    assert failed == [], "styles and scripts load from under the sub-path"
    header = page.locator("header.md-header").evaluate("el => getComputedStyle(el).position")
    assert header in {"sticky", "fixed"}, "Material's stylesheet is applied"
    links = page.locator(".pb-not-found a")
    assert links.all_inner_texts() == ["Inicio", "¿Qué soporte necesito?", "Todas las técnicas"]
    links.nth(1).click()
    page.wait_for_url(f"**{PREFIX}/guia/")
    # Back to the 404 address, Material's instant navigation fetches it, gets the 404 and loads it in full:
    # typing before that load would go to the page being replaced.
    with page.expect_event("load"):
        page.go_back()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("devolucion", delay=15)
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    # Chromium logs the page's own 404 status as a console error; every other request is checked above.
    assert [e for e in page.console_errors if not e.startswith("Failed to load resource")] == []
    assert failed == []
