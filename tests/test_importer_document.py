"""The importer's document part (macros/importer/document.py): title, subtitle, `##` sections, footer, problems."""

from __future__ import annotations

from datetime import date

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.importer.document import Context, DocumentReader, import_markdown
from macros.reading.blocks import tokenize
from macros.reading.words import fold

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
    ("text", "line", "says", "title"),
    [
        ("# 🛟 Soporte\n\n## SECCIÓN\n", 1, "no hay subtítulo bajo el título", "Soporte"),
        ("\n\n**Guía**\n\n## SECCIÓN\n", 3, "el documento no tiene título (`# Título`): se usó «Guia Rapida»", None),
        ("# 🛟\n\n**Guía**\n", 1, "el documento no tiene título", "Guia Rapida"),
    ],
)
def test_a_missing_title_or_subtitle_is_a_warning_at_its_line_and_the_import_goes_on(text, line, says, title):
    result = import_markdown(text, "guia_rapida.md")
    assert result.ok and "data/playbook.yml" in result.files
    assert any(w.startswith(f"guia_rapida.md:{line}: {says}") for w in result.warnings), result.warnings
    assert result.data["data/playbook.yml"]["title"] == (title or "Guia Rapida")


def test_lines_before_the_first_section_that_are_not_title_or_subtitle_are_kept():
    result = import_markdown("Nota previa\n\n" + HEAD + "**Otra línea en negrita**\n", "doc.md")
    assert [(b["line"], b["text"]) for b in result.unmapped] == [(1, "Nota previa"), (7, "**Otra línea en negrita**")]
    (notes,) = [page for path, page in result.data.items() if path.startswith("data/pages/")]
    assert notes["title"] == "Notas" and notes["markdown"] == "Nota previa\n\n**Otra línea en negrita**\n"


@pytest.mark.parametrize(
    "footer",
    ["**Versión:** 1.0\n**Última actualización:** 2025-01-27\n", "**versión:** 1.0\n**Fecha:** 2025-01-27\n"],
    ids=["known labels", "a date told by its value"],
)
def test_the_footer_gives_the_version_the_date_and_the_closing_quote(footer):
    text = HEAD + "## 🎯 RESUMEN\n\n- punto\n\n---\n\n" + footer + '\n---\n\n**"Cada cliente cuenta."** 🚀\n'
    reader, sections = reader_of(text)
    reader.split_footer(sections[-1])
    assert reader.info["version"] == "1.0" and reader.info["last_updated"] == date(2025, 1, 27)
    assert (reader.info["closing_quote"], reader.info["closing_icons"]) == ("Cada cliente cuenta.", "🚀")
    assert [t.kind for t in sections[-1].tokens] == ["bullet", "rule"]  # the footer is off the section
    assert reader.ctx.warnings == []


def test_a_bold_line_at_the_end_that_is_no_footer_label_stays_in_its_section():
    """`**Recuerda**: …` closing a call script is content, not the playbook's version."""
    text = HEAD + "## GUION\n\n- Hola\n\n---\n\n**Recuerda**: El objetivo es agendar la demo.\n"
    reader, sections = reader_of(text)
    reader.split_footer(sections[-1])
    assert "version" not in reader.info and sections[-1].tokens[-1].text.startswith("**Recuerda**")


def test_a_footer_date_not_written_as_iso_is_a_warning_at_its_line_and_stays_on_the_site():
    reader, sections = reader_of(HEAD + "## FIN\n\n**Versión:** 1.0\n**Última actualización:** 27/01/2025\n")
    reader.split_footer(sections[-1])
    assert reader.ctx.warnings == [
        (8, "`27/01/2025` no es una fecha: el sitio no muestra fecha — escríbala como AAAA-MM-DD, p. ej. 2025-01-27")
    ]
    assert "last_updated" not in reader.info and reader.ctx.unmapped[-1]["line"] == 8


def test_a_single_result_line_after_a_case_is_not_a_footer():
    reader, sections = reader_of(HEAD + "## CASOS\n\n1. Escucha\n\n**Resultado:** Venta cerrada\n")
    reader.split_footer(sections[-1])
    assert "version" not in reader.info and sections[-1].tokens[-1].text == "**Resultado:** Venta cerrada"


def test_a_document_missing_its_end_is_warned_at_the_last_line_and_still_imported():
    result = import_markdown(HEAD + "## 🎯 SOPORTE\n\ntexto\n", "doc.md")
    version = [w for w in result.warnings if "no hay línea de versión al final (`**Versión:** 1.0`)" in w]
    assert version and version[0].startswith("doc.md:7: ")
    assert result.ok and any(path.startswith("data/pages/") for path in result.files)


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


def test_a_part_that_cannot_be_read_is_kept_whole_and_only_once():
    """A type whose only technique has no script: the technique is set aside, then the type itself cannot be
    read; the section goes whole to a free page, each of its lines once."""
    text = (
        HEAD
        + "| Tipo | Preocupación | Técnica | Enfoque |\n|---|---|---|---|\n| **Reactivo** | a | b | c |\n\n"
        + "## ⚡ SOPORTE REACTIVO\n\n### **Características:**\n- Rápido\n\n### **Técnicas y Scripts:**\n\n"
        + "#### **Técnica 1: Respuesta**\n\n**Proceso:**\n```\n1. Escuchar\n```\n\n**Elementos Clave:**\n- Calma\n"
    )
    text = text.replace("| Tipo", "## 🎯 FRAMEWORK\n\n### **Tabla:**\n\n| Tipo", 1)
    result = import_markdown(text, "doc.md")
    lines = [block["line"] for block in result.unmapped]
    assert len(lines) == len(set(lines)), "no block is kept twice"
    assert any("no tiene script" in warning for warning in result.warnings)


def test_a_free_page_is_written_as_a_yaml_block_an_author_can_edit():
    """Trailing spaces and tabs made YAML write a whole page as one quoted line of `\\n`s (5,375 characters in
    a real document): the page is a `markdown: |` block, line for line, with every word kept."""
    script = "```\nGuion con espacios al final   \n\tsangrado con un tab\n```\n"
    text = HEAD + "## 📝 NOTAS DEL EQUIPO\n\nTexto\n\n" + script
    result = import_markdown(text, "doc.md")
    (written,) = [text for path, text in result.files.items() if path.startswith("data/pages/")]
    assert "markdown: |\n" in written and "\\n" not in written
    assert "\n  Guion con espacios al final\n      sangrado con un tab\n" in written


def test_a_nested_list_stays_nested_on_its_free_page():
    """Lists nested by two spaces (as many editors write them) were flattened; Python-Markdown, which builds
    the site, nests by four: each level is written four spaces in."""
    text = (
        HEAD
        + "## 📝 NOTAS DEL EQUIPO\n\n- Antes de llamar\n  - Revisar el historial\n    - Últimos pedidos\n- Después\n"
    )
    result = import_markdown(text, "doc.md")
    (written,) = [text for path, text in result.files.items() if path.startswith("data/pages/")]
    html = markdown.markdown(yaml.safe_load(written)["markdown"])
    outer = BeautifulSoup(html, "html.parser").find("ul")
    assert [li.find(string=True).strip() for li in outer.find_all("li", recursive=False)] == [
        "Antes de llamar",
        "Después",
    ]
    assert outer.select_one("li > ul > li > ul > li").get_text(strip=True) == "Últimos pedidos"


FRONT = '---\ntitulo: Guía de Atención al Cliente\nversión: "2.1"\nfecha: 2025-03-04\nautor: Equipo CX\n---\n\n'


def test_front_matter_gives_the_title_version_and_date_and_never_shows_as_a_page():
    """Spanish keys, any case or accents; a key the playbook has no field for stays, on a free page."""
    result = import_markdown(FRONT + "## Saludo\n\nHola, gracias por llamar.\n", "guia.md")
    info = yaml.safe_load(result.files["data/playbook.yml"])
    assert (info["title"], info["version"], info["last_updated"]) == (
        "Guía de Atención al Cliente",
        "2.1",
        date(2025, 3, 4),
    )
    pages = " ".join(text for path, text in result.files.items() if path.startswith("data/pages/"))
    assert "titulo" not in pages and "2025-03-04" not in pages and "---" not in pages
    assert "autor: Equipo CX" in pages
    assert (result.lines.lost, result.lines.data + result.lines.pages) == (0, result.lines.total)


@pytest.mark.parametrize(
    ("value", "taken"),
    [
        ("Guía de Cierre", "Guía de Cierre"),
        ('"Guía: 2.ª edición"', "Guía: 2.ª edición"),  # quoted, with a colon
        ("'  Guía  '", "Guía"),
        ('"   "', None),  # nothing to say
        ("[Guía, Manual]", None),  # a list is not a title
        ("{nombre: Guía}", None),
        ("|", None),  # a block: its lines follow, they are not the value
        (">", None),
        ("[sin cerrar", None),  # not YAML
    ],
)
def test_a_front_matter_title_is_taken_only_when_it_is_one_line_of_text(value, taken):
    result = import_markdown(f"---\ntitulo: {value}\n---\n\n## Saludo\n\nHola.\n", "guia.md")
    info = yaml.safe_load(result.files["data/playbook.yml"])
    assert info["title"] == (taken or "Guia")  # not taken: the title made from the file's name
    assert result.lines.lost == 0  # a value not taken stays, on a page


def test_front_matter_that_is_a_list_is_not_front_matter():
    result = import_markdown("---\n- titulo: Lista\n- otra\n---\n\n# Documento\n", "doc.md")
    assert yaml.safe_load(result.files["data/playbook.yml"])["title"] == "Documento"
    assert result.lines.lost == 0


@pytest.mark.parametrize(
    "text",
    [
        "# Título\n\nTexto\n\n---\ntitulo: no es front matter\n---\n",  # a rule further down
        "---\ntitulo: [sin cerrar\n---\n\n# Título\n",  # not YAML
    ],
)
def test_what_is_not_front_matter_is_read_as_the_document_it_is(text):
    result = import_markdown(text, "doc.md")
    assert "no es front matter" not in result.files["data/playbook.yml"]
    assert result.lines.lost == 0


@pytest.mark.parametrize(
    "heading, title",
    [
        ("## **Saludo inicial**", "Saludo inicial"),
        ("## 📞 *Cierre de la llamada*", "📞 Cierre de la llamada"),
        ("## __Notas__ del `turno`", "Notas del turno"),
        ("## [Guía rápida](https://example.com)", "Guía rápida"),
        ("## CIERRE DE LA LLAMADA", "Cierre de la Llamada"),  # shouted: title-cased, as the seed's index spells them
        ("## Cierre de la llamada con el cliente VIP", "Cierre de la llamada con el cliente VIP"),  # as written
    ],
)
def test_a_section_title_shows_no_markdown_marks(heading, title):
    """In the menu, the page's title and the buttons, a title reads as words: `**…**` stayed in them."""
    result = import_markdown(HEAD + f"{heading}\n\nTexto de la sección.\n", "doc.md")
    (written,) = [text for path, text in result.files.items() if path.startswith("data/pages/")]
    assert yaml.safe_load(written)["title"] == title
    assert result.lines.lost == 0


def test_objections_written_as_the_customers_words_with_a_quoted_answer_become_objections():
    """`### "Es muy caro"` then the answer as a `> …` quote, with no label: the commonest way sales guides
    write them; they went to a free page."""
    section = (
        '## Manejo de objeciones\n\n### "Es muy caro"\n\n> Entiendo. ¿Con qué lo está comparando?\n'
        "> El ahorro en [X] meses lo compensa.\n\n### «No tengo tiempo ahora»\n\n> ¿Le viene bien el [día]?\n"
    )
    result = import_markdown(HEAD + section, "ventas.md")
    objections = yaml.safe_load(result.files["data/objections.yml"])["objections"]
    assert [o["title"] for o in objections] == ['"Es muy caro"', "«No tengo tiempo ahora»"]
    assert objections[0]["answers"] == [
        {"label": "Respuesta", "text": "Entiendo. ¿Con qué lo está comparando?\nEl ahorro en [X] meses lo compensa."}
    ]
    assert result.lines.lost == 0 and result.lines.pages == 0


def test_objections_in_plain_words_with_a_plain_answer_label_become_objections():
    """`### Ya tengo planillas`, then `Respuesta:` alone on its line and the answer's paragraphs (a sales FAQ)."""
    section = (
        "## Objeciones frecuentes\n\n### Ya tengo planillas\n\nRespuesta:\n\nNo reemplaza la planilla.\n\n"
        "La usa como punto de partida.\n\n### Ya tengo dashboard\n\nRespuesta:\n\nUn dashboard muestra indicadores.\n\n"
        "### Sin respuesta aún\n\nLo vemos la semana que viene.\n"
    )
    result = import_markdown(HEAD + section, "faq.md")
    objections = yaml.safe_load(result.files["data/objections.yml"])["objections"]
    assert [o["title"] for o in objections] == ["Ya tengo planillas", "Ya tengo dashboard"]
    assert objections[0]["answers"] == [
        {"label": "Respuesta", "text": "No reemplaza la planilla.\n\nLa usa como punto de partida."}
    ]
    # A heading with no answer under it is not an objection: it stays on the section's free page.
    assert "### Sin respuesta aún" in {block["text"] for block in result.unmapped}
    assert result.lines.lost == 0


def test_closing_lines_worded_otherwise_still_give_the_version_and_the_date():
    """`**Versión del documento:**`, `**Última revisión:**`: not the interface's own labels, but the same facts."""
    closing = "\n---\n\n**Versión del documento:** 2.3\n**Última revisión:** 2025-02-01\n"
    result = import_markdown(HEAD + "## Saludo\n\nHola.\n" + closing, "guia.md")
    info = yaml.safe_load(result.files["data/playbook.yml"])
    assert (info["version"], info["last_updated"]) == ("2.3", date(2025, 2, 1))
    assert not [path for path in result.files if path.startswith("data/pages/") and "2.3" in result.files[path]]
    assert result.lines.lost == 0


def test_the_line_count_puts_each_line_where_it_went():
    """Counted by hand: title and subtitle in the data, the free section's heading and its code block's three
    lines on its page, the version and the date right under the block in the data again."""
    text = HEAD + "## Notas del equipo\n\n```\nuno\n```\n**Versión:** 1.0\n**Última actualización:** 2025-01-27\n"
    counted = import_markdown(text, "doc.md").lines
    assert (counted.total, counted.data, counted.pages, counted.lost) == (8, 4, 4, 0)


def test_a_free_pages_headings_start_one_level_under_its_title():
    """The page's title is its `#`: the section's own headings start at `##`, each level kept under it."""
    text = HEAD + "## Procedimiento\n\n#### Antes\n\nRevisar.\n\n##### Detalle\n\nTodo.\n\n#### Después\n\nCerrar.\n"
    (page,) = [yaml.safe_load(t) for path, t in import_markdown(text, "doc.md").files.items() if "pages/" in path]
    headings = [line for line in page["markdown"].split("\n") if line.startswith("#")]
    assert headings == ["## Antes", "### Detalle", "## Después"]
