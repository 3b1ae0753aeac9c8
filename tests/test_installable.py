"""What makes the built site an installable app a rep carries offline: the manifest every page links, its icons,
and the list of files the service worker keeps (the browser tests, tests/browser/test_installed_app.py, use them)."""

from __future__ import annotations

import json
import re
import struct

import yaml
from bs4 import BeautifulSoup

from helpers import HOSTILE, ROOT, build, copy_project


def manifest_of(site):
    return json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))


def kept_by_the_worker(site) -> dict[str, str | None]:
    """The worker's list of files (url → revision), as sw.js carries it."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    listed = re.search(r"precacheAndRoute\((\[.*?\]), \{", source, re.DOTALL)
    assert listed, "sw.js has no list of files to keep"
    return {entry["url"]: entry["revision"] for entry in json.loads(listed.group(1))}


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_the_manifest_names_the_playbook_and_opens_wherever_the_site_is_hosted(site):
    manifest = manifest_of(site)
    playbook = yaml.safe_load((ROOT / "data" / "playbook.yml").read_text(encoding="utf-8"))
    assert manifest["name"] == playbook["title"]
    assert manifest["short_name"] == playbook.get("short_title", playbook["title"])
    assert manifest["lang"] == "es" and manifest["display"] == "standalone"
    # Relative to the manifest: the same build installs from https://host/ or https://host/playbook/.
    assert manifest["start_url"] == manifest["scope"] == "./"
    for shortcut in manifest["shortcuts"]:
        assert not shortcut["url"].startswith(("/", "http")) and (site / shortcut["url"] / "index.html").is_file()
    assert [s["name"] for s in manifest["shortcuts"]] == [
        "¿Qué soporte necesito?",
        "Todas las técnicas",
        "Checklist de Implementación",
    ]


def test_the_icons_are_there_at_the_sizes_the_manifest_says(site):
    icons = manifest_of(site)["icons"]
    assert {icon["purpose"] for icon in icons} == {"any", "maskable"}
    sizes = {icon["sizes"] for icon in icons}
    assert {"192x192", "512x512"} <= sizes
    for icon in icons:
        width, height = png_size(site / icon["src"])
        assert f"{width}x{height}" == icon["sizes"], icon["src"]


def test_every_page_links_the_manifest_and_touch_icon(site):
    for path in sorted(site.rglob("*.html")):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        manifest = head.find("link", rel="manifest")
        assert manifest is not None, path
        touch = head.find("link", rel="apple-touch-icon")["href"]
        if path.name != "404.html":  # the 404 page's addresses start at the host's root (README "Hosting")
            assert (path.parent / manifest["href"]).resolve() == (site / "manifest.webmanifest").resolve(), path
            assert (path.parent / touch).resolve().is_file(), path


def test_the_worker_keeps_every_page_and_the_search_and_nothing_it_does_not_need(site):
    kept = kept_by_the_worker(site)
    pages = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    assert pages <= kept.keys(), pages - kept.keys()
    assert {
        "search/search_index.json",
        "assets/playbook.js",
        "assets/playbook.css",
        "manifest.webmanifest",
    } <= kept.keys()
    lunr = {url.rsplit("/", 1)[1] for url in kept if "/lunr/" in url}
    assert lunr == {"lunr.stemmer.support.min.js", "lunr.es.min.js"}  # not Material's 30 other languages
    assert not [url for url in kept if url.endswith((".map", ".pdf")) or url == "sw.js"]
    for url, revision in kept.items():
        assert (site / url).is_file(), url
        # A file whose name does not change with its content carries a revision: a change is fetched anew.
        assert revision or re.search(r"\.[0-9a-f]{8}\.min\.", url), url


def test_a_change_anywhere_is_a_new_worker(tmp_path):
    project = copy_project(tmp_path / "project")
    assert build(project, tmp_path / "one").returncode == 0
    case_studies = project / "data" / "case_studies.yml"
    case_studies.write_text(
        case_studies.read_text(encoding="utf-8").replace("Problemas recurrentes", "Problemas que se repiten", 1)
    )
    assert "Problemas que se repiten" in case_studies.read_text(encoding="utf-8")
    assert build(project, tmp_path / "two").returncode == 0
    one, two = kept_by_the_worker(tmp_path / "one"), kept_by_the_worker(tmp_path / "two")
    changed = {url for url in one if one[url] != two.get(url)}
    assert "casos-de-estudio/index.html" in changed
    assert "assets/playbook.css" not in changed


def test_the_title_reaches_the_manifest_as_typed(hostile_site):
    name = manifest_of(hostile_site)["name"]
    assert name.startswith(HOSTILE)  # JSON carries it as text: nothing to run, nothing lost


def test_a_short_title_goes_under_the_icon(tmp_path):
    project = copy_project(tmp_path / "project")
    playbook = project / "data" / "playbook.yml"
    playbook.write_text(
        playbook.read_text(encoding="utf-8").replace("\nversion:", "\nshort_title: Soporte\nversion:", 1),
        encoding="utf-8",
    )
    assert build(project, tmp_path / "site").returncode == 0
    assert manifest_of(tmp_path / "site")["short_name"] == "Soporte"


def test_a_build_without_npm_packages_says_so_in_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "necesita Workbox (paquetes de npm) — use `make build`" in result.stderr
    assert "Traceback" not in result.stderr
