"""axe-core on every page of the built site, in the light and the dark colour scheme: 0 violations."""

from __future__ import annotations

import pytest

from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def page_paths(site) -> list[str]:
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_page_has_no_axe_violations(page, server, site, scheme):
    assert AXE.is_file(), "run `npm ci` (make test does)"
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, "
                         f"color: {{media: '', scheme: '{scheme}', primary: 'indigo', accent: 'indigo'}}}}))")
    found = {}
    for path in page_paths(site):
        page.goto(f"{server}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.setdefault(f"{violation['id']} ({violation['impact']})", []).append(f"/{path} {targets}")
    assert not found, "\n".join(f"{rule}: {len(where)} × e.g. {where[:2]}" for rule, where in found.items())


FOCUS_VISIBLE = """el => {
  const style = getComputedStyle(el);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    || getComputedStyle(el, ':focus-visible').outlineStyle !== 'none';
}"""


@pytest.mark.parametrize("path", ["tipos/reactivo/", "checklist/", "tecnicas/"])
def test_keyboard_reaches_every_control_with_visible_focus(page, server, path):
    page.goto(f"{server}/{path}")
    controls = page.locator("article input, article button, article summary, article select").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && e.tabIndex >= 0"
        "  && !e.closest('details:not([open]) > :not(summary)'))"
        ".map(e => [...document.querySelectorAll('*')].indexOf(e))")
    reached, invisible = set(), []
    for _ in range(400):
        page.keyboard.press("Tab")
        active = page.evaluate_handle("document.activeElement")
        key = page.evaluate("e => [...document.querySelectorAll('*')].indexOf(e)", active)
        if key in reached:
            continue
        reached.add(key)
        if not page.evaluate(FOCUS_VISIBLE, active):
            invisible.append(page.evaluate("e => e.outerHTML.slice(0, 80)", active))
        if set(controls) <= reached:
            break
    missing = set(controls) - reached
    assert not missing, page.evaluate("ids => ids.map(i => document.querySelectorAll('*')[i].outerHTML.slice(0, 80))",
                                      list(missing))
    assert not invisible, invisible
