"""Helpers shared by the tests: the project's paths, copies of it, and the two commands tests run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
