"""Issues 16 and 25, on a phone (390×844) as a rep on a live call: from what the customer says to a filled,
copied script in a few taps — the decision guide, "Cuándo usarlo", search in everyday words and with typos,
never a dead end, and the technique browser's filter over every text of a technique."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from test_search import search

from helpers import ROOT
from macros.loader import load_playbook

PHONE = {"width": 390, "height": 844}

QUERIES = [  # what a rep types on a call → where a sensible answer is (page/#anchor); the rank is reported
    # (a technique, never a type's "Cuándo usarlo": on a page where both match, the technique comes first)
    ("producto defectuoso", "tipos/reactivo/#resolucion-efectiva"),
    ("no me contestan", "tipos/reactivo/#respuesta-rapida"),
    ("cancelar contrato", "tipos/proactivo/#prevencion-proactiva"),
    ("se quiere dar de baja", "tipos/proactivo/#prevencion-proactiva"),
    ("pedido retrasado", "tipos/reactivo/#respuesta-rapida"),
    ("devolucion", "tipos/reactivo/#resolucion-efectiva"),
    ("garantia", "tipos/reactivo/#resolucion-efectiva"),
    ("cobro duplicado", "tipos/reactivo/#resolucion-efectiva"),
    ("cliente vip", "tipos/premium/#experiencia-premium"),
    ("fuera de horario", "tipos/24-7/#disponibilidad-continua"),
    ("fin de semana", "tipos/24-7/#disponibilidad-continua"),
    ("sistema caido", "tipos/24-7/#respuesta-urgente"),
    ("escalar a un experto", "tipos/especializado/#expertise-especializado"),
    ("error de integracion", "tipos/especializado/#soluciones-avanzadas"),
    ("renovacion", "tipos/proactivo/#optimizacion-continua"),
    ("cliente insatisfecho", "optimizacion/#satisfaccion-de-soporte"),
    ("encuesta", "optimizacion/#satisfaccion-de-soporte"),
    ("irse a la competencia", "tipos/premium/#valor-agregado"),
    # one letter wrong, missing, extra or swapped, in words of five letters or more
    ("defetuoso", "tipos/reactivo/#resolucion-efectiva"),
    ("devolucoin", "tipos/reactivo/#resolucion-efectiva"),
    ("garnatia", "tipos/reactivo/#resolucion-efectiva"),
    ("emergnecia", "tipos/24-7/#respuesta-urgente"),
    ("supervsor", "optimizacion/#satisfaccion-de-soporte"),
    ("renovcion", "tipos/proactivo/#optimizacion-continua"),
]


@pytest.fixture()
def phone(browser, server):
    # no service worker: requests a test holds or answers itself (page.route) never go around it
    context = browser.new_context(
        viewport=PHONE, permissions=["clipboard-read", "clipboard-write"], service_workers="block"
    )
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_a_situation_finds_its_technique_in_the_top_3(phone, server, query, expected):
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()  # the phone's search icon
    results = search(phone, query)
    rank = results.index(expected) + 1 if expected in results else None
    assert rank is not None and rank <= 3, f"{query!r}: rank {rank} — {results[:5]}"


def test_four_taps_from_home_to_a_filled_copied_script(phone, server):
    """Taps are clicks on links and buttons; typing into the field the last tap put the cursor in is not one."""
    phone.goto(f"{server}/")
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.wait_for(state="visible")  # once the page has loaded and set itself up, as the rep sees it
        assert locator.bounding_box()["y"] + 10 < PHONE["height"], "in view, no swipe"
        locator.click()
        taps += 1

    tap(phone.get_by_role("link", name="El cliente llama con un problema que ya está ocurriendo"))  # what happens
    situation = "Un producto defectuoso o que llegó roto → Resolución Efectiva"
    tap(phone.get_by_role("link", name=situation))
    phone.wait_for_url("**/tipos/reactivo/#resolucion-efectiva")
    tap(phone.locator("[data-pb-personalize=resolucion-efectiva]"))  # Personalizar, in view on arrival
    phone.keyboard.type("pantalla rota")  # the cursor is in the first blank's field
    script = phone.locator('.pb-script[data-pb-script="resolucion-efectiva"]')
    tap(script.locator("[data-pb-copy]"))
    assert taps <= 4
    phone.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes('pantalla rota'))")
    assert "- Problema: pantalla rota" in phone.evaluate("navigator.clipboard.readText()")
    assert phone.console_errors == []


def test_the_home_offers_trainers_the_checklist_the_handout_and_each_session(phone, server):
    phone.goto(f"{server}/")
    trainers = phone.locator(".pb-start__trainer")
    sessions = [session.title for session in load_playbook(ROOT / "data").sessions]
    assert sessions, "data/sessions/ holds the example session"
    assert trainers.all_inner_texts() == ["Checklist de Implementación", "Manual completo para imprimir", *sessions]
    for link in trainers.all():
        assert phone.request.get(link.evaluate("a => a.href")).ok


def test_a_type_page_says_when_to_use_it(phone, server):
    phone.goto(f"{server}/tipos/24-7/")
    when = phone.locator("#cuando-usarlo + .pb-when")
    assert "Llamadas fuera del horario de oficina" in when.inner_text()
    assert "También se dice: fuera de horario" in when.inner_text()


def test_the_browser_filter_finds_words_of_the_script_and_key_elements_without_accents(phone, server):
    phone.goto(f"{server}/tecnicas/")
    phone.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")  # the texts are in
    box = phone.locator("[data-pb-filter-text]")
    for words, technique in [
        ("priorizacion inteligente", "respuesta-rapida"),  # a blank of its script
        ("atencion plena", None),  # in no technique: nothing shown, and it says so
        ("cancelar contrato", "prevencion-proactiva"),  # a synonym
    ]:
        box.fill(words)
        shown = phone.locator(".pb-browser__item:visible a[href*='#']").evaluate_all(
            "links => links.map(a => new URL(a.href).hash.slice(1))"
        )
        if technique:
            assert technique in shown, (words, shown)
        else:
            assert shown == [] and phone.locator("[data-pb-browser-empty]").is_visible()


def test_when_nothing_matches_search_offers_the_closest_situations_and_the_guide(phone, server):
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    box = phone.locator("input.md-search__input")
    box.press_sequentially("qeja xyzzy", delay=15)
    help_panel = phone.locator(".pb-search-help")
    # awaited: the help may first answer the words typed so far ("qeja xyzz"), then the last key's
    expect(help_panel).to_have_text(re.compile(r"^Nada coincide con «qeja xyzzy»"))
    closest = help_panel.locator(".pb-search-help__situation")
    assert "Un cliente estratégico con una queja → Experiencia Premium" in closest.all_inner_texts()
    guide = help_panel.locator(".pb-search-help__guide")
    url = urlparse(guide.get_attribute("href"))
    assert url.path.endswith("/guia/") and parse_qs(url.query)["filtro"] == ["qeja xyzzy"]
    guide.click()  # the guide, its filter holding what was typed: it says nothing matches, and offers every group
    phone.wait_for_url("**/guia/?filtro=*")
    assert phone.locator("[data-pb-chooser-filter]").input_value() == "qeja xyzzy"
    assert "Ninguna situación dice «qeja xyzzy»" in phone.locator("[data-pb-chooser-none]").inner_text()
    assert phone.locator("[data-pb-chooser-group]:visible").count() == 6
    assert phone.console_errors == []


def test_on_a_phone_the_offered_situations_are_cards_flush_with_the_hint(phone, server):
    help_situations(phone, server, "qeja xyzzy")
    # both measured in one frame: the search panel may still be sliding into place
    hint, card = phone.evaluate(
        """() => [".pb-search-help p", ".pb-search-help__situation"]
             .map((selector) => document.querySelector(selector).getBoundingClientRect().left)"""
    )
    assert card == hint  # no list indent: the whole width for the tap
    assert phone.locator(".pb-search-help ul").evaluate("list => getComputedStyle(list).listStyleType") == "none"


def test_the_closest_situation_leads_to_its_technique(phone, server):
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").press_sequentially("qeja xyzzy", delay=15)
    phone.get_by_role("link", name="Un cliente estratégico con una queja → Experiencia Premium").click()
    phone.wait_for_url("**/tipos/premium/#experiencia-premium")


def test_a_search_hit_marks_the_words_found_without_accents(phone, server):
    phone.goto(f"{server}/tipos/24-7/?h=escalacion")
    marked = phone.locator("article mark").all_inner_texts()
    assert "Escalación" in marked


BESIDE_RAPIDA = "marks => marks.filter((m) => m.textContent === 'rápida')"


def test_marking_the_words_searched_changes_no_text_of_the_page(phone, server):
    phone.goto(f"{server}/tipos/24-7/")
    before = phone.locator("article").inner_text()
    # «calacion» is inside «escalacion»: each word marked once, none twice
    phone.goto(f"{server}/tipos/24-7/?h=rapida+escalacion+calacion")
    assert phone.locator("article").inner_text() == before
    marks = phone.locator("article mark")
    assert set(marks.evaluate_all("marks => marks.map(m => m.textContent)")) == {"Escalación", "rápida"}
    # both words of one line marked, whichever was searched first
    marked_before = marks.evaluate_all(f"{BESIDE_RAPIDA}.map(m => m.previousSibling.previousSibling?.textContent)")
    assert "Escalación" in marked_before


def test_a_word_search_did_not_find_is_named_as_typed(phone, server):
    """Material lists a result's missing words («Falta:») lower-cased and without accents."""
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").press_sequentially("queja ÑANDÚ zzxqj", delay=15)
    missing = phone.locator(".md-search-result__terms del")
    missing.first.wait_for()
    phone.wait_for_timeout(500)  # the answer to the last keystroke
    assert set(missing.all_inner_texts()) == {"ÑANDÚ", "zzxqj"}


def test_on_a_phone_the_filled_script_stays_in_view_while_typing(phone, server):
    phone.goto(f"{server}/tipos/reactivo/")
    script = phone.locator('.pb-script[data-pb-script="respuesta-rapida"]')
    script.locator(".pb-personalizer summary").click()
    last = script.locator(".pb-personalizer input[data-pb-field]").last
    last.click()  # the last field: the page scrolls down to it
    last.fill("validado por el cliente")
    code = script.locator(".pb-script__original").bounding_box()
    field = last.bounding_box()
    assert code["y"] >= 0 and code["y"] + 40 < field["y"] < PHONE["height"], (code, field)
    assert "validado por el cliente" in script.locator(".pb-script__original").inner_text()


def help_situations(phone, server, query: str) -> list[str]:
    """What search offers when nothing matches `query`: its closest situations (empty when none is close)."""
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").fill(query)  # at once: what Material finds on the way is not asked here
    guide = phone.locator(".pb-search-help__guide")
    guide.wait_for(state="visible")
    phone.wait_for_function(  # the help for the whole query, not for a part typed on the way
        "query => new URL(document.querySelector('.pb-search-help__guide').href).searchParams.get('filtro') === query",
        arg=query,
    )
    return phone.locator(".pb-search-help__situation").all_inner_texts()


@pytest.mark.parametrize(
    "query, offered",
    [  # words Material's search finds nowhere, typed or pasted (a word it finds hides the help, at its own pace)
        # a word of five letters or more that starts like a situation's word, however far its ending
        ("competir zzxqj", "Retener a un cliente que compara con la competencia → Valor Agregado"),
        # two letters wrong in a long word: close enough for its length
        ("espezialita zzxqj", "Hay que escalar a un especialista → Expertise Especializado"),
    ],
)
def test_when_nothing_matches_a_word_cut_short_or_misspelt_still_finds_its_situation(phone, server, query, offered):
    assert offered in help_situations(phone, server, query)


def test_when_nothing_matches_three_situations_at_most_are_offered_the_closest_first(phone, server):
    # «clienzzz» starts like «cliente», a word of 16 situations: the three first are offered
    assert len(help_situations(phone, server, "clienzzz zzxqj")) == 3
    # two letters off «especialista» (of 12) is closer than two off «clientes» (of 8)
    assert help_situations(phone, server, "kliemtes espezialita zzxqj") == [
        "Hay que escalar a un especialista → Expertise Especializado",
        "Clientes que llaman de noche, en festivo o desde otra zona horaria → Disponibilidad Continua",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "reno zzxqj",  # four letters are too few to be taken as the start of «renovación»
        "una con zzxqj",  # short words say nothing: no situation is offered for them
        "zq xj",  # nothing but short words
    ],
)
def test_when_nothing_matches_a_far_or_empty_word_offers_no_situation_only_the_guide(phone, server, query):
    assert help_situations(phone, server, query) == []
    assert phone.locator(".pb-search-help__guide").is_visible()
    assert "Nada coincide" not in phone.locator(".pb-search-help").inner_text()  # no hint with nothing after it


def test_search_help_never_shows_beside_results_that_came_while_it_was_looking(phone, server):
    """On a slow line the situations may arrive after Material's results for the same words: then no help."""
    held = []
    phone.route("**/search/search_index.json", lambda route: held.append(route))
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").fill("queja")
    for _ in range(100):  # the help looks 400 ms after the last keystroke, Material's results not there yet
        if len(held) == 2:
            break
        phone.wait_for_timeout(100)  # (held routes are handed over while Playwright waits)
    assert len(held) == 2  # Material's index (asked at start-up), then the help's
    held[0].continue_()
    phone.locator(".md-search-result__item").first.wait_for()
    held[1].continue_()
    phone.wait_for_timeout(1000)
    assert phone.locator(".pb-search-help").is_hidden()


def test_spaces_alone_in_the_search_box_bring_no_help(phone, server):
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").fill("   ")
    phone.wait_for_timeout(1500)  # the help answers 400 ms after the last keystroke
    assert phone.locator(".pb-search-help").is_hidden()


def test_a_space_after_the_last_word_still_brings_the_help(phone, server):
    """Phone keyboards add a space after each word they complete."""
    phone.goto(f"{server}/")
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").fill("qeja xyzzy ")
    help_panel = phone.locator(".pb-search-help")
    help_panel.wait_for(state="visible")
    assert "Nada coincide con «qeja xyzzy»" in help_panel.inner_text()
