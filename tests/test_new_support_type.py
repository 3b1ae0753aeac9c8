"""Adding data/support_types/<new>.yml adds its page, its navigation entry and its table row — no other edit."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from helpers import build


def test_a_new_support_type_file_is_all_it_takes(project, tmp_path):
    source = (project / "data/support_types/reactivo.yml").read_text(encoding="utf-8")
    new = (
        source.replace("id: reactivo", "id: hibrido")
        .replace("order: 1", "order: 6")
        .replace("name: Reactivo", "name: Híbrido")
        .replace("title: Soporte Reactivo", "title: Soporte Híbrido")
        .replace("id: respuesta-rapida", "id: respuesta-hibrida")
        .replace("id: resolucion-efectiva", "id: resolucion-hibrida")
    )
    (project / "data/support_types/hibrido.yml").write_text(new, encoding="utf-8")

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr

    page = site / "tipos/hibrido/index.html"
    assert "Soporte Híbrido" in page.read_text(encoding="utf-8")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    last_row = home.select("article table tbody tr")[-1]
    assert last_row.find("a")["href"] == "tipos/hibrido/" and last_row.find("a").get_text() == "Híbrido"
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert "Soporte Híbrido" in nav
    assert nav.index("Soporte Híbrido") == nav.index("Soporte Especializado") + 1
    assert re.search(r'id="respuesta-hibrida"', page.read_text(encoding="utf-8"))


def test_many_support_types_are_grouped_so_each_page_carries_only_its_group(project, tmp_path):
    """A big playbook stays light: every page lists the support types of its own group, not all of them."""
    source = (project / "data/support_types/reactivo.yml").read_text(encoding="utf-8")
    for n in range(1, 31):
        new = (
            source.replace("id: reactivo", f"id: tipo-{n:02}")
            .replace("order: 1", f"order: {10 + n}")
            .replace("name: Reactivo", f"name: Tipo {n:02}")
            .replace("title: Soporte Reactivo", f"title: Soporte {n:02}")
            .replace("id: respuesta-rapida", f"id: respuesta-{n:02}")
            .replace("id: resolucion-efectiva", f"id: resolucion-{n:02}")
        )
        (project / f"data/support_types/tipo-{n:02}.yml").write_text(new, encoding="utf-8")

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr

    def nav_links(url_path):
        page = BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]

    first_group = nav_links("tipos/reactivo")  # 35 types: Reactivo … Tipo 20, then Tipo 21 … Tipo 30
    assert "Soporte Reactivo" in first_group and "Soporte 20" in first_group
    assert "Soporte 21" not in first_group and "Tipo 21 – Tipo 30" in first_group
    last_group = nav_links("tipos/tipo-30")
    assert "Soporte 21" in last_group and "Soporte 30" in last_group
    assert "Soporte 20" not in last_group and "Reactivo – Tipo 20" in last_group
