"""Where each part of the playbook lives on the site, and the navigation built from the data."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from .models import Playbook, SupportType, Technique

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
OPTIMIZATION_PER_PAGE = 20
CASES_PER_PAGE = 25
PHASES_PER_PAGE = 25
BROWSER_ROWS_PER_PAGE = 100
"""Collections longer than this are split over several pages (about 60 KiB each; a phone should not
load one 600 KiB page). The seed fits on one page each; the pages after the first are generated."""


@dataclass(frozen=True)
class Part:
    """One page of a collection: its items and where they sit in the whole (1-based, inclusive)."""

    page: str
    items: list
    first: int
    last: int

    @property
    def range(self) -> str:
        return f"{self.first}–{self.last}"


def split(page: str, items: list, per_page: int) -> list[Part]:
    """`items` over `page`, `page-stem/2.md`, `page-stem/3.md`, … at most `per_page` each."""
    chunks = [items[start : start + per_page] for start in range(0, len(items), per_page)] or [[]]
    return _parts(page, chunks)


def _parts(page: str, chunks: list[list]) -> list[Part]:
    stem = page.removesuffix(".md")
    parts, first = [], 1
    for number, chunk in enumerate(chunks, start=1):
        parts.append(Part(page if number == 1 else f"{stem}/{number}.md", chunk, first, first + len(chunk) - 1))
        first += len(chunk)
    return parts


def optimization_parts(playbook: Playbook) -> list[Part]:
    return split(OPTIMIZATION, playbook.optimization.techniques, OPTIMIZATION_PER_PAGE)


def case_study_parts(playbook: Playbook) -> list[Part]:
    return split(CASE_STUDIES, playbook.case_studies.cases, CASES_PER_PAGE)


def checklist_parts(playbook: Playbook) -> list[Part]:
    return split(CHECKLIST, playbook.checklist.phases, PHASES_PER_PAGE)


@dataclass(frozen=True)
class BrowserRow:
    support_type: SupportType | None  # None: an optimisation technique
    technique: Technique
    filter_value: str


def browser_parts(playbook: Playbook) -> list[Part]:
    """The technique browser's rows (support types' techniques, then the optimisation techniques).

    A page holds whole support types, so "all techniques of this type" is always one page; only the
    optimisation techniques, one filter value, are cut at BROWSER_ROWS_PER_PAGE like any list.
    """
    groups = [[BrowserRow(t, technique, t.id) for technique in t.techniques] for t in playbook.support_types]
    optimization = [BrowserRow(None, technique, OPTIMIZATION_FILTER) for technique in playbook.optimization.techniques]
    groups += [
        optimization[start : start + BROWSER_ROWS_PER_PAGE]
        for start in range(0, len(optimization), BROWSER_ROWS_PER_PAGE)
    ]
    chunks: list[list[BrowserRow]] = [[]]
    for group in groups:
        if chunks[-1] and len(chunks[-1]) + len(group) > BROWSER_ROWS_PER_PAGE:
            chunks.append([])
        chunks[-1].extend(group)
    return _parts(TECHNIQUES, chunks)


def browser_pages(playbook: Playbook) -> dict[str, str]:
    """Filter value (a support type's id, or OPTIMIZATION_FILTER) → the browser page where its rows start."""
    pages: dict[str, str] = {}
    for part in browser_parts(playbook):
        for row in part.items:
            pages.setdefault(row.filter_value, part.page)
    return pages


def part_at(parts: list[Part], page: str) -> Part:
    """The part rendered on `page`: the first part on a page that is not one of the collection's."""
    return next((part for part in parts if part.page == page), parts[0])


def paged_sources(playbook: Playbook) -> dict[str, list[str]]:
    """The generated pages of split collections: first page (a file in docs/) → the pages after it."""
    return {
        parts[0].page: [part.page for part in parts[1:]]
        for parts in (
            optimization_parts(playbook),
            case_study_parts(playbook),
            checklist_parts(playbook),
            browser_parts(playbook),
        )
    }


@dataclass(frozen=True)
class Site:
    """One build's playbook and the pages worked out from it once: what the hook and the renderers share."""

    playbook: Playbook
    browser_pages: dict[str, str]
    """Filter value → the technique-browser page where its rows start (see browser_pages)."""
    paged_sources: dict[str, list[str]]
    """First page of each collection → its later pages (see paged_sources)."""

    @classmethod
    def of(cls, playbook: Playbook) -> Site:
        return cls(playbook, browser_pages(playbook), paged_sources(playbook))

    @property
    def split_pages(self) -> frozenset[str]:
        """Every page of a collection split over several, its first page included."""
        return frozenset(page for first, later in self.paged_sources.items() if later for page in [first, *later])


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
        _paged(title(info.labels.browser_title), browser_parts(playbook)),
        _paged(title(playbook.optimization.title), optimization_parts(playbook)),
        _paged(title(playbook.case_studies.title), case_study_parts(playbook)),
        _paged(title(playbook.checklist.title), checklist_parts(playbook)),
        {title(info.summary.title): SUMMARY},
    ]


def _paged(title: str, parts: list[Part]) -> dict:
    """One entry, or a section with one entry per page named by its range ("21–40")."""
    if len(parts) == 1:
        return {title: parts[0].page}
    return {title: [{part.range: part.page} for part in parts]}


def support_type_groups(playbook: Playbook) -> list[tuple[str, list[SupportType]]]:
    """The support types in groups of NAV_GROUP_SIZE, each named "first – last" by the types' names."""
    types = playbook.support_types
    groups = [types[start : start + NAV_GROUP_SIZE] for start in range(0, len(types), NAV_GROUP_SIZE)]
    return [(f"{group[0].name} – {group[-1].name}", group) for group in groups]


def _support_types_navigation(playbook: Playbook, title: Callable[[str], str]) -> list[dict]:
    """One entry per support type; past NAV_GROUP_SIZE, sub-sections of that many named "first – last".

    With navigation.prune, each page then carries only its own group's links: at 500 types a flat
    list made every page ~150 KiB of navigation (bench/VARIANTS.md).
    """

    def entries(types: list[SupportType]) -> list[dict]:
        return [{title(t.title): support_type_page(t.id)} for t in types]

    if len(playbook.support_types) <= NAV_GROUP_SIZE:
        return entries(playbook.support_types)
    return [{title(name): entries(group)} for name, group in support_type_groups(playbook)]
