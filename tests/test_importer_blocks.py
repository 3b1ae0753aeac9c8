"""The importer's blocks part (macros/reading/blocks.py): the text cut into blocks, bold labels, tables."""

from __future__ import annotations

import pytest

from macros.reading.blocks import Token, bold_label, is_table_rule, table_cells, take, tokenize

DOC = """# 🛟 Soporte

**Guía rápida**

## 📋 SECCIÓN ##
- [ ] tarea pendiente
- [x] tarea hecha
- [X] minutos de espera
* viñeta
2) segundo paso
| **Tipo** | Descripción |
|---|:---:|
---
#hashtag
"""


def test_each_line_becomes_a_block_of_its_kind_at_its_line():
    assert [(t.kind, t.line, t.text) for t in tokenize(DOC)] == [
        ("heading", 1, "🛟 Soporte"),
        ("para", 3, "**Guía rápida**"),
        ("heading", 5, "📋 SECCIÓN"),
        ("check", 6, "tarea pendiente"),
        ("check", 7, "tarea hecha"),
        ("bullet", 8, "[X] minutos de espera"),  # `[X]` is a fill-in blank, not a ticked task
        ("bullet", 9, "viñeta"),
        ("numbered", 10, "segundo paso"),
        ("table", 11, "| **Tipo** | Descripción |"),
        ("table", 12, "|---|:---:|"),
        ("rule", 13, "---"),
        ("para", 14, "#hashtag"),  # no space after #: not a heading
    ]


def test_headings_keep_their_level_and_numbered_items_their_number():
    tokens = tokenize("# Uno\n#### **Técnica 1: Hola**\n7. séptimo\n")
    assert [(t.level, t.number) for t in tokens] == [(1, 0), (4, 0), (0, 7)]


def test_a_code_block_keeps_its_lines_as_written_and_is_not_read_as_markdown():
    (token,) = tokenize("```\n## no es un título\n  - sangrado   \n```\n")
    assert token.kind == "code" and token.line == 1
    assert token.code == ((2, "## no es un título"), (3, "  - sangrado"))
    assert token.raw == ("```", "## no es un título", "  - sangrado   ", "```")


def test_an_unclosed_code_block_runs_to_the_end_with_a_warning_at_its_line():
    warnings: list = []
    *_, code = tokenize("# T\n\n**S**\n\n```\nHola, [Nombre]\n\n## Más\n", warnings)
    assert code.kind == "code" and code.code[0] == (6, "Hola, [Nombre]") and code.code[-1] == (8, "## Más")
    assert [(line, said.key) for line, said in warnings] == [(5, "unclosed_code")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Resultado:** texto", ("Resultado", "texto")),
        ("**Resultado**: texto", ("Resultado", "texto")),
        ("**Versión:**   1.0  ", ("Versión", "1.0")),
        ("**Proceso:**", ("Proceso", "")),
        ("**Guía rápida**", None),
        ("Resultado: texto", None),
        ("- **Resultado:** texto", None),  # a list item, not a label
    ],
)
def test_bold_label_splits_label_and_value(line, expected):
    assert bold_label(tokenize(line)[0]) == expected


def test_take_returns_a_run_of_one_kind():
    tokens = tokenize("- a\n- b\n\n- c\ntexto\n- d\n")
    run, after = take(tokens, 0, "bullet")
    assert [t.text for t in run] == ["a", "b", "c"] and after == 3
    assert take(tokens, 3, "bullet") == ([], 3)


def row(text: str) -> Token:
    return Token("table", 1, text, (text,))


def test_table_cells_are_trimmed_and_unbolded():
    assert table_cells(row("| **Tipo** | Descripción |  | `24/7` |")) == ["Tipo", "Descripción", "", "`24/7`"]


@pytest.mark.parametrize(
    ("text", "expected"), [("|---|---|", True), ("| :--- | :---: |", True), ("| a | b |", False), ("|   |", False)]
)
def test_the_header_rule_of_a_table_is_recognised(text, expected):
    assert is_table_rule(row(text)) is expected
