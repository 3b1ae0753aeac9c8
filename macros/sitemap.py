"""Where each part of the playbook lives on the site, and the navigation built from the data."""

from __future__ import annotations

import posixpath

from .models import Playbook

HOME = "index.md"
OPTIMIZATION = "optimizacion.md"
CASE_STUDIES = "casos-de-estudio.md"
CHECKLIST = "checklist.md"
SUMMARY = "resumen.md"
SUPPORT_TYPES_DIR = "tipos"
FRAMEWORK_ANCHOR = "framework-soporte"


def support_type_page(type_id: str) -> str:
    """The generated page of one support type."""
    return f"{SUPPORT_TYPES_DIR}/{type_id}.md"


def link(here: str, target: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from page `here` to page `target` (MkDocs checks and rewrites it)."""
    path = "" if target == here else posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"{path}#{anchor}" if anchor else path


def navigation(playbook: Playbook) -> list[dict]:
    """MkDocs' nav: every part in reading order, support types in the data's order."""
    info = playbook.info
    return [
        {info.labels.home: HOME},
        {info.labels.support_types: [{t.title: support_type_page(t.id)} for t in playbook.support_types]},
        {playbook.optimization.title: OPTIMIZATION},
        {playbook.case_studies.title: CASE_STUDIES},
        {playbook.checklist.title: CHECKLIST},
        {info.summary.title: SUMMARY},
    ]
