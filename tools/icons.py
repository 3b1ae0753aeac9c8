"""The home-screen icons of the installed playbook (docs/assets/icons/), drawn by Chromium from the theme's
logo icon (mkdocs.yml `theme.icon.logo`) in white on the palette's primary colour.

    .venv/bin/python tools/icons.py [#4051b5]        (from the project's folder; run again after changing either)

- icon-192.png, icon-512.png: a rounded square, for launchers that show the icon as it is;
- maskable-512.png: full bleed, the logo inside the central safe circle, for launchers that cut their own shape;
- apple-touch-icon.png (180 px): iOS's home screen, which rounds the corners itself.

Committed, not drawn at build time: a build then needs no browser. The colour defaults to the one the site's
manifest uses (macros/web_app.py reads it from Material's palette).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import local_site  # noqa: E402
from macros import web_app  # noqa: E402

ICONS = ROOT / "docs" / "assets" / "icons"
# name: (size in px, logo's share of the side, corner radius as a share of the side)
SHAPES = {
    "icon-192.png": (192, 0.62, 0.22),
    "icon-512.png": (512, 0.62, 0.22),
    "maskable-512.png": (512, 0.5, 0.0),  # the safe zone is the central circle of 80 % of the side
    "apple-touch-icon.png": (180, 0.6, 0.0),
}


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its `!ENV` values read as nothing."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def main(argv: list[str]) -> int:
    theme = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)["theme"]
    colour = argv[0] if argv else web_app.primary_colour(web_app.primary_name(theme.get("palette")))
    logo = web_app.theme_dir() / ".icons" / f"{theme['icon']['logo']}.svg"
    svg = logo.read_text(encoding="utf-8").replace("<svg ", '<svg fill="#ffffff" ')
    ICONS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = local_site.launch(playwright)
        for name, (size, share, radius) in SHAPES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f"<body style='margin:0;background:transparent'><div style='width:{size}px;height:{size}px;"
                f"background:{colour};border-radius:{radius * size}px;display:grid;place-items:center'>"
                f"<div style='width:{share * size}px;height:{share * size}px'>{svg}</div></div></body>"
            )
            page.locator("svg").evaluate("svg => { svg.style.width = '100%'; svg.style.height = '100%'; }")
            page.screenshot(path=str(ICONS / name), omit_background=True)
            page.close()
        browser.close()
    print(f"{len(SHAPES)} icons in {ICONS.relative_to(ROOT)} ({colour})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
