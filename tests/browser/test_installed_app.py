"""The playbook in a rep's pocket: installable, usable with no network after one visit (at the host's root and
under a sub-path), a new version offered and never mixed with the old one, and off in the live preview."""

from __future__ import annotations

import contextlib
import json
import urllib.request

import pytest
from playwright.sync_api import expect
from test_subpath import PREFIX, SubPathHandler

import local_site
from helpers import build, copy_project

CSP_VIOLATION = "Content Security Policy"


def new_page(browser, **options):
    """A fresh browser (nothing kept from another test) and its console errors."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, **options)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


def visit_until_kept(page, url: str) -> None:
    """The first visit: the page says once it is kept for use with no network, and a worker controls it."""
    page.goto(url)
    expect(page.locator(".pb-toast")).to_have_text("Listo: este playbook ya se abre sin conexión en este dispositivo.")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def search(page, words: str):
    page.locator("label[for=__search]").first.click()  # the phone's search icon
    page.locator("input.md-search__input").press_sequentially(words, delay=20)
    return page.locator(".md-search-result__list a.md-search-result__link")


@pytest.mark.parametrize("hosted_under", ["", PREFIX], ids=["root", "sub-path"])
def test_after_one_visit_pages_and_search_work_with_no_network(browser, site, hosted_under):
    context, page = new_page(browser)
    handler = SubPathHandler if hosted_under else local_site.QuietHandler
    with local_site.serve(site, handler=handler) as base:
        home = f"{base}{hosted_under}/"
        visit_until_kept(page, home)
    # The server is gone: every request below fails unless the worker answers it.
    with pytest.raises(OSError):
        urllib.request.urlopen(home, timeout=2)

    page.locator("article a[href$='tipos/premium/']").first.click()
    expect(page.locator("article h1")).to_contain_text("Soporte Premium")
    page.goto(f"{home}checklist/")
    expect(page.locator("article h1")).to_contain_text("Checklist de Implementación")
    page.locator("label:has(> #pb-pre-prepara-equipo)").click()
    page.goto(f"{home}tecnicas/?tipo=24-7")  # an address with a query: the same kept page
    expect(page.locator(".pb-browser__item:visible")).to_have_count(2)
    page.goto(f"{home}guia/?filtro=reembolso")
    expect(page.locator("article h1")).to_be_visible()
    page.goto(f"{home}casos-de-estudio/")
    expect(page.locator("article h1")).to_contain_text("Casos de Estudio")
    page.goto(f"{home}resumen/")
    expect(page.locator("article h1")).to_contain_text("Resumen Ejecutivo")

    results = search(page, "escalacion")
    expect(results.first).to_be_visible()
    results.first.click()
    expect(page.locator("article h1")).to_be_visible()

    page.goto(f"{home}no-existe/")  # a page this build lacks: the site's own "does not exist" page
    expect(page.locator("article h1")).to_have_text("Esta página no existe")
    # What the worker holds is the build's files and nothing else: not the addresses asked, not what was typed.
    held = page.evaluate(
        """async () => (await Promise.all((await caches.keys()).map(async (name) =>
             (await (await caches.open(name)).keys()).map((request) => request.url)))).flat()"""
    )
    files = {url.split("?")[0].removeprefix(home) for url in held}
    assert files and all((site / name).is_file() for name in files), files
    assert [error for error in page.console_errors if CSP_VIOLATION in error] == []
    context.close()


def test_the_site_is_installable(browser, server, tmp_path):
    # A browser with a profile, as a phone's is (Chromium offers no install in a private window).
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=local_site.CHROMIUM, args=local_site.LAUNCH_ARGS
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(f"{server}/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [], manifest["errors"]
    assert manifest["url"] == f"{server}/manifest.webmanifest"
    # The app's identity is the site's home: installed twice from two pages, it is still one app.
    assert cdp.send("Page.getAppId")["appId"] == f"{server}/"
    # The phone's status bar and the installed app's title bar take the colour of the site's own header.
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    colour = cdp.send("Page.getAppManifest")["data"]
    colour = json.loads(colour)["theme_color"]
    assert header == "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))
    assert errors == []
    context.close()


@pytest.fixture()
def kept_first_build(browser, tmp_path):
    """A phone that kept the first build of a site. Yields (page, base address, publish: a second build at the same
    address, its subtitle given)."""
    project = copy_project(tmp_path / "project")
    served = tmp_path / "served"
    publish(project, served, "Primera edición")
    context, page = new_page(browser)
    with local_site.serve(served) as base:
        visit_until_kept(page, f"{base}/")
        expect(page.locator("article")).to_contain_text("Primera edición")
        yield page, base, lambda subtitle: publish(project, served, subtitle)
    context.close()


@pytest.fixture()
def second_build(kept_first_build):
    """Then a second build is published at the same address and the rep reloads the page. Yields (page, base)."""
    page, base, publish_again = kept_first_build
    publish_again("Segunda edición")
    page.reload()
    return page, base


def publish(project, served, subtitle: str) -> None:
    """A build of the project, its subtitle changed, published at `served`."""
    playbook = project / "data" / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    start = text.index("subtitle: ")
    end = text.index("\n", start)
    playbook.write_text(f"{text[:start]}subtitle: {subtitle}{text[end:]}", encoding="utf-8")
    result = build(project, served)
    assert result.returncode == 0, result.stderr


def test_a_new_build_is_offered_and_never_mixed_with_the_old(second_build):
    page, base = second_build
    offer = page.locator(".pb-update")
    expect(offer).to_contain_text("Hay una versión nueva de este playbook.")
    expect(page.locator(".pb-toast")).to_have_count(0)  # told once, on the first visit: not again for a new build
    # Until the rep accepts, every page is still the version they had: no page of the new one.
    expect(page.locator("article")).to_contain_text("Primera edición")
    page.goto(f"{base}/resumen/")
    expect(offer).to_be_visible()
    page.goto(f"{base}/")
    expect(page.locator("article")).to_contain_text("Primera edición")

    offer.get_by_role("button", name="Actualizar").click()
    expect(page.locator("article")).to_contain_text("Segunda edición")
    expect(offer).to_have_count(0)
    page.goto(f"{base}/resumen/")
    page.goto(f"{base}/")
    expect(page.locator("article")).to_contain_text("Segunda edición")
    assert [error for error in page.console_errors if CSP_VIOLATION in error] == []


def test_an_app_back_at_the_front_looks_for_a_new_build(kept_first_build):
    """An installed app can stay open for days without a reload: each time it comes back to the front it asks
    for a new version, and offers it."""
    page, _, publish_again = kept_first_build
    publish_again("Segunda edición")
    expect(page.locator(".pb-toast")).to_have_count(0, timeout=15_000)  # the message goes away by itself
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")  # the rep switches back
    expect(page.locator(".pb-update")).to_contain_text("Hay una versión nueva de este playbook.")


def test_later_puts_the_offer_away(second_build):
    page, _ = second_build
    page.locator(".pb-update").get_by_role("button", name="Más tarde").click()
    expect(page.locator(".pb-update")).to_have_count(0)
    expect(page.locator("article")).to_contain_text("Primera edición")


def test_the_live_preview_has_no_worker_and_removes_a_left_over_one(browser, tmp_path):
    """A worker an earlier build left on the preview's address would show its old pages: the preview's own
    worker removes it, and from then on every page comes from the preview."""
    project = copy_project(tmp_path / "project")
    assert build(project, tmp_path / "built").returncode == 0
    port = local_site.free_port()
    context, page = new_page(browser)
    with local_site.serve(tmp_path / "built", port=port) as base:
        visit_until_kept(page, f"{base}/")

    playbook = project / "data" / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("subtitle: Técnicas", "subtitle: Vista previa de técnicas"), encoding="utf-8")
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(local_site.live_preview(project, port=port))
        page.goto(f"{base}/")
        expect(page.locator("article")).to_contain_text("Vista previa de técnicas", timeout=15000)
        registered = "async () => (await navigator.serviceWorker.getRegistrations()).length"
        for _ in range(50):  # the left-over worker removes itself a moment after the page is back
            if page.evaluate(registered) == 0:
                break
            page.wait_for_timeout(100)
        assert page.evaluate(registered) == 0
        assert page.evaluate("caches.keys()") == []
        assert page.locator("link[rel=manifest]").count() == 1  # still installable from the preview
        assert page.locator("template[data-pb-app]").count() == 0  # but it registers no worker
    context.close()
