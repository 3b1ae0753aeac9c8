"""The built site, read as a visitor would: pages, tables, links, anchors, hosts and figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, all_pages, article, broken_links

SUPPORT_TYPE_FILES = sorted((ROOT / "data" / "support_types").glob("*.yml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_of(element) -> str:
    return re.sub(r"\s+", " ", element.get_text()).replace("¶", "").strip()


def find_type_page(site: Path, name: str) -> Path:
    """The page the framework table links to for a type name."""
    home = article(site, "")
    link = next(a for a in home.select("table a") if text_of(a) == name)
    return site / urljoin("/", link["href"]).lstrip("/") / "index.html"


@pytest.mark.parametrize("data_file", SUPPORT_TYPE_FILES, ids=lambda p: p.stem)
def test_support_type_page_has_characteristics_and_every_technique(site, data_file):
    data = load(data_file)
    page = BeautifulSoup(find_type_page(site, data["name"]).read_text(encoding="utf-8"), "html.parser")
    content = page.find("article")
    assert data["title"] in text_of(content.find("h1"))
    assert [text_of(li) for li in content.select(".pb-list--characteristics li")] == data["characteristics"]
    for technique in data["techniques"]:
        heading = content.find(id=technique["id"])
        assert heading is not None and heading.name.startswith("h"), f"no anchor #{technique['id']}"
        assert technique["title"] in text_of(heading)
        assert heading.find("a", class_="headerlink")["href"] == f"#{technique['id']}"
        block = heading.find_next_sibling(class_="pb-technique")
        assert [text_of(li) for li in block.select("ol.pb-list--process li")] == technique["process"]
        script = block.select_one(".pb-script pre code").get_text()
        assert script.startswith(f'"{technique["script"]["opening"]}')
        assert script.endswith(f'{technique["script"]["closing"]}"')
        for section in technique["script"]["sections"]:
            assert f"{section['heading']}:" in script
            for line in section["lines"]:
                assert f"- {line}\n" in script + "\n"
        placeholders = [span.get_text() for span in block.select(".pb-script__placeholder")]
        expected = [
            p for s in technique["script"]["sections"] for line in s["lines"] for p in re.findall(r"\[[^\]]+\]", line)
        ]
        assert placeholders == expected
        assert [text_of(li) for li in block.select(".pb-list--key-elements li")] == technique["key_elements"]


def test_framework_table_has_a_row_per_type_in_data_order_linking_to_its_page(site):
    types = sorted((load(p) for p in SUPPORT_TYPE_FILES), key=lambda d: d["order"])
    rows = article(site, "").select("table tbody tr")
    assert [text_of(r.find("td")) for r in rows] == [t["name"] for t in types]
    for row, data in zip(rows, types):
        cells = [text_of(td) for td in row.find_all("td")]
        assert cells[1:] == [data["main_concern"], data["main_technique"], data["focus"]]
        assert find_type_page(site, data["name"]).is_file()


def test_navigation_lists_support_types_in_data_order(site):
    types = sorted((load(p) for p in SUPPORT_TYPE_FILES), key=lambda d: d["order"])
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav_titles = [text_of(a) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    positions = [nav_titles.index(t["title"]) for t in types]
    assert positions == sorted(positions)


def test_case_studies_link_to_their_support_type(site):
    cases = load(ROOT / "data" / "case_studies.yml")["cases"]
    content = article(site, "casos-de-estudio")
    for case in cases:
        section = content.find(id=case["id"])
        link = section.find_next("a", href=re.compile(r"tipos/"))
        target = urljoin("/casos-de-estudio/", link["href"])
        assert target == f"/tipos/{case['support_type']}/"
        assert (site / target.strip("/") / "index.html").is_file()


def test_checklist_lists_every_phase_and_item(site):
    phases = load(ROOT / "data" / "checklist.yml")["phases"]
    content = article(site, "checklist")
    for phase in phases:
        assert phase["title"] in text_of(content.find(id=phase["id"]))
        items = content.select(f'[data-pb-phase="{phase["id"]}"] li')
        assert [text_of(li) for li in items] == [item["text"] for item in phase["items"]]
        assert all(li.find("input", type="checkbox") for li in items)


def test_footer_figures_are_counted_from_the_data(site):
    types = [load(p) for p in SUPPORT_TYPE_FILES]
    optimisation = load(ROOT / "data" / "optimization.yml")["techniques"]
    cases = load(ROOT / "data" / "case_studies.yml")["cases"]
    per_type = {len(t["techniques"]) for t in types}
    text = text_of(article(site, "resumen"))
    assert f"Total de tipos: {len(types)}" in text
    assert len(per_type) == 1 and f"Técnicas por tipo: {per_type.pop()} cada uno" in text
    assert f"Scripts completos: {sum(len(t['techniques']) for t in types)}+" in text
    assert f"Técnicas de optimización: {len(optimisation)}" in text
    assert f"Casos de estudio: {len(cases)}+" in text


def test_home_shows_version_date_principles_and_quote(site):
    info = load(ROOT / "data" / "playbook.yml")
    text = text_of(article(site, ""))
    assert f"Versión: {info['version']}" in text
    assert f"Última actualización: {info['last_updated'].isoformat()}" in text
    for principle in info["principles"]:
        assert f"{principle['name']} - {principle['text']}" in text
    assert info["closing_quote"] in text


def test_pages_are_in_spanish(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("input.md-search__input")["placeholder"] == "Búsqueda"  # Material's own Spanish


def test_every_internal_link_and_anchor_resolves(site):
    broken = broken_links(site)
    assert not broken, broken


def test_no_page_loads_anything_from_another_host(site):
    remote = []
    for path, page in all_pages(site):
        for tag in page.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            url = tag.get("src") or tag.get("href") or ""
            if urlparse(url).scheme in {"http", "https"} or url.startswith("//"):
                remote.append(f"{path.name}: {url}")
        for style in page.find_all("style"):
            remote += re.findall(r"url\((?:https?:)?//[^)]+\)", style.get_text())
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert not re.search(r"@import\s+url\((?:https?:)?//|fonts\.googleapis", css)
    assert not remote, remote


def test_search_results_preview_content_never_the_words_of_a_button(site):
    """A result's preview starts where its section does: a technique's type, then "Cuándo usarlo", with no
    "Personalizar" between them, and no status line that is hidden until a filter finds nothing."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts: dict[str, list[str]] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        texts.setdefault(page, []).append(text_of(BeautifulSoup(doc["title"] + " " + doc["text"], "html.parser")))
    controls = 0
    for page, page_texts in texts.items():
        content = article(site, page)
        for control in content.select("button, [hidden]"):
            words = text_of(control)
            if words:
                controls += 1
                assert not [t for t in page_texts if words in t], f"{page}: «{words}» in its search entries"
    assert controls >= 10, "the technique pages' buttons were found"
    reactive = next(doc for doc in docs if doc["location"].endswith("#respuesta-rapida"))
    assert text_of(BeautifulSoup(reactive["text"], "html.parser")).startswith("Soporte Reactivo Cuándo usarlo:")
