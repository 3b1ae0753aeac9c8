"""The links to the PDFs `make pdf` prints (macros/site.py), followed as a browser follows them: from the page
that shows them, each lands on the file tools/pdf.py writes for that paper size, and no size is mixed up."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from mkdocs.structure.files import File

from helpers import ROOT
from macros.kinds.sessions import pdf_name
from macros.loader import load_playbook
from macros.site import PAPERS, Site, pdf_files

PLAYBOOK = load_playbook(ROOT / "data")
SITE = "https://example.org/playbook/"
PAGES = ["checklist.md", "index.md", "tipos/reactivo.md", "sesiones/induccion/index.md", "guia/index.md"]


def address(page: str) -> str:
    return SITE + File(page, "docs", "site", True).url.removeprefix("./")


def names() -> list[str]:
    return ["handout", "checklist", *(pdf_name(session.id) for session in PLAYBOOK.sessions)]


@pytest.mark.parametrize("papers", [PAPERS, ("Letter",), ("A4",)], ids=["every size", "Letter", "A4"])
def test_every_pdf_link_lands_on_the_file_printed_in_its_size(papers):
    site = Site.of(PLAYBOOK, papers=papers)
    printed = {paper: pdf_files(PLAYBOOK, paper) for paper in papers}
    for here in PAGES:
        for name in names():
            links = site.pdf_links(here, name)
            assert [paper for paper, _ in links] == list(papers), (here, name)
            for paper, link in links:
                assert urljoin(address(here), link) == SITE + printed[paper][name], (here, name, paper)


def test_each_size_and_each_document_has_its_own_file():
    files = [path for paper in PAPERS for path in pdf_files(PLAYBOOK, paper).values()]
    assert len(files) == len(set(files)) == len(PAPERS) * len(names())
    assert all(path.startswith("pdf/") and path.endswith(".pdf") for path in files)
    assert all(paper in path for paper in PAPERS for path in pdf_files(PLAYBOOK, paper).values())


def test_a_site_built_without_pdfs_links_none():
    site = Site.of(PLAYBOOK)
    assert site.pdfs is None and site.pdf_links("checklist.md", "checklist") == []


def test_the_site_keeps_what_it_was_made_with():
    site = Site.of(PLAYBOOK, handout_url="print_page/", papers=("A4",), directory_urls=False)
    assert (site.handout_url, site.directory_urls, list(site.pdfs["handout"])) == ("print_page/", False, ["A4"])
    assert Site.of(PLAYBOOK).directory_urls is True  # MkDocs' default: folder addresses
