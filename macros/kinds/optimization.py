"""Optimisation techniques (data/optimization.yml): techniques that improve any type of support."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .. import render
from ..errors import DataError
from ..models import Model, Playbook, Technique, Text
from ..reading import techniques
from ..reading.words import Icon
from ..sitemap import part_at
from .base import BrowserRow, Ids, Kind, Loaded, SectionReader, TechniqueGroup

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..site import Site

FILTER = "optimizacion"
"""The technique browser's filter value for the optimisation techniques (support types use their id)."""


class Optimization(Model):
    """data/optimization.yml: techniques that improve any type of support."""

    title: Text
    icon: Text
    techniques: Annotated[list[Technique], Field(min_length=1)]


def optimization_page(site: Site, here: str) -> str:
    """The optimisation techniques (of this page, when there are many)."""
    parts = site.parts[KIND.key]
    return render.page("optimization.md", site, here, parts=parts, part=part_at(parts, here), filter_value=FILTER)


class OptimizationKind(Kind):
    key = "optimization"
    data = "optimization.yml"
    optional = True
    model = Optimization
    page = "optimizacion.md"
    per_page = 20
    import_required = "optimization"

    def title(self, playbook: Playbook) -> str:
        return playbook.optimization.title

    def items(self, playbook: Playbook) -> list:
        return playbook.optimization.techniques

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        (one,) = loaded
        return [
            error
            for i, technique in enumerate(one.value.techniques)
            for error in ids.claim("technique", technique.id, one.doc, ("techniques", i, "id"))
        ]

    def technique_groups(self, playbook: Playbook) -> list[TechniqueGroup]:
        if not self.present(playbook):
            return []
        title = playbook.optimization.title
        rows = [
            BrowserRow(technique, FILTER, title, part.page) for part in self.parts(playbook) for technique in part.items
        ]
        return [TechniqueGroup(FILTER, title, rows, whole=False)]

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"optimization_page": optimization_page}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        found = files.get(f"data/{self.data}")
        return [(len(found["techniques"]), "optimization_technique")] if found else []


def _detect(section: Section, reader: DocumentReader) -> bool:
    return bool(reader.numbered_titles(section, "technique")) and any(t.kind == "code" for t in section.tokens)


def _read(section: Section, reader: DocumentReader) -> None:
    """The optimisation techniques: `### **Técnica N: Title**` with process and script."""
    title = reader.display_title(section.title)
    found = techniques.numbered_blocks(
        reader,
        section,
        title,
        "technique",
        lambda h, body: techniques.read(reader, h, body, title, with_key_elements=False),
    )
    if not found:
        reader.ctx.warn(section.heading.line, "no_optimization_technique")
        return
    reader.results[KIND.key] = {"title": title, "icon": Icon(section.icon or reader.default_icon), "techniques": found}


OptimizationKind.readers = (SectionReader("optimization", 30, _detect, _read),)
KIND = OptimizationKind()
