"""The site in a real browser: every page loads cleanly, and scripts copy with Material's button."""

from __future__ import annotations

from helpers import build, copy_project
from local_site import serve


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


MATERIAL_KEYS_OF_THE_WRONG_SHAPE = {
    "/.__palette": '{"index": "x", "color": 5}',
    "/.__tabs": "5",
    "/.__source": '"x"',
    "/.__announce": '{"a": 1}',
    "/.__consent": "7",
}


def test_material_storage_keys_of_the_wrong_shape_break_nothing(page, server):
    """Material's own storage keys: a wrong shape must not stop its bundle (search stayed on "Inicializando")."""
    page.goto(f"{server}/")
    page.evaluate(
        "keys => Object.entries(keys).forEach(([k, v]) => [localStorage, sessionStorage]"
        ".forEach(store => store.setItem(k, v)))",
        MATERIAL_KEYS_OF_THE_WRONG_SHAPE,
    )
    page.reload()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("devolucion", delay=15)
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("[data-md-component=palette] label:not([hidden])").first.click()  # the colour toggle still works
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    assert page.console_errors == []


def test_a_long_address_in_a_checklist_item_does_not_widen_a_320_px_phone_page(browser, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("wide") / "project")
    checklist = project / "data" / "checklist.yml"
    long = "https://intranet.example.org/procedimientosdesoporteatencionalclienteychecklistdeimplementacion2025"
    text = checklist.read_text(encoding="utf-8").replace("text: Prepara equipo", f"text: Prepara equipo {long}")
    checklist.write_text(text, encoding="utf-8")
    assert build(project, project / "site").returncode == 0
    with serve(project / "site") as base:
        phone = browser.new_page(viewport={"width": 320, "height": 640})
        phone.goto(f"{base}/checklist/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        phone.close()
