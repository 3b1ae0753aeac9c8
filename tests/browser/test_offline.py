"""The offline bundle: unzipped anywhere, opened from file:// with the network blocked, it works."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import ROOT, child_env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """`make offline`, then the zip unpacked into a fresh folder."""
    result = subprocess.run(["make", "offline"], cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(ROOT / "dist" / "playbook-offline.zip") as archive:
        archive.extractall(target)
    return target / "playbook-offline"


@pytest.fixture()
def offline_page(page):
    """A page whose every request other than file:// is blocked."""
    page.blocked = []
    page.route(re.compile(r"^(https?|wss?)://"), lambda route: (page.blocked.append(route.request.url), route.abort()))
    return page


def test_navigate_search_and_tick_from_file_urls(offline_page, bundle):
    page = offline_page
    page.goto((bundle / "index.html").as_uri())
    assert "Soporte y Servicio en Ventas" in page.locator("article h1").inner_text()

    page.locator("nav.md-nav--primary a", has_text="Soporte 24/7").first.click()
    page.wait_for_url("**/tipos/24-7.html")
    assert page.locator("#disponibilidad-continua").is_visible()

    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("escalacion", delay=20)
    result = page.locator(".md-search-result__list a.md-search-result__link[href*='#disponibilidad-continua']")
    result.first.wait_for()

    page.goto((bundle / "checklist.html").as_uri())
    page.locator("label:has(> #pb-pre-prepara-equipo)").click()
    page.reload()
    assert page.locator("#pb-pre-prepara-equipo").is_checked()
    assert page.locator("[data-pb-progress] [data-pb-count]").inner_text() == "1/13"
    assert page.blocked == [] and page.console_errors == []


def test_personaliser_works_offline(offline_page, bundle):
    page = offline_page
    page.goto((bundle / "tipos" / "reactivo.html").as_uri())
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()
    panel.locator('input[data-pb-field="1"]').fill("5")
    script = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__original').inner_text()
    assert "- Tiempo de respuesta: 5 minutos" in script
    panel.locator("[data-pb-copy]").click()
    expect(panel.locator("[data-pb-status]")).to_have_text("Copiado")  # the copy is asynchronous
    assert page.console_errors == []


def test_every_address_in_the_bundle_leads_to_a_file(bundle):
    """From file:// a folder address (`guia/`) opens a folder listing or nothing: every address the pages
    write, in links, sources and the data the scripts build links from, must name a file that is there."""
    broken = []
    # 404.html is for a host to serve at any address (its addresses start at the root); no file:// page leads to it.
    for html in (page for page in bundle.rglob("*.html") if page.name != "404.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if not (name in ("href", "src") or (name.startswith("data-pb-") and name.endswith("-url"))):
                    continue
                target = urlsplit(value)
                if target.scheme or target.netloc or not target.path:
                    continue  # another host, mailto:, or a place in the same page
                path = (html.parent / unquote(target.path)).resolve()
                if not path.is_file():
                    broken.append(f"{html.relative_to(bundle)}: {name}={value}")
    assert broken == []


def test_every_search_result_leads_to_a_file(bundle):
    """The search builds its result links from its index: from file:// each must name a page's file."""
    index = json.loads((bundle / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    missing = {page for page in pages if not (bundle / unquote(page)).is_file()}
    assert len(pages) > 10 and missing == set()


def test_the_search_help_leads_to_the_guide_from_file_urls(offline_page, bundle):
    page = offline_page
    page.goto((bundle / "tipos" / "premium.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("xyzzy", delay=20)
    guide = page.locator(".pb-search-help__guide")
    guide.click()
    expect(page.locator("article h1")).to_be_visible()
    assert page.url.startswith((bundle / "guia.html").as_uri())
    assert page.blocked == [] and page.console_errors == []


def test_the_bundle_registers_no_worker_and_links_no_manifest(bundle):
    """Browsers run no service worker from file://, and a manifest link there only logs an error."""
    home = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest"' not in home and "data-pb-worker" not in home and "workbox" not in home
    assert not (bundle / "sw.js").exists()
