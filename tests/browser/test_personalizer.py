"""Fill-in scripts, as a rep on a call uses them, on a phone: one field per blank occurrence, named by its
line; the script on the page shows the values, so every way of copying it gives the filled text; what is
typed lasts for the tab unless the rep asks the device to remember it, and "Borrar mis datos" forgets all."""

from __future__ import annotations

import json

import pytest
import yaml
from playwright.sync_api import expect

from helpers import ROOT

PHONE = {"width": 390, "height": 844}

SITE = "playbook:soporte-y-servicio-en-ventas"
KEY = f"{SITE}:script:respuesta-rapida"
SCRIPT = '.pb-script[data-pb-script="respuesta-rapida"]'


@pytest.fixture()
def page(browser, server):
    """As a rep on a call uses it: on a phone."""
    context = browser.new_context(
        viewport=PHONE, permissions=["clipboard-read", "clipboard-write"], service_workers="block"
    )
    page = context.new_page()
    page.console_errors, page.dialogs = [], []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.type == "alert" and (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def open_panel(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    panel = page.locator(f"{SCRIPT} .pb-personalizer")
    panel.locator("summary").click()
    return panel


def field(panel, label):
    return panel.get_by_label(label, exact=True)


def script_text(page) -> str:
    return page.locator(f"{SCRIPT} .pb-script__original").inner_text()


def test_each_occurrence_of_a_blank_has_its_own_field_named_by_its_line(page, server):
    panel = open_panel(page, server)
    labels = panel.locator(".pb-personalizer__field label").all_inner_texts()
    assert labels == [
        "Tiempo de respuesta — [X]",
        "Canales — [Canales disponibles]",
        "Priorización — [Priorización inteligente]",
        "Diagnóstico — [Tiempo]",
        "Resolución — [Tiempo]",
        "Validación — [Validación completa]",
    ]
    field(panel, "Diagnóstico — [Tiempo]").fill("10")
    field(panel, "Resolución — [Tiempo]").fill("30")
    assert "- Diagnóstico: 10 minutos\n- Resolución: 30 minutos\n" in script_text(page)


def test_the_script_on_the_page_shows_the_values_and_every_copy_gives_them(page, server):
    panel = open_panel(page, server)
    field(panel, "Tiempo de respuesta — [X]").press_sequentially("5")
    text = script_text(page)
    assert "- Tiempo de respuesta: 5 minutos\n" in text
    assert "- Canales: [Canales disponibles]\n" in text, "an empty field keeps its blank"
    assert page.locator(f"{SCRIPT} .pb-script__placeholder--filled").all_inner_texts() == ["5"]

    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith('"Para soporte reactivo efectivo:\n\nRESPUESTA:\n- Tiempo de respuesta: 5 minutos\n')

    original = page.locator(f"{SCRIPT} .pb-script__original")
    original.hover()
    original.locator("button.md-code__button[data-md-type=copy]").click()  # Material's own copy icon
    assert "Tiempo de respuesta: 5 minutos" in page.evaluate("navigator.clipboard.readText()")


def test_what_a_rep_types_lasts_for_the_tab_only_and_says_so(page, server, browser):
    panel = open_panel(page, server)
    expect(panel.locator("[data-pb-where]")).to_contain_text("se borra al cerrar esta pestaña")
    field(panel, "Canales — [Canales disponibles]").fill("Juan Pérez, pedido 4471")
    assert page.evaluate("key => localStorage.getItem(key)", KEY) is None
    stored = json.loads(page.evaluate("key => sessionStorage.getItem(key)", KEY))
    assert stored == {"version": 1, "values": {"2": "Juan Pérez, pedido 4471"}}
    page.reload()  # the same tab: still there, and the panel opens by itself
    panel = page.locator(f"{SCRIPT} .pb-personalizer")
    assert panel.evaluate("el => el.open")
    assert field(panel, "Canales — [Canales disponibles]").input_value() == "Juan Pérez, pedido 4471"

    later = page.context.new_page()  # another tab, as the next call would open
    later.goto(f"{server}/tipos/reactivo/")
    assert "Juan Pérez" not in later.locator(f"{SCRIPT} .pb-script__original").inner_text()
    assert later.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':script:'))") == []


def test_remembering_keeps_values_on_the_device_until_borrar_mis_datos(page, server):
    panel = open_panel(page, server)
    panel.get_by_label("Recordar en este dispositivo").check()
    expect(panel.locator("[data-pb-where]")).to_contain_text("queda guardado en este navegador")
    field(panel, "Canales — [Canales disponibles]").fill("chat")
    page.locator("label:has(> #pb-respuesta-rapida-paso-1)").click()  # a ticked step, kept on the device
    later = page.context.new_page()
    later.goto(f"{server}/tipos/reactivo/")
    assert "- Canales: chat\n" in later.locator(f"{SCRIPT} .pb-script__original").inner_text()
    assert later.evaluate("key => sessionStorage.getItem(key)", KEY) is None

    later.once("dialog", lambda dialog: dialog.accept())
    later.locator(f"{SCRIPT} .pb-personalizer [data-pb-forget]").click()
    later.wait_for_load_state()
    ours = later.evaluate(
        f"() => Object.keys(localStorage).concat(Object.keys(sessionStorage)).filter(k => k.startsWith('{SITE}:'))"
    )
    assert ours == []
    assert "[Canales disponibles]" in later.locator(f"{SCRIPT} .pb-script__original").inner_text()
    assert not later.locator("#pb-respuesta-rapida-paso-1").is_checked()


def test_switching_where_typed_values_live_moves_them_and_leaves_no_copy_behind(page, server):
    panel = open_panel(page, server)
    field(panel, "Canales — [Canales disponibles]").fill("chat")  # for this tab only
    remember = panel.get_by_label("Recordar en este dispositivo")
    remember.check()
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))["values"] == {"2": "chat"}
    assert page.evaluate("key => sessionStorage.getItem(key)", KEY) is None
    remember.uncheck()  # the device forgets them at once; the tab keeps them for the call
    assert page.evaluate("key => localStorage.getItem(key)", KEY) is None
    assert json.loads(page.evaluate("key => sessionStorage.getItem(key)", KEY))["values"] == {"2": "chat"}


def test_borrar_mis_datos_forgets_what_lasts_for_the_tab_as_well(page, server):
    panel = open_panel(page, server)
    field(panel, "Canales — [Canales disponibles]").fill("Juan Pérez, pedido 4471")
    page.once("dialog", lambda dialog: dialog.accept())
    panel.locator("[data-pb-forget]").click()
    page.wait_for_load_state()
    ours = page.evaluate(
        f"() => Object.keys(localStorage).concat(Object.keys(sessionStorage)).filter(k => k.startsWith('{SITE}:'))"
    )
    assert ours == [] and "Juan Pérez" not in script_text(page)


def test_clear_empties_the_fields_and_the_script_shows_its_blanks_again(page, server):
    panel = open_panel(page, server)
    field(panel, "Tiempo de respuesta — [X]").fill("5")
    panel.locator("[data-pb-clear]").click()
    assert field(panel, "Tiempo de respuesta — [X]").input_value() == ""
    assert "- Tiempo de respuesta: [X] minutos\n" in script_text(page)
    page.reload()
    assert "- Tiempo de respuesta: [X] minutos\n" in script_text(page)


@pytest.mark.parametrize(
    "values",
    [{"1": 5}, {"1": "7", "2": 5}, ["primero", "segundo"], "ab", None],
    ids=["number", "some-not-text", "list", "text", "null"],
)
def test_garbage_values_are_ignored(page, server, values):
    """Saved values of the wrong shape are taken as nothing saved: every field empty, every blank as written."""
    page.goto(f"{server}/tipos/reactivo/")
    page.evaluate("([key, values]) => sessionStorage.setItem(key, JSON.stringify({version: 1, values}))", [KEY, values])
    page.reload()
    panel = page.locator(f"{SCRIPT} .pb-personalizer")
    panel.locator("summary").click()
    assert field(panel, "Tiempo de respuesta — [X]").input_value() == ""
    assert field(panel, "Canales — [Canales disponibles]").input_value() == ""
    assert "- Tiempo de respuesta: [X] minutos\n" in script_text(page)
    assert page.console_errors == []


def test_typed_markup_shows_as_text_and_never_runs(page, server):
    """What a rep types is text: a pasted tag shows as typed in the script and the copy, and runs nothing."""
    panel = open_panel(page, server)
    typed = "<img src=x onerror=alert(1)><b>Juan</b>"
    field(panel, "Tiempo de respuesta — [X]").fill(typed)
    assert f"- Tiempo de respuesta: {typed} minutos\n" in script_text(page)
    assert page.locator(f"{SCRIPT} .pb-script__original").locator("img, b").count() == 0
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    assert typed in page.evaluate("navigator.clipboard.readText()")
    page.wait_for_load_state("networkidle")  # a broken image's onerror would have fired by now
    assert page.dialogs == [] and page.console_errors == []


LABELS = yaml.safe_load((ROOT / "macros" / "locales" / "es" / "labels.yml").read_text(encoding="utf-8"))


def refusing_clipboard(browser, script: str):
    """A phone whose browser refuses the clipboard API (file:// pages, denied permissions): `script` runs first."""
    context = browser.new_context(
        viewport=PHONE, permissions=["clipboard-read", "clipboard-write"], service_workers="block"
    )
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));" + script
    )
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


def test_where_the_clipboard_api_is_refused_copiar_still_copies_the_filled_script(browser, server):
    context, page = refusing_clipboard(browser, "")
    panel = open_panel(page, server)
    typed = "7 (copiado a la antigua)"  # found nowhere else: the clipboard is shared by every test's pages
    field(panel, "Tiempo de respuesta — [X]").fill(typed)
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"- Tiempo de respuesta: {typed} minutos\n" in copied and copied.strip() == script_text(page).strip()
    assert page.locator("textarea").count() == 0  # nothing of the copying left on the page
    assert page.console_errors == []
    context.close()


@pytest.mark.parametrize("old_way", ["() => false", "() => { throw new Error('refused'); }"], ids=["false", "throws"])
def test_when_nothing_can_copy_the_rep_is_told_to_copy_by_hand(browser, server, old_way):
    context, page = refusing_clipboard(browser, f"document.execCommand = {old_way};")
    panel = open_panel(page, server)
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text(LABELS["copy_failed"])
    assert page.locator("textarea").count() == 0
    assert page.console_errors == []
    context.close()


def test_copiado_and_the_undo_of_borrar_go_away_by_themselves(page, server):
    page.clock.install()
    panel = open_panel(page, server)
    status = panel.locator("[data-pb-status]")
    field(panel, "Tiempo de respuesta — [X]").fill("5")
    panel.locator("[data-pb-copy]").click()
    expect(status).to_have_text("Copiado")
    page.clock.run_for(2000)
    expect(status).to_have_text("Copiado")  # long enough to be read
    page.clock.run_for(1500)
    expect(status).to_have_text("")

    panel.locator("[data-pb-clear]").click()
    undo = panel.get_by_role("button", name="Deshacer")
    expect(undo).to_be_visible()
    expect(status).to_have_text(LABELS["cleared"])
    page.clock.run_for(8000)
    expect(undo).to_be_visible()  # time to change one's mind
    page.clock.run_for(2500)
    expect(undo).to_be_hidden()
    expect(status).to_have_text("")
    assert field(panel, "Tiempo de respuesta — [X]").input_value() == ""

    # Borrar again later: its Deshacer has its own ten seconds.
    field(panel, "Tiempo de respuesta — [X]").fill("6")
    panel.locator("[data-pb-clear]").click()
    page.clock.run_for(8000)
    field(panel, "Tiempo de respuesta — [X]").fill("4")
    panel.locator("[data-pb-clear]").click()
    page.clock.run_for(4000)
    expect(undo).to_be_visible()
    undo.click()
    assert field(panel, "Tiempo de respuesta — [X]").input_value() == "4"


def test_borrar_mis_datos_leaves_another_playbooks_data_alone(page, server):
    """Two playbooks on one host: «Borrar mis datos» in one forgets its own data only."""
    other = "playbook:otro-playbook:checklist:implementacion"
    page.goto(f"{server}/tipos/reactivo/")
    page.evaluate("key => { localStorage.setItem(key, 'ticks'); sessionStorage.setItem(key, 'typed'); }", other)
    panel = open_panel(page, server)
    field(panel, "Canales — [Canales disponibles]").fill("chat")
    page.once("dialog", lambda dialog: dialog.accept())
    panel.locator("[data-pb-forget]").click()
    page.wait_for_load_state()
    assert "[Canales disponibles]" in script_text(page)
    kept = page.evaluate("key => [localStorage.getItem(key), sessionStorage.getItem(key)]", other)
    assert kept == ["ticks", "typed"]
