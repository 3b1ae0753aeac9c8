"""Bad data end to end: `make check` and the build exit non-zero, print one line per problem, no
traceback, and leave the previous site untouched. (The case-by-case matrix is test_bad_input.py.)"""

from __future__ import annotations

import shutil

from helpers import build, check, edit_line


def test_check_prints_every_problem_once_and_exits_non_zero(project):
    dangling = edit_line(project, "data/case_studies.yml", "support_type: proactivo", "support_type: nada")
    slug = edit_line(project, "data/checklist.yml", "  - id: pre\n", "  - id: Pre\n")
    version = edit_line(project, "data/playbook.yml", 'version: "1.0"', "version: 1.0")
    result = check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(" ")[0] for line in lines[:-1]] == [
        f"data/case_studies.yml:{dangling}:",
        f"data/checklist.yml:{slug}:",
        f"data/playbook.yml:{version}:",
    ]
    assert lines[-1] == "3 problema(s) en data/."


def test_check_passes_on_the_real_data(project):
    result = check(project)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("datos correctos — tipos de soporte: 5, técnicas: 10,")


def test_build_with_bad_data_fails_cleanly_and_writes_nothing(project, tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous site", encoding="utf-8")
    line = edit_line(project, "data/case_studies.yml", "support_type: proactivo", "support_type: proactiva")
    result = build(project, site_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"data/case_studies.yml:{line}: caso 1 › support_type: ningún tipo de soporte tiene el id" in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "previous site"


def test_a_case_study_naming_a_type_in_a_playbook_without_types_is_explained(project):
    """A playbook of other parts only (its support types and what builds on them removed): a case study that
    still names a type gets its line, not a traceback from the page that would link to it."""
    shutil.rmtree(project / "data" / "support_types")
    shutil.rmtree(project / "data" / "sessions")
    (project / "data" / "optimization.yml").unlink()
    cases = (project / "data/case_studies.yml").read_text(encoding="utf-8").split("\n")
    line = cases.index("    support_type: proactivo") + 1
    for result in [check(project), build(project, project / "site")]:
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert (
            f"data/case_studies.yml:{line}: caso 1 › support_type: ningún tipo de soporte tiene el id `proactivo`: "
            "este playbook no tiene tipos de soporte — añádalo en data/support_types/proactivo.yml"
        ) in result.stderr
