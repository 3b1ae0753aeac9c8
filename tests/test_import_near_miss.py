"""Every part of a document that goes to a free page gets a warning saying which part of a playbook it came
nearest to and what it lacked (macros/importer/near_miss.py), so the author knows what to change."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from macros.importer import near_miss
from macros.importer.document import import_markdown
from macros.messages import Messages
from macros.models import default_labels
from macros.reading.blocks import tokenize

HEAD = "# Guía\n\n**Para el equipo**\n\n"
REAL = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.md"))
PAGE_MADE = re.compile(r":(\d+): líneas \d+–\d+ .* → página libre")


def warnings_of(body: str) -> list[str]:
    return import_markdown(HEAD + body, "guia.md").warnings


@pytest.mark.parametrize("source", REAL, ids=lambda path: path.stem)
def test_every_free_page_of_a_real_document_is_explained_where_it_starts(source):
    result = import_markdown(source.read_bytes(), source.name)
    starts = {int(line) for line in PAGE_MADE.findall("\n".join(result.report))}
    explained = {int(w.split(":")[1]) for w in result.warnings if "va, tal cual, a una página libre" in w}
    assert starts and starts <= explained, sorted(starts - explained)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            '## Respuestas\n\n```\nScript:\n"Hola, ¿en qué le ayudo?"\n```\n',
            "lo más parecido es un tipo de soporte, pero su guion en un bloque de código no está bajo un encabezado",
        ),
        (
            "## Bienvenida\n\n**Saludo A**\n\n> ¡Hola! Soy [Nombre].\n",
            "tiene un solo mensaje con nombre",
        ),
        (
            '## Objeciones frecuentes\n\n### "Es muy caro"\n\nDepende del volumen.\n',
            "lo más parecido es la sección de objeciones, pero sus objeciones no tienen una respuesta",
        ),
        (
            "## Ejemplos\n\n### Ejemplo 1: Un pedido tarde\n\n**Situación:** llegó tarde.\n",
            "lo más parecido es un caso de estudio, pero",
        ),
        ("## Horarios\n\nAtendemos de 9 a 18.\n", "es texto de consulta"),
    ],
    ids=["script-without-situation", "one-message", "objections-without-answers", "case-without-parts", "prose"],
)
def test_a_section_gone_to_a_free_page_says_what_it_almost_was_and_why_not(body, says):
    (warning,) = [w for w in warnings_of(body) if "página libre" in w]
    assert warning.startswith("guia.md:5: «") and says in warning, warning


def test_a_second_section_of_a_kind_read_once_says_the_first_was_read():
    checklist = "## ✅ CHECKLIST DE {n}\n\n### Fase 1\n\n- [ ] Revisar el pedido\n\n"
    warnings = warnings_of(checklist.format(n="INICIO") + checklist.format(n="CIERRE"))
    assert any(
        "«CHECKLIST DE CIERRE» va, tal cual, a una página libre" in w and "se lee la primera" in w for w in warnings
    )


def test_every_reason_a_section_can_be_given_is_in_both_catalogues():
    """A section no reader takes may hold anything: each shape's reason is found, in Spanish and in English."""
    bodies = [
        '### "Muy caro"',
        '```\nScript:\n"Hola"\n```',
        "**A**\n\n> hola",
        "- [ ] tarea",
        "### Caso 1: x",
        "**{situation}:** x",
        "1. paso",
        "| a | b |",
        "Texto.",
    ]
    for language in ("es", "en"):
        say = Messages(language)
        said = [body.replace("{situation}", default_labels(language)["situation"]) for body in bodies]
        reasons = {near_miss.nearest(tokenize(body + "\n"), "Notas", say)[1] for body in said}
        assert len(reasons) == len(bodies)  # each body is its own shape
        for body in said:
            key, blanks = near_miss.warning(tokenize(body + "\n"), "Notas", say)
            assert blanks["why"] and key in ("near_miss", "near_none")
