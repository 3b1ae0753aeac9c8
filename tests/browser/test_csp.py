"""Issue 19: every page carries a strict Content-Security-Policy (no 'unsafe-inline' for scripts) and the
site works under it, served with the same policy as a header too (`_headers`): any violation fails."""

from __future__ import annotations

import pytest

from helpers import build, copy_project
from local_site import QuietHandler, free_port

VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"""


def header_policy(site) -> str:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    name, value = lines[1].strip().split(": ", 1)
    assert name == "Content-Security-Policy"
    return value


def strict_host(policy: str) -> type[QuietHandler]:
    """A host that sends the site's policy as a header on every response."""

    class StrictHost(QuietHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

    return StrictHost


@pytest.fixture(scope="module")
def strict(serve, site):
    return serve(site, handler=strict_host(header_policy(site)))


@pytest.fixture(scope="module")
def strict_instant(serve, tmp_path_factory):
    """The site built with its address (site_url), as a host sets it: only then does Material's instant
    navigation run; served with the policy as a header."""
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("csp-instant") / "project")
    assert build(project, project / "site", site_url=f"http://127.0.0.1:{port}/").returncode == 0
    return serve(project / "site", port, strict_host(header_policy(project / "site")))


@pytest.fixture()
def csp_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_every_page_says_its_policy_and_allows_no_inline_script_by_default(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html, path
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        script_src = policy.split("script-src", 1)[1].split(";", 1)[0]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in header_policy(site).split("script-src", 1)[1].split(";", 1)[0]


def test_the_site_works_under_its_policy(csp_page, strict, site):
    page = csp_page
    for path in sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")):
        page.goto(f"{strict}/{'' if path == '.' else path + '/'}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
    # The pages above came from the service worker (it took over on the first), under the same policy.
    assert page.evaluate("navigator.serviceWorker.controller?.scriptURL") == f"{strict}/sw.js"
    page.goto(f"{strict}/tipos/reactivo/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("devolucion", delay=15)  # Material's search worker runs
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("label:has(> #pb-respuesta-rapida-paso-1)").click()  # checklists (playbook.js)
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()  # Personalizar
    panel.locator("input[data-pb-field]").first.fill("5")
    assert (
        "5 minutos" in page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__original').inner_text()
    )
    page.locator("[data-md-component=palette] label:not([hidden])").first.click()  # palette
    page.goto(f"{strict}/print_page/")
    page.locator("#print-page-toc a").first.wait_for(state="attached")  # print-site's script built the contents
    page.goto(f"{strict}/tecnicas/?texto=lealtad")
    assert page.locator(".pb-browser__item:visible").count() == 1
    assert page.evaluate("window.__violations") == [] and page.errors == []


def test_instant_navigation_works_under_the_policy(csp_page, strict_instant):
    """Material swaps pages in without reloading (navigation.instant): the new page's scripts still run."""
    page, strict = csp_page, strict_instant
    page.goto(f"{strict}/")
    page.evaluate("window.__samePage = true")
    page.locator('article a[href$="/tipos/reactivo/"]').first.click()  # Material makes links absolute
    page.wait_for_url(f"{strict}/tipos/reactivo/")
    page.locator(".pb-script[data-pb-script='respuesta-rapida']").wait_for()
    assert page.evaluate("window.__samePage === true"), "the page was swapped in, not reloaded"
    panel = page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-personalizer')
    panel.locator("summary").click()  # playbook.js ran again for the new page
    panel.locator("input[data-pb-field]").first.fill("7")
    assert (
        "7 minutos" in page.locator('.pb-script[data-pb-script="respuesta-rapida"] .pb-script__original').inner_text()
    )
    assert page.evaluate("window.__violations") == [] and page.errors == []
