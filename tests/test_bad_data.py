"""Bad data stops the build with one line per problem: file:line: field: message — and no traceback."""

from __future__ import annotations

from pathlib import Path

from helpers import build, check


def edit(project: Path, relative: str, old: str, new: str) -> int:
    """Replace one exact snippet in a data file; return the 1-based line where it was."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(project: Path, relative: str, snippet: str) -> int:
    text = (project / relative).read_text(encoding="utf-8")
    return text[: text.index(snippet)].count("\n") + 1


def problems(project: Path) -> list[str]:
    result = check(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_missing_field_names_file_line_and_path(project):
    premium = "data/support_types/premium.yml"
    edit(project, premium, "      closing: ¿Cómo podemos mejorar la experiencia?\n", "")
    script_line = line_of(project, premium, "    script:")
    assert problems(project)[0].startswith(
        f"{premium}:{script_line}: techniques[0].script.closing: Field required")


def test_unknown_key_suggests_the_known_one(project):
    line = edit(project, "data/case_studies.yml", "    title: Soporte", "    tittle: Soporte")
    assert problems(project)[0] == (
        f"data/case_studies.yml:{line}: cases[0].tittle: unknown field — did you mean `title`?")


def test_duplicate_technique_id_across_files(project):
    first = line_of(project, "data/support_types/reactivo.yml", "  - id: respuesta-rapida")
    line = edit(project, "data/support_types/24-7.yml", "id: respuesta-urgente", "id: respuesta-rapida")
    (error,) = [p for p in problems(project) if "duplicate" in p]
    assert error.startswith(f"data/support_types/24-7.yml:{line}: techniques[1].id: duplicate technique id "
                            "`respuesta-rapida`")
    assert f"data/support_types/reactivo.yml:{first}" in error


def test_dangling_case_study_reference(project):
    line = edit(project, "data/case_studies.yml", "support_type: proactivo", "support_type: proactiva")
    assert problems(project)[0] == (
        f"data/case_studies.yml:{line}: cases[0].support_type: no support type has the id `proactiva` "
        "— did you mean `proactivo`?")


def test_unquoted_placeholder_is_explained(project):
    line = edit(project, "data/support_types/24-7.yml", '- "Tiempo: [X] minutos"', "- Tiempo: [X] minutos")
    (error,) = problems(project)[:-1]
    assert error.startswith(f"data/support_types/24-7.yml:{line}: YAML syntax error")
    assert "quote" in error


def test_placeholder_alone_unquoted_is_a_list_and_explained(project):
    line = edit(project, "data/support_types/reactivo.yml", '- "Canales: [Canales disponibles]"',
                "- [Canales disponibles]")
    (error,) = problems(project)[:-1]
    assert error.startswith(f"data/support_types/reactivo.yml:{line}: techniques[0].script.sections[0].lines[1]: "
                            "expected text, got a list")
    assert "double quotes" in error


def test_every_problem_of_the_run_is_reported_together(project):
    edit(project, "data/case_studies.yml", "support_type: proactivo", "support_type: nada")
    edit(project, "data/checklist.yml", "  - id: pre\n", "  - id: Pre\n")
    edit(project, "data/playbook.yml", 'version: "1.0"', "version: 1.0")
    lines = problems(project)
    assert len(lines) == 4 and lines[-1] == "3 problem(s) found."


def test_build_with_bad_data_fails_cleanly_and_writes_nothing(project, tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous site", encoding="utf-8")
    line = edit(project, "data/case_studies.yml", "support_type: proactivo", "support_type: proactiva")
    result = build(project, site_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"data/case_studies.yml:{line}: cases[0].support_type:" in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "previous site"
