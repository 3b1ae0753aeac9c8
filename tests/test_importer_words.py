"""The importer's words part (macros/reading/words.py): ids made from titles, titles from shouted headings, icons."""

from __future__ import annotations

import pytest

from macros.reading.words import content_words, fold, item_id, slug, split_icon, title_case, unbold, unique


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Resolución Rápida", "resolucion-rapida"),
        ("¿Respuesta Rápida?", "respuesta-rapida"),
        ("Soporte 24/7", "soporte-24-7"),
        ("  Niño  ", "nino"),
        ("Atención 🛟 al Cliente", "atencion-al-cliente"),
        ("L'Oréal: PAGO", "l-oreal-pago"),
    ],
)
def test_a_slug_is_a_lowercase_ascii_id(title, expected):
    assert slug(title) == expected


def test_fold_compares_as_a_reader_would():
    assert fold("  Resolución   RÁPIDA ") == fold("resolucion rapida") == "resolucion rapida"
    assert fold("SOPORTE\tReactivo") == "soporte reactivo"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("CHECKLIST DE IMPLEMENTACIÓN", "Checklist de Implementación"),
        ("DE LA NADA AL CLIENTE", "De la Nada al Cliente"),  # a first small word stays capitalised
        ("SOPORTE 24/7", "Soporte 24/7"),
        ("Soporte y Servicio", "Soporte y Servicio"),  # not shouted: unchanged
        ("Guía de iPhone", "Guía de iPhone"),
        ("¿QUÉ HACER?", "¿Qué Hacer?"),  # opening punctuation: the letter after it is capitalised
        ("SOPORTE (URGENTE)", "Soporte (Urgente)"),
    ],
)
def test_a_shouted_heading_becomes_a_title(heading, expected):
    assert title_case(heading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🛟 Soporte y Servicio", ("🛟", "Soporte y Servicio")),
        ("⚡️ Rápido", ("⚡️", "Rápido")),  # with its variation selector
        ("🇪🇸 España", ("🇪🇸", "España")),
        ("👩‍💻 Equipo", ("👩‍💻", "Equipo")),  # a joined sequence is one icon
        ("Soporte y Servicio", ("", "Soporte y Servicio")),
        ("24/7 Soporte", ("", "24/7 Soporte")),
        ("¿Qué hacer?", ("", "¿Qué hacer?")),
    ],
)
def test_a_leading_emoji_is_split_off_as_the_icon(text, expected):
    assert split_icon(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("**Características:**", "Características"), ("**Proceso**", "Proceso"), ("Script:", "Script")],
)
def test_unbold_leaves_the_label_text(text, expected):
    assert unbold(text) == expected


def test_unique_numbers_a_repeated_id_and_falls_back_when_empty():
    taken: set[str] = {"cierre-amable"}
    assert [unique("cierre-amable", taken, "tecnica") for _ in range(2)] == ["cierre-amable-2", "cierre-amable-3"]
    assert [unique("", taken, "tecnica") for _ in range(2)] == ["tecnica", "tecnica-2"]


def test_content_words_skip_connecting_words_and_mente_adverbs():
    assert content_words("Optimiza continuamente la atención del cliente") == ["optimiza", "atencion", "cliente"]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Identifica tipo de soporte apropiado", "identifica-tipo"),
        ("Revisa la caja", "revisa-caja"),
        ("Verifica", "verifica"),
        ("Rápidamente", "rapidamente"),  # no content word left: the whole slug
    ],
)
def test_a_checklist_item_id_is_its_first_two_content_words(item, expected):
    assert item_id(item) == expected
