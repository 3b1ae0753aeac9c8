"""The built site hosted under a sub-path (/playbook/, as GitHub Pages project sites are)."""

from __future__ import annotations

import pytest

from local_site import QuietHandler

PREFIX = "/playbook"


class SubPathHandler(QuietHandler):
    """Serves the site only under PREFIX; everything else is 404, as on a shared host."""

    def translate_path(self, path):
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            return "/nonexistent"
        return super().translate_path(path[len(PREFIX) :] or "/")


@pytest.fixture(scope="module")
def hosted(serve, site):
    return serve(site, handler=SubPathHandler) + PREFIX


def test_pages_assets_search_and_checklists_work_under_a_sub_path(page, hosted):
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(f"{hosted}/")
    page.locator("nav.md-nav--primary a", has_text="Soporte Premium").first.click()
    page.wait_for_url(f"**{PREFIX}/tipos/premium/")
    page.locator("nav.md-nav--primary a", has_text="Checklist de Implementación").first.click()
    page.wait_for_url(f"**{PREFIX}/checklist/")
    page.locator("label:has(> #pb-pre-prepara-equipo)").click()
    page.reload()
    assert page.locator("#pb-pre-prepara-equipo").is_checked()

    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("lealtad", delay=20)
    result = page.locator(".md-search-result__list a.md-search-result__link[href*='#valor-agregado']").first
    result.click()
    page.wait_for_url(f"**{PREFIX}/tipos/premium/*#valor-agregado")

    page.goto(f"{hosted}/tecnicas/?tipo=24-7")
    assert page.locator(".pb-browser__item:visible").count() == 2
    assert failed == [], failed
    assert page.console_errors == []
