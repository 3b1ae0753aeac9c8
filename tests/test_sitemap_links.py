"""Page arithmetic (macros/sitemap.py) checked against what a browser and MkDocs do: every address from any page
to any other lands on that page, with its query and anchor, in a served site (folder addresses) and in the
offline bundle (.html files); a long collection's pages hold every item once, in order."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

import pytest
from mkdocs.structure.files import File

from macros.sitemap import HOME, href, link, nav_entry, part_at, parts, split, url_of

PAGES = [
    HOME,
    "tecnicas.md",
    "tecnicas/2.md",
    "tipos/reactivo.md",
    "tipos/24-7.md",
    "guia/index.md",
    "casos-de-estudio/3.md",
    "sesiones/induccion/index.md",
]
SITE = "https://example.org/playbook/"


def address(page: str, directory_urls: bool) -> str:
    """Where MkDocs itself puts a page (its own File class), as a full address under a sub-path."""
    return SITE + File(page, "docs", "site", directory_urls).url.removeprefix("./")


@pytest.mark.parametrize("directory_urls", [True, False], ids=["served", "offline"])
def test_a_pages_address_is_where_mkdocs_writes_it(directory_urls):
    for page in PAGES:
        assert SITE + url_of(page, directory_urls) == address(page, directory_urls), page


@pytest.mark.parametrize("directory_urls", [True, False], ids=["served", "offline"])
def test_every_address_from_any_page_lands_on_the_other_with_its_query_and_anchor(directory_urls):
    for here in PAGES:
        for target in PAGES:
            base = address(here, directory_urls)
            assert urljoin(base, href(here, target, directory_urls=directory_urls)) == address(target, directory_urls)
            followed = urljoin(base, href(here, target, "paso-2", "tipo=premium", directory_urls))
            assert followed == address(target, directory_urls) + "?tipo=premium#paso-2", (here, target)
    assert href("tipos/reactivo.md", "tipos/reactivo.md", "paso-2") == "#paso-2"  # same page: no reload


def test_a_markdown_link_names_the_target_file_from_the_pages_folder():
    for here in PAGES:
        for target in PAGES:
            path, _, anchor = link(here, target, "caso-1").partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            assert (resolved, anchor) == (target, "caso-1"), (here, target)
    assert link("tecnicas.md", "tecnicas/2.md", query="tipo=premium") == "tecnicas/2.md?tipo=premium"


@pytest.mark.parametrize(("count", "per_page"), [(0, 20), (1, 20), (20, 20), (21, 20), (45, 20), (7, None), (3, 1)])
def test_a_collection_is_split_into_pages_holding_every_item_once_in_order(count, per_page):
    items = [f"caso {n}" for n in range(1, count + 1)]
    pages = split("casos-de-estudio.md", items, per_page)
    assert [item for part in pages for item in part.items] == items
    assert len(pages) == max(1, -(-count // (per_page or max(count, 1))))
    assert [part.page for part in pages] == ["casos-de-estudio.md"] + [
        f"casos-de-estudio/{n}.md" for n in range(2, len(pages) + 1)
    ]
    assert all(len(part.items) <= (per_page or count or 1) for part in pages)
    for part in pages:  # what the pager and the navigation print: the items' numbers in the whole
        if part.items:
            assert part.range == f"{items.index(part.items[0]) + 1}–{items.index(part.items[-1]) + 1}"


def test_a_page_of_the_collection_shows_its_own_part_and_any_other_page_the_first():
    pages = parts("optimizacion.md", [["a", "b"], ["c"], ["d"]])
    assert part_at(pages, "optimizacion/3.md").items == ["d"]
    assert part_at(pages, "resumen.md") is pages[0]


def test_the_navigation_names_a_split_collections_pages_by_range():
    pages = parts("optimizacion.md", [["a", "b"], ["c"]])
    assert nav_entry("Optimización", pages) == {
        "Optimización": [{"1–2": "optimizacion.md"}, {"3–3": "optimizacion/2.md"}]
    }
    assert nav_entry("Optimización", pages[:1]) == {"Optimización": "optimizacion.md"}
