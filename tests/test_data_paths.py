"""What sits in data/ beside the data files — a folder named like one, links, a FIFO — is one line naming it, in
this process (loader._path_problem decides before anything is opened; test_author_mistakes.py runs the same paths
through `make check`, where a hang would meet a time-out)."""

from __future__ import annotations

import os
import socket
import stat
import threading

import pytest

from macros.loader import DataErrors, load_playbook

TYPES = "data/support_types"
GENEROUS = 120  # seconds: a hang, not a slow machine


def problems_within_a_limit(project) -> list[str]:
    """load_playbook's lines, from a thread given GENEROUS seconds: a FIFO opened for reading would block forever."""
    found: list = []

    def load():
        try:
            load_playbook(project / "data")
            found.append([])
        except DataErrors as caught:
            found.append([str(error) for error in caught.errors])

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(GENEROUS)
    assert found, "load_playbook did not return: it hangs on a path that is not a plain file"
    return found[0]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: (d / "x.yml").mkdir(), "es una carpeta con nombre de archivo de datos"),
        (lambda d: (d / "x.yaml").mkdir(), "es una carpeta con nombre de archivo de datos"),
        (lambda d: (d / "bucle.yml").symlink_to("bucle.yml"), "es un enlace que no lleva a ningún archivo"),
        (lambda d: (d / "roto.yml").symlink_to("no-existe.yml"), "es un enlace que no lleva a ningún archivo"),
        (lambda d: (d / "fuera.yml").symlink_to("/etc/hostname"), "es un enlace a un archivo fuera del proyecto"),
        (lambda d: (d / "cero.yml").symlink_to("/dev/zero"), "es un enlace a un archivo fuera del proyecto"),
        (lambda d: os.mkfifo(d / "f.yml"), "no es un archivo normal (FIFO) — bórrelo de data/"),
    ],
    ids=[
        "folder named x.yml",
        "folder named x.yaml",
        "symlink loop",
        "dangling link",
        "link out of the project",
        "/dev/zero",
        "FIFO",
    ],
)
def test_a_path_that_is_not_a_plain_file_is_one_line_naming_it(project, make, says):
    make(project / TYPES)
    (line,) = problems_within_a_limit(project)
    name = line.split(":", 1)[0]
    assert name.startswith(f"{TYPES}/") and name.endswith((".yml", ".yaml")), line
    assert line.startswith(f"{name}:1: ") and says in line, line


def test_a_socket_left_in_data_is_named_as_one(project, monkeypatch):
    """A tool's socket (an editor's server, a sync daemon) is neither read nor called a FIFO."""
    monkeypatch.chdir(project / TYPES)  # a socket's address is short: bound by its name, from its folder
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("s.yml")
        assert problems_within_a_limit(project) == [
            f"{TYPES}/s.yml:1: no es un archivo normal (socket) — bórrelo de data/"
        ]


def test_a_device_node_in_data_is_named_as_a_device(project):
    """A device (what a backup of a system folder may bring along) is neither read nor called a socket."""
    try:
        os.mknod(project / TYPES / "d.yml", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
    except PermissionError:
        pytest.skip("this machine does not let the tests make a device node (needs root's CAP_MKNOD)")
    assert problems_within_a_limit(project) == [
        f"{TYPES}/d.yml:1: no es un archivo normal (dispositivo) — bórrelo de data/"
    ]


def test_a_file_without_read_permission_is_one_line_saying_how_to_give_it(project, monkeypatch):
    """chmod cannot take reading away from root (who runs these tests), so the permission check is answered
    "no" for that one file, as it is for an author whose file lost its read permission."""
    unreadable = project / TYPES / "premium.yml"
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: path != unreadable and real_access(path, mode))
    assert problems_within_a_limit(project) == [
        f"{TYPES}/premium.yml:1: no se puede leer este archivo (permisos) — dele permiso de lectura, "
        "p. ej. con chmod u+r"
    ]


def test_a_link_to_a_data_file_inside_the_project_is_read_like_the_file(project):
    """An author may keep a file elsewhere in the project and link it into data/: it is data like any other."""
    kept = project / "borradores" / "nocturno.yml"
    kept.parent.mkdir()
    source = (project / TYPES / "reactivo.yml").read_text(encoding="utf-8")
    kept.write_text(source.replace("id: reactivo\n", "id: nocturno\n"), encoding="utf-8")
    (project / TYPES / "reactivo.yml").unlink()
    (project / TYPES / "nocturno.yml").symlink_to(kept)
    playbook = load_playbook(project / "data")
    assert "nocturno" in [support.id for support in playbook.support_types]
