"""Training sessions (data/sessions/<id>.yml): what a trainer covers in one session — support types,
techniques and whole parts of the playbook, named by their ids — with its date, facilitator, audience and
duration. Each gets a page under the trainers' entry (sesiones/<id>/) that is also its handout: a cover,
only the chosen parts, room for notes, practice material made from the data (practice.py) and the
facilitator's answers on a page of their own. `make pdf` prints each one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated

from markupsafe import Markup
from pydantic import Field

from .. import handout, practice, render
from ..errors import DataError
from ..models import Model, Playbook, Slug, Technique, Text
from .base import Ids, Kind, Loaded
from .pages import code_parts, free_page
from .support_types import support_type_page

if TYPE_CHECKING:
    from ..site import Site

SESSIONS_DIR = "sesiones"
WHOLE_PAGES = {
    "optimization": "optimization_page",
    "objections": "objections_page",
    "case_studies": "case_studies_page",
    "checklist": "checklist_page",
    "summary": "summary_page",
}
"""The kinds a session takes whole, named as their page is (`casos-de-estudio`), with the renderer of that page."""
OWN_ANCHORS = ("practica", "role-play", "autoevaluacion", "respuestas")
"""The session page's own sections (session.md)."""

SessionDate = Annotated[date, Field(strict=False, json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]


class Session(Model):
    """One file of data/sessions/: a training session."""

    id: Slug
    title: Text
    date: SessionDate | None = None
    facilitator: Text | None = None
    audience: Text | None = None
    duration: Text | None = None
    parts: Annotated[list[Slug], Field(min_length=1)]


def page_of(session_id: str) -> str:
    return f"{SESSIONS_DIR}/{session_id}.md"


def part_name(page: str) -> str:
    """What a session calls a whole part: its page's name (`casos-de-estudio.md` → `casos-de-estudio`)."""
    return PurePosixPath(page).stem


@dataclass(frozen=True)
class Part:
    """One part a session covers: how to render it for the session's page, and the techniques it teaches."""

    render: Callable[[Site, str], str]
    techniques: list[practice.Taught]
    shift: int = 1
    """How many levels its headings go down (its page's `#` title becomes a section of the session)."""


def parts_of(site: Site, session: Session) -> list[Part]:
    """The session's parts, in its order; a technique whose support type the session covers is not repeated."""
    playbook = site.playbook
    types = {t.id: t for t in playbook.support_types}
    rows = {row.technique.id: row for row in _technique_rows(playbook)}
    taken_types = {name for name in session.parts if name in types}
    whole = _whole_pages(playbook)
    found: list[Part] = []
    for name in dict.fromkeys(session.parts):
        if name in types:
            found.append(_support_type(types[name]))
        elif name in rows:
            row = rows[name]
            if row.filter_value not in taken_types:
                found.append(_technique(row))
        elif name in whole:
            found.append(_whole_page(playbook, whole[name]))
        else:
            found.append(Part(lambda site, here, name=name: free_page(site, here, name), []))
    return found


def _support_type(support_type) -> Part:
    return Part(
        lambda site, here: support_type_page(site, here, support_type.id),
        [(t, support_type.title, support_type.situations) for t in support_type.techniques],
    )


def _technique(row) -> Part:
    def rendered(site: Site, here: str) -> str:
        return render.page("session_technique.md", site, here, row=row, number=row.number)

    return Part(rendered, [(row.technique, row.group_title, row.situations)], shift=0)


def _whole_page(playbook: Playbook, kind: Kind) -> Part:
    renderer = kind.macros()[WHOLE_PAGES[kind.key]]
    if kind.key != "optimization":
        return Part(renderer, [])
    return Part(renderer, [(t, playbook.optimization.title, []) for t in playbook.optimization.techniques])


@dataclass(frozen=True)
class _Row:
    technique: Technique
    filter_value: str
    group_title: str
    number: int
    situations: list[str]


def _technique_rows(playbook: Playbook) -> list[_Row]:
    situations = {t.id: t.situations for t in playbook.support_types}
    return [
        _Row(row.technique, group.filter_value, group.title, number, situations.get(group.filter_value, []))
        for kind in playbook.kinds
        for group in kind.technique_groups(playbook)
        for number, row in enumerate(group.rows, start=1)
    ]


def _whole_pages(playbook: Playbook) -> dict[str, Kind]:
    """Part name → its kind, for the whole parts this playbook has."""
    return {part_name(k.page): k for k in playbook.kinds if k.key in WHOLE_PAGES and k.parts(playbook)}


HEADING = re.compile(r"^(#{1,5})(?=[ \t])", re.MULTILINE)
ANCHOR = re.compile(r"\{: #([A-Za-z0-9_-]+) \}")


def as_section(markdown: str, shift: int, prefix: str, taken: set[str]) -> str:
    """A part's page as a section of the session's page: what it has for the screen alone or for being
    printed alone goes (handout.py); its headings go `shift` levels down (never inside code, which keeps
    its text as typed); an anchor another part already has is prefixed with this part's name."""
    markdown = handout.page_for_handout(markdown)

    def lowered(text: str) -> str:
        return HEADING.sub(lambda m: m.group(1) + "#" * shift, text) if shift else text

    markdown = "".join(text if is_code else lowered(text) for text, is_code in code_parts(markdown))

    def unique(match: re.Match) -> str:
        anchor = match.group(1)
        if anchor in taken:
            anchor = f"{prefix}-{anchor}"
        taken.add(anchor)
        return f"{{: #{anchor} }}"

    return ANCHOR.sub(unique, markdown)


def session_page(site: Site, here: str, session_id: str) -> str:
    """One session: its cover, its parts, room for notes, practice material and the facilitator's answers."""
    session = next(s for s in site.playbook.sessions if s.id == session_id)
    taken = set(OWN_ANCHORS)
    parts = parts_of(site, session)
    sections = [
        Markup(as_section(part.render(site, here), part.shift, f"parte-{number}", taken))
        for number, part in enumerate(parts, start=1)
    ]
    techniques = [entry for part in parts for entry in part.techniques]
    material = practice.material(techniques, _all_key_elements(site.playbook))
    return render.page(
        "session.md",
        site,
        here,
        session=session,
        sections=sections,
        practice=material,
        pdfs=site.pdf_links(here, pdf_name(session.id)),
    )


def _all_key_elements(playbook: Playbook) -> list[str]:
    return [element for t in playbook.support_types for technique in t.techniques for element in technique.key_elements]


def pdf_name(session_id: str) -> str:
    """The session's handout among the PDFs `make pdf` prints (site.pdf_files)."""
    return f"session:{session_id}"


class Sessions(Kind):
    key = "sessions"
    data = "sessions/"
    model = Session
    item_macro = "session_page"
    item_name = "session"
    optional = True

    @property
    def schema_name(self) -> str:
        return "session.schema.json"

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.for_trainers

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        return []  # the home page's "Para formadores" leads to them

    def item_page(self, item_id: str) -> str:
        return page_of(item_id)

    def order(self, loaded: list[Loaded]) -> list[Loaded]:
        """By date (sessions without one last), then by id."""
        return sorted(loaded, key=lambda one: (one.value.date is None, one.value.date or date.min, one.value.id))

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        """Each part names a support type, a technique, a whole part the playbook has, or a free page."""
        errors = self.claim_files(loaded, ids)
        known = {
            **dict.fromkeys(ids.of("free page")),
            **dict.fromkeys(part_name(page) for key, page in ids.pages.items() if key in WHOLE_PAGES),
            **dict.fromkeys(ids.of("technique")),
            **dict.fromkeys(ids.of("support type")),
        }
        excused = ids.excused("support type") | ids.excused("free page")
        for one in loaded:
            for i, name in enumerate(one.value.parts):
                if name not in known and name not in excused:
                    path = ("parts", i)
                    message = ids.say.unknown_part(name, list(known))
                    errors.append(DataError(one.doc.name, one.doc.line_of(path), ids.say.place(path), message))
        return errors

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"session_page": session_page}


KIND = Sessions()
