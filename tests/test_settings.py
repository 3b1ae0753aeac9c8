"""Issue 29: the project's settings are read in one place — the plugin's options in mkdocs.yml (data and cache
folders) and the theme's language — and the commands that run without MkDocs take the same ones."""

from __future__ import annotations

from helpers import build, check


def move_data(project, folder: str) -> None:
    (project / "data").rename(project / folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  - playbook:\n") == 1
    config.write_text(text.replace("  - playbook:\n", f"  - playbook:\n      data_dir: {folder}\n"), encoding="utf-8")


def test_a_project_keeps_its_data_where_mkdocs_yml_says(project, tmp_path):
    move_data(project, "contenido")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Soporte Reactivo" in (tmp_path / "site" / "tipos" / "reactivo" / "index.html").read_text(encoding="utf-8")
    checked = check(project)  # no folder named: the one mkdocs.yml gives
    assert checked.returncode == 0 and checked.stdout.startswith("datos correctos"), checked.stderr


def test_a_problem_in_the_moved_data_is_reported_with_its_path(project):
    move_data(project, "contenido")
    path = project / "contenido" / "playbook.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.0"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and result.stderr.startswith("contenido/playbook.yml:")
