"""Adding data/support_types/<new>.yml adds its page, its navigation entry and its table row — no other edit."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from helpers import build


def test_a_new_support_type_file_is_all_it_takes(project, tmp_path):
    source = (project / "data/support_types/reactivo.yml").read_text(encoding="utf-8")
    new = (source.replace("id: reactivo", "id: hibrido").replace("order: 1", "order: 6")
           .replace("name: Reactivo", "name: Híbrido").replace("title: Soporte Reactivo", "title: Soporte Híbrido")
           .replace("id: respuesta-rapida", "id: respuesta-hibrida")
           .replace("id: resolucion-efectiva", "id: resolucion-hibrida"))
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
