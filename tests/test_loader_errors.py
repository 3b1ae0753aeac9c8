"""What `make check` and the build tell an author about data/ as a whole: a data folder that is not there, a
required file missing or in the way, a file that cannot be read, a misspelt required field (one problem, not
two), the parts a session may name, the copied-situation notices, and the interface labels in the site's
language. Each problem is one line, `file:line: field: message`, with the file shown from the project."""

from __future__ import annotations

import pathlib

import pytest

from macros.__main__ import main
from macros.kinds import KINDS, browser
from macros.loader import DataErrors, load_playbook
from macros.messages import Messages

SAY = Messages("es")
REACTIVO = "data/support_types/reactivo.yml"
PREMIUM = "data/support_types/premium.yml"
SESSION = "data/sessions/premium-en-una-hora.yml"


def problems(data_dir: pathlib.Path, **options) -> list[str]:
    """The lines an author reads for data_dir (load_playbook must refuse it)."""
    with pytest.raises(DataErrors) as raised:
        load_playbook(data_dir, **options)
    return [str(error) for error in raised.value.errors]


def edit(project: pathlib.Path, file: str, old: str, new: str) -> str:
    """Replace the one occurrence of `old` in a data file; return the new text."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


# -- data/ as a whole


def test_a_data_folder_that_does_not_exist_is_one_line_naming_it(tmp_path):
    missing = tmp_path / "datos"
    lines = problems(missing)
    assert lines == [f"{missing}:1: {SAY.say('no_data_dir')}"]
    assert "no existe la carpeta de datos" in lines[0] and "cree data/" in lines[0]


def test_a_missing_playbook_yml_is_one_line_asking_to_create_it(project):
    (project / "data" / "playbook.yml").unlink()
    lines = problems(project / "data")
    assert lines == [f"data/playbook.yml:1: {SAY.say('missing_file')}"]
    assert "falta este archivo obligatorio — créelo" in lines[0]


def test_a_missing_playbook_yml_does_not_hide_the_other_files_problems(project):
    """The author sees every problem at once, not the missing file first and the rest on the next run."""
    (project / "data" / "playbook.yml").unlink()
    text = edit(project, REACTIVO, "focus: Respuesta", 'focus: ""')
    lines = problems(project / "data")
    assert len(lines) == 2, lines
    assert lines[0] == f"data/playbook.yml:1: {SAY.say('missing_file')}"
    assert lines[1].startswith(f"{REACTIVO}:{line_of(text, 'focus:')}: focus: el texto está vacío")


def test_a_folder_named_playbook_yml_is_told_once_as_a_folder_not_also_as_missing(project):
    path = project / "data" / "playbook.yml"
    path.unlink()
    path.mkdir()
    lines = problems(project / "data")
    assert lines == [f"data/playbook.yml:1: {SAY.say('is_a_folder')}"]
    assert "es una carpeta con nombre de archivo de datos" in lines[0]


def test_a_file_that_cannot_be_read_when_opened_is_one_line(project, monkeypatch):
    """A file whose reading fails after it was listed (its permission taken away meanwhile, a network drive
    gone): the author is told which file, not shown a traceback; a session naming that type is not blamed too."""
    unreadable = project / PREMIUM
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(path):
        if path == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    lines = problems(project / "data")
    assert lines == [f"{PREMIUM}:1: {SAY.say('unreadable')}"]
    assert "no se puede leer este archivo (permisos)" in lines[0]


def test_a_required_folder_with_no_files_is_told_on_the_folder(project, monkeypatch):
    """Every folder kind is optional today; a kind made required (a playbook that must have support types) names
    its empty folder, and loads normally when it has files."""
    support_types = next(kind for kind in KINDS if kind.key == "support_types")
    monkeypatch.setattr(support_types, "optional", False)
    assert len(load_playbook(project / "data").support_types) == 5
    for path in (project / "data" / "support_types").iterdir():
        path.unlink()
    lines = problems(project / "data")
    assert f"data/support_types:1: {SAY.say('no_folder_files')}" in lines
    assert any(line.startswith("data/support_types:1: no hay ningún archivo en esta carpeta") for line in lines)


# -- fields


@pytest.mark.parametrize(
    ("old", "new", "field", "right"),
    [
        ("    title: Respuesta Rápida", "    titel: Respuesta Rápida", "técnica 1 › titel", "title"),
        ("name: Reactivo", "nmae: Reactivo", "nmae", "name"),
    ],
    ids=["inside a technique", "at the top"],
)
def test_a_misspelt_required_field_is_one_problem_not_also_a_missing_field(project, old, new, field, right):
    text = edit(project, REACTIVO, old, new)
    lines = problems(project / "data")
    line = line_of(text, new.strip())
    assert lines == [f"{REACTIVO}:{line}: {field}: campo desconocido — ¿quería decir `{right}`?"]


def test_an_explicit_bool_tag_on_a_text_is_a_line_not_a_crash(project):
    """`!!bool quizás` is no true/false: the author still gets the line about a yes/no value where text goes."""
    text = edit(project, REACTIVO, "focus: Respuesta", "focus: !!bool quizás")
    lines = problems(project / "data")
    assert lines == [
        f"{REACTIVO}:{line_of(text, 'focus:')}: focus: se esperaba un texto y hay un valor sí/no (true o false sin "
        "comillas) — ponga el texto entre comillas dobles"
    ]


# -- what a session may name


def test_a_session_may_name_a_page_that_has_no_data_file(project):
    """The summary (resumen) is made from the other kinds' data: a session names it like any whole part."""
    edit(project, SESSION, "  - checklist", "  - resumen")
    playbook = load_playbook(project / "data")
    assert playbook.sessions[0].parts == ["premium", "resumen"]


def test_a_session_may_not_name_a_part_whose_optional_file_is_absent(project):
    """Without data/checklist.yml the playbook has no checklist page: a session naming it is told so."""
    (project / "data" / "checklist.yml").unlink()
    text = (project / SESSION).read_text(encoding="utf-8")
    lines = problems(project / "data")
    assert len(lines) == 1
    assert lines[0].startswith(
        f"{SESSION}:{line_of(text, '  - checklist')}: parte 2: ningún tipo de soporte, técnica, parte ni página "
        "libre se llama `checklist` — "
    )


# -- notices, and what the loaded playbook gives the site


def copy_type(project: pathlib.Path) -> str:
    """A support type copied from reactivo with new ids but the same situations; its text."""
    source = (project / REACTIVO).read_text(encoding="utf-8")
    copy = source.replace("id: reactivo", "id: hibrido").replace("- id: respuesta-rapida", "- id: respuesta-hibrida")
    copy = copy.replace("- id: resolucion-efectiva", "- id: resolucion-hibrida")
    (project / "data" / "support_types" / "hibrido.yml").write_text(copy, encoding="utf-8")
    return copy


def test_a_copied_types_situations_are_notices_on_the_copy(project):
    copy = copy_type(project)
    notices = [str(notice) for notice in load_playbook(project / "data").notices]
    line = line_of(copy, "  - Un pedido no llegó o llegó tarde")
    expected = (
        f"data/support_types/hibrido.yml:{line}: situación 2: aviso: la situación «Un pedido no llegó o llegó tarde» "
        f"ya está en {REACTIVO}:{line} — "
    )
    assert any(notice.startswith(expected) for notice in notices), notices
    assert len(notices) == 11  # the type's five situations and its techniques' six


def test_check_prints_the_notices_and_still_succeeds(project, monkeypatch, capsys):
    copy_type(project)
    monkeypatch.chdir(project)
    assert main(["check"]) == 0
    printed = capsys.readouterr()
    notices = printed.err.splitlines()
    assert len(notices) == 11, notices
    assert all(line.startswith("data/support_types/hibrido.yml:") and " aviso: " in line for line in notices)
    assert printed.out.startswith("datos correctos — tipos de soporte: 6,")


def test_check_of_the_seed_data_prints_only_its_summary(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    assert main(["check"]) == 0
    printed = capsys.readouterr()
    assert (printed.err, printed.out.count("\n")) == ("", 1)
    assert printed.out.startswith("datos correctos — tipos de soporte: 5, técnicas: 10,")


def test_the_technique_browser_of_a_loaded_playbook_lists_every_technique(project):
    playbook = load_playbook(project / "data")
    techniques = sum(len(t.techniques) for t in playbook.support_types) + len(playbook.optimization.techniques)
    assert sum(map(len, browser.rows_by_page(playbook))) == techniques > 0


@pytest.mark.parametrize(("language", "home", "process"), [("en", "Home", "Process"), ("es", "Inicio", "Proceso")])
def test_interface_labels_are_in_the_sites_language_but_for_those_the_data_sets(project, language, home, process):
    assert load_playbook(project / "data", language=language).info.labels.home == home
    edit(project, "data/playbook.yml", 'closing_icons: "🛟✨"\n', 'closing_icons: "🛟✨"\nlabels:\n  home: Portada\n')
    labels = load_playbook(project / "data", language=language).info.labels
    assert (labels.home, labels.process) == ("Portada", process)
