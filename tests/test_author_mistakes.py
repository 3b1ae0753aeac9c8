"""Issue 15: what an author's editor, shell or copy-paste leaves in data/ ends in one line, never a traceback
or a hang; the right file is blamed; YAML reads as the editor reads it; the terminal never gets escapes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from helpers import check, child_env
from macros.loader import DataErrors, load_playbook

TYPES = "data/support_types"


def problems(project) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: (d / "x.yml").mkdir(), "x.yml:1: es una carpeta con nombre de archivo de datos"),
        (
            lambda d: (d / "bucle.yml").symlink_to("bucle.yml"),
            "bucle.yml:1: es un enlace que no lleva a ningún archivo",
        ),
        (lambda d: (d / "roto.yml").symlink_to("no-existe.yml"), "roto.yml:1: es un enlace que no lleva a ningún"),
        (lambda d: (d / "fuera.yml").symlink_to("/etc/hostname"), "fuera.yml:1: es un enlace a un archivo fuera del"),
        (
            lambda d: (d / "cero.yml").symlink_to("/dev/zero"),
            "cero.yml:1: es un enlace a un archivo fuera del proyecto",
        ),
        (lambda d: os.mkfifo(d / "f.yml"), "f.yml:1: no es un archivo normal (FIFO) — bórrelo de data/"),
    ],
    ids=["folder named x.yml", "symlink loop", "dangling link", "link out of the project", "/dev/zero", "FIFO"],
)
def test_a_path_that_is_not_a_plain_file_gets_one_line_and_no_hang(project, make, says):
    make(project / TYPES)
    result = check(project)  # a subprocess with a timeout: a FIFO read would hang it, /dev/zero exhaust it
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"{TYPES}/") and says in lines[0], lines
    assert lines[1:] == ["1 problema(s) en data/."]


@pytest.mark.parametrize(
    "leftover", ["reactivo.yml~", ".#premium.yml", ".premium.yml.swp", "premium.yml.bak", ".DS_Store", "#reactivo.yml#"]
)
def test_editor_leftovers_are_ignored(project, leftover):
    path = project / TYPES / leftover
    if leftover.startswith(".#"):  # Emacs's lock: a link to user@host.pid, which does not exist
        path.symlink_to("autora@portatil.4242")
    else:
        path.write_text("::: no es YAML :::\n", encoding="utf-8")
    assert len(load_playbook(project / "data").support_types) == 5


@pytest.mark.parametrize("folder", [".git/objects", "support_types/.versiones", ".cache"])
def test_hidden_folders_inside_data_are_not_read(project, folder):
    """A version-control folder, an editor's backups, a tool's cache: never data, whatever they hold."""
    hidden = project / "data" / folder
    hidden.mkdir(parents=True)
    shutil.copy(project / TYPES / "reactivo.yml", hidden / "reactivo.yml")
    (hidden / "indice").write_bytes(b"\x00\x01 no es texto")
    assert len(load_playbook(project / "data").support_types) == 5


def test_a_copied_type_file_blames_the_copy_not_the_original(project):
    """The guide says: copy a type file and change its id. Until its techniques are renamed, their ids
    repeat the original's: the copy, changed last, is the file to fix, even when it sorts first."""
    original = project / TYPES / "reactivo.yml"
    copy = project / TYPES / "alerta.yml"
    shutil.copy(original, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("id: reactivo\n", "id: alerta\n"), encoding="utf-8")
    os.utime(original, (1_700_000_000, 1_700_000_000))
    found = problems(project)
    assert found and all(line.startswith(f"{TYPES}/alerta.yml:") for line in found), found
    assert all(f"ya lo usa otra técnica en {TYPES}/reactivo.yml:" in line for line in found)


def test_a_broken_type_is_reported_once_not_again_in_the_case_studies(project):
    path = project / TYPES / "proactivo.yml"  # the case study names this type
    path.write_text(path.read_text(encoding="utf-8").replace("name: Proactivo", "name: Proactivo: x"), "utf-8")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{TYPES}/proactivo.yml:"), found


@pytest.mark.parametrize("text", ["no", "sí", "on", "off", "yes", "12:30", "N"])
def test_words_yaml_1_1_would_turn_into_booleans_or_numbers_are_text_as_in_the_editor(project, text):
    path = project / TYPES / "reactivo.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("focus: Respuesta", f"focus: {text}"), "utf-8")
    assert load_playbook(project / "data").support_types[0].focus == text


def test_what_an_author_types_never_sends_escapes_to_the_terminal(project):
    path = project / TYPES / "reactivo.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("focus: Respuesta", 'focus: Respuesta\n"\\e[2J\\e[31mrojo": x'), "utf-8")
    result = check(project)
    assert result.returncode == 1 and "\x1b" not in result.stderr + result.stdout
    assert "\\x1b[2J" in result.stderr  # shown, so the author can find it


HANG = 60
"""Seconds after which a check is taken for hung: about 2 s is an honest answer, 5 s on a machine kept busy by
other work; the super-linear patterns these lines once met took minutes."""


@pytest.mark.parametrize(
    "line",
    [
        "- [" + "x" * 900_000 + "] y",  # the `[X]` hint's pattern, on one 900 KB line
        "focus: " + "[a " * 300_000,
        "focus: " + "a: " * 300_000,
        'focus: "' + "\\" * 900_000,
    ],
    ids=["bracket hint", "open brackets", "colons", "backslashes"],
)
def test_hostile_lines_of_a_megabyte_are_answered_without_hanging(project, line):
    (project / TYPES / "reactivo.yml").write_text(line + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "macros", "check"]
    # A guard against hanging, not a benchmark.
    result = subprocess.run(command, cwd=project, env=child_env(), capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{TYPES}/reactivo.yml:1:") and " — " in result.stderr
