"""The importer's details an author reads (macros/importer/document.py, front_matter.py, near_miss.py,
accounting.py): the warnings' lines, words and order, the report's lines, the YAML written for the title,
the footer, the front matter, the sections and the free pages."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from helpers import SEED
from macros.importer.document import Context, DocumentReader, import_markdown
from macros.kinds.pages import MAX_BLOCK
from macros.messages import Messages
from macros.reading.blocks import MAX_STRUCTURED, tokenize

SAY = Messages("es")
HEAD = "# 🛟 Soporte y Servicio\n\n**Guía para el equipo**\n\n"
SEED_TEXT = SEED.read_text(encoding="utf-8")
CLOSING = '\n---\n\n**"Cada cliente cuenta."** 🚀\n'


def playbook(result) -> dict:
    """data/playbook.yml as the site reads it."""
    return yaml.safe_load(result.files["data/playbook.yml"])


def pages(result) -> dict[str, dict]:
    """The free pages written: path → page."""
    return {path: yaml.safe_load(text) for path, text in result.files.items() if path.startswith("data/pages/")}


def page_text(result) -> str:
    return "\n".join(page["markdown"] for page in pages(result).values())


def warned(source: str, line: int, key: str, **params) -> str:
    """The warning line the author reads for `key` at `line` of the file `source`."""
    return f"{source}:{line}: {SAY.imports(key, **params)}"


def cut(text: str, start: str, end: str) -> str:
    """The part of text from `start` up to (not including) `end`."""
    return text[text.index(start) : text.index(end)]


def without_script(text: str) -> str:
    return re.sub(r"\*\*Script:\*\*\n```.*?```\n", "", text, flags=re.S)


# -- the whole seed, and what a document lacks


def test_the_seed_imports_without_a_single_warning():
    """Its footer has the version, the date and the closing quote; it has every part the site needs."""
    result = import_markdown(SEED.read_bytes(), "seed.md")
    assert result.warnings == []
    info = playbook(result)
    assert (info["version"], info["last_updated"]) == ("1.0", date(2025, 1, 27))
    assert info["closing_quote"].startswith("El mejor soporte")


def test_each_data_file_is_written_by_its_own_kind_and_names_its_own_schema():
    result = import_markdown(SEED.read_bytes(), "seed.md")
    first_lines = {path: text.split("\n", 1)[0] for path, text in result.files.items()}
    assert first_lines["data/playbook.yml"].endswith("$schema=../schemas/playbook.schema.json")
    assert first_lines["data/support_types/reactivo.yml"].endswith("$schema=../../schemas/support_type.schema.json")
    assert first_lines["data/checklist.yml"].endswith("$schema=../schemas/checklist.schema.json")
    assert first_lines["data/case_studies.yml"].endswith("$schema=../schemas/case_studies.schema.json")


@pytest.mark.parametrize(
    ("start", "end", "what", "example", "file"),
    [
        ("## 🎯 RESUMEN EJECUTIVO", "**Versión:**", "summary", "## 🎯 RESUMEN EJECUTIVO", "playbook.yml"),
        ("## 📚 CASOS DE ESTUDIO", "## ✅ CHECKLIST", "case_studies", "## 📚 CASOS DE ESTUDIO", "case_studies.yml"),
    ],
    ids=["summary", "case studies"],
)
def test_a_missing_part_is_named_with_an_example_and_the_file_to_write_by_hand(start, end, what, example, file):
    text = SEED_TEXT.replace(cut(SEED_TEXT, start, end), "")
    result = import_markdown(text, "seed.md")
    said = SAY.imports("missing_kind", what=SAY.kind_name(what), example=example, file=file)
    missing = [w for w in result.warnings if "el documento no tiene" in w]
    assert missing == [f"seed.md:{len(text.rstrip().splitlines())}: {said}"]
    assert f"data/{file}" in said and example in said


def test_missing_closing_lines_are_told_at_the_last_line_in_the_order_of_a_footer():
    """The version, then the date, then the closing quote: after what the document lacks, at its last line."""
    result = import_markdown(HEAD + "## Notas\n\nTexto.\n", "doc.md")
    at_end = [w.removeprefix("doc.md:7: ") for w in result.warnings if w.startswith("doc.md:7: ")]
    missing = [SAY.imports(key) for key in ("no_version", "no_date", "no_closing_quote")]
    assert at_end[-3:] == missing
    assert all(w.startswith("el documento no tiene") for w in at_end[:-3])
    assert [int(w.split(":")[1]) for w in result.warnings] == sorted(int(w.split(":")[1]) for w in result.warnings)


@pytest.mark.parametrize("text", ["", "# Guía\n"], ids=["empty", "one line"])
def test_a_document_of_one_line_or_none_is_warned_at_line_1(text):
    result = import_markdown(text, "doc.md")
    assert result.warnings and all(w.startswith("doc.md:1: ") for w in result.warnings)
    if not text:
        assert result.warnings[0] == warned("doc.md", 1, "no_title", title="Doc")


def test_the_report_of_an_empty_document_has_only_its_line_count():
    result = import_markdown("", "doc.md")
    assert result.report == [f"doc.md: {SAY.imports('lines', total=0, data=0, pages=0, lost=SAY.counted(0, 'lost'))}"]


def test_an_import_in_english_warns_in_english():
    result = import_markdown(HEAD + "## Notas\n\nTexto.\n", "doc.md", Messages("en"))
    assert "doc.md:7: there is no version line at the end (`**Version:** 1.0`)" in " ".join(result.warnings)
    assert not [w for w in result.warnings if "no hay" in w]


def test_an_unclosed_code_block_is_warned_at_its_line():
    result = import_markdown(HEAD + "## Notas\n\n```\nsin cerrar\n", "doc.md")
    assert warned("doc.md", 7, "unclosed_code") in result.warnings


# -- the title, the subtitle and the file's name


def test_a_heading_under_the_title_is_not_the_title_nor_the_subtitle():
    result = import_markdown("### Antes de empezar\n\n# Guía real\n\n### **Para el equipo**\n", "doc.md")
    info = playbook(result)
    assert info["title"] == "Guía real" and "subtitle" not in info
    assert warned("doc.md", 3, "no_subtitle") in result.warnings


def test_a_subtitle_as_long_as_a_structured_line_may_be_is_still_the_subtitle():
    line = f"**Guía {'a' * (MAX_STRUCTURED - len('**Guía **'))}**"
    assert len(line) == MAX_STRUCTURED
    info = playbook(import_markdown(f"# Guía\n\n{line}\n", "doc.md"))
    assert info["subtitle"] == line.strip("*")


def test_no_subtitle_is_warned_at_the_titles_line_even_after_a_note():
    result = import_markdown("Nota previa\n\n# Guía\n\n## Notas\n\nTexto\n", "doc.md")
    assert warned("doc.md", 3, "no_subtitle") in result.warnings


def test_a_title_of_only_signs_gives_the_id_playbook_and_no_title_gives_the_default_icon():
    assert playbook(import_markdown("# 🛟 ¿?\n\n**Guía**\n", "doc.md"))["id"] == "playbook"
    assert playbook(import_markdown("**Guía**\n\nTexto\n", "doc.md"))["icon"] == "📘"


@pytest.mark.parametrize(("name", "title"), [("guia-de-ventas.md", "Guia de Ventas"), ("_.md", "Playbook")])
def test_a_document_without_title_is_named_after_its_file(name, title):
    result = import_markdown("## Saludo\n\nHola.\n", name)
    assert playbook(result)["title"] == title
    assert warned(name, 1, "no_title", title=title) in result.warnings


def test_a_reader_of_a_document_without_subtitle_and_no_front_matter_warns_at_the_title():
    reader = DocumentReader(Context("doc.md"), tokenize("# Soporte\n\nTexto\n"), 3)
    preamble, _ = reader.sections()
    reader.preamble(preamble)
    assert reader.info["title"] == "Soporte" and reader.ctx.warnings == [(1, SAY.imports("no_subtitle"))]


# -- the footer and the closing quote


def test_a_date_told_by_its_value_and_a_version_in_other_words_are_read_and_their_labels_kept():
    """`**Revisión:**`, `**Publicado el:**`: the labels the site then shows are the document's own."""
    footer = "\n---\n\n**Revisión:** 3.1\n\n**Publicado el:** 2025-01-27\n" + CLOSING
    result = import_markdown(HEAD + "## Notas\n\nTexto.\n" + footer, "doc.md")
    info = playbook(result)
    assert (info["version"], info["last_updated"]) == ("3.1", date(2025, 1, 27))
    assert info["labels"] == {"version": "Revisión", "last_updated": "Publicado el"}
    taken = SAY.imports("labels_taken", count=2, keys="version, last_updated")
    assert f"doc.md: {taken}" in result.report
    assert not [w for w in result.warnings if "no hay" in w]


def test_a_second_version_line_keeps_the_first_and_goes_to_a_notes_page():
    footer = "\n---\n\n**Versión:** 1.0\n**Versión:** 2.0\n**Última actualización:** 2025-01-27\n" + CLOSING
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n" + footer, "doc.md")
    assert playbook(result)["version"] == "1.0"
    (notes,) = [page for page in pages(result).values() if page["markdown"].startswith("**Versión:** 2.0")]
    assert notes["title"] == "Notas"


def test_a_footer_date_that_is_no_date_is_warned_once_and_kept_on_a_notes_page():
    footer = "\n---\n\n**Versión:** 1.0\n**Última actualización:** 27/01/2025\n" + CLOSING
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n" + footer, "doc.md")
    dates = [w for w in result.warnings if "no es una fecha" in w]
    assert dates == [warned("doc.md", 12, "bad_date", value="27/01/2025")]
    assert "last_updated" not in playbook(result)
    (notes,) = [page for page in pages(result).values() if "27/01/2025" in page["markdown"]]
    assert notes["title"] == "Notas"


def test_a_footer_line_on_the_notes_page_is_explained_as_a_footer_line_not_as_text_before_the_sections():
    """The preamble's text and the footer's extra line share the Notas page; each gets its own reason."""
    footer = "\n---\n\n**Versión:** 1.0\n**Versión:** 2.0\n**Última actualización:** 2025-01-27\n" + CLOSING
    why = SAY.import_words("near_why")
    alone = import_markdown(HEAD + "## Saludo\n\nHola.\n" + footer, "doc.md")
    assert warned("doc.md", 12, "near_none", section="Notas", why=why["footer"]) in alone.warnings
    assert not [w for w in alone.warnings if why["preamble"] in w]
    both = import_markdown(HEAD + "Texto suelto.\n\n## Saludo\n\nHola.\n" + footer, "doc.md")
    assert warned("doc.md", 5, "near_none", section="Notas", why=why["preamble"]) in both.warnings
    assert warned("doc.md", 14, "near_none", section="Notas", why=why["footer"]) in both.warnings
    (notes,) = [page for page in pages(both).values() if page["title"] == "Notas"]
    assert "Texto suelto." in notes["markdown"] and "**Versión:** 2.0" in notes["markdown"]


@pytest.mark.parametrize(
    "footer",
    [
        '\n---\n\n**Versión:** 1.0\n\n**Última actualización:** 2025-01-27\n\n---\n\n**"Cita."** 🚀\n\n---\n\n---\n',
        "\n---\n\n**Versión:** 1.0\n\n**Última actualización:** 2025-01-27\n\n**Total de tipos:** 0\n\n"
        + '**"Cita."** 🚀\n',
        '\n---\n\n**Versión:** 1.0\n**Última actualización:** 2025-01-27\n\n**"Cita."** 🚀\n\n---\n',
    ],
    ids=["rules around the quote", "three lines over the quote", "the quote right under the date"],
)
def test_the_footer_is_read_whatever_rules_surround_its_lines_and_its_quote(footer):
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n" + footer, "doc.md")
    info = playbook(result)
    assert (info["version"], info["last_updated"], info["closing_quote"]) == ("1.0", date(2025, 1, 27), "Cita.")
    assert "---" not in page_text(result) and "Cita" not in page_text(result)
    assert not [w for w in result.warnings if "no hay" in w]


def test_one_version_line_after_a_rule_is_the_footer():
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n\n---\n\n**Versión:** 2.0\n", "doc.md")
    assert playbook(result)["version"] == "2.0" and "Versión" not in page_text(result)


def test_one_version_line_right_after_a_sections_text_stays_in_the_section():
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n\n**Versión:** 2.0\n", "doc.md")
    assert "version" not in playbook(result)
    assert "**Versión:** 2.0" in page_text(result)


def test_a_closing_quote_as_long_as_a_structured_line_may_be_is_still_the_closing_quote():
    quote = "a" * (MAX_STRUCTURED - len('**""** 🚀'))
    line = f'**"{quote}"** 🚀'
    assert len(line) == MAX_STRUCTURED
    assert (
        playbook(import_markdown(HEAD + "## Saludo\n\nHola.\n\n---\n\n" + line + "\n", "doc.md"))["closing_quote"]
        == quote
    )


def test_a_version_label_written_with_a_doubled_colon_is_still_the_version():
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n\n---\n\n**Versión del documento::** 2.3\n", "doc.md")
    assert playbook(result)["version"] == "2.3"


def test_footer_figures_are_noted_and_a_figure_the_data_contradicts_is_noted_at_its_line():
    text = SEED_TEXT.replace("**Total de tipos:** 5", "**Total de tipos:** 6")
    line = text[: text.index("**Total de tipos:** 6")].count("\n") + 1
    result = import_markdown(text, "seed.md")
    mismatch = SAY.imports("figure_mismatch", label="Total de tipos", value="6", counted=5)
    assert f"seed.md:{line}: {mismatch}" in result.report
    assert [r for r in result.report if r.startswith("seed.md: cifras del pie reconocidas (`Total de tipos: 6`")]


# -- front matter


def test_front_matter_never_closed_is_the_document_as_written():
    result = import_markdown("---\ntitulo: Guía\n\n# Documento\n", "doc.md")
    assert playbook(result)["title"] == "Documento"
    assert "titulo: Guía" in page_text(result)


def test_front_matter_that_is_not_yaml_gives_nothing():
    result = import_markdown("---\ntitulo: Guía\nx: [sin cerrar\n---\n\n# Documento\n", "doc.md")
    assert playbook(result)["title"] == "Documento"
    assert "titulo: Guía" in page_text(result)


def test_an_empty_front_matter_gives_nothing_and_the_rest_is_the_document():
    """`---` right under `---`: the `Versión: 2.0` further down is text, not front matter's."""
    result = import_markdown("---\n---\n\n# Guía\n\nVersión: 2.0\n\n---\n\nMás\n", "doc.md")
    assert "version" not in playbook(result)
    assert "Versión: 2.0" in page_text(result)


def test_only_a_rule_on_the_first_line_opens_front_matter():
    result = import_markdown("Guía de ventas\nversión: 3.0\n---\n\nTexto\n", "doc.md")
    assert "version" not in playbook(result)
    assert page_text(result).startswith("Guía de ventas\nversión: 3.0")
    assert result.lines.lost == 0


def test_text_right_under_the_closing_fence_is_the_documents():
    result = import_markdown("---\ntitulo: Guía\n---\n**Lea esto primero**\n\n## Saludo\n\nHola.\n", "doc.md")
    assert playbook(result)["title"] == "Guía"
    assert page_text(result).startswith("**Lea esto primero**")


def test_keys_written_with_spaces_and_a_subtitle_are_taken_from_front_matter():
    text = "---\nfecha actualizacion: 2025-03-04\nsubtitulo: Para el equipo\n---\n\n# Guía\n"
    info = playbook(import_markdown(text, "doc.md"))
    assert (info["last_updated"], info["subtitle"]) == (date(2025, 3, 4), "Para el equipo")


def test_a_nested_key_is_not_the_playbooks():
    result = import_markdown("---\nmeta:\n  titulo: Interno\n---\n\n## Saludo\n\nHola.\n", "guia.md")
    assert playbook(result)["title"] == "Guia"
    assert "titulo: Interno" in page_text(result)


def test_a_front_matter_date_that_is_no_date_stays_on_a_page():
    result = import_markdown("---\nfecha: 27/01/2025\n---\n\n# Guía\n\n**Para todos**\n", "doc.md")
    assert "last_updated" not in playbook(result)
    assert page_text(result) == "fecha: 27/01/2025\n"
    assert warned("doc.md", 7, "no_date") in result.warnings


def test_the_front_matters_other_keys_reach_a_page_exactly_as_written():
    text = "---\nautor: Ana\ntitulo: Guía\nequipo: Ventas\nrevisado: sí\n---\n\n## Saludo\n\nHola.\n"
    result = import_markdown(text, "doc.md")
    assert playbook(result)["title"] == "Guía"
    notes = [page for page in pages(result).values() if page["title"] == "Notas"]
    assert [page["markdown"] for page in notes] == ["autor: Ana\n\nequipo: Ventas\nrevisado: sí\n"]
    assert [page["title"] for page in pages(result).values()] == ["Notas", "Saludo"]
    assert (result.lines.lost, result.lines.pages) == (0, 5)


# -- sections and their free pages


def test_a_support_type_without_techniques_goes_whole_to_a_page_with_its_reason():
    """Told by its framework row (read first); the row then has no section, and says so too."""
    text = SEED_TEXT.replace(cut(SEED_TEXT, "### **Técnicas y Scripts:**", "## 🔮"), "")
    result = import_markdown(text, "seed.md")
    assert result.warnings == [
        warned("seed.md", 26, "row_without_section", name="Reactivo"),
        warned(
            "seed.md",
            26,
            "near_none",
            section="Framework por Tipo de Soporte",
            why=SAY.import_words("near_why")["leftover"],
        ),
        warned("seed.md", 34, "type_no_techniques", title="Soporte Reactivo"),
        warned(
            "seed.md",
            34,
            "section_to_page",
            section="SOPORTE REACTIVO",
            title="SOPORTE REACTIVO",
            what="un tipo de soporte",
        ),
    ]


def test_a_technique_that_cannot_be_read_goes_to_its_sections_page_even_when_the_section_warned_first():
    """A type without characteristics whose first technique has no script: both are told."""
    react = cut(SEED_TEXT, "## ⚡", "## 🔮")
    technique = cut(react, "#### **Técnica 1", "#### **Técnica 2")
    changed = react.replace(cut(react, "### **Características:**", "### **Técnicas"), "")
    changed = changed.replace(technique, without_script(technique))
    result = import_markdown(SEED_TEXT.replace(react, changed), "seed.md")
    title = "Técnica 1: Respuesta Rápida"
    assert warned("seed.md", 38, "item_to_page", section="Soporte Reactivo", title=title, what="una técnica") in (
        result.warnings
    )


def test_an_optimization_technique_without_script_goes_to_the_sections_notes_page():
    technique = cut(SEED_TEXT, "### **Técnica 2: Satisfacción", "## 📚")
    result = import_markdown(SEED_TEXT.replace(technique, without_script(technique)), "seed.md")
    section, title = "Técnicas de Optimización de Soporte", "Técnica 2: Satisfacción de Soporte"
    assert result.warnings == [
        warned("seed.md", 481, "technique_no_script", title="Satisfacción de Soporte"),
        warned("seed.md", 481, "item_to_page", section=section, title=title, what="una técnica"),
    ]
    made = SAY.imports(
        "page_made",
        first=481,
        last=490,
        section=section,
        title=f"{section}: notas",
        id="tecnicas-de-optimizacion-de-soporte-notas",
    )
    assert f"seed.md:481: {made}" in result.report


def test_a_second_checklist_goes_to_a_page_and_the_sections_after_it_are_still_read():
    checklist = cut(SEED_TEXT, "## ✅", "## 🎯 RESUMEN")
    text = SEED_TEXT.replace(checklist, checklist + checklist.replace("CHECKLIST DE", "CHECKLIST FINAL DE"))
    result = import_markdown(text, "seed.md")
    why = SAY.import_words("near_why")["already_read"]
    section = "CHECKLIST FINAL DE IMPLEMENTACIÓN"
    assert result.warnings == [warned("seed.md", 556, "near_miss", section=section, what="el checklist", why=why)]
    assert "5 principios" in result.report[0]


def test_text_before_the_first_section_is_explained_as_such_on_its_notes_page():
    result = import_markdown("Nota previa\n\n" + HEAD + "## Saludo\n\nHola.\n", "doc.md")
    why = SAY.import_words("near_why")["preamble"]
    assert result.warnings[0] == warned("doc.md", 1, "near_none", section="Notas", why=why)
    made = SAY.imports("page_made", first=1, last=1, section="Notas", title="Notas", id="notas")
    assert f"doc.md:1: {made}" in result.report


def test_the_report_gives_each_free_pages_lines_up_to_the_end_of_its_last_block():
    result = import_markdown(HEAD + "## Notas\n\nTexto\n\n```\nuno\ndos\n```\n", "doc.md")
    made = SAY.imports("page_made", first=5, last=12, section="Notas", title="Notas", id="notas")
    assert f"doc.md:5: {made}" in result.report


def test_a_bold_line_like_a_numbered_technique_is_not_a_technique():
    result = import_markdown(HEAD + "## Notas del turno\n\n**Técnica 1: Escuchar**\n\n```\nnotas\n```\n", "doc.md")
    why = SAY.import_words("near_why")["prose"]
    assert result.warnings[0] == warned("doc.md", 5, "near_none", section="Notas del turno", why=why)
    assert "data/optimization.yml" not in result.files


def test_a_heading_starting_with_x_is_not_a_quoted_objection():
    result = import_markdown(HEAD + "## Notas del turno\n\n### Xerox de la oficina\n\nEstá en el pasillo.\n", "doc.md")
    why = SAY.import_words("near_why")["prose"]
    assert result.warnings[0] == warned("doc.md", 5, "near_none", section="Notas del turno", why=why)


def test_a_list_item_and_an_indented_paragraph_reach_their_page_as_written():
    """`Soporte X` keeps its X; a paragraph indented by a few spaces starts its line."""
    result = import_markdown(HEAD + "## Notas\n\n- Escale a Soporte X\n\nTexto\n\n   Con sangría\n", "doc.md")
    assert page_text(result) == "- Escale a Soporte X\n\nTexto\n\nCon sangría\n"


# -- blocks too long for a page, and the line count


def test_blocks_too_long_for_a_page_are_counted_lost_told_and_kept_in_unmapped_yml():
    first, second = "palabra " * (MAX_BLOCK // 8 + 100), "otra " * (MAX_BLOCK // 5 + 100)
    result = import_markdown(HEAD + "## Notas\n\nTexto\n\n" + first + "\n\n" + second + "\n", "doc.md")
    assert result.lines.lost == 2
    assert result.report[-1] == "doc.md: " + SAY.imports("lines", total=6, data=2, pages=2, lost=SAY.counted(2, "lost"))
    lost = [w for w in result.warnings if "esta línea no llegó al sitio" in w]
    assert [w.split(":")[1] for w in lost] == ["9", "11"]
    assert re.search("«(.*)»", lost[0]).group(1) == first[:80]
    unmapped = result.files["unmapped.yml"]
    assert unmapped.startswith(SAY.import_words("unmapped_header"))
    assert [block["text"] for block in yaml.safe_load(unmapped)] == [first.strip(), second.strip()]
