"""The playbook as an installable web app: its manifest, and the service worker that keeps every page, asset
and the search index after one visit (Workbox's generateSW, run by node from npm's workbox-build).

- `mkdocs build` writes both; the pages link the manifest and register the worker (overrides/main.html,
  docs/assets/playbook.js with npm's workbox-window).
- `mkdocs serve` writes a worker that removes itself: a worker left by an earlier build on the same address
  would otherwise keep showing its pages in the preview.
- The offline bundle (file://) has neither: browsers run no service worker from file://.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
GENERATE_SW = ASSETS / "service_worker.mjs"
WORKER_OFF = ASSETS / "service_worker_off.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = "assets/icons"
"""docs/assets/icons/, drawn by tools/icons.py."""
BACKGROUND = "#ffffff"


class WebAppError(Exception):
    """What stopped the service worker; `key` names the message (words.yml), `params` fill it."""

    def __init__(self, key: str, **params: str):
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Precache:
    """What the worker keeps: how many files, how many bytes, and Workbox's warnings (a file it skipped)."""

    count: int
    size: int
    warnings: list[str]


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


def write_service_worker(site_dir: Path, languages: list[str]) -> Precache:
    """sw.js (and its Workbox runtime) for a built site, and the page-side library that registers it
    (macros/assets/service_worker.mjs)."""
    node = shutil.which("node")
    if node is None:
        raise WebAppError("worker_needs_node")
    if not all((NODE_MODULES / package).is_dir() for package in ("workbox-build", "workbox-window")):
        raise WebAppError("worker_needs_npm")
    done = subprocess.run(
        [node, str(GENERATE_SW), str(site_dir), *languages], capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise WebAppError("worker_failed", detail=(done.stderr.strip().splitlines() or ["?"])[-1])
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return Precache(report["count"], report["size"], report["warnings"])


def write_service_worker_off(site_dir: Path) -> None:
    """The worker `mkdocs serve` offers: it takes over at once, removes itself and reloads its pages."""
    shutil.copyfile(WORKER_OFF, site_dir / WORKER)
