"""Search as reps type: no accents, any case, partial words, plurals — the expected technique in the
top 3 results, deep-linked to its anchor, under its support type."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

QUERIES = [  # (what a rep types, the technique that must come up: page/#anchor)
    ("escalacion", "tipos/24-7/#disponibilidad-continua"),
    ("ESCALACIÓN", "tipos/24-7/#disponibilidad-continua"),
    ("escal", "tipos/especializado/#expertise-especializado"),  # the start of "escalar": the escalation technique
    ("priorizacion", "tipos/24-7/#respuesta-urgente"),
    ("diagnostico", "tipos/reactivo/#respuesta-rapida"),
    ("satisfaccion", "optimizacion/#satisfaccion-de-soporte"),
    ("personalizacion", "tipos/premium/#experiencia-premium"),
    ("riesgo", "tipos/proactivo/#prevencion-proactiva"),
    ("especializada", "tipos/especializado/#expertise-especializado"),
    ("valor agregado", "tipos/premium/#valor-agregado"),
    ("resolucion efectiva", "tipos/reactivo/#resolucion-efectiva"),
    ("cuellos de botella", "optimizacion/#tiempo-de-resolucion"),
    ("urgencia", "tipos/24-7/#respuesta-urgente"),
    ("experiencia memorable", "tipos/premium/#experiencia-premium"),
    ("solucion avanzada", "tipos/especializado/#soluciones-avanzadas"),
    ("prevencion", "tipos/proactivo/#prevencion-proactiva"),
    ("disponibilidad continua", "tipos/24-7/#disponibilidad-continua"),
    ("monitoreo", "tipos/proactivo/#prevencion-proactiva"),
    ("lealtad", "tipos/premium/#valor-agregado"),
    ("optimizacion continua", "tipos/proactivo/#optimizacion-continua"),
    ("tiempo de resolucion", "optimizacion/#tiempo-de-resolucion"),
    ("anos", "tipos/especializado/#expertise-especializado"),  # the page says "años"
    ("AÑOS", "tipos/especializado/#expertise-especializado"),
    ("cuando hay urgencia", "tipos/24-7/#respuesta-urgente"),  # stop words match nothing, and are not "missing"
]


# Results a rep sees without expanding Material's "N más en esta página".
VISIBLE_RESULTS = ".md-search-result__list a.md-search-result__link:not(details:not([open]) a)"


def search(page, query: str) -> list[str]:
    """Type like a person (key by key) and return the visible result links as page/#anchor, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    page.wait_for_timeout(150)  # the worker answers each keystroke; let the last answer land
    hrefs = page.locator(VISIBLE_RESULTS).evaluate_all("links => links.map(a => a.href)")
    return [urlparse(h).path.lstrip("/") + (f"#{urlparse(h).fragment}" if urlparse(h).fragment else "") for h in hrefs]


@pytest.mark.parametrize("query, expected", QUERIES)
def test_expected_technique_is_in_the_top_3_and_its_link_works(page, server, query, expected):
    page.goto(f"{server}/")
    results = search(page, query)
    assert expected in results[:3], f"{query!r}: {results[:5]}"
    link = page.locator(VISIBLE_RESULTS).nth(results.index(expected))
    assert link.locator(".md-search-result__terms del").count() == 0, "no typed word is reported missing"
    link.click()
    page.wait_for_url(f"**/{expected.split('#')[0]}*")
    anchor = expected.split("#")[1]
    assert urlparse(page.url).fragment == anchor
    assert page.locator(f"article [id='{anchor}']").evaluate("el => el.tagName") in {"H2", "H3"}  # a technique heading
    assert page.console_errors == []


def test_a_result_shows_its_support_type_and_title_matches_rank_first(page, server):
    page.goto(f"{server}/")
    results = search(page, "valor agregado")
    first_group = page.locator(".md-search-result__item").first
    assert "Soporte Premium" in first_group.locator("h1").first.inner_text()
    # The technique titled "Valor Agregado" outranks sections that only mention the words.
    sections = [r for r in results if "#" in r]
    assert sections[0] == "tipos/premium/#valor-agregado"


def test_the_match_is_highlighted_even_without_accents(page, server):
    page.goto(f"{server}/")
    search(page, "priorizacion")
    marks = page.locator(".md-search-result__list mark").all_inner_texts()
    assert any(m.lower().startswith("prioriza") for m in marks), marks


def test_query_markup_is_never_rendered(page, server):
    page.goto(f"{server}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("<img src=x onerror=alert(1)>", delay=10)
    page.wait_for_timeout(400)
    assert page.locator(".md-search img").count() == 0
    assert page.dialogs == []
