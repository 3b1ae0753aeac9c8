"""Details of playbook.js that a rep would notice, on the site as built (the `site` fixture, so a mutation run's
instrumented playbook.js is the one tested): a value typed while storage was full for a moment, «Borrar mis datos»
and the reader's colour scheme, damaged values remembered on the device, Copiar where the clipboard API is
refused, the label each blank of a script gets from its line or its section's heading, spaces typed alone, and
a script with no blank to fill."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_checklists import FULL_FOR_A_MOMENT, away_and_back, mark_document, same_document

import local_site
from helpers import built_copy

SITE = "playbook:soporte-y-servicio-en-ventas"
KEY = f"{SITE}:script:respuesta-rapida"
SCRIPT = '.pb-script[data-pb-script="respuesta-rapida"]'


class SitemapHandler(local_site.QuietHandler):
    """The built site with a sitemap.xml naming its pages at the address it is served from: what a build with
    `site_url` writes, and all Material's instant navigation needs (the site's files are used as they are)."""

    def do_GET(self):
        if self.path != "/sitemap.xml":
            return super().do_GET()
        base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        pages = sorted(
            page.parent.relative_to(self.directory).as_posix() for page in Path(self.directory).rglob("index.html")
        )
        urls = "".join(f"<url><loc>{base}{'' if page == '.' else page + '/'}</loc></url>" for page in pages)
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body.encode())))
        self.end_headers()
        self.wfile.write(body.encode())
        return None


@pytest.fixture(scope="module")
def instant_site(serve, site):
    """The built site (`site`, unlike conftest's instant_server, which builds its own) with instant navigation."""
    return serve(site, handler=SitemapHandler)


def open_panel(page, url, script=SCRIPT):
    page.goto(url)
    panel = page.locator(f"{script} .pb-personalizer")
    panel.locator("summary").click()
    return panel


def labels(panel) -> list[str]:
    return panel.locator(".pb-personalizer__field label").all_inner_texts()


def test_a_value_typed_while_storage_was_full_for_a_moment_comes_back_as_last_typed(page, instant_site):
    """The first keystroke's write is refused (kept in memory for the visit), the next is stored: coming back
    (instantly, same document) shows what was typed last, never the older copy held in memory."""
    page.add_init_script(FULL_FOR_A_MOMENT)
    panel = open_panel(page, f"{instant_site}/tipos/reactivo/")
    mark_document(page)
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill("1")  # refused: in memory
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill("15")  # stored
    away_and_back(page)
    assert same_document(page), "navigation was instant"
    panel = page.locator(f"{SCRIPT} .pb-personalizer")
    assert panel.get_by_label("Tiempo de respuesta — [X]", exact=True).input_value() == "15"
    assert "- Tiempo de respuesta: 15 minutos\n" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()
    assert page.console_errors == []


def test_borrar_mis_datos_keeps_the_readers_colour_scheme(page, server):
    """Material keeps the reader's dark-mode choice in localStorage too: «Borrar mis datos» forgets ours only."""
    page.goto(f"{server}/tipos/reactivo/")
    page.locator('label[title="Cambiar a modo oscuro"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    panel.get_by_label("Canales — [Canales disponibles]", exact=True).fill("chat")
    page.once("dialog", lambda dialog: dialog.accept())
    panel.locator("[data-pb-forget]").click()
    page.wait_for_load_state()
    assert "[Canales disponibles]" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize(
    "values", [["primero", "segundo"], "ab", {"1": "7", "2": 5}], ids=["list", "text", "some-not-text"]
)
def test_damaged_values_remembered_on_the_device_are_ignored(page, server, values):
    """Values kept on the device («Recordar en este dispositivo») of the wrong shape count as nothing saved."""
    page.goto(f"{server}/tipos/reactivo/")
    page.evaluate(
        "([remember, key, saved]) => { localStorage.setItem(remember, 'true'); localStorage.setItem(key, saved); }",
        [f"{SITE}:remember", KEY, json.dumps({"version": 1, "values": values})],
    )
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    assert panel.get_by_label("Recordar en este dispositivo").is_checked()
    assert panel.get_by_label("Tiempo de respuesta — [X]", exact=True).input_value() == ""
    assert panel.get_by_label("Canales — [Canales disponibles]", exact=True).input_value() == ""
    assert "- Tiempo de respuesta: [X] minutos\n" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()


def test_where_the_clipboard_api_is_refused_copiar_puts_the_filled_script_on_the_clipboard(browser, server):
    """The older way (a helper textarea, selected, execCommand): the clipboard gets the script with this run's
    value, whatever it held before and whatever the rep had selected on the page."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], service_workers="block")
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));"
    )
    page = context.new_page()
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    typed = f"copia-{uuid.uuid4().hex[:12]}"  # new to this run: the clipboard outlives tests (and mutation runs)
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill(typed)
    page.locator("h1").select_text()  # something else selected on the page
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"- Tiempo de respuesta: {typed} minutos\n" in copied
    assert page.locator("textarea").count() == 0
    context.close()


def test_blanks_on_lines_of_blanks_take_their_sections_heading(page, server):
    """«Valor agregado» (Premium): a line that starts with a blank names it by its section's heading, also the
    second such line of a section; a blank after another one is named by it, without its brackets."""
    panel = open_panel(page, f"{server}/tipos/premium/", '.pb-script[data-pb-script="valor-agregado"]')
    assert labels(panel) == [
        "NECESIDADES — [Necesidad 1]",
        "Necesidad 1 — [Valor agregado]",
        "NECESIDADES — [Necesidad 2]",
        "Necesidad 2 — [Valor agregado]",
        "VALOR — [Valor 1]",
        "Valor 1 — [Beneficio específico]",
        "VALOR — [Valor 2]",
        "Valor 2 — [Beneficio específico]",
        "Satisfacción — [X]",
        "Lealtad — [Y]",
    ]


def test_a_line_said_in_quotes_names_its_blank_without_them(page, server):
    """A script line written in quotes (data: `“Canales: [Canales disponibles]”`, shown as `- “Canales: …”`):
    its blank is named by the words alone, the bullet and the opening quote dropped."""
    plain = (
        '<span class="pb-script__line">&#45; Canales: <span class="pb-script__placeholder" '
        'data-pb-blank="&#91;Canales disponibles&#93;">&#91;Canales disponibles&#93;</span></span>'
    )
    quoted = plain.replace("&#45; Canales: ", "&#45; “Canales: ").replace("</span></span>", "</span>”</span>")

    def with_quoted_line(route):
        response = route.fetch()
        html = response.text()
        assert html.count(plain) == 1
        route.fulfill(response=response, body=html.replace(plain, quoted))

    page.route(f"{server}/tipos/reactivo/", with_quoted_line)
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    assert "- “Canales: [Canales disponibles]”\n" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()
    assert labels(panel)[:3] == [
        "Tiempo de respuesta — [X]",
        "Canales — [Canales disponibles]",
        "Priorización — [Priorización inteligente]",
    ]


def test_a_field_holding_only_spaces_leaves_its_blank_as_it_was(page, server):
    """Spaces typed by a slip are no value: the blank stays as written, unmarked, and nothing is kept; a value
    typed with spaces around it reaches the script without them."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    script = page.locator(SCRIPT)
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill("   ")
    assert "- Tiempo de respuesta: [X] minutos\n" in script.locator(".pb-script__original").inner_text()
    assert script.locator(".pb-script__placeholder--filled").count() == 0
    expect(script).not_to_have_class(re.compile(r"pb-script--filled"))
    kept = page.evaluate(f"sessionStorage.getItem({json.dumps(KEY)})")
    assert kept is None or json.loads(kept)["values"] == {}, kept
    panel.get_by_label("Canales — [Canales disponibles]", exact=True).fill("  chat  ")
    assert "- Canales: chat\n" in script.locator(".pb-script__original").inner_text()
    expect(script).to_have_class(re.compile(r"pb-script--filled"))


@pytest.fixture(scope="module")
def no_blanks_server(serve, tmp_path_factory):
    """The site with «Respuesta Rápida»'s script written without blanks: nothing to fill in, a script to say."""

    def without_blanks(project):
        path = project / "data" / "support_types" / "reactivo.yml"
        text = path.read_text(encoding="utf-8")
        for blank in ["[X]", "[Canales disponibles]", "[Priorización inteligente]", "[Validación completa]"]:
            text = text.replace(blank, "lo acordado", 1)
        path.write_text(text.replace("[Tiempo]", "el tiempo acordado", 2), encoding="utf-8")

    return serve(built_copy(tmp_path_factory, "no-blanks", without_blanks)[1])


def test_a_script_without_blanks_has_no_personaliser_and_the_rest_of_the_page_works(page, no_blanks_server):
    page.goto(f"{no_blanks_server}/tipos/reactivo/")
    first = page.locator(SCRIPT)
    assert "- Tiempo de respuesta: lo acordado minutos\n" in first.locator(".pb-script__original").inner_text()
    assert first.locator(".pb-personalizer").count() == 0
    expect(page.locator('[data-pb-personalize="respuesta-rapida"]')).to_be_hidden()
    # what comes after it on the page is set up all the same: the next script's personaliser, the steps' boxes
    second = page.locator('.pb-script[data-pb-script="resolucion-efectiva"]')
    expect(second.locator(".pb-personalizer")).to_have_count(1)
    expect(page.locator('[data-pb-personalize="resolucion-efectiva"]')).to_be_visible()
    expect(page.locator("[data-pb-progress]").last).to_be_visible()
    assert page.console_errors == []


@pytest.fixture(scope="module")
def no_techniques_server(serve, tmp_path_factory):
    """A playbook of other parts only: no support type, no technique, so no decision guide."""

    def without_techniques(project):
        for folder in ["support_types", "sessions"]:
            shutil.rmtree(project / "data" / folder)
        for name in ["optimization.yml", "case_studies.yml"]:
            (project / "data" / name).unlink()

    return serve(built_copy(tmp_path_factory, "no-techniques", without_techniques)[1])


def test_where_there_is_no_technique_search_offers_no_help_to_find_one(page, no_techniques_server):
    page.goto(f"{no_techniques_server}/")
    page.locator("input.md-search__input").press_sequentially("zzxqj qwv", delay=15)
    page.wait_for_timeout(1500)  # the help answers 400 ms after the last keystroke
    expect(page.locator(".md-search-result__meta")).to_contain_text("No se encontraron")
    assert page.locator(".pb-search-help").is_hidden()  # no guide to a page that does not exist, no empty box
    assert page.console_errors == []


def test_typing_without_asking_to_remember_writes_nothing_on_the_device(page, server):
    """Not the values, and not a «no» to remembering either: the device holds nothing of this site's."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    panel.get_by_label("Canales — [Canales disponibles]", exact=True).fill("Juan Pérez, pedido 4471")
    ours = page.evaluate(f"() => Object.keys(localStorage).filter(k => k.startsWith('{SITE}:'))")
    assert ours == []


def test_asking_to_remember_after_typing_is_itself_remembered(page, server):
    """The box ticked last, after the fields were filled: the next visit on this device has the box ticked and
    the values back."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    panel.get_by_label("Canales — [Canales disponibles]", exact=True).fill("chat")
    panel.get_by_label("Recordar en este dispositivo").check()
    later = page.context.new_page()
    later_panel = open_panel(later, f"{server}/tipos/reactivo/")
    assert later_panel.get_by_label("Recordar en este dispositivo").is_checked()
    assert later_panel.get_by_label("Canales — [Canales disponibles]", exact=True).input_value() == "chat"


def test_borrar_pressed_twice_keeps_what_deshacer_brings_back(page, server):
    """A second press on Borrar, the fields already empty, clears nothing: no new message, and Deshacer still
    brings back what the first press cleared. On fields never filled, Borrar offers no Deshacer at all."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    clear, undo = panel.locator("[data-pb-clear]"), panel.get_by_role("button", name="Deshacer")
    clear.click()
    expect(undo).to_be_hidden()
    expect(panel.locator("[data-pb-status]")).to_have_text("")
    field = panel.get_by_label("Tiempo de respuesta — [X]", exact=True)
    field.fill("4")
    clear.click()
    clear.click()
    undo.click()
    assert field.input_value() == "4"


def test_deshacer_puts_everything_back_as_it_was(page, server):
    """The values, kept for the call as before (they come back after a reload), the message gone, and the cursor in
    the first field (the Deshacer button it was on has gone)."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    first = panel.get_by_label("Tiempo de respuesta — [X]", exact=True)
    channels = panel.get_by_label("Canales — [Canales disponibles]", exact=True)
    channels.fill("chat")
    panel.locator("[data-pb-clear]").click()
    expect(panel.locator("[data-pb-status]")).not_to_have_text("")
    panel.get_by_role("button", name="Deshacer").click()
    assert channels.input_value() == "chat"
    expect(panel.locator("[data-pb-status]")).to_have_text("")
    expect(first).to_be_focused()
    page.reload()
    assert "- Canales: chat\n" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()


def test_borrar_mis_datos_cancelled_forgets_nothing(page, server):
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    panel.get_by_label("Canales — [Canales disponibles]", exact=True).fill("chat")
    page.once("dialog", lambda dialog: dialog.dismiss())
    panel.locator("[data-pb-forget]").click()
    page.reload()
    assert "- Canales: chat\n" in page.locator(f"{SCRIPT} .pb-script__original").inner_text()


def test_a_personaliser_emptied_by_hand_stays_closed_on_the_next_visit(page, server):
    """It opens by itself only when it holds something typed; a value typed, then deleted, leaves nothing to show."""
    panel = open_panel(page, f"{server}/tipos/reactivo/")
    channels = panel.get_by_label("Canales — [Canales disponibles]", exact=True)
    channels.fill("chat")
    channels.fill("")
    page.reload()
    expect(page.locator(f"{SCRIPT} .pb-personalizer")).not_to_have_attribute("open", "")
    panel.locator("summary").click()
    channels.fill("chat")  # and one that holds a value opens by itself
    page.reload()
    expect(page.locator(f"{SCRIPT} .pb-personalizer")).to_have_attribute("open", "")


def test_after_instant_navigation_search_offers_its_help_once(page, instant_site):
    """Material keeps its search box across instant navigation: the help is added to it once, not once per page."""
    page.goto(f"{instant_site}/")
    mark_document(page)
    page.locator("nav.md-nav--primary a[href$='tipos/reactivo/']").first.click()
    page.wait_for_url("**/tipos/reactivo/")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("qeja xyzzy")
    page.locator(".pb-search-help__guide").first.wait_for()
    assert same_document(page), "instant navigation, not a page load"
    assert page.locator(".pb-search-help").count() == 1


def test_each_scripts_copy_toolbar_is_named_after_its_script(page, server):
    """Material's copy toolbar is a <nav> landmark in every code block: a screen reader's list of landmarks
    names each after its script, not "navegación" five times over."""
    page.goto(f"{server}/tipos/reactivo/")
    scripts = page.locator(".pb-script[data-pb-label]")
    expect(scripts.first.locator(".md-code__nav")).to_have_attribute("aria-label", re.compile(".+"))
    named = scripts.evaluate_all(
        "scripts => scripts.map((s) => [s.dataset.pbLabel, s.querySelector('.md-code__nav')?.ariaLabel])"
    )
    assert len(named) >= 2 and all(label == name for label, name in named)
    assert len({label for label, _ in named}) == len(named)
