"""Hostile text from YAML, in a real browser: nothing runs, and it reads as typed, search results included."""

from __future__ import annotations

import pytest

from helpers import mark


@pytest.fixture(scope="module")
def hostile_server(serve, hostile_site):
    return serve(hostile_site)


@pytest.mark.parametrize("path", ["", "tipos/reactivo/", "checklist/", "casos-de-estudio/"])
def test_no_script_from_data_runs(page, hostile_server, path):
    page.goto(f"{hostile_server}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.dialogs == []
    assert page.console_errors == []


def test_text_reads_as_typed_in_the_page_and_the_tab(page, hostile_server):
    page.goto(f"{hostile_server}/tipos/reactivo/")
    assert page.locator("article h1").inner_text().rstrip("¶ ").endswith(mark("title"))
    assert page.title().startswith(mark("title"))


def test_search_results_show_the_text_literally(page, hostile_server):
    page.goto(f"{hostile_server}/tipos/reactivo/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("onerror", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert any("<img src=x onerror=alert(1)>" in results.nth(i).inner_text() for i in range(results.count()))
    assert page.dialogs == []
    assert page.locator(".md-search-result img").count() == 0
