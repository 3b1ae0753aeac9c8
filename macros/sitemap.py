"""Where each part of the playbook lives on the site, and the navigation built from the data."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .models import Playbook

HOME = "index.md"
TECHNIQUES = "tecnicas.md"
OPTIMIZATION_FILTER = "optimizacion"
"""The technique browser's filter value for the optimisation techniques (support types use their id)."""
OPTIMIZATION = "optimizacion.md"
CASE_STUDIES = "casos-de-estudio.md"
CHECKLIST = "checklist.md"
SUMMARY = "resumen.md"
SUPPORT_TYPES_DIR = "tipos"
FRAMEWORK_ANCHOR = "framework-soporte"
NAV_GROUP_SIZE = 25
"""Past this many support types the navigation groups them (see navigation())."""


def support_type_page(type_id: str) -> str:
    """The generated page of one support type."""
    return f"{SUPPORT_TYPES_DIR}/{type_id}.md"


def link(here: str, target: str, anchor: str | None = None, query: str | None = None) -> str:
    """A relative Markdown link target from page `here` to page `target` (MkDocs checks and rewrites it)."""
    path = "" if target == here else posixpath.relpath(target, posixpath.dirname(here) or ".")
    return path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def techniques_of(filter_value: str) -> str:
    """The technique browser's query string showing one support type (or the optimisation techniques)."""
    return f"tipo={filter_value}"


def navigation(playbook: Playbook, title: Callable[[str], str] = str) -> list[dict]:
    """MkDocs' nav: every part in reading order, support types in the data's order.

    `title` prepares each title for the engine's templates (e.g. HTML-escaping it).
    """
    info = playbook.info
    return [
        {title(info.labels.home): HOME},
        {title(info.labels.support_types): _support_types_navigation(playbook, title)},
        {title(info.labels.browser_title): TECHNIQUES},
        {title(playbook.optimization.title): OPTIMIZATION},
        {title(playbook.case_studies.title): CASE_STUDIES},
        {title(playbook.checklist.title): CHECKLIST},
        {title(info.summary.title): SUMMARY},
    ]


def _support_types_navigation(playbook: Playbook, title: Callable[[str], str]) -> list[dict]:
    """One entry per support type; past NAV_GROUP_SIZE, sub-sections of that many named "first – last".

    With navigation.prune, each page then carries only its own group's links: at 500 types a flat
    list made every page ~150 KiB of navigation (bench/VARIANTS.md).
    """
    types = playbook.support_types
    entries = [{title(t.title): support_type_page(t.id)} for t in types]
    if len(types) <= NAV_GROUP_SIZE:
        return entries
    return [{title(f"{types[start].name} – {types[min(start + NAV_GROUP_SIZE, len(types)) - 1].name}"):
             entries[start:start + NAV_GROUP_SIZE]}
            for start in range(0, len(types), NAV_GROUP_SIZE)]
