"""The renderers on their own: placeholders, figures, and text that must stay literal."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, copy_project
from macros import render
from macros.kinds import case_studies, home, summary, support_types
from macros.loader import load_playbook
from macros.site import Site

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% include 'x' %}",
    "{# x #}",
    "${x}",
    "*no* _emphasis_ `code` [link](http://x) {: onclick=alert(1) } |pipe| #hash",
]


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "data")


def to_html(markdown_text: str) -> BeautifulSoup:
    """Markdown as the site converts it (same extensions as mkdocs.yml)."""
    html = markdown.markdown(markdown_text, extensions=["attr_list", "tables", "toc"])
    return BeautifulSoup(html, "html.parser")


def test_placeholders_are_split_out_of_a_line():
    assert render.split_placeholders("Tiempo: [X] minutos") == [("Tiempo: ", False), ("[X]", True), (" minutos", False)]
    assert render.split_placeholders("[Optimización 1]: [Beneficio]") == [
        ("[Optimización 1]", True),
        (": ", False),
        ("[Beneficio]", True),
    ]
    assert render.split_placeholders("Horas: 24/7") == [("Horas: 24/7", False)]


def test_techniques_per_type_shows_a_range_when_types_differ(playbook):
    first = playbook.support_types[0]
    fewer = first.model_copy(update={"techniques": first.techniques[:1]})
    uneven = playbook.replace(support_types=[fewer, *playbook.support_types[1:]])
    assert summary.figures(uneven)["techniques_per_type"] == "1–2"
    assert summary.figures(playbook)["techniques_per_type"] == "2 cada uno"


@pytest.mark.parametrize("text", HOSTILE)
def test_text_from_data_shows_literally_in_headings_lists_tables_and_scripts(playbook, text):
    first = playbook.support_types[0]
    technique = first.techniques[0]
    script = technique.script.model_copy(update={"opening": text})
    hostile_technique = technique.model_copy(update={"title": text, "process": [text], "script": script})
    hostile = first.model_copy(
        update={
            "name": text,
            "title": text,
            "characteristics": [text],
            "techniques": [hostile_technique, *first.techniques[1:]],
        }
    )
    book = playbook.replace(support_types=[hostile, *playbook.support_types[1:]])

    page = to_html(support_types.support_type_page(Site.of(book), "tipos/reactivo.md", first.id))
    assert not page.find("script") and not page.find("img")
    assert not any(tag.has_attr("onclick") or tag.has_attr("onerror") for tag in page.find_all(True))
    assert page.find("h1").get_text().strip().endswith(text)
    assert page.find(id=technique.id).get_text().strip().endswith(text)
    assert page.select_one(".pb-list--characteristics li").get_text() == text
    assert page.select_one(".pb-list--process label > span").get_text() == text
    assert page.select_one(".pb-script code").get_text().startswith(f'"{text}\n')

    table = to_html(home.framework_table(Site.of(book), "index.md"))
    assert table.select_one("tbody tr td").get_text() == text


def test_a_label_in_playbook_yml_replaces_its_default_and_the_others_stay(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "data" / "playbook.yml").open("a", encoding="utf-8") as data:
        data.write("labels:\n  home: Portada\n")
    site = Site.of(load_playbook(project / "data"))
    assert site.navigation()[0] == {"Portada": "index.md"}
    assert site.playbook.info.labels.process == "Proceso"


@pytest.mark.parametrize("label", ["- Ver tipo de soporte", "1. Ver tipo", "+ Ver"])
def test_a_label_that_starts_like_a_list_or_a_rule_shows_literally(tmp_path, label):
    project = copy_project(tmp_path / "project")
    with (project / "data" / "playbook.yml").open("a", encoding="utf-8") as data:
        data.write(f'labels:\n  see_support_type: "{label}"\n')
    page = to_html(case_studies.case_studies_page(Site.of(load_playbook(project / "data")), "casos-de-estudio.md"))
    link = page.select_one("a.pb-link")
    assert link is not None and link.parent.get_text().startswith(f"{label}: ")
    assert not page.select("li:not(.pb-list li)")
