"""Issue 15: during `make serve` a data mistake never hangs the browser: every page becomes the error page
(in Spanish, each problem with file, line and fix), and live reload brings the site back once it is fixed."""

from __future__ import annotations

import urllib.request

import pytest
from bs4 import BeautifulSoup

from helpers import check, copy_project
from local_site import live_preview

FILE = "data/support_types/premium.yml"
GOOD, BAD = "name: Premium\n", "name: Premium: VIP\n"


@pytest.fixture()
def preview(tmp_path):
    project = copy_project(tmp_path / "project")
    with live_preview(project) as base:
        yield project, base


def test_a_mistake_shows_the_error_page_everywhere_and_the_fix_brings_the_site_back(preview, page):
    project, base = preview
    data = project / FILE
    good = data.read_text(encoding="utf-8")
    page.goto(f"{base}/tipos/premium/")
    assert page.locator("h1#soporte-premium").is_visible()

    data.write_text(good.replace(GOOD, BAD), encoding="utf-8")
    item = page.locator(".pb-errors__item").first
    item.wait_for(timeout=20_000)  # live reload: the open page turns into the error page by itself
    where, message = check(project).stderr.splitlines()[0].split(": ", 1)  # `make check` says the same
    assert where == f"{FILE}:4" and "comillas dobles" in message
    message = message.replace("`", "")  # on the page, what to type is set as code, without the backticks
    assert where in item.inner_text() and message in item.inner_text()
    assert page.locator("h1").inner_text().rstrip("¶") == "Hay que corregir los datos"

    for path in ["/", "/checklist/", "/tipos/reactivo/", "/tecnicas/"]:
        with urllib.request.urlopen(base + path, timeout=8) as response:  # answered at once, never held
            shown = BeautifulSoup(response.read(), "html.parser").select_one(".pb-errors__item")
        assert shown is not None and where in shown.get_text() and message in shown.get_text(), path

    data.write_text(good, encoding="utf-8")
    page.locator("h1#soporte-premium").wait_for(timeout=20_000)
    assert page.locator(".pb-errors").count() == 0
    assert page.console_errors == []
