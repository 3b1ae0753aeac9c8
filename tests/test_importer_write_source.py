"""The importer's edges: how the source's bytes are read (macros/importer/source.py) and where the import is
written (macros/importer/write.py): the notes and refusals an author reads, the folders a user finds."""

from __future__ import annotations

import codecs
import io
import re
import time

import pytest
import yaml

from helpers import SEED
from macros.importer import write
from macros.importer.document import ImportResult, import_markdown
from macros.importer.source import MAX_SOURCE_BYTES, decode_source
from macros.importer.write import Refused, destination, write_import
from macros.messages import Messages
from macros.reading.blocks import SourceProblem

SAY = Messages("es")


def spoken(said) -> str:
    """A note or problem as the import's reader reads it."""
    return SAY.imports(said.key, **said.params)


def refusal(raw: bytes | str) -> SourceProblem:
    with pytest.raises(SourceProblem) as caught:
        decode_source(raw)
    return caught.value


# -- reading the source's bytes


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_with_its_byte_order_mark_is_read_with_a_note_naming_utf16(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, notes = decode_source(bom + "# Guía\n\n¿Qué tal?\n".encode(codec))
    assert text == "# Guía\n\n¿Qué tal?\n"
    assert [spoken(note) for note in notes] == ["leído como UTF-16"]


def test_a_damaged_utf16_file_is_refused_at_the_line_of_the_damage():
    """Two good lines, then half a character: the author is sent to line 3 and told to save as UTF-8."""
    raw = codecs.BOM_UTF16_LE + "uno\ndos\n".encode("utf-16-le") + b"\x00\xd8"
    problem = refusal(raw)
    assert problem.line == 3
    assert "guárdelo como UTF-8" in spoken(problem.said)


def test_of_two_nul_bytes_the_first_ones_line_is_named():
    problem = refusal(b"# Titulo\n\nuno\x00\ndos\n\ntres\x00\n")
    assert problem.line == 3 and "bytes NUL" in spoken(problem.said)


def test_a_mac_roman_file_whose_bytes_windows_1252_cannot_hold_is_still_read():
    """`ç` is byte 0x8D in Mac Roman, a byte Windows-1252 leaves unassigned: the next guess is tried."""
    text = "Atención, Françoise: ¿qué tal?\n"
    decoded, notes = decode_source(text.encode("mac_roman"))
    assert decoded == text
    assert [spoken(note) for note in notes] == ["leído como Mac Roman (el archivo no está en UTF-8)"]


def test_a_delete_character_in_a_windows_1252_file_is_refused_as_a_control_character():
    """The file is plainly Windows-1252 (its accents say so); the DEL in it is the damage named, not the encoding."""
    problem = refusal("Atención a la canción\x7f\n".encode("cp1252"))
    assert problem.line == 1 and "U+007F" in spoken(problem.said)


def test_a_windows_1252_file_with_one_sign_in_twenty_beyond_spanish_letters_is_still_read():
    """Nineteen Spanish letters and a ©: exactly the share of Spanish characters the guess must reach."""
    text = "áéíóúñáéíóúñáéíóúñá ©\n"
    decoded, notes = decode_source(text.encode("cp1252"))
    assert decoded == text and [spoken(note) for note in notes] == [
        "leído como Windows-1252 (el archivo no está en UTF-8)"
    ]


def test_a_file_of_exactly_the_size_limit_is_read():
    text, notes = decode_source(b"a" * MAX_SOURCE_BYTES)
    assert len(text) == MAX_SOURCE_BYTES and notes == []


def test_a_byte_order_mark_at_the_start_of_text_already_decoded_is_dropped():
    assert decode_source("\ufeff# Guía\n") == ("# Guía\n", [])
    result = import_markdown("\ufeff# Guía de ventas\n\n**Para el equipo**\n", "guia.md")
    assert yaml.safe_load(result.files["data/playbook.yml"])["title"] == "Guía de ventas"


def test_a_euro_sign_mangled_by_windows_is_repaired_not_refused_as_binary():
    """`Â€` is how a UTF-8 `€` reads through Windows-1252 twice: repaired, with a note, the text kept."""
    text, notes = decode_source("Precio: 10 Â€ al mes\n")
    assert text == "Precio: 10 € al mes\n"
    assert [spoken(note).split(" en ")[0] for note in notes] == [
        "reparados caracteres mal codificados línea a línea (ftfy)"
    ]


def test_text_that_looks_mis_encoded_but_cannot_be_repaired_is_kept_with_a_note():
    text, notes = decode_source("Precio: 10 â€\n")
    assert text == "Precio: 10 â€\n"
    assert [spoken(note) for note in notes] == [
        "el texto parece mal codificado pero no se pudo reparar — revise acentos y emojis"
    ]


# -- where the import goes


def test_a_folder_in_use_gets_a_fresh_folder_beside_it_named_by_the_date_and_time(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notas.txt").write_text("mías\n", encoding="utf-8")
    before = time.strftime("%Y%m%d")
    fresh = destination(out)
    assert fresh.parent == tmp_path and not fresh.exists()
    match = re.fullmatch(r"out-import-(\d{8})-(\d{6})", fresh.name)
    assert match, fresh.name
    assert match.group(1) in {before, time.strftime("%Y%m%d")}  # today's date (a midnight may pass)


@pytest.fixture()
def frozen_clock(monkeypatch):
    """Every stamp the import takes reads 1 December 2026, 07:30:00."""
    real = time.strftime
    monkeypatch.setattr(write.time, "strftime", lambda fmt: real(fmt, (2026, 12, 1, 7, 30, 0, 1, 335, 0)))
    return "20261201-073000"


def test_a_taken_fresh_name_gets_the_next_number(tmp_path, frozen_clock):
    out = tmp_path / "out"
    (out / "data").mkdir(parents=True)
    assert destination(out).name == f"out-import-{frozen_clock}"
    (tmp_path / f"out-import-{frozen_clock}").mkdir()
    assert destination(out).name == f"out-import-{frozen_clock}-2"
    (tmp_path / f"out-import-{frozen_clock}-2").mkdir()
    assert destination(out).name == f"out-import-{frozen_clock}-3"


def test_when_every_fresh_name_is_taken_the_import_is_refused_naming_out(tmp_path, frozen_clock):
    """Names up to `-999` are tried; when all are taken, one line says what to do."""
    out = tmp_path / "out"
    (out / "data").mkdir(parents=True)
    (tmp_path / f"out-import-{frozen_clock}").touch()
    for n in range(2, 1000):
        (tmp_path / f"out-import-{frozen_clock}-{n}").touch()  # a file or a folder: the name is taken
    with pytest.raises(Refused) as caught:
        destination(out)
    assert spoken(caught.value.said) == f"{out}: " + (
        "no queda un nombre libre a su lado para la importación — indique una carpeta nueva"
    )


# -- writing


def seed_import() -> ImportResult:
    result = import_markdown(SEED.read_bytes(), "seed.md")
    assert result.ok
    return result


def test_every_file_is_written_whatever_order_and_depth_its_folders_come_in(tmp_path):
    """A support type's file first: its folder two levels down is made before anything else exists."""
    result = seed_import()
    result.files = dict(sorted(result.files.items(), key=lambda item: -item[0].count("/")))
    assert next(iter(result.files)).startswith("data/support_types/")
    problems, written = write_import(result, tmp_path / "out", "es")
    assert problems == [] and written == tmp_path / "out"
    assert {p.relative_to(written).as_posix() for p in written.rglob("*.yml")} == set(result.files)


def test_the_files_are_utf8_even_on_a_machine_whose_default_encoding_is_another(tmp_path, monkeypatch):
    """On Windows the default is Windows-1252, which holds no emoji: the files must still be UTF-8."""
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "cp1252")
    result = seed_import()
    problems, written = write_import(result, tmp_path / "out", "es")
    assert problems == []
    assert (written / "data" / "playbook.yml").read_text(encoding="utf-8") == result.files["data/playbook.yml"]


def test_data_the_schema_rejects_is_reported_in_the_language_asked(tmp_path):
    result = ImportResult("doc.md", files={"data/playbook.yml": "id: guia\n"})
    problems_en, written = write_import(result, tmp_path / "en", "en")
    problems_es, _ = write_import(result, tmp_path / "es", "es")
    assert written is None and problems_en and problems_es
    assert problems_en != problems_es, "the same problems, said in English and in Spanish"
    assert not (tmp_path / "en").exists() and not (tmp_path / "es").exists()


def test_while_it_is_checked_the_import_waits_in_a_hidden_folder_named_after_out(tmp_path, monkeypatch):
    """A file browser open on the parent folder shows no stray `tmp…` folder during the import."""
    seen: list[str] = []
    validate = write.load_playbook

    def watching(data, language):
        seen.extend(p.name for p in tmp_path.iterdir())
        return validate(data, language)

    monkeypatch.setattr(write, "load_playbook", watching)
    problems, _ = write_import(seed_import(), tmp_path / "out", "es")
    assert problems == [] and len(seen) == 1
    assert seen[0].startswith(".out.importing-")
