"""Page arithmetic: a long collection split over pages, links between pages, and a navigation entry for them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

HOME = "index.md"


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


def split(page: str, items: list, per_page: int | None) -> list[Part]:
    """`items` over `page`, `page-stem/2.md`, `page-stem/3.md`, … at most `per_page` each (None: one page)."""
    per_page = per_page or max(1, len(items))
    return parts(page, [items[start : start + per_page] for start in range(0, len(items), per_page)] or [[]])


def parts(page: str, chunks: list[list]) -> list[Part]:
    """One Part per chunk: the first on `page`, the next ones on `page-stem/2.md`, `page-stem/3.md`, …"""
    stem = page.removesuffix(".md")
    found, first = [], 1
    for number, chunk in enumerate(chunks, start=1):
        found.append(Part(page if number == 1 else f"{stem}/{number}.md", chunk, first, first + len(chunk) - 1))
        first += len(chunk)
    return found


def part_at(parts: list[Part], page: str) -> Part:
    """The part rendered on `page`: the first part on a page that is not one of the collection's."""
    return next((part for part in parts if part.page == page), parts[0])


def nav_entry(title: str, parts: list[Part]) -> dict:
    """One navigation entry, or a section with one entry per page named by its range ("21–40")."""
    if len(parts) == 1:
        return {title: parts[0].page}
    return {title: [{part.range: part.page} for part in parts]}


def link(here: str, target: str, anchor: str | None = None, query: str | None = None) -> str:
    """A relative Markdown link target from page `here` to page `target` (MkDocs checks and rewrites it)."""
    path = "" if target == here else posixpath.relpath(target, posixpath.dirname(here) or ".")
    return path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def url_of(page: str, directory_urls: bool = True) -> str:
    """A page's address from the site's root, as MkDocs writes it (`tipos/x.md` → `tipos/x/` or `tipos/x.html`)."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def href(
    here: str, target: str, anchor: str | None = None, query: str | None = None, directory_urls: bool = True
) -> str:
    """The address of page `target` relative to page `here`, for raw HTML (MkDocs rewrites only Markdown links)."""
    if target == here:
        path = ""
    else:
        here_url, target_url = url_of(here, directory_urls), url_of(target, directory_urls)
        folder = here_url if here_url.endswith("/") or not here_url else posixpath.dirname(here_url) + "/"
        path = posixpath.relpath(f"/{target_url}", f"/{folder}")
        path = "./" if path == "." else path + ("/" if target_url.endswith("/") or not target_url else "")
    return path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
