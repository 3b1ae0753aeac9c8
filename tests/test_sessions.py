"""Issue 28: a trainer's session as data (data/sessions/<id>.yml) — its page holds exactly its parts, with
role-play cards and a self-check made from the playbook's own techniques, and the answers apart."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import article, built_copy, check, edit_line
from macros.loader import load_playbook

MIXED = {
    "id": "mezcla",
    "title": "Premium y respuesta rápida",
    "date": "2026-12-20",
    "facilitator": "Ana Pérez",
    "audience": "Agentes nuevos",
    "duration": "90 minutos",
    # experiencia-premium is a technique of premium: printed once, with its type
    "parts": ["premium", "respuesta-rapida", "experiencia-premium", "checklist", "casos-de-estudio"],
}
TWO_TYPES = {"id": "dos-tipos", "title": "Reactivo y proactivo", "parts": ["reactivo", "proactivo"]}


def add_sessions(project):
    for session in (MIXED, TWO_TYPES):
        path = project / "data" / "sessions" / f"{session['id']}.yml"
        path.write_text(yaml.safe_dump(session, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project, site = built_copy(tmp_path_factory, "sessions", add_sessions)
    return load_playbook(project / "data"), site


def words(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).replace("¶", "").strip()


def techniques_of(playbook, session):
    """Every technique the session covers, from the data: its support types' and those it names."""
    types = {t.id: t for t in playbook.support_types}
    found = [t for name in session["parts"] if name in types for t in types[name].techniques]
    every = {t.id: t for s in playbook.support_types for t in s.techniques}
    return found + [every[n] for n in session["parts"] if n in every and every[n] not in found]


def test_the_page_holds_exactly_the_sessions_parts_in_its_order(built):
    playbook, site = built
    page = article(site, "sesiones/mezcla")
    premium = next(t for t in playbook.support_types if t.id == "premium")
    quick = next(t for s in playbook.support_types for t in s.techniques if t.id == "respuesta-rapida")
    sections = [words(h) for h in page.select("h2")]
    expected = [premium.title, quick.title, playbook.checklist.title, playbook.case_studies.title, "Práctica"]
    assert len(sections) == len(expected) + 1  # and the facilitator's answers
    assert all(title in section for title, section in zip(expected, sections)), sections
    headings = [words(h) for h in page.select("h2, h3, h4")]
    for support_type in playbook.support_types:
        if support_type.id != "premium":
            assert not [h for h in headings if h == support_type.title or h.endswith(f" {support_type.title}")]
            others = [t.title for t in support_type.techniques if t.id != "respuesta-rapida"]
            assert not [h for h in headings if h.split(": ", 1)[-1] in others]
    assert [h for h in headings if "Experiencia Premium" in h] == ["Técnica 1: Experiencia Premium"]


def test_the_cover_names_the_session_its_date_facilitator_audience_and_duration(built):
    _, site = built
    page = article(site, "sesiones/mezcla")
    assert words(page.select_one("h1")) == MIXED["title"]
    facts = {words(d.select_one("dt")): words(d.select_one("dd")) for d in page.select(".pb-session-cover__facts div")}
    assert facts == {
        "Fecha": MIXED["date"],
        "Facilitador": MIXED["facilitator"],
        "Participantes": MIXED["audience"],
        "Duración": MIXED["duration"],
    }
    assert "Participante:" in words(page.select_one(".pb-session-cover__participant"))


def test_two_support_types_on_one_page_keep_every_id_unique(built):
    _, site = built
    page = article(site, "sesiones/dos-tipos")
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(page.select("h2")) == 2 + 2  # the two types, the practice, the answers


def test_each_technique_gets_a_customer_card_and_a_rep_card_from_its_data(built):
    playbook, site = built
    page = article(site, "sesiones/mezcla")
    techniques = techniques_of(playbook, MIXED)
    pairs = page.select(".pb-roleplay")
    assert len(pairs) == len(techniques)
    for pair, technique in zip(pairs, techniques):
        rep = pair.select_one(".pb-card--rep")
        assert technique.title in words(rep)
        assert [words(li) for li in rep.select("ol li")] == technique.process
        blanks = [words(span) for span in rep.select(".pb-card__blank")]
        assert blanks and all(re.fullmatch(r"\[[^\]]+\]", blank) for blank in blanks)
        assert [words(li) for li in pair.select(".pb-card--customer li")] == technique.situations


def test_the_self_check_asks_each_process_in_order_and_each_techniques_key_elements(built):
    """The steps are shuffled and the answers put them back in the process's order; the key elements are
    mixed with other techniques' and the answers pick exactly them."""
    playbook, site = built
    page = article(site, "sesiones/mezcla")
    techniques = techniques_of(playbook, MIXED)
    questions = page.select(".pb-question")
    answers = [words(li) for li in page.select(".pb-answers li")]
    assert len(questions) == len(answers) == 2 * len(techniques)
    for question, answer, (technique, ordered) in zip(
        questions, answers, [(t, ordered) for t in techniques for ordered in (True, False)]
    ):
        choices = dict(re.match(r"(\w+)\. (.+)", words(li)).groups() for li in question.select("li"))
        assert technique.title in answer
        letters = answer.rsplit(": ", 1)[1].split(", ")
        if ordered:
            assert list(choices.values()) != technique.process
            assert [choices[letter] for letter in letters] == technique.process
        else:
            assert len(choices) > len(technique.key_elements)
            assert sorted(choices[letter] for letter in letters) == sorted(technique.key_elements)


def test_the_answers_come_after_the_questions_under_their_own_title(built):
    _, site = built
    page = article(site, "sesiones/mezcla")
    titles = [words(h) for h in page.select("h2, h3")]
    assert titles.index("Autoevaluación") < titles.index("Respuestas para el facilitador") == len(titles) - 1


def test_the_trainers_entry_and_the_home_page_lead_to_each_session(built):
    _, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    for session in (MIXED, TWO_TYPES):
        assert f'href="sesiones/{session["id"]}/"' in home
    nav = BeautifulSoup(home, "html.parser").select_one(".md-nav--primary")
    section = next(item for item in nav.select("li.md-nav__item--section") if "Para formadores" in words(item))
    links = [a["href"] for a in section.select("a")]
    # by date, a session without one last
    assert links.index("sesiones/mezcla/") < links.index("sesiones/dos-tipos/") == len(links) - 1


def test_sessions_stay_out_of_search_and_of_the_whole_handout(built):
    _, site = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("sesiones/")]
    handout = BeautifulSoup((site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    printed = words(handout.select_one("#print-site-page"))
    assert MIXED["title"] not in printed and not handout.select(".pb-roleplay")
    assert "Para formadores" not in printed, "no section title alone on a sheet"
    assert not handout.select("[title='Permanent link']"), "print-site's sections speak Spanish too"


@pytest.mark.parametrize(
    "part, expected",
    [
        (
            "premiun",
            "data/sessions/s.yml:5: parte 2: ningún tipo de soporte, técnica, parte ni página libre"
            " se llama `premiun` — ¿quería decir `premium`?",
        ),
        (
            "objeciones",
            "data/sessions/s.yml:5: parte 2: ningún tipo de soporte, técnica, parte ni página libre"
            " se llama `objeciones` — use ids como estos:",
        ),
    ],
)
def test_a_part_nobody_has_is_one_spanish_line_with_its_place(project, part, expected):
    """The seed has no objections: `objeciones` names no page of this playbook."""
    text = f"id: s\ntitle: Sesión\nparts:\n  - premium\n  - {part}\n"
    (project / "data" / "sessions" / "s.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(expected), result.stderr


def test_a_date_written_the_spanish_way_is_explained(project):
    text = "id: s\ntitle: Sesión\ndate: 15/12/2026\nparts:\n  - premium\n"
    (project / "data" / "sessions" / "s.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("data/sessions/s.yml:3: date: se esperaba una fecha"), result.stderr


def test_a_broken_checklist_is_reported_once_not_again_by_the_session_naming_it(project):
    line = edit_line(project, "data/checklist.yml", "  - id: pre\n", "  - id: Pre\n")
    result = check(project)
    assert [row.split(" ")[0] for row in result.stderr.splitlines()[:-1]] == [f"data/checklist.yml:{line}:"]
