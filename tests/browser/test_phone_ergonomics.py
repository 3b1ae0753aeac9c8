"""Issue 25: on a phone, nothing makes the rep zoom, miss a tap or lose what they typed — 16 px fields, tap
targets of 44 px, "Borrar" far from "Copiar" and undoable, nothing over the pinned script, a Spanish footer."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
TAP = 44


@pytest.fixture()
def phone(browser, server):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def open_personalizer(phone, server, technique="respuesta-rapida"):
    phone.goto(f"{server}/tipos/reactivo/#{technique}")
    phone.locator(f"[data-pb-personalize={technique}]").click()
    return phone.locator(f'.pb-script[data-pb-script="{technique}"]')


def test_fields_are_16px_and_controls_are_thumb_sized(phone, server):
    script = open_personalizer(phone, server)
    sizes = script.locator("input[data-pb-field]").evaluate_all(
        "inputs => inputs.map(i => parseFloat(getComputedStyle(i).fontSize))"
    )
    assert sizes and min(sizes) >= 16, sizes
    controls = [
        script.locator(".pb-personalizer__summary"),
        script.locator("[data-pb-copy]"),
        script.locator("[data-pb-clear]"),
        script.locator("label:has([data-pb-remember])"),
        script.locator("[data-pb-forget]"),
        phone.locator("[data-pb-personalize=respuesta-rapida]"),
    ]
    for control in controls:
        box = control.bounding_box()
        assert box["height"] >= TAP and box["width"] >= TAP, (control, box)
    phone.goto(f"{server}/guia/")
    assert phone.locator("[data-pb-chooser-filter]").evaluate("i => parseFloat(getComputedStyle(i).fontSize)") >= 16
    for control in [phone.locator("[data-pb-chooser-group] summary").first, phone.locator("[data-pb-chooser-filter]")]:
        assert control.bounding_box()["height"] >= TAP


def test_clear_is_far_from_copy_and_can_be_undone(phone, server):
    script = open_personalizer(phone, server)
    fields = script.locator("input[data-pb-field]")
    fields.nth(0).fill("5")
    fields.nth(1).fill("teléfono y chat")
    copy, clear = script.locator("[data-pb-copy]").bounding_box(), script.locator("[data-pb-clear]").bounding_box()
    gap = max(clear["x"] - (copy["x"] + copy["width"]), clear["y"] - (copy["y"] + copy["height"]))
    assert gap >= 24, (copy, clear)
    script.locator("[data-pb-clear]").click()
    assert fields.nth(1).input_value() == "" and "teléfono y chat" not in script.inner_text()
    script.locator("[data-pb-undo]").click()
    assert fields.nth(0).input_value() == "5" and fields.nth(1).input_value() == "teléfono y chat"
    assert "teléfono y chat" in script.locator(".pb-script__original").inner_text()
    assert script.locator("[data-pb-undo]").is_hidden()
    assert phone.console_errors == []


def test_nothing_covers_the_pinned_script_while_typing(phone, server):
    script = open_personalizer(phone, server)
    script.locator("input[data-pb-field]").last.fill("validado")
    phone.mouse.wheel(0, -300)  # scrolling up is when Material shows "Volver al principio"
    phone.wait_for_timeout(400)
    code = script.locator(".pb-script__original").bounding_box()
    top = phone.locator(".md-top")
    if top.is_visible():
        button = top.bounding_box()
        assert button["y"] + button["height"] <= code["y"] or button["y"] >= code["y"] + code["height"]


def test_the_footer_speaks_the_site_language(phone, server):
    phone.goto(f"{server}/")
    footer = phone.locator(".md-copyright").inner_text()
    assert "Hecho con" in footer and "Made with" not in footer
