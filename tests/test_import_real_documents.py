"""Real documents from public repositories (tests/fixtures/real/, each naming its source on its first line),
none shaped like the seed: each imports, builds strictly, and every line of it is on the built site."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup
from test_seed_coverage import seed_units, site_text

from helpers import ROOT, SEED, build, check, copy_project
from macros.importer.cli import main

REAL = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.md"))
LINES = re.compile(r": (\d+) líneas: (\d+) en datos, (\d+) en páginas, (\d+) perdidas$", re.MULTILINE)


def import_and_build(source, tmp_path, capsys) -> tuple[str, str, str]:
    """(report, warnings, the built site's text) of one document imported and built strictly."""
    assert main([str(source), str(tmp_path / "out")]) == 0
    said = capsys.readouterr()
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "out" / "data", project / "data")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return said.out, said.err, site_text(project / "site")


def test_there_are_real_documents_of_four_shapes():
    assert len(REAL) >= 4
    for source in REAL:
        assert source.read_text(encoding="utf-8").startswith("<!-- Fuente: https://github.com/")


@pytest.mark.parametrize("source", [SEED, *REAL], ids=lambda path: path.stem)
def test_every_line_of_a_document_reaches_the_strictly_built_site(source, tmp_path, capsys):
    report, warnings, text = import_and_build(source, tmp_path, capsys)
    missing = [unit for unit in seed_units(source) if unit not in text]
    assert missing == []
    if source != SEED:  # none has a framework of support types: none of its tables is taken for one
        assert "tabla del framework" not in warnings and "leer como el framework" not in warnings
    (counted,) = LINES.findall(report)
    total, in_data, on_pages, lost = map(int, counted)
    non_blank = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert (total, lost) == (len(non_blank), 0)
    assert in_data + on_pages == total


def test_a_document_missing_the_seeds_parts_gets_every_warning_at_once(tmp_path, capsys):
    source = ROOT / "tests" / "fixtures" / "real" / "procedimiento-quejas-reclamaciones.md"
    _, warnings, text = import_and_build(source, tmp_path, capsys)
    lines = warnings.splitlines()
    assert all(re.match(rf"{re.escape(str(source))}:\d+: ", line) for line in lines[:-1]), lines
    for missing in ("el checklist", "la sección de casos de estudio", "la sección de optimización", "el resumen"):
        assert any(f"el documento no tiene {missing}" in line for line in lines), missing
    assert any("no hay línea de versión" in line for line in lines)
    assert lines[-1].startswith(f"{len(lines) - 1} avisos")
    assert "responsabilidades" in text  # its own sections are on the site, as free pages


def test_make_check_accepts_an_imported_handbook_as_it_is(tmp_path, capsys):
    """An author's next step after importing (the guide's step 4): `make check` on the imported data."""
    source = ROOT / "tests" / "fixtures" / "real" / "manual-atencion-cliente.md"
    assert main([str(source), str(tmp_path / "out")]) == 0
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "out" / "data", project / "data")
    result = check(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "tipos de soporte: 0" in result.stdout and "páginas libres: 13" in result.stdout


def test_a_site_without_the_seeds_parts_offers_no_way_to_them(tmp_path, capsys):
    """A handbook has no support types, techniques, cases or checklist: no menu entry, page or button leads
    to an empty one."""
    source = ROOT / "tests" / "fixtures" / "real" / "manual-atencion-cliente.md"
    import_and_build(source, tmp_path, capsys)
    site = tmp_path / "project" / "site"
    for missing in ("tipos", "tecnicas", "casos-de-estudio", "checklist", "optimizacion", "resumen", "guia"):
        assert not (site / missing).exists(), missing
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = [link.get_text(" ", strip=True) for link in home.select(".md-nav--primary .md-nav__link")]
    assert "Canales de Soporte" in menu and not {"Tipos de soporte", "Técnicas", "Checklist"} & set(menu)
    assert not home.select(".pb-start__guide")  # no decision guide to start a call from
    for link in home.select("article a[href]"):
        href = link["href"].split("#")[0]
        assert not href or href.startswith("http") or (site / href).exists(), href


def test_the_structured_parts_of_a_real_document_are_read_as_data(tmp_path, capsys):
    source = ROOT / "tests" / "fixtures" / "real" / "playbook-cierre-objeciones.md"
    assert main([str(source), str(tmp_path / "out")]) == 0
    checklist = (tmp_path / "out" / "data" / "checklist.yml").read_text(encoding="utf-8")
    assert checklist.count("- id:") >= 27  # its `- [ ]` items became the checklist's items, to tick
    index = (tmp_path / "out" / "data" / "pages" / "indice.yml").read_text(encoding="utf-8")
    # Its table of contents links to sections that are now pages of their own: the links follow them.
    assert "[🎬 Fases del Closing](fases-del-closing.md)" in index
    assert "[📋 Checklists de Closing](../checklist.md)" in index
