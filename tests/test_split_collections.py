"""A big playbook: long collections are split over several pages, and nothing is lost or broken.

The seed fits on one page per collection (the rest of the suite checks that); here the data is
multiplied past each page's capacity (macros/sitemap.py) and the built site is read as a visitor would.
"""

from __future__ import annotations

import json
import re

import yaml
from bs4 import BeautifulSoup

from helpers import BIG_OPTIMIZATION, BIG_SUPPORT_TYPES, all_pages, article, broken_links


def data(project, name):
    return yaml.safe_load((project / "data" / name).read_text(encoding="utf-8"))


def page_paths(first: str, count: int) -> list[str]:
    return [first] + [f"{first}{n}/" for n in range(2, count + 1)]


def headings(site, path: str, level: str) -> list[str]:
    return [re.sub(r"\s+", " ", h.get_text()).replace("¶", "").strip() for h in article(site, path).select(level)]


def test_optimization_techniques_continue_their_numbering_over_three_pages(big_site):
    project, site = big_site
    titles = [t["title"] for t in data(project, "optimization.yml")["techniques"]]
    shown = [h for path in page_paths("optimizacion/", 3) for h in headings(site, path, "h2")]
    assert shown == [f"Técnica {n}: {title}" for n, title in enumerate(titles, start=1)]
    assert headings(site, "optimizacion/2/", "h1")[0].endswith("(21–40)")
    assert not (site / "optimizacion/4").exists()


def test_every_case_and_phase_shows_once_in_data_order(big_site):
    project, site = big_site
    cases = [c["title"] for c in data(project, "case_studies.yml")["cases"]]
    shown = [h.split(": ", 1)[1] for path in page_paths("casos-de-estudio/", 2) for h in headings(site, path, "h2")]
    assert shown == cases
    phases = [p["title"] for p in data(project, "checklist.yml")["phases"]]
    assert [h for path in page_paths("checklist/", 2) for h in headings(site, path, "h2")] == phases


def test_navigation_and_tab_title_name_each_page_by_its_range(big_site):
    _, site = big_site
    page = BeautifulSoup((site / "optimizacion/2/index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select("nav.md-nav--primary a.md-nav__link")}
    assert links["1–20"] == "../" and links["41–45"] == "../3/"
    assert page.title.get_text().startswith("Técnicas de Optimización de Soporte (21–40) - ")


def test_a_tag_opens_the_browser_page_holding_every_technique_of_its_type(big_site):
    project, site = big_site
    for type_id in ["reactivo", f"tipo-{BIG_SUPPORT_TYPES - 1:02}"]:
        tag = article(site, f"tipos/{type_id}").select_one("a.pb-tag")
        path, query = tag["href"].split("?")
        assert query == f"tipo={type_id}"
        browser = article(site, f"tipos/{type_id}/{path}")
        rows = browser.select(f'.pb-browser__item[data-pb-type="{type_id}"]')
        assert len(rows) == len(data(project, f"support_types/{type_id}.yml")["techniques"])
        options = [o["value"] for o in browser.select("select[data-pb-filter-type] option")]
        assert type_id in options and len(options) == len(set(options))
    counted = sum(len(article(site, path).select(".pb-browser__item")) for path in page_paths("tecnicas/", 2))
    assert counted == technique_count(project) + BIG_OPTIMIZATION
    assert not (site / "tecnicas/3").exists()


def test_search_finds_the_browser_once_not_once_per_page(big_site):
    _, site = big_site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "tecnicas/" in pages and "tecnicas/2/" not in pages
    assert "optimizacion/2/" in pages  # only the browser's later pages repeat the first


def technique_count(project) -> int:
    return sum(
        len(data(project, f"support_types/{path.name}")["techniques"])
        for path in (project / "data/support_types").glob("*.yml")
    )


def test_each_page_holds_its_share_and_a_support_type_never_straddles_two(big_site):
    """20 optimisation techniques a page, 25 cases, 25 phases; at most 100 browser rows, whole types only."""
    project, site = big_site
    per_page = [len(article(site, path).select("h2[id]")) for path in page_paths("optimizacion/", 3)]
    assert per_page == [20, 20, BIG_OPTIMIZATION - 40]
    assert [len(article(site, path).select("h2[id]")) for path in page_paths("casos-de-estudio/", 2)] == [25, 5]
    assert [len(article(site, path).select("h2[id]")) for path in page_paths("checklist/", 2)] == [25, 5]
    pages_of_type: dict[str, set[str]] = {}
    for path in page_paths("tecnicas/", 2):
        rows = article(site, path).select(".pb-browser__item")
        assert 0 < len(rows) <= 100, path
        for row in rows:
            pages_of_type.setdefault(row["data-pb-type"], set()).add(path)
    straddling = {
        type_id: pages for type_id, pages in pages_of_type.items() if type_id != "optimizacion" and len(pages) > 1
    }
    assert not straddling
    assert len(pages_of_type) == BIG_SUPPORT_TYPES + 1


def test_home_index_lists_groups_of_support_types_not_every_type(big_site):
    _, site = big_site
    entries = [a.get_text(strip=True) for a in article(site, "").select("#indice + ol a")]
    assert "Tipos de soporte: Reactivo – Tipo 24" in entries
    assert not any(entry.startswith("Soporte 1") for entry in entries)
    assert len(article(site, "").select("table tbody tr")) == BIG_SUPPORT_TYPES, "the framework table keeps every type"


def test_handout_holds_every_page_once_and_no_browser(big_site):
    project, site = big_site
    handout = BeautifulSoup((site / "print_page/index.html").read_text(encoding="utf-8"), "html.parser")
    shown = [re.sub(r"\s+", " ", h.get_text()).replace("¶", "").strip() for h in handout.find_all(["h2", "h3"])]
    for n, technique in enumerate(data(project, "optimization.yml")["techniques"], start=1):
        assert shown.count(f"Técnica {n}: {technique['title']}") == 1
    assert not handout.select(".pb-browser__item")


def test_no_broken_link_or_anchor_in_the_big_site(big_site):
    _, site = big_site
    assert len(list(all_pages(site))) > 60
    assert broken_links(site) == []


def test_each_page_of_a_split_collection_links_to_all_its_pages(big_site):
    _, site = big_site
    pager = article(site, "optimizacion/2/").select_one("nav.pb-pager")
    assert [a.get_text() for a in pager.select("a")] == ["1–20", "41–45"]
    assert pager.select_one("strong").get_text() == "21–40"
    assert article(site, "casos-de-estudio/").select_one("nav.pb-pager a")["href"] == "2/"
    assert article(site, "checklist/2/").select_one("nav.pb-pager a")["href"] == "../"
