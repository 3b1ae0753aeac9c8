"""The site in a real browser: every page loads cleanly, and scripts copy with Material's button."""

from __future__ import annotations


def test_every_page_loads_without_console_errors_or_foreign_requests(page, server, site):
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(paths) >= 10
    for path in paths:
        page.goto(f"{server}/{'' if path == '.' else path + '/'}")
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").count() >= 1, path  # the handout has one per part
    assert page.console_errors == []
    assert page.foreign_requests == []


def test_material_copy_button_copies_the_script_as_shown(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    scripts = page.locator(".pb-script")
    assert scripts.count() == 2
    first = scripts.first
    shown = first.locator("code").inner_text()
    first.hover()
    first.locator("button.md-code__button[data-md-type=copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert "Tiempo de respuesta: [X] minutos" in shown


def test_placeholders_are_visibly_marked(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    placeholder = page.locator(".pb-script__placeholder").first
    assert placeholder.inner_text() == "[X]"
    style = placeholder.evaluate("el => getComputedStyle(el)")
    code = page.locator(".pb-script code").first.evaluate("el => getComputedStyle(el)")
    assert style["fontWeight"] == "700" and code["fontWeight"] != "700"
    assert style["color"] != code["color"]
    assert style["outlineStyle"] == "dashed"
