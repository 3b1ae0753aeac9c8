"""`python -m macros import SRC OUT` in process: what its reader sees in the terminal (the help, one line for a
source it cannot read, the warnings and their count, the closing lines naming where the import went and what to
do next) and the exit code, in the language mkdocs.yml asks for."""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path

import pytest

from helpers import SEED
from macros.importer import cli
from macros.importer.cli import main
from macros.importer.document import import_markdown
from macros.messages import Messages

SAY = Messages("es")
LOOSE_TEXT = "# Título\n\nUn texto suelto.\n"
"""A document with a title and nothing of the seed's shape: it imports, with a warning for each missing part."""


def run(argv: list[str], capsys) -> tuple[int, list[str], list[str]]:
    """(exit code, stdout lines, stderr lines) of one command."""
    code = main(argv)
    said = capsys.readouterr()
    return code, said.out.splitlines(), said.err.splitlines()


def files_under(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


@pytest.fixture()
def loose(tmp_path) -> Path:
    source = tmp_path / "suelto.md"
    source.write_text(LOOSE_TEXT, encoding="utf-8")
    return source


def test_help_names_the_command_and_explains_both_arguments(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    said = " ".join(capsys.readouterr().out.split())
    assert said.startswith("usage: python -m macros import [-h] source out ")
    for key in ("cli_description", "cli_source", "cli_out"):
        assert " ".join(SAY.imports(key).split()) in said, key


def test_an_import_into_a_new_folder_ends_with_the_files_written_and_the_next_step(loose, tmp_path, capsys):
    out = tmp_path / "out"
    code, lines, _ = run([str(loose), str(out)], capsys)
    assert code == 0
    assert lines[-2:] == [
        SAY.imports("wrote", count=files_under(out), folder=out),
        SAY.imports("next_step", folder=out),
    ]
    assert files_under(out) == 2  # data/playbook.yml and the free page
    assert not any("no está vacía" in line for line in lines), "nothing was written beside it"


def test_an_import_beside_a_folder_in_use_names_both_folders(loose, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notas.txt").write_text("mías\n", encoding="utf-8")
    code, lines, _ = run([str(loose), str(out)], capsys)
    assert code == 0
    (beside,) = [p for p in tmp_path.iterdir() if p.name.startswith("out-import-")]
    assert lines[-3:] == [
        SAY.imports("wrote_beside", out=out, folder=beside),
        SAY.imports("wrote", count=files_under(beside), folder=beside),
        SAY.imports("next_step", folder=beside),
    ]
    assert lines[-3].startswith(f"{out} no está vacía")


def test_the_warnings_go_to_stderr_each_with_its_line_and_then_their_count(loose, tmp_path, capsys):
    code, lines, errors = run([str(loose), str(tmp_path / "out")], capsys)
    assert code == 0
    *warnings, count = errors
    assert len(warnings) > 3 and all(line.startswith(f"{loose}:") for line in warnings), warnings
    assert any("no hay línea de versión" in line for line in warnings)
    assert count == SAY.imports("warnings", count=len(warnings))
    assert not any(line in lines for line in errors), "warnings are not on stdout"


def test_a_project_in_english_gets_the_report_and_the_warnings_in_english(loose, tmp_path, monkeypatch, capsys):
    project = tmp_path / "english"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: Playbook\ntheme:\n  name: material\n  language: en\n")
    monkeypatch.chdir(project)
    english = Messages("en")
    out = tmp_path / "out"
    code, lines, errors = run([str(loose), str(out)], capsys)
    assert code == 0
    assert f"{loose}:3: {english.imports('no_version')}" in errors
    assert errors[-1] == english.imports("warnings", count=len(errors) - 1)
    assert lines[-1] == english.imports("next_step", folder=out)
    assert (out / "data" / "pages" / "notes.yml").is_file(), "the free page is named in English"


def test_a_language_without_a_catalogue_gets_one_line_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    project = tmp_path / "klingon"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: Playbook\ntheme:\n  name: material\n  language: tlh\n")
    monkeypatch.chdir(project)
    code, lines, errors = run([str(SEED), str(tmp_path / "out")], capsys)
    assert (code, lines) == (1, [])
    (line,) = errors
    assert line.startswith("mkdocs.yml: theme.language: tlh — ") and "macros/locales/tlh/" in line
    assert not (tmp_path / "out").exists()


def test_a_source_that_is_not_text_gets_its_line_and_the_count_and_nothing_is_written(tmp_path, capsys):
    source = tmp_path / "binario.md"
    source.write_bytes(b"# T\x00tulo\n")
    out = tmp_path / "out"
    code, lines, errors = run([str(source), str(out)], capsys)
    assert (code, lines) == (1, [])
    assert len(errors) == 2 and errors[0].startswith(f"{source}:1: ") and "bytes NUL" in errors[0]
    assert errors[1] == SAY.imports("nothing_written", count=1)
    assert not out.exists()


def test_a_source_the_user_may_not_read_gets_one_line_with_the_systems_reason(tmp_path, monkeypatch, capsys):
    source = tmp_path / "privado.md"
    source.write_text(LOOSE_TEXT, encoding="utf-8")
    source.chmod(0)
    real_read_bytes = type(source).read_bytes

    def read_bytes(path):
        """The kernel's answer to a reader without permission (root, who runs these tests, is never refused)."""
        if path == source:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(type(source), "read_bytes", read_bytes)
    code, lines, errors = run([str(source), str(tmp_path / "out")], capsys)
    assert (code, lines) == (1, [])
    assert errors == [f"{source}:1: {SAY.imports('src_unreadable', reason=os.strerror(errno.EACCES))}"]
    assert "(Permission denied)" in errors[0]
    assert not (tmp_path / "out").exists()


def test_a_fifo_as_source_gets_one_line_saying_it_is_not_a_file(tmp_path, capsys):
    source = tmp_path / "tuberia.md"
    os.mkfifo(source)  # checked before opening: reading it would wait for a writer forever
    code, lines, errors = run([str(source), str(tmp_path / "out")], capsys)
    assert (code, lines) == (1, [])
    assert errors == [f"{source}:1: {SAY.imports('src_not_regular')}"]
    assert "no es un archivo normal" in errors[0]


def test_data_the_schema_rejects_is_reported_per_problem_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    """The last guard: should the importer ever produce an invalid file, the reader learns which and why."""

    def importer_with_a_bug(raw, source, say):
        result = import_markdown(raw, source, say)
        checklist = result.files["data/checklist.yml"]
        return dataclasses.replace(
            result, files={**result.files, "data/checklist.yml": checklist.replace("  - id: pre\n", "  - id: Pre\n")}
        )

    monkeypatch.setattr(cli, "import_markdown", importer_with_a_bug)
    out = tmp_path / "out"
    code, _, errors = run([str(SEED), str(out)], capsys)
    assert code == 1
    problem, count = errors[-2:]
    assert problem.startswith(f"{SEED}: el importador produjo datos que el esquema rechaza (data/checklist.yml:")
    assert "`Pre` no es un id válido" in problem and problem.endswith("— informe de este documento al equipo")
    assert count == SAY.imports("nothing_written", count=1)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == []
