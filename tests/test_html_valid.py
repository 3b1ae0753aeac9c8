"""Every page is valid HTML for the Nu Html Checker (npm's vnu-jar, run with Java): our markup has no error,
with any content, and the theme's and print-site's are repaired (macros/valid_html.py) but one, named here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, build, copy_project
from macros.importer.cli import main

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_TOGGLE = 'class="md-toggle"'
"""Material's drawer and search toggles keep `autocomplete="off"` (Firefox restores their state without it)."""


def errors_of(site: Path) -> list[str]:
    """The checker's errors on every page of a built site, but those on Material's two toggles."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    messages = json.loads(result.stderr)["messages"]
    assert any(m["url"].endswith("/index.html") for m in messages), "the checker read the pages"
    return [
        f"{m['url'].removeprefix(site.as_uri())}:{m.get('lastLine')}: {m['message']} «{m.get('extract', '')[:80]}»"
        for m in messages
        if m["type"] == "error" and MATERIAL_TOGGLE not in m.get("extract", "")
    ]


def test_the_checker_reads_a_page_and_finds_a_real_error(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="es"><title>x</title><p><span tabindex="">a</span></p></html>', encoding="utf-8"
    )
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert [m["message"][:18] for m in json.loads(result.stderr)["messages"]] == ["Bad value “” for a"]


def test_every_page_of_the_site_is_valid_html(site):
    assert errors_of(site) == []


def test_pages_with_hostile_content_are_valid_html(hostile_site):
    assert errors_of(hostile_site) == []


@pytest.mark.parametrize("name", ["manual-atencion-cliente", "playbook-cierre-objeciones"])
def test_free_pages_of_an_imported_document_are_valid_html(name, tmp_path, capsys):
    assert main([str(ROOT / "tests" / "fixtures" / "real" / f"{name}.md"), str(tmp_path / "out")]) == 0
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "out" / "data", project / "data")
    assert build(project, project / "site").returncode == 0
    assert errors_of(project / "site") == []
