"""Objection handling (data/objections.yml): read from a document's objections section, shown on one page."""

from __future__ import annotations

import pytest

from helpers import article, build
from macros.importer.document import import_markdown
from macros.loader import DataErrors, load_playbook

HEAD = "# 🛟 Ventas\n\n**Guía**\n\n"
SECTION = (
    "## 💬 MANEJO DE OBJECIONES\n\n"
    '### Objeción 1: "Muy caro"\n\n**Respuesta:**\n```\n"Entiendo. ¿Con qué lo compara?\n\n'
    'El ahorro es [X] al mes."\n```\n\n**Si persiste**: Ofrezca un piloto\n\n---\n\n'
    '### Objeción 2: "Ya tenemos algo"\n\nNota suelta que no es una respuesta.\n\n**Respuesta**: Pregunte qué falta\n'
)


def test_each_objection_is_read_with_its_answers_as_written():
    result = import_markdown(HEAD + SECTION, "ventas.md")
    data = result.data["data/objections.yml"]
    assert data["title"] == "Manejo de Objeciones" and data["icon"] == "💬"
    (first,) = data["objections"]  # the second has a block that is no answer: it goes to a free page whole
    assert first == {
        "id": "muy-caro",
        "title": 'Objeción 1: "Muy caro"',
        "answers": [
            {"label": "Respuesta", "text": '"Entiendo. ¿Con qué lo compara?\n\nEl ahorro es [X] al mes."'},
            {"label": "Si persiste", "text": "Ofrezca un piloto"},
        ],
    }
    assert any('«"Ya tenemos algo"» tiene un bloque que no es una respuesta' in w for w in result.warnings)
    (page,) = [v for k, v in result.data.items() if k.startswith("data/pages/")]
    assert 'Objeción 2: "Ya tenemos algo"' in page["markdown"] and "Nota suelta" in page["markdown"]


def test_an_answer_in_a_blockquote_or_in_quotes_is_read_line_for_line():
    text = HEAD + (
        "## 💬 OBJECIONES\n\n"
        '### Objeción 1: "Muy caro"\n\n**Respuesta:**\n> "Entiendo. ¿Con qué lo compara?\n> El ahorro es [X]."\n\n'
        '### Objeción 2: "Lo pienso"\n\n**Respuesta:**\n"Claro. ¿Qué le hace dudar?"\n'
    )
    one, two = import_markdown(text, "v.md").data["data/objections.yml"]["objections"]
    assert one["answers"] == [{"label": "Respuesta", "text": '"Entiendo. ¿Con qué lo compara?\nEl ahorro es [X]."'}]
    assert two["answers"] == [{"label": "Respuesta", "text": '"Claro. ¿Qué le hace dudar?"'}]


def test_numbered_quoted_headings_are_objections_too_but_only_under_an_objections_section():
    numbered = (
        SECTION.replace("Objeción 1:", "1.")
        .replace("### Objeción 2:", "### 2.")
        .replace("Nota suelta que no es una respuesta.\n\n", "")
    )
    assert len(import_markdown(HEAD + numbered, "v.md").data["data/objections.yml"]["objections"]) == 2
    other = numbered.replace("MANEJO DE OBJECIONES", "PREGUNTAS FRECUENTES")
    assert "data/objections.yml" not in import_markdown(HEAD + other, "v.md").data


def test_the_page_shows_every_answer_line_for_line_with_its_blanks_marked(project, tmp_path):
    (project / "data" / "objections.yml").write_text(
        'title: Manejo de objeciones\nicon: "💬"\nobjections:\n'
        "  - id: muy-caro\n    title: '\"Muy caro\"'\n    answers:\n"
        "      - label: Respuesta\n        text: |\n          Entiendo.\n\n          El ahorro es [X] <b>al mes</b>.\n",
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = article(tmp_path / "site", "objeciones")
    answer = page.select_one(".pb-objection__answer")
    assert answer.get_text("|") == "Entiendo.|El ahorro es |[X]| <b>al mes</b>."  # HTML shown as text
    assert len(answer.select("br")) == 2  # line for line, the blank line too
    assert answer.select_one(".pb-script__placeholder").get_text() == "[X]"
    assert page.select_one(".pb-objection__label strong").get_text() == "Respuesta:"


def test_an_objection_without_answers_gets_one_line(project):
    (project / "data" / "objections.yml").write_text(
        'title: Objeciones\nicon: "💬"\nobjections:\n  - id: caro\n    title: Caro\n', encoding="utf-8"
    )
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    (error,) = caught.value.errors
    assert str(error).startswith("data/objections.yml:4:") and "falta el campo `answers`" in str(error), str(error)
