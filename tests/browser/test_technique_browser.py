"""The technique browser: every technique listed; filter by type and text, instantly, in the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import yaml

from helpers import ROOT
from macros.loader import load_playbook

PLAYBOOK = load_playbook(ROOT / "data")
ALL = sum(len(t.techniques) for t in PLAYBOOK.support_types) + len(PLAYBOOK.optimization.techniques)


def visible_titles(page) -> list[str]:
    return page.locator(".pb-browser__item:visible strong a").all_inner_texts()


def count(page) -> str:
    return page.locator("[data-pb-browser-count]").inner_text()


def test_lists_every_technique_with_type_focus_first_step_and_link(page, server):
    page.goto(f"{server}/tecnicas/")
    assert len(visible_titles(page)) == ALL == 12
    first = page.locator(".pb-browser__item").first
    technique = PLAYBOOK.support_types[0].techniques[0]
    assert technique.title in first.inner_text()
    assert PLAYBOOK.support_types[0].title in first.locator(".pb-tag").inner_text()
    assert PLAYBOOK.support_types[0].focus in first.inner_text()
    assert technique.process[0] in first.inner_text()
    first.locator("strong a").click()
    page.wait_for_url(f"**/tipos/{PLAYBOOK.support_types[0].id}/#{technique.id}")


def test_filter_by_type_is_instant_and_in_the_url(page, server):
    page.goto(f"{server}/tecnicas/")
    page.locator("[data-pb-filter-type]").select_option("premium")
    assert visible_titles(page) == ["Experiencia Premium", "Valor Agregado"]
    assert count(page) == f"2 de {ALL} técnicas"
    assert parse_qs(urlparse(page.url).query) == {"tipo": ["premium"]}


def test_filter_by_text_forgives_accents(page, server):
    page.goto(f"{server}/tecnicas/")
    page.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")
    page.locator("[data-pb-filter-text]").press_sequentially("diagnostico")  # its script: "Diagnóstico: [Tiempo]"
    assert visible_titles(page) == ["Respuesta Rápida"]
    assert parse_qs(urlparse(page.url).query) == {"texto": ["diagnostico"]}
    page.locator("[data-pb-filter-text]").fill("TIEMPO resolución")  # in these three scripts, both words
    assert visible_titles(page) == ["Respuesta Rápida", "Respuesta Urgente", "Tiempo de Resolución"], (
        "every word typed must match, in any case"
    )
    page.locator("[data-pb-filter-text]").fill("zzzz")
    assert visible_titles(page) == [] and page.locator("[data-pb-browser-empty]").is_visible()


def test_a_shared_url_restores_the_filter(page, server):
    page.goto(f"{server}/tecnicas/?tipo=optimizacion&texto=satisfaccion")
    assert page.locator("[data-pb-filter-type]").input_value() == "optimizacion"
    assert page.locator("[data-pb-filter-text]").input_value() == "satisfaccion"
    assert visible_titles(page) == ["Satisfacción de Soporte"]
    assert page.locator(".md-search__output").is_hidden(), "our parameter does not open Material's search"


def test_filters_work_from_the_keyboard(page, server):
    page.goto(f"{server}/tecnicas/")
    page.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")
    page.locator("[data-pb-filter-text]").focus()
    page.keyboard.type("lealtad")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "pb-browser-type"
    assert visible_titles(page) == ["Valor Agregado"]


def test_tag_on_a_technique_opens_all_techniques_of_its_type(page, server):
    page.goto(f"{server}/tipos/24-7/")
    page.locator("a.pb-tag").first.click()
    page.wait_for_url("**/tecnicas/?tipo=24-7")
    assert visible_titles(page) == ["Disponibilidad Continua", "Respuesta Urgente"]


def test_without_javascript_the_full_list_shows(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/tecnicas/?tipo=premium")
    assert len(visible_titles(page)) == ALL
    assert page.locator("[data-pb-browser-filters]").is_hidden()
    context.close()


def test_on_a_browser_split_over_pages_every_type_is_offered_and_opens_its_page(page, serve, big_site):
    project, site = big_site
    base = serve(site)
    optimization = yaml.safe_load((project / "data/optimization.yml").read_text(encoding="utf-8"))["techniques"]
    page.goto(f"{base}/tecnicas/")
    page.locator("[data-pb-filter-type]").select_option("optimizacion")
    page.wait_for_url("**/tecnicas/2/?tipo=optimizacion")
    assert visible_titles(page) == [t["title"] for t in optimization]
    assert count(page).startswith(f"{len(optimization)} de ")

    page.goto(f"{base}/tecnicas/2/?tipo=reactivo&texto=rapida")  # a shared link to the wrong page
    page.wait_for_url("**/tecnicas/?tipo=reactivo&texto=rapida")
    assert visible_titles(page) == ["Respuesta Rápida"]
    assert page.console_errors == []


def test_the_no_match_message_shows_only_while_nothing_matches(page, server):
    page.goto(f"{server}/tecnicas/")
    empty = page.locator("[data-pb-browser-empty]")
    assert empty.is_hidden()
    page.locator("[data-pb-filter-text]").fill("zzzz")
    assert empty.is_visible()
    page.locator("[data-pb-filter-text]").fill("")
    assert empty.is_hidden() and len(visible_titles(page)) == ALL


def test_with_no_type_in_the_address_the_type_list_reads_all_types(page, server):
    page.goto(f"{server}/tecnicas/?texto=rapida")
    chosen = page.locator("[data-pb-filter-type]").evaluate("select => select.selectedOptions[0]?.textContent")
    assert chosen == page.locator("[data-pb-filter-type] option").first.inner_text() != ""


def test_on_a_browser_split_over_pages_back_returns_where_the_reader_was(page, serve, big_site):
    """Choosing a type whose rows are on another page is a step back can undo; a shared link to the wrong page,
    put right at once, is not a step: back leaves it rather than bouncing into it again."""
    _, site = big_site
    base = serve(site)
    page.goto(f"{base}/tecnicas/")
    page.locator("[data-pb-filter-type]").select_option("optimizacion")
    page.wait_for_url("**/tecnicas/2/?tipo=optimizacion")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}/tecnicas/"

    page.goto(f"{base}/tecnicas/2/?tipo=reactivo")  # a shared link to the wrong page
    page.wait_for_url("**/tecnicas/?tipo=reactivo")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}/tecnicas/"


def test_the_address_carries_the_filter_trimmed_and_nothing_once_cleared(page, server):
    """What a rep would share: the words without the space a phone keyboard adds, and a plain address again once
    the filters are cleared."""
    page.goto(f"{server}/tecnicas/")
    page.locator("[data-pb-filter-type]").select_option("premium")
    page.locator("[data-pb-filter-text]").fill("valor ")
    assert parse_qs(page.evaluate("location.search")[1:]) == {"tipo": ["premium"], "texto": ["valor"]}
    page.locator("[data-pb-filter-text]").fill("")
    page.locator("[data-pb-filter-type]").select_option("")
    assert page.evaluate("location.search") == ""


def test_enter_in_the_filter_box_keeps_the_page_and_its_filter(page, server):
    """The phone keyboard's Enter ("Ir") is not a form sent: the page stays, with its list filtered."""
    page.goto(f"{server}/tecnicas/")
    page.evaluate("window.samePage = true")
    page.locator("[data-pb-filter-text]").fill("lealtad")
    page.locator("[data-pb-filter-text]").press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.samePage === true")
    assert visible_titles(page) == ["Valor Agregado"]


def test_while_the_search_index_is_on_its_way_the_filter_works_on_the_rows(page, server):
    """On a slow connection the index (every text of each technique) may take a while: a shared address's
    filter, and what is typed, apply at once to what the rows say."""
    page.route("**/search/search_index.json", lambda route: None)  # never answered in this test
    page.goto(f"{server}/tecnicas/?tipo=premium&texto=valor")
    assert visible_titles(page) == ["Valor Agregado"]
    assert count(page) == f"1 de {ALL} técnicas"
    page.locator("[data-pb-filter-text]").fill("memorable")  # its first step: «Crea experiencia memorable»
    assert visible_titles(page) == ["Experiencia Premium"]


def test_the_filter_reads_the_techniques_words_not_the_pages_markup(page, server):
    """The index holds each technique's text as HTML (a script is `<pre><code>…`); its tags are no words a
    technique says: `code` is in none of them."""
    page.goto(f"{server}/tecnicas/")
    page.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")
    page.locator("[data-pb-filter-text]").fill("code")
    assert visible_titles(page) == []


def test_when_the_search_index_cannot_be_loaded_the_filter_works_on_the_rows(page, server):
    page.route("**/search/search_index.json", lambda route: route.abort())
    page.goto(f"{server}/tecnicas/?texto=memorable")
    page.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")  # done waiting for it
    assert visible_titles(page) == ["Experiencia Premium"]
    # the failed download's own messages (the browser's, and Material's search, which needs the index too) only
    assert [e for e in page.console_errors if "Failed to load resource" not in e and e != "Network error"] == []


def test_a_shared_address_finds_words_only_the_index_has_once_it_arrives(page, server):
    """«diagnostico» is in a script, not in any row: the list narrows to its technique when the index is here."""
    page.goto(f"{server}/tecnicas/?texto=diagnostico")
    page.locator("[data-pb-browser][data-pb-full-text=ready]").wait_for(state="attached")
    assert visible_titles(page) == ["Respuesta Rápida"]
