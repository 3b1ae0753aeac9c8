"""Interactive checklists in a real browser: ticks survive reloads and instant navigation, progress
is live, reset asks first, and broken storage never breaks the page."""

from __future__ import annotations

import json
import re

import pytest
import yaml

KEY = "playbook:soporte-y-servicio-en-ventas:checklist:implementacion"
PROCESS_KEY = "playbook:soporte-y-servicio-en-ventas:process:respuesta-rapida"


def tick(page, label_for):
    page.locator(f"label:has(> #{label_for})").click()


def stored(page, key=KEY):
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(raw) if raw else None


def progress(page, selector="[data-pb-progress]"):
    return page.locator(f"{selector} [data-pb-count]").inner_text()


def test_tick_survives_a_reload(page, server):
    page.goto(f"{server}/checklist/")
    tick(page, "pb-pre-prepara-equipo")
    page.reload()
    assert page.locator("#pb-pre-prepara-equipo").is_checked()
    assert not page.locator("#pb-pre-prepara-herramientas").is_checked()
    assert page.console_errors == []


def away_and_back(page):
    """To Premium and back to Reactivo through the navigation, as a reader would."""
    for title, path in [("Soporte Premium", "premium"), ("Soporte Reactivo", "reactivo")]:
        page.locator("nav.md-nav--primary a", has_text=title).first.click()
        page.wait_for_url(re.compile(rf".*/tipos/{path}/(#.*)?$"))  # navigation.tracking adds the anchor


def same_document(page) -> bool:
    """True when no page load happened since mark_document (instant navigation keeps the document)."""
    return page.evaluate("window.pbSameDocument === true")


def mark_document(page):
    page.wait_for_load_state("networkidle")  # Material reads sitemap.xml before it navigates instantly
    page.evaluate("window.pbSameDocument = true")


def test_tick_survives_navigating_away_and_back(page, server):
    page.goto(f"{server}/tipos/reactivo/")
    tick(page, "pb-respuesta-rapida-paso-2")
    away_and_back(page)
    assert page.locator("#pb-respuesta-rapida-paso-2").is_checked()
    assert progress(page, '[data-pb-toolbar$=":respuesta-rapida"] [data-pb-progress]') == "1/5"


def test_tick_survives_instant_navigation_away_and_back(page, instant_server):
    page.goto(f"{instant_server}/tipos/reactivo/")
    mark_document(page)
    tick(page, "pb-respuesta-rapida-paso-2")
    away_and_back(page)
    assert same_document(page), "navigation was instant"
    assert page.locator("#pb-respuesta-rapida-paso-2").is_checked()
    assert progress(page, '[data-pb-toolbar$=":respuesta-rapida"] [data-pb-progress]') == "1/5"
    assert page.console_errors == []


def test_progress_per_phase_and_per_checklist_updates_live(page, server):
    page.goto(f"{server}/checklist/")
    assert progress(page) == "0/13"
    tick(page, "pb-pre-identifica-tipo")
    tick(page, "pb-pre-prepara-equipo")
    tick(page, "pb-post-comparte-aprendizajes")
    assert progress(page) == "3/13"
    assert progress(page, '[data-pb-phase-progress="pre"]') == "2/4"
    assert progress(page, '[data-pb-phase-progress="durante"]') == "0/5"
    assert progress(page, '[data-pb-phase-progress="post"]') == "1/4"
    assert page.locator("[data-pb-progress]").get_attribute("role") == "status"
    bars = {
        "[data-pb-progress]": (3, 13),
        '[data-pb-phase-progress="pre"]': (2, 4),
        '[data-pb-phase-progress="durante"]': (0, 5),
    }
    for selector, (value, maximum) in bars.items():
        assert page.locator(f"{selector} progress").evaluate("el => [el.value, el.max]") == [value, maximum], selector


def test_state_is_versioned_json_keyed_by_phase_and_item_ids(page, server):
    page.goto(f"{server}/checklist/")
    tick(page, "pb-durante-optimiza")
    assert stored(page) == {"version": 1, "checked": ["durante/optimiza"]}


def test_saved_ids_tick_their_items_and_stale_ids_are_dropped(page, server):
    page.goto(f"{server}/checklist/")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [
            KEY,
            json.dumps(
                {"version": 1, "checked": ["post/optimiza", "pre/borrado-hace-tiempo", "fase-borrada/prepara-equipo"]}
            ),
        ],
    )
    page.reload()
    assert page.locator("#pb-post-optimiza").is_checked()
    assert not page.locator("#pb-durante-optimiza").is_checked()
    assert progress(page) == "1/13", "ticks of deleted items and phases are not counted"
    assert stored(page) == {"version": 1, "checked": ["post/optimiza"]}


@pytest.mark.parametrize("accept", [True, False])
def test_reset_asks_for_confirmation(page, server, accept):
    page.goto(f"{server}/checklist/")
    tick(page, "pb-pre-prepara-equipo")
    page.once("dialog", lambda dialog: dialog.accept() if accept else dialog.dismiss())
    page.locator("[data-pb-reset]").click()
    assert page.locator("#pb-pre-prepara-equipo").is_checked() is not accept
    assert progress(page) == ("0/13" if accept else "1/13")
    page.reload()
    assert page.locator("#pb-pre-prepara-equipo").is_checked() is not accept


def test_keyboard_ticks_with_visible_focus(page, server):
    page.goto(f"{server}/checklist/")
    box = page.locator("#pb-pre-identifica-tipo")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    outline = box.evaluate("el => getComputedStyle(el).outlineStyle")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert box.evaluate("el => el.matches(':focus-visible')")
    assert box.evaluate("el => getComputedStyle(el).outlineStyle") == "solid" or outline == "solid"
    assert progress(page) == "1/13"


@pytest.mark.parametrize(
    "garbage",
    [
        "{not json",
        "null",
        "[]",
        '"texto"',
        '{"version": 1, "checked": "pre/identifica-tipo"}',
        '{"version": 1, "checked": [1, 2]}',
        '{"version": 1, "checked": ["pre/identifica-tipo", 2]}',
        '{"version": 0, "checked": ["pre/identifica-tipo"]}',
    ],
)
def test_garbage_in_storage_never_breaks_the_page(page, server, garbage):
    page.goto(f"{server}/checklist/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, garbage])
    page.reload()
    assert progress(page) == "0/13"
    tick(page, "pb-pre-identifica-tipo")
    assert progress(page) == "1/13"
    assert stored(page) == {"version": 1, "checked": ["pre/identifica-tipo"]}
    assert page.console_errors == []


THROWING_STORAGE = """
Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
"""


@pytest.mark.parametrize("script", [THROWING_STORAGE, FULL_STORAGE], ids=["throws", "full"])
def test_unusable_storage_still_works_for_the_visit(page, instant_server, script):
    """Storage blocked or full: ticks live in memory while the reader moves around the site (instantly)."""
    page.add_init_script(script)
    page.goto(f"{instant_server}/tipos/reactivo/")
    mark_document(page)
    tick(page, "pb-respuesta-rapida-paso-1")
    assert progress(page, '[data-pb-toolbar$=":respuesta-rapida"] [data-pb-progress]') == "1/5"
    away_and_back(page)
    assert same_document(page), "navigation was instant"
    assert page.locator("#pb-respuesta-rapida-paso-1").is_checked()
    assert page.console_errors == []


# The first write of ours is refused (storage full), the next ones are not.
FULL_FOR_A_MOMENT = """
(() => {
  const setItem = Storage.prototype.setItem;
  let refusals = 1;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith('playbook:') && refusals > 0) {
      refusals -= 1;
      throw new DOMException('full', 'QuotaExceededError');
    }
    return setItem.call(this, key, value);
  };
})();
"""


def test_storage_full_for_a_moment_keeps_every_tick(page, instant_server):
    """A tick refused by a full storage lives in memory; once storage takes the next one, the page reads what is
    stored (both ticks), never the older copy it held in memory, when the reader comes back (instantly)."""
    page.add_init_script(FULL_FOR_A_MOMENT)
    page.goto(f"{instant_server}/tipos/reactivo/")
    mark_document(page)
    tick(page, "pb-respuesta-rapida-paso-1")
    tick(page, "pb-respuesta-rapida-paso-2")
    away_and_back(page)
    assert same_document(page), "navigation was instant"
    assert page.locator("#pb-respuesta-rapida-paso-1").is_checked()
    assert page.locator("#pb-respuesta-rapida-paso-2").is_checked()
    assert progress(page, '[data-pb-toolbar$=":respuesta-rapida"] [data-pb-progress]') == "2/5"
    assert page.console_errors == []


def test_without_javascript_checklists_read_as_a_plain_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/checklist/")
    assert page.locator(".pb-checklist li").count() == 13
    assert page.locator(".pb-checklist li").first.is_visible()
    assert not page.locator("[data-pb-progress]").is_visible()
    assert not page.locator("[data-pb-reset]").is_visible()
    page.goto(f"{server}/tipos/reactivo/")
    assert not page.locator(".pb-personalizer").first.is_visible()
    assert page.locator(".pb-script__original").first.is_visible()
    context.close()


def test_garbage_in_materials_own_storage_keys_does_not_break_pages(page, server):
    page.goto(f"{server}/checklist/")
    page.evaluate("() => { for (const k of ['/.__palette', '/.__tabs']) localStorage.setItem(k, '{broken'); }")
    page.reload()
    tick(page, "pb-pre-identifica-tipo")
    assert progress(page) == "1/13"
    assert page.console_errors == []


@pytest.mark.parametrize("width", [375, 1280])
def test_progress_and_reset_appear_without_pushing_the_checklist_down(browser, server, width):
    """The controls playbook.js adds take exactly the room the page reserved for them."""
    slots = ".pb-checklist-toolbar, .pb-progress--phase"
    heights = "s => [...document.querySelectorAll(s)].map(e => Math.round(e.getBoundingClientRect().height))"
    measured = []
    for run_script in (False, True):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        if not run_script:  # the first paint: the page's own CSS, playbook.js not run yet
            page.route("**/assets/playbook.js", lambda route: route.abort())
        page.goto(f"{server}/checklist/")
        if run_script:
            page.locator("[data-pb-progress] [data-pb-count]").wait_for()
        measured.append(page.evaluate(heights, slots))
        context.close()
    before, after = measured
    assert len(after) == 4 and all(h > 0 for h in after)
    assert before == after


def test_a_checklist_split_over_two_pages_counts_and_resets_as_one(page, serve, big_site):
    project, site = big_site
    base = serve(site)
    phases = yaml.safe_load((project / "data/checklist.yml").read_text(encoding="utf-8"))["phases"]
    total = sum(len(phase["items"]) for phase in phases)
    page.goto(f"{base}/checklist/")
    first = page.locator("input[data-pb-item]").first.get_attribute("id")
    tick(page, first)
    assert progress(page) == f"1/{total}"

    page.locator("a.md-footer__link--next").click()  # "Siguiente", by instant navigation
    page.wait_for_url("**/checklist/2/")
    assert progress(page) == f"1/{total}", "the tick on the first page counts here"
    last = page.locator("input[data-pb-item]").last.get_attribute("id")
    tick(page, last)
    assert progress(page) == f"2/{total}"

    page.goto(f"{base}/checklist/")
    assert page.locator(f"#{first}").is_checked() and progress(page) == f"2/{total}"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-pb-reset]").click()
    assert progress(page) == f"0/{total}"
    page.goto(f"{base}/checklist/2/")
    assert not page.locator(f"#{last}").is_checked() and progress(page) == f"0/{total}"
    assert stored(page)["checked"] == [] and page.console_errors == []
