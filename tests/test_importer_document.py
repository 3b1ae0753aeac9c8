"""The importer's document part (macros/importer/document.py): title, subtitle, `##` sections, footer, problems."""

from __future__ import annotations

from datetime import date

import pytest

from macros.importer.blocks import tokenize
from macros.importer.document import Context, DocumentReader, import_markdown
from macros.importer.words import fold

HEAD = "# 🛟 Soporte y Servicio\n\n**Guía para el equipo**\n\n"


def reader_of(text: str) -> tuple[DocumentReader, list]:
    """The reader of text, with its preamble read; and its sections."""
    reader = DocumentReader(Context("doc.md"), tokenize(text), text.count("\n"))
    preamble, sections = reader.sections()
    reader.preamble(preamble)
    return reader, sections


def test_the_document_is_split_into_sections_at_each_level_2_heading():
    reader, sections = reader_of(HEAD + "## 📋 ÍNDICE\n\n- uno\n\n### Sub\n\ntexto\n\n## TÉCNICAS\n\n- dos\n")
    assert [(s.icon, s.title, s.heading.line) for s in sections] == [("📋", "ÍNDICE", 5), ("", "TÉCNICAS", 13)]
    assert [t.text for t in sections[0].tokens] == ["uno", "Sub", "texto"]
    assert [t.text for t in sections[1].tokens] == ["dos"]


def test_the_title_icon_and_subtitle_come_from_the_top():
    reader, _ = reader_of(HEAD)
    assert reader.info == {
        "id": "soporte-y-servicio",
        "title": "Soporte y Servicio",
        "icon": "🛟",
        "subtitle": "Guía para el equipo",
    }
    assert reader_of("# Soporte\n\n**Guía**\n")[0].info["icon"] == "📘"  # no emoji: the default icon


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("# 🛟 Soporte\n\n## SECCIÓN\n", 1, "no subtitle under the title"),
        ("\n\n**Guía**\n\n## SECCIÓN\n", 3, "no title"),
        ("# 🛟\n\n**Guía**\n", 1, "the title is empty"),
    ],
)
def test_a_missing_title_or_subtitle_is_reported_at_its_line(text, line, says):
    result = import_markdown(text, "doc.md")
    assert not result.ok and result.files == {}
    assert result.errors[0].startswith(f"doc.md:{line}: {says}")


def test_lines_before_the_first_section_that_are_not_title_or_subtitle_are_kept():
    result = import_markdown("Nota previa\n\n" + HEAD + "**Otra línea en negrita**\n", "doc.md")
    assert [(b["line"], b["text"]) for b in result.unmapped] == [(1, "Nota previa"), (7, "**Otra línea en negrita**")]


@pytest.mark.parametrize(
    "footer",
    ["**Versión:** 1.0\n**Última actualización:** 2025-01-27\n", "**Edición:** 1.0\n**Fecha:** 2025-01-27\n"],
    ids=["known labels", "by position"],
)
def test_the_footer_gives_the_version_the_date_and_the_closing_quote(footer):
    text = HEAD + "## 🎯 RESUMEN\n\n- punto\n\n---\n\n" + footer + '\n---\n\n**"Cada cliente cuenta."** 🚀\n'
    reader, sections = reader_of(text)
    reader.split_footer(sections[-1])
    assert reader.info["version"] == "1.0" and reader.info["last_updated"] == date(2025, 1, 27)
    assert (reader.info["closing_quote"], reader.info["closing_icons"]) == ("Cada cliente cuenta.", "🚀")
    assert [t.kind for t in sections[-1].tokens] == ["bullet", "rule"]  # the footer is off the section
    assert reader.ctx.errors == []


def test_a_footer_date_not_written_as_iso_is_reported_at_its_line():
    reader, sections = reader_of(HEAD + "## FIN\n\n**Versión:** 1.0\n**Última actualización:** 27/01/2025\n")
    reader.split_footer(sections[-1])
    assert reader.ctx.errors == ["doc.md:8: `27/01/2025` is not a date — write it as YYYY-MM-DD, e.g. 2025-01-27"]


def test_a_single_result_line_after_a_case_is_not_a_footer():
    reader, sections = reader_of(HEAD + "## CASOS\n\n1. Escucha\n\n**Resultado:** Venta cerrada\n")
    reader.split_footer(sections[-1])
    assert "version" not in reader.info and sections[-1].tokens[-1].text == "**Resultado:** Venta cerrada"


def test_a_document_missing_its_end_is_reported_at_the_last_line():
    result = import_markdown(HEAD + "## 🎯 SOPORTE\n\ntexto\n", "doc.md")
    assert "doc.md:7: no version line at the end was found — add `**Versión:** 1.0` (is the file truncated?)" in (
        result.errors
    )
    assert all(error.startswith("doc.md:7: ") for error in result.errors) and result.files == {}


def test_a_shouted_section_title_is_title_cased_unless_the_index_spells_it():
    reader, _ = reader_of(HEAD)
    assert reader.display_title("CHECKLIST DE IMPLEMENTACIÓN") == "Checklist de Implementación"
    reader.index_titles = {fold("Soporte Reactivo"): "Soporte reactivo"}
    assert reader.display_title("SOPORTE REACTIVO") == "Soporte reactivo"


def test_a_section_goes_with_the_framework_row_named_in_its_title():
    """`Soporte 24/7` → the row `24/7`; of two names in the title, the longer (`Técnico Avanzado`) wins."""
    reader, _ = reader_of(HEAD)
    reader.rows = [(None, ["Reactivo"]), (None, ["24/7"]), (None, ["Técnico"]), (None, ["Técnico Avanzado"])]
    titles = ("Soporte Reactivo", "Soporte 24/7", "Soporte Técnico", "Soporte Técnico Avanzado", "Ventas")
    assert [reader.row_for(t) for t in titles] == [0, 1, 2, 3, None]
