"""Issue 18: free pages (data/pages/<id>.yml) — Markdown an author writes, or that an import could not fit
elsewhere — render their Markdown on the site while HTML, templates and script links stay data; and an
imported document's every line reaches the built site."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from test_seed_coverage import seed_units, site_text

from helpers import ROOT, article, build, copy_project
from macros.importer.cli import main
from macros.loader import DataErrors, load_playbook

PAGE = """id: objeciones
title: Manejo de objeciones
markdown: |
  ## «Es muy caro»

  Responda con **valor**, no con *precio*:

  - Pregunte qué compara
  - Muestre el ahorro

  | Objeción | Respuesta |
  |---|---|
  | Caro | Valor |

  > Nunca discuta el precio primero.

  [Guía](https://example.org/guia) y [esto no](javascript:alert(1))

  <script>alert(1)</script> {{ 7*7 }} {% include 'x' %} {: onclick="alert(2)" }
"""


CODE_PAGE = """id: codigo
title: Plazos
markdown: |
  Escale si `>7 días & <2 horas`.

  ```
  SLA: >7 días & <2 horas {{ plazo }}
  ```

  ```{ onclick="alert(3)" }
  <img src=x onerror=alert(4)>
  ```
"""


@pytest.fixture(scope="module")
def site_with_a_page(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pages") / "project")
    (project / "data" / "pages").mkdir()
    (project / "data" / "pages" / "objeciones.yml").write_text(PAGE, encoding="utf-8")
    (project / "data" / "pages" / "codigo.yml").write_text(CODE_PAGE, encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_free_page_renders_its_markdown(site_with_a_page):
    page = article(site_with_a_page, "paginas/objeciones")
    assert page.find("h1").get_text().rstrip("¶") == "Manejo de objeciones"
    assert page.find("h2").get_text().rstrip("¶") == "«Es muy caro»"
    assert page.find("strong").get_text() == "valor" and page.find("em").get_text() == "precio"
    assert [li.get_text() for li in page.select("ul li")] == ["Pregunte qué compara", "Muestre el ahorro"]
    assert page.select_one("table td").get_text() == "Caro"
    assert page.select_one("blockquote").get_text().strip() == "Nunca discuta el precio primero."
    assert page.select_one("a[href='https://example.org/guia']").get_text() == "Guía"


def test_html_templates_attributes_and_script_links_in_a_free_page_stay_data(site_with_a_page):
    page = article(site_with_a_page, "paginas/objeciones")
    assert not page.find("script") and not page.select("[onclick]")
    assert "<script>alert(1)</script> {{ 7*7 }} {% include 'x' %} {: onclick=\"alert(2)\" }" in page.get_text()
    assert not [a for a in page.find_all("a") if a.get("href", "").lower().startswith("javascript:")]
    index = json.loads((site_with_a_page / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("paginas/objeciones/"))
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_code_in_a_free_page_shows_exactly_as_typed_once(site_with_a_page):
    page = article(site_with_a_page, "paginas/codigo")
    assert page.find("p").find("code").get_text() == ">7 días & <2 horas"
    assert page.find("pre").get_text().strip() == "SLA: >7 días & <2 horas {{ plazo }}"
    # a fence with attributes is not read as one: no attribute, no element of its text reaches the page
    assert not page.select("[onclick], [onerror], img") and "onerror=alert(4)" in page.get_text()


def test_a_free_page_is_in_the_navigation_under_mas(site_with_a_page):
    home = BeautifulSoup((site_with_a_page / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a")]
    assert "Manejo de objeciones" in entries


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (PAGE.replace("id: objeciones", "id: otra"), "no coincide con el nombre del archivo `objeciones.yml`"),
        (PAGE.split("markdown:")[0], "falta el campo `markdown`"),
        (PAGE.replace("  ## «Es muy caro»", "  ## «Es muy caro» \x1b"), "carácter de control invisible"),
        (PAGE.split("markdown:")[0] + 'markdown: "Hola \\x1b[2J"\n', "carácter de control invisible (U+001B)"),
        # Markdown may hold tabs and line breaks, not a carriage return alone nor the last of the C1 controls
        (PAGE.split("markdown:")[0] + 'markdown: "Hola\\tmundo\\rfin"\n', "carácter de control invisible (U+000D)"),
        (PAGE.split("markdown:")[0] + 'markdown: "Hola\\nmundo \\x9f"\n', "carácter de control invisible (U+009F)"),
        (PAGE.split("markdown:")[0] + 'markdown: "Hola\\nmundo\\vfin"\n', "carácter de control invisible (U+000B)"),
    ],
    ids=["id not its file name", "no markdown", "control character", "escaped control character", "CR", "C1", "VT"],
)
def test_a_bad_free_page_gets_one_line(tmp_path, text, says):
    project = copy_project(tmp_path / "project")
    (project / "data" / "pages").mkdir()
    (project / "data" / "pages" / "objeciones.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    (error,) = caught.value.errors
    assert str(error).startswith("data/pages/objeciones.yml:") and says in str(error), str(error)


def test_every_line_of_an_imported_document_reaches_the_built_site(tmp_path, capsys):
    source = ROOT / "tests" / "fixtures" / "con-objeciones.md"  # the seed with a section and a note it lacks
    assert main([str(source), str(tmp_path / "out")]) == 0
    project = copy_project(tmp_path / "project")
    for old in (project / "data").rglob("*.yml"):
        old.unlink()
    for new in (tmp_path / "out" / "data").rglob("*.yml"):
        target = project / "data" / new.relative_to(tmp_path / "out" / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(new.read_bytes())
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    text = site_text(project / "site")
    missing = [unit for unit in seed_units(source) if unit not in text]
    assert missing == []
    assert "manejo de objeciones" in text and "nota interna del equipo." in text
