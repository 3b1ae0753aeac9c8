"""Text from YAML is data: HTML, Jinja and Markdown inside it show as typed wherever it lands."""

from __future__ import annotations

import html
import json
import re

import pytest
from bs4 import BeautifulSoup

from helpers import HOSTILE, mark


def page(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def texts(elements) -> list[str]:
    return [re.sub(r"\s+", " ", e.get_text()).replace("¶", "").strip() for e in elements]


def test_nothing_executable_reaches_any_page(hostile_site):
    for path in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("article img, article script"), path
        handlers = [f"<{t.name} {a}>" for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
        assert not handlers, f"{path}: {handlers[:3]}"
        assert not [s for s in soup.find_all("script") if "alert(1)" in s.get_text()], path


@pytest.mark.parametrize(
    "where, path, selector, field",
    [
        ("page h1", "tipos/reactivo", "article h1", "title"),
        ("navigation", "tipos/reactivo", "nav.md-nav--primary .md-nav__link--active", "title"),
        ("browser title", "tipos/reactivo", "title", "title"),
        ("site name in header", "tipos/reactivo", ".md-header__topic .md-ellipsis", "site"),
        ("table of contents", "tipos/reactivo", "nav.md-nav--secondary a[href='#respuesta-rapida']", "technique"),
        ("characteristics", "tipos/reactivo", ".pb-list--characteristics li", "characteristic"),
        ("technique heading", "tipos/reactivo", "#respuesta-rapida", "technique"),
        ("process step", "tipos/reactivo", ".pb-list--process li", "step"),
        ("key element", "tipos/reactivo", ".pb-list--key-elements li", "key"),
        ("framework table", "", "article table tbody td", "name"),
        ("index", "", "article ol li a", "title"),
        ("principles", "", ".pb-principles li strong", "principle"),
        ("checklist phase", "checklist", "article h2", "phase"),
        ("checklist item", "checklist", ".pb-checklist label", "item"),
        ("case study", "casos-de-estudio", "article h2", "case"),
        ("objection", "objeciones", "article h2", "objection"),
        ("objection answer label", "objeciones", ".pb-objection__label strong", "label"),
        ("objection answer", "objeciones", ".pb-objection__answer", "answer"),
        ("objection answer's second line", "objeciones", ".pb-objection__answer", "second line"),
        ("session title", "sesiones/hostil", "article h1", "session"),
        ("session facilitator", "sesiones/hostil", ".pb-session-cover__facts dd", "facilitator"),
        ("session's support type", "sesiones/hostil", "article h2", "title"),
        ("session's checklist", "sesiones/hostil", ".pb-checklist label", "item"),
        ("role-play card's step", "sesiones/hostil", ".pb-card--rep li", "step"),
        ("role-play card's script line", "sesiones/hostil", ".pb-card__blanks li", "script"),
        ("self-check step", "sesiones/hostil", ".pb-question__choices li", "step"),
        ("self-check key element", "sesiones/hostil", ".pb-question__choices li", "key"),
        ("facilitator's answers", "sesiones/hostil", ".pb-answers li", "technique"),
    ],
)
def test_text_shows_as_typed(hostile_site, where, path, selector, field):
    found = texts(page(hostile_site, path).select(selector))
    assert any(mark(field) in text for text in found), f"{where}: {found[:3]}"


def test_script_keeps_the_text_and_the_placeholder(hostile_site):
    script = page(hostile_site, "tipos/reactivo").select_one(".pb-script code")
    assert f"- {mark('script')} [X]" in script.get_text()
    # `[a]` of the Markdown link in the hostile text is a bracketed blank too, and marked as one.
    assert [p.get_text() for p in script.select(".pb-script__placeholder")][:2] == ["[a]", "[X]"]


def test_search_index_holds_the_text_escaped_never_as_markup(hostile_site):
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [f"{doc['title']}\n{doc['text']}" for doc in index["docs"]]
    raw = "\n".join(entries)
    assert "<script>alert(1)" not in raw and "<img src=x" not in raw
    escaped = html.escape(HOSTILE, quote=False)  # the index holds HTML: text escaped once, as the page shows it
    for field in ["title", "characteristic", "step", "script", "item", "case"]:
        assert f"{escaped} §{field}" in raw, field


def test_the_printed_running_header_holds_the_title_as_text(hostile_site):
    """The title goes into a CSS string inside a <style> element: a `</style>` or a quote in it must end
    neither the string nor the element."""
    soup = BeautifulSoup((hostile_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    (style,) = soup.find_all("style", media="print")
    css = style.string
    header = re.search(r'@top-left \{ content: "((?:[^"\\]|\\.)*)";', css)
    assert header, css
    unescaped = re.sub(r"\\3c ", "<", re.sub(r'\\(["\\])', r"\1", header.group(1)))
    assert unescaped.startswith(mark("site").replace("\n", " "))
