"""The technique browser (tecnicas/): every kind's techniques on one filterable list. No data file of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import render
from ..models import Playbook
from ..sitemap import Part, part_at, parts
from .base import BrowserRow, Kind

if TYPE_CHECKING:
    from ..site import Site

ROWS_PER_PAGE = 100


def rows_by_page(playbook: Playbook) -> list[list[BrowserRow]]:
    """The browser's rows, page by page, from every kind's techniques in reading order.

    A page holds a whole group when the group asks for it (one support type: "all techniques of this
    type" is always one page); other groups (the optimisation techniques) are cut at ROWS_PER_PAGE.
    """
    groups: list[list[BrowserRow]] = []
    for kind in playbook.kinds:
        for group in kind.technique_groups(playbook):
            if group.whole:
                groups.append(group.rows)
            else:
                groups += [
                    group.rows[start : start + ROWS_PER_PAGE] for start in range(0, len(group.rows), ROWS_PER_PAGE)
                ]
    pages: list[list[BrowserRow]] = [[]]
    for rows in groups:
        if pages[-1] and len(pages[-1]) + len(rows) > ROWS_PER_PAGE:
            pages.append([])
        pages[-1].extend(rows)
    return pages


def start_pages(site_parts: list[Part]) -> dict[str, str]:
    """Filter value → the browser page where its rows start."""
    pages: dict[str, str] = {}
    for part in site_parts:
        for row in part.items:
            pages.setdefault(row.filter_value, part.page)
    return pages


def technique_browser(site: Site, here: str) -> str:
    """Every technique (of this page, when there are many), filterable by support type and by text."""
    browser_parts = site.parts[KIND.key]
    # Every filter is offered on every page; one whose rows are on another page of the browser names
    # that page (its number in the pager), and playbook.js opens it.
    numbers = {part.page: number for number, part in enumerate(browser_parts, start=1)}
    part = part_at(browser_parts, here)
    starts = site.browser_pages
    filters = [
        (
            group.filter_value,
            group.title,
            None if starts[group.filter_value] == part.page else numbers[starts[group.filter_value]],
        )
        for kind in site.playbook.kinds
        for group in kind.technique_groups(site.playbook)
    ]
    return render.page("browser.md", site, here, parts=browser_parts, part=part, filters=filters)


class Browser(Kind):
    key = "browser"
    page = "tecnicas.md"

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.browser_title

    def present(self, playbook: Playbook) -> bool:
        return any(rows_by_page(playbook)[0])

    def parts(self, playbook: Playbook) -> list[Part]:
        return parts(self.page, rows_by_page(playbook)) if self.present(playbook) else []

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        return []  # a tool, not a chapter: the navigation and the tags lead to it

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"technique_browser": technique_browser}


KIND = Browser()
