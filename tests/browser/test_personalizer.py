"""Fill-in scripts: one field per blank, a live preview, Copy gives the filled text, values persist."""

from __future__ import annotations

import json

from playwright.sync_api import expect

KEY = "playbook:soporte-y-servicio-en-ventas:script:respuesta-rapida"


def open_panel(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()
    return panel


def field(panel, placeholder):
    return panel.locator(f'input[data-pb-field="{placeholder}"]')


def test_each_blank_gets_one_field_even_when_used_twice(page, server):
    panel = open_panel(page, server)
    labels = panel.locator("label").all_inner_texts()
    assert labels == ["[X]", "[Canales disponibles]", "[Priorización inteligente]", "[Tiempo]", "[Validación completa]"]


def test_preview_follows_typing_and_copy_gives_the_filled_text(page, server):
    panel = open_panel(page, server)
    field(panel, "[X]").press_sequentially("5")
    field(panel, "[Tiempo]").fill("10")
    preview = page.locator('.pb-script[data-pb-script="respuesta-rapida"] [data-pb-preview]').inner_text()
    assert "- Tiempo de respuesta: 5 minutos\n" in preview
    assert "- Diagnóstico: 10 minutos\n- Resolución: 10 minutos\n" in preview
    assert "- Canales: [Canales disponibles]\n" in preview, "an empty field keeps its blank"
    panel.locator("[data-pb-copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == preview
    assert copied.startswith('"Para soporte reactivo efectivo:\n\nRESPUESTA:\n')
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")


def test_material_copy_button_still_copies_the_original(page, server):
    panel = open_panel(page, server)
    field(panel, "[X]").fill("5")
    script = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__original')
    script.hover()
    script.locator("button.md-code__button[data-md-type=copy]").click()
    assert "Tiempo de respuesta: [X] minutos" in page.evaluate("navigator.clipboard.readText()")


def test_values_persist_per_technique_and_clear_empties_them(page, server):
    panel = open_panel(page, server)
    field(panel, "[Canales disponibles]").fill("chat y teléfono")
    page.reload()
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    assert panel.evaluate("el => el.open"), "a panel with saved values opens by itself"
    assert field(panel, "[Canales disponibles]").input_value() == "chat y teléfono"
    assert (
        "- Canales: chat y teléfono\n"
        in page.locator('.pb-script[data-pb-script="respuesta-rapida"] [data-pb-preview]').inner_text()
    )
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert stored == {"version": 1, "values": {"[Canales disponibles]": "chat y teléfono"}}
    other = page.locator('.pb-script[data-pb-script="resolucion-efectiva"] input[data-pb-field]').first
    assert other.input_value() == ""
    panel.locator("[data-pb-clear]").click()
    assert field(panel, "[Canales disponibles]").input_value() == ""
    assert (
        "- Canales: [Canales disponibles]\n"
        in page.locator('.pb-script[data-pb-script="respuesta-rapida"] [data-pb-preview]').inner_text()
    )
    page.reload()
    assert page.locator('input[data-pb-field="[Canales disponibles]"]').first.input_value() == ""


def test_garbage_values_are_ignored(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({version: 1, values: {'[X]': 5}}))", KEY)
    page.reload()
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()
    assert field(panel, "[X]").input_value() == ""
    assert page.console_errors == []


def test_typed_markup_shows_as_text_and_never_runs(page, server):
    """What a rep types is text: a pasted tag shows as typed in the preview and the copy, and runs nothing."""
    panel = open_panel(page, server)
    typed = "<img src=x onerror=alert(1)><b>Juan</b>"
    field(panel, "[X]").fill(typed)
    preview = page.locator('.pb-script[data-pb-script="respuesta-rapida"] [data-pb-preview]')
    assert f"- Tiempo de respuesta: {typed} minutos\n" in preview.inner_text()
    assert preview.locator("img, b").count() == 0
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    assert typed in page.evaluate("navigator.clipboard.readText()")
    page.wait_for_load_state("networkidle")  # a broken image's onerror would have fired by now
    assert page.dialogs == [] and page.console_errors == []
