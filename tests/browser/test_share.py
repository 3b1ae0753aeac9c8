"""A rep shares a filled script or an objection's answer from the phone: the phone's share sheet with the text
as it reads, or, where the browser has none, a small menu of plain links that carry it and reach no other host
until tapped."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from test_objection_answers import OBJECTIONS

from helpers import build, copy_project
from local_site import serve

PHONE = {"width": 390, "height": 844}
SCRIPT = '.pb-script[data-pb-script="respuesta-rapida"]'
SHARE_SHEET = """
    window.shared = [];
    navigator.canShare = () => true;
    navigator.share = async (data) => { window.shared.push(data); };
"""
NO_SHARE_SHEET = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"


def phone(browser, sheet: str):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(sheet)
    page = context.new_page()
    page.console_errors, page.elsewhere = [], []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("request", lambda req: req.url.startswith("http://127.0.0.1:") or page.elsewhere.append(req.url))
    return context, page


def filled_script(page, server):
    """The first script of the reactive type, its response time filled in."""
    page.goto(f"{server}/tipos/reactivo/")
    panel = page.locator(f"{SCRIPT} .pb-personalizer")
    panel.locator("summary").click()
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill("15 minutos")
    return panel


def test_the_share_sheet_receives_the_filled_script(browser, server):
    context, page = phone(browser, SHARE_SHEET)
    panel = filled_script(page, server)
    said = page.locator(f"{SCRIPT} .pb-script__original").inner_text()
    panel.get_by_role("button", name="Compartir").click()
    page.wait_for_function("() => window.shared.length === 1")
    shared = page.evaluate("window.shared[0]")
    assert shared["text"].strip() == said.strip()
    assert "15 minutos" in shared["text"] and "[X]" not in shared["text"]
    assert page.locator(".pb-share").count() == 0  # the phone's own sheet, no menu of ours
    assert page.console_errors == [] and page.elsewhere == []
    context.close()


def tap_share(page, server):
    """A filled script's «Compartir» tapped: (its panel, the button, where our menu of links would be)."""
    panel = filled_script(page, server)
    share = panel.get_by_role("button", name="Compartir")
    share.click()
    return panel, share, page.locator(".pb-share")


def test_without_a_share_sheet_a_menu_of_plain_links_carries_the_text(browser, server):
    context, page = phone(browser, NO_SHARE_SHEET)
    panel, share, menu = tap_share(page, server)
    expect(menu).to_be_visible()
    assert share.get_attribute("aria-expanded") == "true"
    assert menu.locator("a, button").all_inner_texts() == ["Copiar el texto", "WhatsApp", "Correo"]

    whatsapp = urlparse(menu.get_by_role("link", name="WhatsApp").get_attribute("href"))
    assert (whatsapp.scheme, whatsapp.netloc) == ("https", "wa.me")
    assert "15 minutos" in parse_qs(whatsapp.query)["text"][0]
    mail = urlparse(menu.get_by_role("link", name="Correo").get_attribute("href"))
    assert mail.scheme == "mailto"
    mail_fields = parse_qs(mail.query)
    assert "15 minutos" in mail_fields["body"][0]
    assert mail_fields["subject"][0].startswith("Script: ")
    # What the rep types after opening the menu is what the links carry.
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill("20 minutos")
    link = menu.get_by_role("link", name="WhatsApp")
    # Where the tap would go (kept, and the page stays: this machine has no network).
    link.evaluate("a => a.addEventListener('click', (e) => { e.preventDefault(); window.tapped = a.href; })")
    link.click()
    assert "20 minutos" in parse_qs(urlparse(page.evaluate("window.tapped")).query)["text"][0]
    expect(menu).to_have_count(0)  # a link tapped closes the menu

    typed = f"{uuid.uuid4().hex[:12]} minutos"  # new to this run: the clipboard outlives tests (and mutation runs)
    panel.get_by_label("Tiempo de respuesta — [X]", exact=True).fill(typed)
    share.click()
    page.locator(".pb-share").get_by_role("button", name="Copiar el texto").click()
    expect(menu).to_have_count(0)  # so does copying
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")
    assert typed in page.evaluate("navigator.clipboard.readText()")
    assert page.elsewhere == [], "nothing may leave the page until the rep taps a link"
    assert page.console_errors == []
    context.close()


@pytest.fixture(scope="module")
def objections_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("objections") / "project")
    (project / "data" / "objections.yml").write_text(OBJECTIONS, encoding="utf-8")
    assert build(project, project / "site").returncode == 0
    with serve(project / "site") as base:
        yield base


@pytest.mark.parametrize("sheet", [SHARE_SHEET, NO_SHARE_SHEET], ids=["share-sheet", "menu"])
def test_an_objection_answer_is_shared_as_it_is_said(browser, objections_site, sheet):
    context, page = phone(browser, sheet)
    page.goto(f"{objections_site}/objeciones/")
    page.locator(".pb-objection__actions").first.get_by_role("button", name="Compartir").click()
    said = '"Entiendo. ¿Con qué lo compara?\nEl ahorro es [X] al mes."'
    if sheet == SHARE_SHEET:
        page.wait_for_function("() => window.shared.length === 1")
        assert page.evaluate("window.shared[0]") == {"title": 'Objeción 1: "Muy caro"', "text": said}
    else:
        href = page.locator(".pb-share").get_by_role("link", name="WhatsApp").get_attribute("href")
        assert parse_qs(urlparse(href).query)["text"][0] == said
    assert page.console_errors == [] and page.elsewhere == []
    context.close()


@pytest.mark.parametrize(
    "sheet, menu_expected",
    [
        ("navigator.share = async () => { throw new DOMException('closed', 'AbortError'); };", False),
        ("navigator.share = async () => { throw new DOMException('refused', 'NotAllowedError'); };", True),
        ("navigator.canShare = () => false; navigator.share = async () => { window.shared.push('sheet'); };", True),
    ],
    ids=["rep-closes-the-sheet", "sheet-refused", "sheet-cannot-take-it"],
)
def test_a_share_sheet_that_fails_falls_back_to_the_menu_but_one_closed_by_the_rep_does_not(
    browser, server, sheet, menu_expected
):
    context, page = phone(browser, "window.shared = []; navigator.canShare = () => true;" + sheet)
    _, share, menu = tap_share(page, server)
    if menu_expected:
        expect(menu).to_be_visible()
        assert share.get_attribute("aria-expanded") == "true"
    else:
        page.wait_for_timeout(300)
        expect(menu).to_have_count(0)
        assert share.get_attribute("aria-expanded") == "false"
    assert page.evaluate("window.shared") == []  # a sheet that cannot take the text is not opened
    assert page.console_errors == []
    context.close()


def test_compartir_tapped_again_closes_the_menu(browser, server):
    context, page = phone(browser, NO_SHARE_SHEET)
    _, share, menu = tap_share(page, server)
    expect(menu).to_be_visible()
    assert menu.locator("a, button").first.evaluate("element => element === document.activeElement")
    share.click()
    expect(menu).to_have_count(0)
    assert share.get_attribute("aria-expanded") == "false"
    share.click()  # and opens it again, with the text as it reads
    expect(menu).to_be_visible()
    assert (
        "15 minutos"
        in parse_qs(urlparse(menu.get_by_role("link", name="WhatsApp").get_attribute("href")).query)["text"][0]
    )
    assert page.console_errors == [] and page.elsewhere == []
    context.close()
