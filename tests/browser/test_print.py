"""Printing, as Chromium makes PDFs of it: only the content, boxes to tick, lines to fill, handout."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from helpers import ROOT
from macros.loader import load_playbook

PLAYBOOK = load_playbook(ROOT / "data")
SCREEN_ONLY = [
    "Búsqueda",
    "Reiniciar",
    "Imprimir",
    "Progreso",
    "Personalizar",
    "Copiar",
    "Vista previa",
    "Made with",
    "Cambiar a modo",
    "Tabla de contenidos",
    "Page ",
]


def pdf_pages(page, paper="A4") -> list[str]:
    """The page printed as the browser's print dialog does it (print media, `beforeprint` then `afterprint`) →
    text of each PDF page."""
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    printed = page.pdf(format=paper)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    reader = PdfReader(io.BytesIO(printed))
    return [p.extract_text() for p in reader.pages]


def flat(pages: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(pages))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_checklist_prints_on_one_page_with_boxes_and_fields(page, server, paper):
    page.goto(f"{server}/checklist/")
    page.locator("label:has(> #pb-pre-prepara-equipo)").click()
    page.locator("label:has(> #pb-post-identifica-mejoras)").click()
    pages = pdf_pages(page, paper)
    text = flat(pages)
    assert len(pages) == 1
    for field in ["Participante:", "Fecha:", "Equipo:", "Facilitador:"]:
        assert field in text
    for phase in PLAYBOOK.checklist.phases:
        assert phase.title in text
        for item in phase.items:
            assert item.text in text
    assert text.count("✓") == 2 and "✓ Prepara equipo" in text and "✓ Identifica mejoras" in text
    assert not [word for word in SCREEN_ONLY if word in text]


def test_technique_page_prints_content_only_with_titles_kept_with_what_follows(page, server):
    support_type = PLAYBOOK.support_types[0]
    page.goto(f"{server}/tipos/{support_type.id}/")
    pages = pdf_pages(page)
    text = flat(pages)
    assert 1 <= len(pages) <= 3
    assert not [word for word in SCREEN_ONLY if word in text]
    assert not [t.title for t in PLAYBOOK.support_types[1:] if t.title in text], "no navigation printed"
    for number, technique in enumerate(support_type.techniques, start=1):
        for step in technique.process:
            assert step in text
        assert technique.script.closing in text
        on_page = next(p for p in pages if f"Técnica {number}: {technique.title}" in re.sub(r"\s+", " ", p))
        first = (technique.situations or technique.process)[0]  # "Cuándo usarlo" comes first, when there is one
        assert first in re.sub(r"\s+", " ", on_page), "the title is printed with what follows it"


def test_scripts_print_the_values_filled_in(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()
    panel.locator('input[data-pb-field="1"]').fill("5")
    text = flat(pdf_pages(page))
    assert "Tiempo de respuesta: 5 minutos" in text
    assert text.count("Para soporte reactivo efectivo") == 1, "the filled script replaces the original"


def test_print_button_opens_the_print_dialog(page, server):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    for path in ["checklist/", "tipos/premium/"]:
        page.goto(f"{server}/{path}")
        page.locator("[data-pb-print]").click()
        assert page.evaluate("window.printed") == 1, path
    assert page.console_errors == []


def test_handout_has_cover_contents_and_every_part(page, server):
    page.goto(f"{server}/")
    page.locator("nav.md-nav--primary a", has_text="Manual completo para imprimir").first.click()
    page.wait_for_url("**/print_page/")
    # print-site's script fills the contents (playbook pages other than the handout don't load it)
    assert page.locator("#print-page-toc a").count() >= len(PLAYBOOK.support_types) + 4
    pages = pdf_pages(page)
    cover = re.sub(r"\s+", " ", pages[0])
    assert PLAYBOOK.info.title in cover
    assert f"Versión: {PLAYBOOK.info.version}" in cover
    assert f"Última actualización: {PLAYBOOK.info.last_updated.isoformat()}" in cover
    assert "Contenido" in pages[1]
    text = flat(pages)
    for support_type in PLAYBOOK.support_types:
        for technique in support_type.techniques:
            assert technique.title in text and technique.script.closing in text
    for technique in PLAYBOOK.optimization.techniques:
        assert technique.title in text
    assert PLAYBOOK.case_studies.cases[0].result in text
    assert PLAYBOOK.info.closing_quote in text
    assert 10 <= len(pages) <= 30
    assert not [word for word in SCREEN_ONLY if word in text]
    assert "Participante:" not in text, "one cover for the whole handout, not a sheet's header per chapter"


def test_a_page_of_a_split_collection_prints_without_its_pager(page, serve, big_site):
    _, site = big_site
    page.goto(f"{serve(site)}/optimizacion/2/")
    assert page.locator("nav.pb-pager").is_visible(), "on screen the pager shows"
    text = flat(pdf_pages(page))
    assert "Técnica 21:" in text and "Técnica 40:" in text
    assert "Páginas" not in text and "1–20" not in text and "41–45" not in text
    assert not [word for word in SCREEN_ONLY if word in text]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_blanks_are_lines_to_write_on_with_their_name_under_once(page, server, scheme):
    """Printed from a phone or laptop in dark mode too: a line long enough to write on, the blank's name once
    under it in type a person can read (and once in the PDF's text), never the name in bold on the line."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/tipos/reactivo/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    page.emulate_media(media="print", color_scheme=scheme)
    blank = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__placeholder').first
    mm = 25.4 / 96  # CSS pixels → millimetres
    assert blank.bounding_box()["width"] * mm >= 40, "long enough to write on"
    # Room to write: from the name under one blank's line to the next blank's line (consecutive script lines).
    first, second = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__placeholder').all()[:2]
    room = second.bounding_box()["y"] - (first.bounding_box()["y"] + first.bounding_box()["height"])
    assert room * mm >= 6, "room for a hand to write above each line"
    style = (
        "el => { const s = getComputedStyle(el);"
        " return [s.borderTopStyle, parseFloat(s.fontSize), s.fontWeight, s.color]; }"
    )
    line, size_px, weight, colour = blank.evaluate(style)
    assert line == "solid" and weight == "400" and colour == "rgb(51, 51, 51)"
    assert size_px * 72 / 96 >= 7, "the name under the line is at least 7 pt"
    # The line is where the words sit (the text's baseline), the name hangs under it.
    words, line_at = blank.evaluate(
        """el => { const words = document.createRange(); words.selectNodeContents(el.previousSibling);
                   const box = [...words.getClientRects()].pop();
                   return [[box.top, box.bottom], el.getBoundingClientRect().top]; }"""
    )
    assert words[0] < line_at < words[1]
    text = flat(pdf_pages(page))
    names = page.locator(".pb-script__placeholder").all_inner_texts()
    for name in set(names):
        assert text.count(name) == names.count(name), f"{name} printed {text.count(name)} times"


def test_the_checklist_sheet_names_the_playbook_and_leaves_room_for_notes(page, server):
    page.goto(f"{server}/checklist/")
    text = flat(pdf_pages(page))
    info = PLAYBOOK.info
    assert f"{info.title} · Versión {info.version} · {info.last_updated.isoformat()}" in text
    assert "Notas" in text


def test_the_handout_page_has_one_print_button_at_its_top(page, server):
    page.goto(f"{server}/print_page/")
    buttons = page.locator("[data-pb-print]:visible")
    assert buttons.count() == 1
    assert buttons.first.bounding_box()["y"] < page.locator(".pb-cover").bounding_box()["y"]


def test_the_checklist_notes_have_lines_to_write_on_and_none_through_the_word(page, server):
    """Lines a hand can write on, printed even with the dialog's "background graphics" off (the default)."""
    page.goto(f"{server}/checklist/")
    page.emulate_media(media="print")
    notes = page.locator(".pb-print-notes")
    title = notes.locator(".pb-print-notes__title").bounding_box()
    lines = notes.evaluate(
        """box => [...box.querySelectorAll("*")].filter((el) => getComputedStyle(el).borderBottomStyle === "solid")
                 .map((el) => el.getBoundingClientRect().bottom)"""
    )
    mm = 25.4 / 96
    assert len(lines) >= 3, "room for a few lines of notes"
    assert all(later - earlier >= 7.5 / mm for earlier, later in zip(lines, lines[1:])), "ruled paper's pitch"
    assert lines[0] >= title["y"] + title["height"] - 1, "no rule runs through «Notas»: it sits on the first line"
    assert "Notas" in flat(pdf_pages(page))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heading_icons_print_in_full_colour(page, server, scheme):
    """A colour emoji is drawn with its text colour's opacity: Material's grey headings faded the icons."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/tipos/reactivo/")
    page.emulate_media(media="print", color_scheme=scheme)
    icons = page.locator("article :is(h1, h2, h3) .pb-icon")
    assert icons.count() >= 1
    alphas = icons.evaluate_all(
        """icons => icons.map((icon) => {
             const colour = getComputedStyle(icon).color.match(/[\\d.]+/g).map(Number);
             return colour.length === 4 ? colour[3] : 1; })"""
    )
    assert alphas == [1] * len(alphas)


def test_the_guide_prints_every_situation_as_a_plain_list(page, server):
    """On screen its cases fold away; on paper every case shows all its situations and their techniques, as
    text (no button boxes, no underlined links)."""
    page.goto(f"{server}/guia/")
    page.emulate_media(media="print")
    text = flat(pdf_pages(page))
    for support_type in PLAYBOOK.support_types:
        for technique in support_type.techniques:
            for situation in technique.situations:
                assert f"{situation} → {technique.title}" in text
    looks = page.locator(".pb-chooser__choice").first.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.textDecorationLine]; }"
    )
    assert looks == ["none", "none"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_support_type_printed_from_the_browser_keeps_titles_and_short_lists_whole(page, server, paper):
    """The browser's own print of a page (as a trainer prints one type): no page ends on a title or a label
    ("Proceso:"), and no short list (a technique's situations) is split over two pages."""
    titles = {"Cuándo usarlo", "Características", "Técnicas y Scripts", "Proceso:", "Script:", "Elementos Clave:"}
    titles |= {"Cuándo usarlo:"}
    for support_type in PLAYBOOK.support_types:
        page.goto(f"{server}/tipos/{support_type.id}/")
        pages = pdf_pages(page, paper)
        techniques = {f"Técnica {n}: {t.title}" for n, t in enumerate(support_type.techniques, start=1)}
        ends = [[line.strip() for line in text.splitlines() if line.strip()][-1] for text in pages[:-1]]
        assert not [end for end in ends if end in titles | techniques], (support_type.id, ends)
        for technique in support_type.techniques:
            flat_pages = [" ".join(text.split()) for text in pages]
            on = {next(i for i, text in enumerate(flat_pages) if item in text) for item in technique.situations}
            assert len(on) == 1, (support_type.id, technique.id, "its situations split over pages")


def test_a_trainer_prints_only_the_parts_a_session_covers(page, server):
    """A one-hour session on Soporte Premium and the checklist, printed from the browser with no server's
    help: only those parts (and the cover and contents) reach the paper."""
    page.goto(f"{server}/print_page/")
    page.locator("#print-page-toc a").first.wait_for(state="attached")
    picker = page.locator(".pb-parts")
    print_button = page.locator(".pb-handout-print")
    assert picker.bounding_box()["y"] < print_button.bounding_box()["y"], "choose the parts, then print"
    picker.locator("summary").click()
    offered = picker.locator(".pb-parts__list label").all_inner_texts()
    assert not [title for title in offered if "Tipos de soporte" in title or "¶" in title]  # parts, by their titles
    for support_type in PLAYBOOK.support_types:
        assert len([title for title in offered if title.endswith(support_type.title)]) == 1, support_type.id
    wanted = {"Soporte Premium", "Checklist de Implementación"}
    for box in picker.locator(".pb-parts__list label").all():
        if not any(title in box.inner_text() for title in wanted):
            box.locator("input").uncheck()
    text = flat(pdf_pages(page))
    premium = next(t for t in PLAYBOOK.support_types if t.id == "premium")
    for technique in premium.techniques:
        assert technique.title in text and technique.script.closing in text
    assert PLAYBOOK.checklist.phases[0].items[0].text in text
    for other in (t for t in PLAYBOOK.support_types if t.id != "premium"):
        assert other.techniques[0].title not in text, other.id
    assert PLAYBOOK.case_studies.cases[0].result not in text
    assert PLAYBOOK.info.closing_quote not in text
    assert "Soporte Reactivo" not in text, "nor in the contents"
    assert "Imprimir solo algunas partes" not in text, "the picker itself is for the screen"
    # The screen still shows the whole handout; "Marcar todas" brings every part back to the paper.
    assert page.locator("#tipos-reactivo").is_visible()
    picker.get_by_role("button", name="Marcar todas").click()
    assert PLAYBOOK.info.closing_quote in flat(pdf_pages(page))


def test_a_group_whose_every_part_is_unticked_leaves_the_paper_and_the_contents(page, server):
    page.goto(f"{server}/print_page/")
    page.locator("#print-page-toc a").first.wait_for(state="attached")
    picker = page.locator(".pb-parts")
    picker.locator("summary").click()
    for support_type in PLAYBOOK.support_types:
        picker.get_by_label(support_type.title).uncheck()
    page.emulate_media(media="print")
    group = page.locator("section.print-page:has(> section#tipos-reactivo) > h1")
    assert group.text_content().strip() == "Tipos de soporte"
    assert group.is_hidden()
    assert page.locator("#print-page-toc li:visible").filter(has_text="Tipos de soporte").count() == 0
    assert page.locator("#print-page-toc li:visible").filter(has_text="Casos de Estudio").count() == 1


def test_the_browsers_print_carries_the_running_header_and_page_numbers_but_not_on_the_cover(page, server):
    header = f"{PLAYBOOK.info.title} · Versión {PLAYBOOK.info.version}"
    page.goto(f"{server}/print_page/")
    page.locator("#print-page-toc a").first.wait_for(state="attached")
    pages = pdf_pages(page)
    assert header not in pages[0] and "página" not in pages[0], "the cover is bare"
    for number, text in enumerate(pages[1:], start=2):
        assert header in text and f"página {number} de {len(pages)}" in text, number
    page.goto(f"{server}/tipos/premium/")
    pages = pdf_pages(page, "Letter")
    assert all(header in text for text in pages) and f"página 1 de {len(pages)}" in pages[0]


def test_the_session_name_date_and_facilitator_go_on_the_cover(page, server):
    page.goto(f"{server}/print_page/")
    page.locator("#print-page-toc a").first.wait_for(state="attached")
    picker = page.locator(".pb-parts")
    picker.locator("summary").click()
    picker.get_by_label("Sesión").fill("Taller de soporte premium")
    picker.get_by_label("Fecha").fill("   ")
    picker.get_by_label("Facilitador").fill("Ana Pérez")
    assert page.locator(".pb-cover__session").inner_text().split("\n") == [
        "Sesión: Taller de soporte premium",
        "Facilitador: Ana Pérez",
    ]
    cover = " ".join(pdf_pages(page)[0].split())
    assert "Sesión: Taller de soporte premium" in cover and "Facilitador: Ana Pérez" in cover
    assert "Fecha:" not in cover, "a field left empty, or with spaces only, prints nothing"
    assert page.evaluate("() => JSON.stringify({...localStorage, ...sessionStorage})").find("Ana") == -1


def test_wherever_a_title_falls_it_is_not_left_at_a_pages_foot(page, server):
    """Pushed down the page a step at a time (as longer content would push it), no title or label ever ends
    a printed page with its content on the next."""
    titles = {"Cuándo usarlo", "Características", "Técnicas y Scripts", "Proceso:", "Script:", "Elementos Clave:"}
    titles |= {"Cuándo usarlo:", "Técnica 1: Respuesta Rápida", "Técnica 2: Resolución Efectiva"}
    page.goto(f"{server}/tipos/reactivo/")
    stranded = []
    for push in range(0, 260, 12):  # mm
        page.evaluate(
            """(mm) => { let spacer = document.querySelector("#pb-test-spacer");
                 if (!spacer) { spacer = document.createElement("div"); spacer.id = "pb-test-spacer";
                   document.querySelector("article h1").after(spacer); }
                 spacer.style.height = mm + "mm"; }""",
            push,
        )
        for number, text in enumerate(pdf_pages(page)[:-1], start=1):
            last = [line.strip() for line in text.splitlines() if line.strip()][-1]
            if last in titles:
                stranded.append((push, number, last))
    assert stranded == []


def test_after_printing_the_page_is_as_it_was_and_prints_alike_again(page, server):
    """Titles are wrapped with what follows them for the print only: afterwards the rep's page is the same."""
    page.goto(f"{server}/tipos/reactivo/")
    before = page.locator("article").inner_html()
    first = pdf_pages(page)
    printed = flat(first)
    assert printed.index("Técnicas y Scripts") < printed.index("Técnica 1: Respuesta Rápida"), "titles in order"
    assert page.locator("article").inner_html() == before
    assert pdf_pages(page) == first


SESSION = PLAYBOOK.sessions[0]  # data/sessions/premium-en-una-hora.yml


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_session_prints_from_the_browser_as_its_handout(page, server, scheme):
    """A trainer's session, printed from its page in either scheme: its cover alone on the first sheet (no
    running header), its parts, the practice from a new sheet with cards framed in black and blanks as lines,
    each blank's name once, and the answers on the last sheet; nothing made for the screen."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/sesiones/{SESSION.id}/")
    page.emulate_media(media="print", color_scheme=scheme)
    pages = pdf_pages(page)
    assert set(lines(pages[0])) == set(cover_lines()), "the cover alone on its sheet, no running header"
    starts = [re.sub(r"^.*?página \d+ de \d+\s*", "", flat([text]), count=1) for text in pages]
    assert sum(start.startswith("Práctica") for start in starts) == 1
    assert starts[-1].startswith("Respuestas para el facilitador") and "Ordene los pasos" not in pages[-1]
    text = flat(pages)
    assert not [word for word in SCREEN_ONLY if word in text]
    borders = page.locator(".pb-card").evaluate_all("cards => cards.map((c) => getComputedStyle(c).borderTopColor)")
    assert set(borders) == {"rgb(0, 0, 0)"}
    blank = page.locator(".pb-card__blank").first
    line, size_px = blank.evaluate(
        "el => [getComputedStyle(el).borderTopStyle, parseFloat(getComputedStyle(el).fontSize)]"
    )
    assert line == "solid" and size_px * 72 / 96 >= 7
    names = page.locator(".pb-script__placeholder, .pb-card__blank").all_inner_texts()
    for name in set(names):
        assert text.count(name) == names.count(name), f"{name} printed {text.count(name)} times"


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def cover_lines() -> list[str]:
    """What a session's cover says: the session, the playbook, the facts given, a line for the participant."""
    facts = [("Fecha", SESSION.date and SESSION.date.isoformat()), ("Facilitador", SESSION.facilitator)]
    facts += [("Participantes", SESSION.audience), ("Duración", SESSION.duration)]
    given = [text for label, value in facts if value for text in (label, value)]
    return [SESSION.title, PLAYBOOK.info.title, *given, "Participante:"]


def test_a_short_self_check_still_leaves_the_answers_to_a_sheet_of_their_own(page, server):
    """With one question (a session on one technique), the answers would fit under it: the trainer could not
    copy the self-check without them."""
    page.goto(f"{server}/sesiones/{SESSION.id}/")
    page.evaluate("() => document.querySelectorAll('.pb-question:not(:first-child)').forEach((q) => q.remove())")
    page.emulate_media(media="print")
    pages = pdf_pages(page)
    asked = [number for number, text in enumerate(pages) if "Ordene los pasos" in text]
    answered = [number for number, text in enumerate(pages) if "Respuestas para el facilitador" in text]
    assert len(asked) == len(answered) == 1 and answered[0] > asked[0]
