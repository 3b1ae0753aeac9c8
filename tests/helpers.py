"""Helpers shared by the tests: the project's paths, copies of it, and the two commands tests run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "soporte-y-servicio-en-ventas.md"
PROJECT_PARTS = ["data", "docs", "macros", "overrides", "mkdocs.yml"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, to modify without touching the real project."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project into site_dir, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=300,
    )


def check(project: Path) -> subprocess.CompletedProcess:
    """`python -m macros check`, as `make check` runs it."""
    return subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=60)


def article(site_dir: Path, url_path: str) -> BeautifulSoup:
    """The article (the page's own content, without nav or header) of a built page."""
    html = (site_dir / url_path / "index.html").read_text(encoding="utf-8")
    found = BeautifulSoup(html, "html.parser").find("article")
    assert found is not None, f"{url_path} has no article"
    return found


HOSTILE = ("<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% include 'x' %} "
           "{# x #} ${x} *em* [a](b) {: .x}")


def mark(field: str) -> str:
    return f"{HOSTILE} §{field}"


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def inject(project):
    """Hostile text in one field of every kind: titles, names, lists, scripts, checklist, case study."""
    data = project / "data"

    def playbook(d):
        d["title"] = mark("site")
        d["principles"][0]["name"] = mark("principle")

    def reactivo(d):
        d["name"], d["title"] = mark("name"), mark("title")
        d["characteristics"][0] = mark("characteristic")
        technique = d["techniques"][0]
        technique["title"] = mark("technique")
        technique["process"][0] = mark("step")
        technique["script"]["sections"][0]["lines"][0] = mark("script") + " [X]"
        technique["key_elements"][0] = mark("key")

    def checklist(d):
        d["phases"][0]["title"] = mark("phase")
        d["phases"][0]["items"][0]["text"] = mark("item")

    def cases(d):
        d["cases"][0]["title"] = mark("case")

    rewrite(data / "playbook.yml", playbook)
    rewrite(data / "support_types/reactivo.yml", reactivo)
    rewrite(data / "checklist.yml", checklist)
    rewrite(data / "case_studies.yml", cases)
