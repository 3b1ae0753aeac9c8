"""Issue 25: the decision guide as a rep uses it on a phone — what is happening, then the situation, each
landing on a technique; a filter over the situations that never leaves an empty list."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


@pytest.fixture()
def phone(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def test_every_situation_of_the_guide_lands_on_a_technique_heading(phone, server):
    phone.goto(f"{server}/guia/")
    links = phone.locator(".pb-chooser__choice").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 30
    for href in sorted(set(links)):
        anchor = urlparse(href).fragment
        phone.goto(href)
        heading = phone.locator(f"article [id='{anchor}']")
        assert heading.evaluate("h => h.tagName") in {"H2", "H3"}, href
        assert phone.locator(f"[data-pb-personalize='{anchor}']").is_visible(), href  # its script one tap away
    assert phone.console_errors == []


def test_the_first_step_fits_a_phone_screen_and_opens_its_situations(phone, server):
    phone.goto(f"{server}/guia/")
    groups = phone.locator("[data-pb-chooser-group]")
    assert groups.count() == 6 and groups.locator(".pb-chooser__choice:visible").count() == 0
    assert phone.evaluate("document.documentElement.scrollHeight") < 2 * PHONE["height"]
    groups.first.locator("summary").click()
    assert groups.first.locator(".pb-chooser__choice:visible").count() == 6


def test_the_filter_finds_situations_without_accents_and_opens_their_group(phone, server):
    phone.goto(f"{server}/guia/")
    box = phone.locator("[data-pb-chooser-filter]")
    box.fill("caido")
    visible = phone.locator(".pb-chooser__choice:visible").all_inner_texts()
    assert visible and all("caído" in text.lower() for text in visible), visible
    assert "Un servicio caído que bloquea al cliente → Respuesta Urgente" in visible
    assert phone.locator("[data-pb-chooser-none]").is_hidden()
    box.fill("")
    assert phone.locator(".pb-chooser__choice:visible").count() == 0  # back to the first step


def test_a_group_opened_from_the_home_page_shows_its_situations(phone, server):
    phone.goto(f"{server}/")
    phone.get_by_role("link", name="Una cuenta VIP o un cliente estratégico").click()
    phone.wait_for_url("**/guia/#premium")
    group = phone.locator("details#premium")
    assert group.get_attribute("open") is not None
    assert group.locator(".pb-chooser__choice").first.is_visible()


def test_on_the_guide_a_link_to_another_group_opens_it(phone, server):
    """A group's address on the guide itself (a link to it, the browser's back button): the page stays, the
    group opens."""
    phone.goto(f"{server}/guia/#premium")
    assert phone.locator("details#premium").get_attribute("open") is not None
    phone.evaluate("() => { window.stayed = true; }")
    phone.goto(f"{server}/guia/#reactivo")
    group = phone.locator("details#reactivo")
    expect(group).to_have_attribute("open", "")
    assert group.locator(".pb-chooser__choice").first.is_visible()
    assert phone.evaluate("() => window.stayed") is True  # the same page: nothing reloaded
    assert phone.console_errors == []


def visible_groups(phone) -> list[str]:
    return phone.locator("[data-pb-chooser-group]:visible").evaluate_all("groups => groups.map(g => g.id)")


def test_a_word_only_in_what_is_happening_shows_that_group_whole_and_only_it(phone, server):
    phone.goto(f"{server}/guia/")
    box = phone.locator("[data-pb-chooser-filter]")
    for word, group in [
        ("factura", "reactivo"),  # in the other ways of saying it («Un cobro duplicado … en la factura»)
        ("oficina", "24-7"),  # in its first step («Llamadas fuera del horario de oficina…»)
    ]:
        box.fill(word)
        assert visible_groups(phone) == [group], word
        assert phone.locator(f"details[id='{group}'] .pb-chooser__choice:visible").count() == 6, word


def test_the_filter_shows_the_situations_that_have_every_word_typed(phone, server):
    phone.goto(f"{server}/guia/")
    phone.locator("[data-pb-chooser-filter]").fill("cliente caido")
    assert phone.locator(".pb-chooser__choice:visible").all_inner_texts() == [
        "Un servicio caído que bloquea al cliente → Respuesta Urgente"
    ]


def test_when_no_situation_says_it_every_group_is_offered_again_as_a_first_step(phone, server):
    phone.goto(f"{server}/guia/")
    box = phone.locator("[data-pb-chooser-filter]")
    box.fill("qeja xyzzy ")
    assert phone.locator("[data-pb-chooser-none]").inner_text().startswith("Ninguna situación dice «qeja xyzzy»")
    assert len(visible_groups(phone)) == 6
    assert phone.locator(".pb-chooser__choice:visible").count() == 0  # closed, as on arrival
    phone.locator("details#premium summary").click()
    assert phone.locator("details#premium .pb-chooser__choice:visible").count() == 6
    assert parse_qs(urlparse(phone.url).query)["filtro"] == ["qeja xyzzy"]
    box.fill("  ")  # a filter emptied (but for spaces) leaves nothing in the address to share
    expect(phone).not_to_have_url(re.compile("filtro"))
