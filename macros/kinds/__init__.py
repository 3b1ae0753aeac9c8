"""The kinds of content of a playbook, in reading order: the navigation, the index, the loader, the schemas
and the importer all loop over KINDS. Adding a kind is one module here (its model, data file, pages,
cross-checks, renderers and Markdown reader; see base.Kind), one template, and its page in docs/."""

from __future__ import annotations

from collections.abc import Callable

from . import (
    browser,
    case_studies,
    checklist,
    guide,
    home,
    objections,
    optimization,
    pages,
    sessions,
    summary,
    support_types,
    thesaurus,
)
from .base import Kind

KINDS: tuple[Kind, ...] = (
    home.KIND,
    guide.KIND,
    support_types.KIND,
    browser.KIND,
    optimization.KIND,
    objections.KIND,
    case_studies.KIND,
    checklist.KIND,
    summary.KIND,
    pages.KIND,
    sessions.KIND,
    thesaurus.KIND,
)


def macros() -> dict[str, Callable[..., str]]:
    """Every renderer pages may call, by name: `{{ framework_table() }}` → renderer(site, here, *args)."""
    return {name: renderer for kind in KINDS for name, renderer in kind.macros().items()}
