"""The MkDocs adapter: loads data/ once, builds the navigation, adds one page per support type,
and hands the renderers to mkdocs-macros. Everything else lives in the engine-independent core."""

from __future__ import annotations

import logging
import re
import shutil
import sys
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs puts only this file's folder on sys.path while loading it; the package lives one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import kinds, render  # noqa: E402
from macros.loader import DataErrors, load_playbook  # noqa: E402
from macros.site import Site  # noqa: E402

log = logging.getLogger("mkdocs.plugins.playbook")
SITE_KEY = "playbook_site"
"""Where on_config leaves the build's Site for the later events (each build has its own config)."""


@event_priority(100)  # before mkdocs-macros, which must find our macros registered
def on_config(config):
    """Validate all data before anything is written, then wire the site to it."""
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        site = config[SITE_KEY] = Site.of(load_playbook(data_dir))
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(
            f"{len(exc.errors)} problem(s) in data/ — nothing was built. "
            "Fix the lines above (run `make check` to re-check quickly)."
        ) from None
    # Material prints the site name and nav titles unescaped, and mkdocs-macros renders any `{{` in a
    # page title as Jinja: hand both text already escaped for HTML and Jinja (Markup with entities).
    config.site_name = render.literal(site.playbook.info.title)
    config.nav = site.navigation(title=render.literal)
    info = site.playbook.info
    config.extra["playbook"] = {  # for the handout's cover (macros/templates/print_cover.tpl)
        "title": render.literal(info.title),
        "subtitle": render.literal(info.subtitle),
        "version": render.literal(info.version),
        "version_label": render.literal(info.labels.version),
        "last_updated": info.last_updated.isoformat(),
        "date_label": render.literal(info.labels.last_updated),
    }
    handout = config.plugins.get("print-site")
    if handout:
        handout.config["print_page_title"] = render.literal(info.labels.handout)
        handout.config["toc_title"] = render.literal(info.labels.contents)
    if _offline_enabled(config):
        # Material's offline plugin would load this shim from a CDN; serve the npm copy instead.
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), IFRAME_WORKER_URL]
    macros = config.plugins["macros"]
    macros.register_macros({name: partial(_call, macros, site, fn) for name, fn in kinds.macros().items()})
    return config


def _call(macros, site, renderer, *args):
    """Run a renderer for the page mkdocs-macros is rendering now."""
    return renderer(site, macros.page.file.src_uri, *args)


def on_files(files, config):
    """The pages that exist only in the data (one per support type): stubs calling the same macros every
    page uses. A collection split over several pages (sitemap.split) gets its later pages as copies of its
    first page's source: the renderer picks the part from the page's path."""
    site = config[SITE_KEY]
    for page, stub in site.generated_pages().items():
        files.append(File.generated(config, page, content=stub))
    for first, later in site.paged_sources.items():
        source = Path(files.get_file_from_path(first).abs_src_path).read_text(encoding="utf-8")
        for page in later:
            files.append(File.generated(config, page, content=source))
    return files


def on_page_markdown(markdown, page, config, files):
    """A page of a split collection is named by its range in the navigation ("21–40"); its
    browser-tab title also names the collection."""
    if page.parent and page.file.src_uri in config[SITE_KEY].split_pages:
        page.meta["pb_section_title"] = page.parent.title
    return markdown


SEARCH_FOLDING = Path(__file__).parent / "assets" / "lunr_es_folding.js"
IFRAME_WORKER_URL = "assets/javascripts/iframe-worker-shim.js"
IFRAME_WORKER = Path(__file__).resolve().parent.parent / "node_modules" / "iframe-worker" / "shim" / "index.js"


def _offline_enabled(config) -> bool:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.enabled)


PRINT_SITE_SCRIPT = re.compile(r'<script src="[^"]*js/print-site\.js"></script>')


def on_post_page(output, page, config):
    """print-site adds its script to every page, but only the handout (which print-site renders again
    after this, with the script) calls it: elsewhere it is one more request before the page settles."""
    return PRINT_SITE_SCRIPT.sub("", output)


TAG_LINK = re.compile(r'<a class="pb-tag"[^>]*>.*?</a>', re.DOTALL)


def on_post_build(config):
    """Make Spanish search forgive accents (extend Material's lunr.es), self-host the offline shim,
    and drop the tag links from the handout (they point into the technique browser, which the
    handout leaves out, so print-site would turn them into dead in-page anchors)."""
    site = Path(config.site_dir)
    for handout in [*site.glob("print_page.html"), *site.glob("print_page/index.html")]:
        handout.write_text(TAG_LINK.sub("", handout.read_text(encoding="utf-8")), encoding="utf-8")
    if _offline_enabled(config):
        if not IFRAME_WORKER.is_file():
            raise PluginError("the offline bundle needs npm's iframe-worker: run `make offline`, which installs it")
        shutil.copyfile(IFRAME_WORKER, site / IFRAME_WORKER_URL)
    lunr_es = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js"
    patch = SEARCH_FOLDING.read_text(encoding="utf-8")
    stock = lunr_es.read_text(encoding="utf-8")
    if patch not in stock:
        lunr_es.write_text(stock + patch, encoding="utf-8")
