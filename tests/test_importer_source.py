"""The importer's source part (macros/importer/source.py): bytes → text, mojibake repaired, binary files refused."""

from __future__ import annotations

import pytest

from macros.importer.source import MAX_SOURCE_BYTES, decode_source, repair_mojibake
from macros.messages import Messages
from macros.reading.blocks import SourceProblem

DOC = "# 🛟 Soporte y Servicio\n\n**Guía rápida**\n\n- Resolución en el día\n"


@pytest.mark.parametrize(
    "clean",
    [DOC, "¿Qué señal? ¡Año nuevo! «Niño» — Über 24/7 ✅\n"],
    ids=["seed-like", "spanish-punctuation"],
)
def test_clean_utf8_text_comes_through_untouched(clean):
    assert decode_source(clean.encode("utf-8")) == (clean, [])
    assert decode_source(clean) == (clean, [])


def test_windows_line_ends_and_a_byte_order_mark_are_normalised():
    assert decode_source("\ufeffUno\r\nDos\rTres\n".encode()) == ("Uno\nDos\nTres\n", [])


@pytest.mark.parametrize(("encoding", "name"), [("mac_roman", "Mac Roman"), ("latin-1", "Latin-1")])
def test_utf8_mis_decoded_and_saved_again_is_repaired_with_a_note(encoding, name):
    """Latin-1 mojibake of an emoji holds C1 control characters: repaired, not refused as binary."""
    mangled = DOC.encode("utf-8").decode(encoding)
    assert mangled != DOC
    text, notes = decode_source(mangled.encode("utf-8"))
    assert text == DOC
    assert [spoken(note) for note in notes] == [f"reparados caracteres mal codificados ({name}) en 3 líneas"]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_accents_mis_decoded_as_latin_1_are_repaired_letter_for_letter_not_as_mac_roman(encoding):
    """«Ã©» also reads back through Mac Roman, as «é» turned into a combining mark: the repair takes the right one."""
    clean = "Llame al teléfono y déjenos su número.\n"
    text, notes = decode_source(clean.encode().decode(encoding).encode())
    assert text == clean
    assert "Mac Roman" not in spoken(notes[0])


def test_a_single_mis_decoded_word_is_repaired():
    mangled = "Resolución".encode().decode("latin-1")
    assert mangled == "ResoluciÃ³n"
    text, note = repair_mojibake(mangled)
    assert text == "Resolución" and note and "reparados caracteres mal codificados" in spoken(note)


def test_a_document_only_partly_mis_encoded_is_repaired_line_by_line():
    text, note = repair_mojibake("Resolución clara\nRespuesta RÃ¡pida\n")
    assert text == "Resolución clara\nRespuesta Rápida\n"
    assert note and "línea a línea" in spoken(note) and "en 1 líneas" in spoken(note)


def test_a_file_in_windows_1252_is_decoded_with_a_note():
    text = (
        "# Atención al cliente en tiendas\n\n**Guía rápida: cómo atender, qué decir y cuándo derivar**\n\n"
        "- Salude con una sonrisa y ofrezca ayuda.\n- Escuche la petición sin interrumpir.\n"
    )
    decoded, notes = decode_source(text.encode("cp1252"))
    assert decoded == text
    assert [spoken(note) for note in notes] == ["leído como Windows-1252 (el archivo no está en UTF-8)"]


def spoken(said) -> str:
    """What the reader of the import's report reads for a note or a problem."""
    return Messages().imports(said.key, **said.params)


def refusal(raw: bytes | str) -> SourceProblem:
    with pytest.raises(SourceProblem) as caught:
        decode_source(raw)
    return caught.value


def test_a_nul_byte_is_refused_at_its_line():
    problem = refusal(b"# Titulo\n\nTexto\x00roto\n")
    assert problem.line == 3 and "NUL" in spoken(problem.said) and "es binario" in spoken(problem.said)


@pytest.mark.parametrize(("raw", "line", "code"), [(b"uno\ndos\x07\n", 2, "U+0007"), ("a\n\nb\x1bc", 3, "U+001B")])
def test_a_control_character_is_refused_at_its_line(raw, line, code):
    problem = refusal(raw)
    assert problem.line == line and code in spoken(problem.said)


def test_a_tab_is_text_not_a_control_character():
    assert decode_source(b"- uno\tdos\n") == ("- uno\tdos\n", [])


def test_a_file_too_big_for_a_playbook_is_refused():
    problem = refusal(b"a" * (MAX_SOURCE_BYTES + 1))
    assert problem.line == 1 and "¿es el archivo correcto?" in spoken(problem.said)
    size, limit = f"{MAX_SOURCE_BYTES + 1:,}", f"{MAX_SOURCE_BYTES:,}"  # both sizes, their thousands apart
    assert size.replace(",", "\u202f") in spoken(problem.said) and limit.replace(",", "\u202f") in spoken(problem.said)
