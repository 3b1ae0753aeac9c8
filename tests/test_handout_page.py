"""What each page gives the whole handout (macros/handout.py), read from the built pages: the screen's and the
single page's furniture goes, every word of the playbook stays."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.handout import page_for_handout

SCREEN_ONLY = [
    ".pb-print-meta",
    ".pb-print-header",
    ".pb-print-button",
    ".pb-print-notes",
    ".pb-technique__head",
    ".pb-start",
]
"""One cover, running header and print button for the whole handout; no links into what it leaves out."""


def content(site, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return str(BeautifulSoup(html, "html.parser").select_one("article"))


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@pytest.mark.parametrize("path", ["tipos/reactivo", "tipos/24-7", "", "checklist"])
def test_the_handout_gets_the_page_without_its_own_furniture(site, path):
    page = content(site, path)
    printed = BeautifulSoup(page_for_handout(page), "html.parser")
    assert not [selector for selector in SCREEN_ONLY if printed.select(selector)]
    kept = BeautifulSoup(page, "html.parser")
    for selector in SCREEN_ONLY:
        for screen_only in kept.select(selector):
            screen_only.decompose()
    assert text(str(printed)) == text(str(kept))  # nothing else is lost, and nothing added


def test_a_type_page_keeps_every_technique_its_steps_and_its_script(site):
    page = BeautifulSoup(content(site, "tipos/reactivo"), "html.parser")
    printed = BeautifulSoup(page_for_handout(str(page)), "html.parser")
    assert [h.get_text() for h in printed.select("h3")] == [h.get_text() for h in page.select("h3")]
    assert printed.select(".pb-checklist li") and len(printed.select("li")) == len(page.select("li"))
    assert [pre.get_text() for pre in printed.select("pre")] == [pre.get_text() for pre in page.select("pre")]
