"""The implementation checklist (data/checklist.yml): phases of items a reader ticks, kept in their browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .. import render
from ..errors import DataError
from ..models import Model, Playbook, Slug, Text
from ..reading.blocks import take
from ..reading.words import Icon, content_words, item_id, slug, unbold, unique
from ..sitemap import part_at
from .base import Ids, Kind, Loaded, SectionReader

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..site import Site


class ChecklistItem(Model):
    id: Slug
    text: Text


class ChecklistPhase(Model):
    id: Slug
    title: Text
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Model):
    """data/checklist.yml: the implementation checklist."""

    id: Slug
    title: Text
    icon: Text
    phases: Annotated[list[ChecklistPhase], Field(min_length=1)]


def checklist_page(site: Site, here: str) -> str:
    """The implementation checklist, phase by phase; its progress counts the phases of every page."""
    checklist = site.playbook.checklist
    parts = site.parts[KIND.key]
    return render.page(
        "checklist.md",
        site,
        here,
        parts=parts,
        part=part_at(parts, here),
        phase_ids=" ".join(phase.id for phase in checklist.phases),
        pdfs=site.pdf_links(here, "checklist"),
        item_count=sum(len(phase.items) for phase in checklist.phases),
    )


class ChecklistKind(Kind):
    key = "checklist"
    data = "checklist.yml"
    optional = True
    model = Checklist
    page = "checklist.md"
    per_page = 25
    import_required = "checklist"

    def title(self, playbook: Playbook) -> str:
        return playbook.checklist.title

    def items(self, playbook: Playbook) -> list:
        return playbook.checklist.phases

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        (one,) = loaded
        errors = []
        for i, phase in enumerate(one.value.phases):
            errors += ids.claim("phase", phase.id, one.doc, ("phases", i, "id"))
            items = Ids(ids.say)  # item ids are unique within their phase
            for j, item in enumerate(phase.items):
                errors += items.claim("item of this phase", item.id, one.doc, ("phases", i, "items", j, "id"))
        return errors

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"checklist_page": checklist_page}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        found = files.get(f"data/{self.data}")
        if not found:
            return []
        phases = found["phases"]
        return [(len(phases), "checklist_phase"), (sum(len(p["items"]) for p in phases), "checklist_item")]


def _detect(section: Section, reader: DocumentReader) -> bool:
    return any(t.kind == "check" for t in section.tokens)


def _read(section: Section, reader: DocumentReader) -> None:
    """The checklist: `### **Phase:**` headings, each followed by `- [ ] item`s."""
    title = reader.display_title(section.title)
    phases: list[dict[str, Any]] = []
    fallback = reader.ctx.say.import_words("fallback_ids")
    phase_ids: set[str] = set()
    tokens, i = section.tokens, 0
    while i < len(tokens):
        token = tokens[i]
        items, after = take(tokens, i + 1, "check")
        if token.kind == "heading" and token.level == 3 and items:
            phase_title = unbold(token.text)
            item_ids: set[str] = set()
            words = slug(phase_title).split("-")
            phases.append(
                {
                    # The phase's first word (`Pre-Implementación` → pre): ids key readers' saved ticks.
                    "id": unique(words[0], phase_ids, fallback["phase"]),
                    "title": phase_title,
                    "items": [
                        {"id": unique(item_id(t.text), item_ids, fallback["item"]), "text": t.text} for t in items
                    ],
                }
            )
            i = after
        else:
            reader.ctx.keep(token, title)
            i += 1
    if not phases:
        reader.ctx.warn(section.heading.line, "no_checklist_phase")
        return
    # The checklist's id keys readers' saved ticks: its title without the word "checklist" (implementacion).
    words = [w for w in content_words(title) if w != "checklist"]
    reader.results[KIND.key] = {
        "id": "-".join(words) or "checklist",
        "title": title,
        "icon": Icon(section.icon or reader.default_icon),
        "phases": phases,
    }


ChecklistKind.readers = (SectionReader("checklist", 20, _detect, _read),)
KIND = ChecklistKind()
