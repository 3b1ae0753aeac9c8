"""A rep on a call copies an objection's answer as it is to be said, on a phone."""

from __future__ import annotations

from playwright.sync_api import expect

from helpers import build, copy_project
from local_site import serve

OBJECTIONS = """title: Manejo de objeciones
icon: "💬"
objections:
  - id: muy-caro
    title: 'Objeción 1: "Muy caro"'
    answers:
      - label: Respuesta
        text: |
          "Entiendo. ¿Con qué lo compara?
          El ahorro es [X] al mes."
      - label: Si persiste
        text: Ofrezca un piloto
"""


def test_an_answer_is_copied_line_for_line(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "objections.yml").write_text(OBJECTIONS, encoding="utf-8")
    assert build(project, project / "site").returncode == 0
    with serve(project / "site") as base:
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"]
        )
        page = context.new_page()
        page.clock.install()
        page.goto(f"{base}/objeciones/")
        first = page.locator("[data-pb-copy-answer]").first
        assert first.is_visible() and first.inner_text() == "Copiar"
        first.click()
        page.locator(".pb-objection__status", has_text="Copiado").first.wait_for()
        said = page.evaluate("navigator.clipboard.readText()")
        assert said == '"Entiendo. ¿Con qué lo compara?\nEl ahorro es [X] al mes."'
        page.clock.run_for(3500)
        expect(page.locator(".pb-objection__status").first).to_have_text("")  # "Copiado" goes by itself
        context.close()
