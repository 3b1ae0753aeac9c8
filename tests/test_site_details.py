"""Pages a site makes from the data alone, and what one page gives the printable handout: each support type and
each session gets its own page calling its macro; the handout copy of a page loses only the screen's furniture."""

from __future__ import annotations

from helpers import ROOT
from macros.handout import page_for_handout
from macros.kinds import sessions, support_types
from macros.loader import load_playbook
from macros.site import Site
from macros.sitemap import HOME, link


def test_each_support_type_and_session_gets_a_page_of_its_own():
    playbook = load_playbook(ROOT / "data")
    pages = Site.of(playbook).generated_pages()
    expected = {support_types.page_of(t.id): f'{{{{ support_type_page("{t.id}") }}}}\n' for t in playbook.support_types}
    expected |= {sessions.page_of(s.id): f'{{{{ session_page("{s.id}") }}}}\n' for s in playbook.sessions}
    assert pages == expected
    assert pages["tipos/premium.md"] == '{{ support_type_page("premium") }}\n'
    assert len(pages) == 6  # five support types, one session


def test_the_handout_copy_of_a_page_keeps_its_content_and_drops_the_screens_furniture():
    html = (
        "<h1>Checklist</h1>\n"
        '<p class="pb-print-meta">Versión 1.0 · 2025-01-27</p>\n'
        '<div class="pb-print-header">Playbook de Soporte</div>\n'
        '<p class="pb-print-button pb-needs-js" data-search-exclude><button type="button">Imprimir</button></p>\n'
        "<p>Identifica tipo de soporte apropiado</p>\n"
        '<div class="pb-print-notes">Notas</div>\n'
        '<p class="pb-technique__head"><a href="../tecnicas/">Personalizar</a></p>\n'
        "<ul><li>Prepara equipo</li></ul>\n"
    )
    assert page_for_handout(html) == (
        "<h1>Checklist</h1>\n<p>Identifica tipo de soporte apropiado</p>\n<ul><li>Prepara equipo</li></ul>\n"
    )


def test_a_page_without_screen_furniture_goes_into_the_handout_unchanged():
    html = "<h2>Casos de estudio</h2>\n<p>Un cliente <em>premium</em> llama a las 3 a. m.</p>\n"
    assert page_for_handout(html) == html


def test_a_markdown_link_to_a_place_on_its_own_page_is_the_bare_anchor():
    """The home page's index links to the framework further down the home page itself: `#framework-soporte`,
    which every engine (the served site, the offline bundle, the handout) keeps on the same page."""
    assert link(HOME, HOME, "framework-soporte") == "#framework-soporte"
    assert link("tipos/reactivo.md", "tipos/reactivo.md", "paso-2", "tipo=premium") == "?tipo=premium#paso-2"
