"""The playbook as an installable web app: its manifest, and the service worker that keeps every page, asset
and the search index after one visit (Workbox's precaching, from npm's Workbox packages).

- `mkdocs build` writes both; the pages link the manifest and register the worker (overrides/main.html,
  docs/assets/playbook.js with npm's workbox-window).
- `mkdocs serve` writes a worker that removes itself: a worker left by an earlier build on the same address
  would otherwise keep showing its pages in the preview.
- The offline bundle (file://) has neither: browsers run no service worker from file://.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
WORKER_SOURCE = ASSETS / "sw.js"
WORKER_OFF = ASSETS / "service_worker_off.js"
PLACEHOLDER = "self.__WB_MANIFEST"
"""Where Workbox's precache list goes in sw.js (the name Workbox's own build tools use)."""
WORKER = "sw.js"
RUNTIME = "assets/javascripts/workbox-runtime.js"
RUNTIME_MODULES = ("core", "routing", "strategies", "precaching")
"""In the order they need each other (each adds itself to `self.workbox`)."""
WINDOW_LIBRARY = "assets/javascripts/workbox-window.prod.umd.js"
LUNR = "assets/javascripts/lunr/"
KEPT = {".html", ".css", ".js", ".json", ".png", ".svg", ".ico", ".webmanifest", ".xml", ".woff2"}
MATERIAL_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
"""Material's bundles (`bundle.a5f9d56c.min.js`): a new content is a new name; the browser's cache may serve them."""
MANIFEST = "manifest.webmanifest"
ICONS = "assets/icons"
"""docs/assets/icons/, drawn by tools/icons.py."""
BACKGROUND = "#ffffff"


class WebAppError(Exception):
    """What stopped the service worker; `key` names the message (words.yml)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Precache:
    """What the worker keeps: how many files, how many bytes."""

    count: int
    size: int


def theme_dir() -> Path:
    """Material's templates (its icons and stylesheets)."""
    import material  # the theme is this adapter's dependency, not the core's

    return Path(material.__file__).parent / "templates"


def primary_name(palette) -> str:
    """The palette's primary colour name (mkdocs.yml `theme.palette`: one scheme or a list); Material's default."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    return (first.get("primary") if isinstance(first, dict) else None) or "indigo"


def primary_colour(name: str) -> str | None:
    """The hex colour Material's palette stylesheet gives a primary colour name (`indigo` → `#4051b5`)."""
    selector = re.escape(f"[data-md-color-primary={name.replace(' ', '-')}]")
    rule = re.compile(selector + r"\{--md-primary-fg-color:(#\w+)")
    for sheet in (theme_dir() / "assets" / "stylesheets").glob("palette.*.min.css"):
        found = rule.search(sheet.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return None


def manifest(
    *, name: str, short_name: str, description: str, language: str, colour: str | None, shortcuts: list[tuple[str, str]]
) -> str:
    """The web app manifest. Every address is relative to it (it sits at the site's root), so the same file
    works at a host's root and under any sub-path."""
    icon = {"type": "image/png"}
    document = {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        **({"theme_color": colour} if colour else {}),
        "icons": [
            {"src": f"{ICONS}/icon-192.png", "sizes": "192x192", "purpose": "any", **icon},
            {"src": f"{ICONS}/icon-512.png", "sizes": "512x512", "purpose": "any", **icon},
            {"src": f"{ICONS}/maskable-512.png", "sizes": "512x512", "purpose": "maskable", **icon},
        ],
        "shortcuts": [{"name": title, "url": url} for title, url in shortcuts],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def precache(site_dir: Path, languages: list[str]) -> list[dict]:
    """What the worker keeps: every page, stylesheet, script, image and data file of the build, each with a
    hash of its bytes (its revision: a changed file is fetched anew). Material's own files with a hash in their
    names need none. Left out: the worker's own scripts, source maps, the PDFs, and lunr's other languages
    (Material ships them all; the search worker loads the support file and the site's own)."""
    wanted = {f"lunr.{name}.min.js" for name in ["stemmer.support", *languages]}
    entries = []
    for path in sorted(site_dir.rglob("*")):
        url = path.relative_to(site_dir).as_posix()
        if not path.is_file() or path.suffix not in KEPT or url in (WORKER, RUNTIME) or url.endswith(".map"):
            continue
        if url.startswith(LUNR) and path.name not in wanted:
            continue
        revision = None if MATERIAL_HASHED.search(url) else hashlib.md5(path.read_bytes()).hexdigest()
        entries.append({"url": url, "revision": revision})
    return entries


def write_service_worker(site_dir: Path, languages: list[str]) -> Precache:
    """sw.js (macros/assets/sw.js with this build's list of files) and Workbox's runtime beside it (its four
    modules sw.js uses, as one script), and the page-side library that registers it (workbox-window), all
    from npm's Workbox packages (package.json)."""
    modules = [NODE_MODULES / f"workbox-{name}" / "build" / f"workbox-{name}.prod.js" for name in RUNTIME_MODULES]
    library = NODE_MODULES / "workbox-window" / "build" / "workbox-window.prod.umd.js"
    if not all(path.is_file() for path in [*modules, library]):
        raise WebAppError("worker_needs_npm")
    runtime = "\n".join(module.read_text(encoding="utf-8") for module in modules)
    (site_dir / RUNTIME).write_text(runtime, encoding="utf-8")
    shutil.copyfile(library, site_dir / WINDOW_LIBRARY)
    entries = precache(site_dir, languages)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    (site_dir / WORKER).write_text(source.replace(PLACEHOLDER, json.dumps(entries), 1), encoding="utf-8")
    return Precache(len(entries), sum((site_dir / entry["url"]).stat().st_size for entry in entries))


def write_service_worker_off(site_dir: Path) -> None:
    """The worker `mkdocs serve` offers: it takes over at once, removes itself and reloads its pages."""
    shutil.copyfile(WORKER_OFF, site_dir / WORKER)
