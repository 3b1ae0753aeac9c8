"""axe-core on every page of the built site, in the light and the dark colour scheme: 0 violations."""

from __future__ import annotations

import pytest

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def page_paths(site) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_page_has_no_axe_violations(page, server, site, scheme):
    assert AXE.is_file(), "run `npm ci` (make test does)"
    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, "
        f"color: {{media: '', scheme: '{scheme}', primary: 'indigo', accent: 'indigo'}}}}))"
    )
    found = {}
    for path in page_paths(site):
        page.goto(f"{server}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        # axe itself comes in by evaluation: the page's policy (rightly) refuses an injected inline script
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.setdefault(f"{violation['id']} ({violation['impact']})", []).append(f"/{path} {targets}")
    assert not found, "\n".join(f"{rule}: {len(where)} × e.g. {where[:2]}" for rule, where in found.items())


# The focus ring a keyboard user sees: outline and box-shadow, as computed on the element itself.
RING = """el => {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none';
  return {outline, shadow: style.boxShadow};
}"""
CONTROLS = "article input, article button, article summary, article select"


@pytest.mark.parametrize("path", ["tipos/reactivo/", "checklist/", "tecnicas/"])
def test_keyboard_reaches_every_control_with_visible_focus(page, server, path):
    """Tab reaches every control of the page, and each one, focused, shows a ring it doesn't have unfocused."""
    page.goto(f"{server}/{path}")
    page.locator(".pb-personalizer, [data-pb-toolbar] [data-pb-progress], [data-pb-browser-filters]").first.wait_for()
    controls = page.locator(CONTROLS).evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && e.tabIndex >= 0"
        "  && !e.closest('details:not([open]) > :not(summary)'))"
        ".map(e => [...document.querySelectorAll('*')].indexOf(e))"
    )
    assert len(controls) >= 2
    unfocused = page.evaluate(f"ids => ids.map(i => ({RING})(document.querySelectorAll('*')[i]))", controls)
    rest = dict(zip(controls, unfocused))
    reached, invisible = set(), []
    for _ in range(400):
        page.keyboard.press("Tab")
        key = page.evaluate("[...document.querySelectorAll('*')].indexOf(document.activeElement)")
        if key in reached:
            continue
        reached.add(key)
        if key in rest:
            focused = page.evaluate(RING, page.evaluate_handle("document.activeElement"))
            shows_ring = focused["outline"] != "none" or focused["shadow"] != "none"
            if not shows_ring or focused == rest[key]:
                invisible.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
        if set(controls) <= reached:
            break
    missing = set(controls) - reached
    assert not missing, page.evaluate(
        "ids => ids.map(i => document.querySelectorAll('*')[i].outerHTML.slice(0, 80))", list(missing)
    )
    assert not invisible, invisible
