"""One build's site: the validated playbook and the pages worked out from it once, handed to the hook and
to every renderer (no module-level state)."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from .kinds import KINDS, browser, sessions
from .models import Playbook
from .sitemap import Part


@dataclass(frozen=True, repr=False)
class Site:
    playbook: Playbook
    parts: dict[str, list[Part]]
    """Kind key → its pages (one, or several when the collection is long)."""
    browser_pages: dict[str, str]
    """The technique browser's filter value → the browser page where its rows start."""
    handout_url: str | None = None
    """The printable handout's address from the site's root, when the engine makes one (print-site)."""
    pdfs: dict[str, dict[str, str]] | None = None
    """What `make pdf` writes, from the site's root: "handout", "checklist" and each session's
    (sessions.pdf_name) → paper size → the PDF's path."""
    directory_urls: bool = True
    """Pages at `x/` (MkDocs' default) or at `x.html` (the offline bundle): for the links templates write in HTML."""

    def __repr__(self) -> str:
        # mkdocs-macros writes its variables out for debugging, our macros (bound to the site) among them:
        # the whole playbook's repr took 40 ms at seed size, seconds at 100×.
        return f"Site({self.playbook.info.id!r})"

    @classmethod
    def of(
        cls,
        playbook: Playbook,
        handout_url: str | None = None,
        papers: tuple[str, ...] = (),
        directory_urls: bool = True,
    ) -> Site:
        """`papers`: the sizes `make pdf` prints (none: no PDFs to link)."""
        parts = {kind.key: kind.parts(playbook) for kind in KINDS}
        by_paper = {paper: pdf_files(playbook, paper) for paper in papers}
        names = by_paper[papers[0]] if papers else {}
        pdfs = {name: {paper: by_paper[paper][name] for paper in papers} for name in names} if papers else None
        return cls(playbook, parts, browser.start_pages(parts[browser.KIND.key]), handout_url, pdfs, directory_urls)

    def pdf_links(self, here: str, name: str) -> list[tuple[str, str]]:
        """(paper size, link) from page `here` to one of the PDFs in each size, when the build makes them."""
        folder = here.removesuffix(".md").removesuffix("index").rstrip("/")  # its address: checklist/, tipos/x/
        sizes = self.pdfs[name] if self.pdfs else {}
        return [(paper, posixpath.relpath(path, folder or ".")) for paper, path in sizes.items()]

    @property
    def paged_sources(self) -> dict[str, list[str]]:
        """The generated pages of split collections: first page (a file in docs/) → the pages after it."""
        return {parts[0].page: [part.page for part in parts[1:]] for parts in self.parts.values() if len(parts) > 1}

    @property
    def unlisted_pages(self) -> frozenset[str]:
        """The pages of split collections that the navigation does not list (their first page's pager does)."""
        return frozenset(part.page for kind in KINDS if not kind.nav_lists_parts for part in self.parts[kind.key][1:])

    @property
    def unsearched_pages(self) -> frozenset[str]:
        """The technique browser's pages after its first, left out of search: their rows are (each technique
        is found on its own page) and their title and introduction repeat the first page's. So are the
        sessions' pages: they repeat the parts they cover."""
        browsed = [part.page for part in self.parts[browser.KIND.key][1:]]
        return frozenset(browsed + self.session_pages)

    @property
    def session_pages(self) -> list[str]:
        """The training sessions' pages, whose first printed page is their cover."""
        return [sessions.page_of(s.id) for s in self.playbook.sessions]

    @property
    def split_pages(self) -> frozenset[str]:
        """Every page of a collection split over several, its first page included."""
        return frozenset(page for first, later in self.paged_sources.items() for page in [first, *later])

    @functools.cached_property
    def item_renderers(self) -> dict[str, Callable[[], str]]:
        """The generated pages of items (a support type, a free page, a session) → their renderer, ready to call:
        the plugin renders them itself, so mkdocs-macros need not compile each page's one-line call as a template
        (a fifth of a second at 100×)."""
        return {
            kind.item_page(item.id): functools.partial(
                kind.macros()[kind.item_macro], self, kind.item_page(item.id), item.id
            )
            for kind in KINDS
            if kind.item_macro
            for item in getattr(self.playbook, kind.key)
        }

    def generated_pages(self) -> dict[str, str]:
        """Pages that exist only in the data (page → Markdown calling a macro)."""
        return {page: text for kind in KINDS for page, text in kind.generated_pages(self).items()}

    def navigation(self, title: Callable[[str], str] = str) -> list[dict]:
        """MkDocs' nav: every kind in reading order. `title` prepares each title for the engine's templates
        (e.g. HTML-escaping it)."""
        return [entry for kind in KINDS if (entry := kind.navigation(self, title))]


PAPERS = ("A4", "Letter")
"""The paper sizes `make pdf` prints, each to its own files, side by side."""


def pdf_files(playbook: Playbook, paper: str) -> dict[str, str]:
    """Where `make pdf` writes the handout, the checklist and each session's handout in one paper size, from
    the site's root (tools/pdf.py reads this): named by size, so the A4 and Letter files live side by side."""
    stem = f"pdf/{playbook.info.id}"
    return {
        "handout": f"{stem}-{paper}.pdf",
        "checklist": f"{stem}-checklist-{paper}.pdf",
        **{sessions.pdf_name(s.id): f"pdf/{sessions.SESSIONS_DIR}/{s.id}-{paper}.pdf" for s in playbook.sessions},
    }
