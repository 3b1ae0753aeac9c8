"""Issue 18: an import never destroys (nothing it did not create is deleted, renamed or overwritten) and
never corrupts (a file that is not UTF-8 is decoded only when the guess is sure and round-trips)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import yaml

from helpers import ROOT, SEED, child_env, copy_project
from macros.importer.cli import main
from macros.importer.document import import_markdown


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def imported_into(capsys) -> str:
    out = capsys.readouterr().out
    return out.strip().splitlines()[-1]


def test_an_import_into_a_folder_with_an_authors_work_touches_none_of_it(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "data" / "support_types").mkdir(parents=True)
    (out / "data" / "support_types" / "hibrido.yml").write_text("id: hibrido  # mi tipo nuevo\n", encoding="utf-8")
    (out / "notas.txt").write_text("sin guardar en git\n", encoding="utf-8")
    before = snapshot(out)
    assert main([str(SEED), str(out)]) == 0
    assert snapshot(out) == before, "the author's new type and notes are untouched"
    said = capsys.readouterr().out
    (beside,) = [p for p in tmp_path.iterdir() if p.name.startswith("out-import-")]
    assert f"la importación se escribió al lado, en {beside}" in said
    assert (beside / "data" / "playbook.yml").is_file()


@pytest.mark.parametrize("kind", ["file", "symlink to data", "dangling symlink"])
def test_out_of_any_kind_is_left_as_it_is(tmp_path, capsys, kind):
    out = tmp_path / "out"
    if kind == "file":
        out.write_text("no soy una carpeta\n", encoding="utf-8")
    elif kind == "symlink to data":
        (tmp_path / "elsewhere" / "data").mkdir(parents=True)
        out.symlink_to(tmp_path / "elsewhere")
    else:
        out.symlink_to(tmp_path / "nowhere")
    before = {p.name: (p.is_symlink(), p.is_file()) for p in tmp_path.iterdir()}
    assert main([str(SEED), str(out)]) == 0
    after = {p.name: (p.is_symlink(), p.is_file()) for p in tmp_path.iterdir() if not p.name.startswith("out-import-")}
    assert after == before
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("out-import-")]) == 1


@pytest.mark.parametrize("where", [".", "data", "data/support_types"])
def test_out_inside_a_project_or_its_data_is_refused_with_one_line(tmp_path, capsys, monkeypatch, where):
    project = copy_project(tmp_path / "project")
    before = snapshot(project)
    monkeypatch.chdir(project)
    assert main([str(SEED), where]) == 1
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    assert said.err.startswith(f"{where}: ") and "es la carpeta de un proyecto de playbook" in said.err
    assert " — indique una carpeta nueva" in said.err  # what is wrong — what to do
    assert snapshot(project) == before


@pytest.mark.parametrize("kind", ["folder", "missing"])
def test_a_source_that_is_not_a_file_gets_one_line_naming_it(tmp_path, capsys, kind):
    source = tmp_path / "src.md"
    if kind == "folder":
        source.mkdir()
    assert main([str(source), str(tmp_path / "out")]) == 1
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    assert said.err.startswith(f"{source}:1: ") and " — " in said.err  # what is wrong — what to do
    reason = "es una carpeta" if kind == "folder" else "No such file or directory"  # the system's own words
    assert reason in said.err and not (tmp_path / "out").exists()


def test_a_source_that_never_ends_gets_one_line_and_no_hang(tmp_path):
    source = tmp_path / "src.md"
    os.mkfifo(source)  # opening it to read would wait for a writer forever
    command = [sys.executable, "-m", "macros", "import", str(source), str(tmp_path / "out")]
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{source}:1: ") and " — " in result.stderr
    assert time.monotonic() - started < 50 and not (tmp_path / "out").exists()  # a hang, not a benchmark


SPANISH_ONLY = SEED.read_text(encoding="utf-8").encode("latin-1", errors="ignore").decode("latin-1")
"""The seed without what Latin-1 cannot hold (its emoji): every accent, ñ, ¿ and ¡ kept."""


@pytest.mark.parametrize(
    ("codec", "text"),
    [("latin-1", SPANISH_ONLY), ("cp1252", SPANISH_ONLY), ("utf-16", SEED.read_text(encoding="utf-8"))],
)
def test_the_seed_saved_in_another_encoding_imports_letter_for_letter(codec, text):
    result = import_markdown(text.encode(codec), f"seed.{codec}.md")
    assert result.ok, result.errors
    original = import_markdown(text.encode("utf-8"), "seed.md")
    assert result.files == original.files, "the same data as the UTF-8 file: nothing decoded wrongly"
    assert "¿" in result.files["data/support_types/reactivo.yml"]


def test_the_seed_saved_in_mac_roman_imports_letter_for_letter():
    text = SPANISH_ONLY.encode("mac_roman", errors="ignore").decode("mac_roman")
    result = import_markdown(text.encode("mac_roman"), "seed.mac.md")
    assert result.ok and result.files == import_markdown(text.encode("utf-8"), "seed.md").files
    assert any("leído como Mac Roman" in line for line in result.report)


def test_a_utf8_file_with_two_latin1_phrases_is_refused_not_garbled():
    raw = SEED.read_bytes() + "\nNota: Resolución rápida y atención.\n".encode("latin-1")
    result = import_markdown(raw, "mixed.md")
    (error,) = result.errors
    assert "guárdelo como UTF-8" in error and not result.files
    first_latin1_line = SEED.read_bytes().count(b"\n") + 2
    assert error.startswith(f"mixed.md:{first_latin1_line}:"), "at the first line that is not UTF-8"


MB = 1_000_000
HOSTILE_LINES = {
    "a long heading": "## " + "a " * (MB // 2) + "#",
    "digits in a title": "### " + "1 " * (MB // 2) + "x",
    "an unclosed label": "**" + "a" * MB,
    "spaces before an arrow": "### **Caso 9: " + " " * MB + "→**",
    "an unclosed quote": '**"' + "a" * MB,
    "a link that never closes": "[" * (MB // 2) + "](#",
    "a table of empty cells": "|" * MB,
    "words and colons": "a: " * (MB // 3),
}


@pytest.mark.parametrize("name", HOSTILE_LINES)
def test_a_hostile_line_of_1_mb_is_kept_and_answered_at_once(tmp_path, name):
    source = tmp_path / "hostil.md"
    title, rest = SEED.read_text(encoding="utf-8").split("\n", 1)
    source.write_text(f"{title}\n\n{HOSTILE_LINES[name]}\n\n{rest}", encoding="utf-8")  # before the first section
    command = [sys.executable, "-m", "macros", "import", str(source), str(tmp_path / "out")]
    # A guard against hanging, not a benchmark: an answer takes about a second, a few on a busy machine; the
    # spaces before the arrow took 107 s before the fix.
    result = subprocess.run(command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    kept = yaml.safe_load((tmp_path / "out" / "unmapped.yml").read_text(encoding="utf-8"))
    assert HOSTILE_LINES[name].strip() in [block["text"] for block in kept], "nothing is dropped silently"
    assert "esta línea no llegó al sitio" in result.stderr  # and the import says so


def test_an_empty_folder_named_as_out_is_filled_and_a_new_nested_one_is_made(tmp_path, capsys):
    empty = tmp_path / "vacia"
    empty.mkdir()
    assert main([str(SEED), str(empty)]) == 0
    assert (empty / "data" / "playbook.yml").is_file() and [p.name for p in tmp_path.iterdir()] == ["vacia"]
    nested = tmp_path / "equipo" / "ventas" / "nuevo"
    assert main([str(SEED), str(nested)]) == 0
    assert snapshot(nested) == snapshot(empty), "the same files wherever they go"
    assert f"en {nested}" in capsys.readouterr().out


def test_out_that_cannot_be_made_gets_one_line_naming_it_and_why(tmp_path, capsys):
    (tmp_path / "notas.txt").write_text("un archivo, no una carpeta\n", encoding="utf-8")
    out = tmp_path / "notas.txt" / "importado"
    assert main([str(SEED), str(out)]) == 1
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    assert said.err.startswith(f"{out}: ") and "no se puede escribir" in said.err
    assert "(File exists)" in said.err  # the system's reason, as it gives it (a file is where a folder would go)
    assert (tmp_path / "notas.txt").read_text(encoding="utf-8") == "un archivo, no una carpeta\n"


def test_the_import_is_staged_beside_out_not_in_the_system_temporary_folder(tmp_path, capsys, monkeypatch):
    """A rename from /tmp to another disk fails: the scratch folder must be on OUT's own file system."""
    unusable = tmp_path / "tmp-is-a-file"
    unusable.write_text("", encoding="utf-8")
    monkeypatch.setattr("tempfile.tempdir", str(unusable))
    assert main([str(SEED), str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "data" / "playbook.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp-is-a-file"], "no scratch folder left"
