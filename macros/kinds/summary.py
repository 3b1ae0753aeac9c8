"""The executive summary (resumen/): the principles, the figures counted from the data, the closing quote.
Its text lives in data/playbook.yml (summary, principles, closing_quote), beside the playbook's title."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import render
from ..models import Model, Playbook, Text
from ..reading.blocks import FIGURE
from ..reading.words import Icon, fold, unbold
from .base import Kind, SectionReader

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..site import Site

PRINCIPLE = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*[-–—]\s*(?P<text>.+)$")
"""A principle in a document: `1. **Name** - sentence`."""


class Principle(Model):
    name: Text
    text: Text


class Summary(Model):
    title: Text
    icon: Text
    principles_title: Text


def counts(per_type: list[int], optimization: int, cases: int) -> dict[str, int | list[int]]:
    """What the footer counts, from the number of techniques of each support type and of the other kinds:
    the one count both the site's footer and the importer's check of a document's footer use."""
    return {
        "total_types": len(per_type),
        "techniques_per_type": sorted(set(per_type)),
        "complete_scripts": sum(per_type),
        "optimization_techniques": optimization,
        "case_studies": cases,
    }


def figures(playbook: Playbook) -> dict[str, str]:
    """The footer's figures (label key → figure), counted from the data (never typed in); only those of the
    kinds the playbook has."""
    counted = counts(
        [len(t.techniques) for t in playbook.support_types],
        len(playbook.optimization.techniques) if playbook.optimization else 0,
        len(playbook.case_studies.cases) if playbook.case_studies else 0,
    )
    found: dict[str, str] = {}
    if playbook.support_types:
        per_type = counted["techniques_per_type"]
        each = f"{per_type[0]} {playbook.info.labels.each}" if len(per_type) == 1 else f"{per_type[0]}–{per_type[-1]}"
        found["total_types"] = str(counted["total_types"])
        found["techniques_per_type"] = each
        found["complete_scripts"] = f"{counted['complete_scripts']}+"
    if playbook.optimization:
        found["optimization_techniques"] = str(counted["optimization_techniques"])
    if playbook.case_studies:
        found["case_studies"] = f"{counted['case_studies']}+"
    return found


def principles(site: Site, here: str) -> str:
    """The key principles, numbered."""
    if not (site.playbook.info.summary and site.playbook.info.principles):
        return ""
    return render.page("principles.md", site, here)


def closing_quote(site: Site, here: str) -> str:
    """The playbook's closing quote."""
    return render.page("closing_quote.md", site, here)


def playbook_footer(site: Site, here: str) -> str:
    """Version, date and the figures counted from the data."""
    return render.page("footer.md", site, here, lines=footer_lines(site.playbook))


def edition_lines(playbook: Playbook) -> list[tuple[str, str]]:
    """(label, value) of the version and the date, those the playbook gives."""
    info, labels = playbook.info, playbook.info.labels
    lines = [(labels.version, info.version)] if info.version else []
    return lines + ([(labels.last_updated, info.last_updated.isoformat())] if info.last_updated else [])


def footer_lines(playbook: Playbook) -> list[tuple[str, str]]:
    """(label, value) of the footer: the edition, then the figures."""
    labels = playbook.info.labels
    return edition_lines(playbook) + [(getattr(labels, key), value) for key, value in figures(playbook).items()]


def summary_page(site: Site, here: str) -> str:
    """The executive summary: principles, figures and the closing quote."""
    return render.page("summary.md", site, here, lines=footer_lines(site.playbook))


class SummaryKind(Kind):
    key = "summary"
    page = "resumen.md"
    import_required = "summary"

    def present(self, playbook: Playbook) -> bool:
        return playbook.info.summary is not None

    def title(self, playbook: Playbook) -> str:
        return playbook.info.summary.title

    def macros(self) -> dict[str, Callable[..., str]]:
        return {
            "principles": principles,
            "closing_quote": closing_quote,
            "playbook_footer": playbook_footer,
            "summary_page": summary_page,
        }

    def import_files(self, reader: DocumentReader, files: dict[str, Any]) -> dict[str, Any]:
        """No file of its own (its text is in playbook.yml); notes the footer's figures against the data."""
        _check_figures(reader, files)
        return {}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        principles = files["data/playbook.yml"].get("principles")
        return [(len(principles), "principle")] if principles else []


FIGURE_KEYS = ["total_types", "techniques_per_type", "complete_scripts", "optimization_techniques", "case_studies"]


def _check_figures(reader: DocumentReader, files: dict[str, Any]) -> None:
    """Note the footer figures: not imported (the site counts them), but a figure the data contradicts is noted."""
    ctx, footer = reader.ctx, reader.footer
    types = [v for k, v in files.items() if k.startswith("data/support_types/")]
    counted = counts(
        [len(t["techniques"]) for t in types],
        len(files.get("data/optimization.yml", {}).get("techniques", [])),
        len(files.get("data/case_studies.yml", {}).get("cases", [])),
    )
    per_type = counted["techniques_per_type"]
    counted["techniques_per_type"] = per_type[0] if len(per_type) == 1 else None
    found = [key for key in FIGURE_KEYS if key in footer]
    if found:
        listed = ", ".join(f"`{footer[k][1]}: {footer[k][2]}`" for k in found)
        ctx.notes.append(ctx.say.imports("footer_figures", listed=listed))
    for key in found:
        token, label, value = footer[key]
        match = FIGURE.match(value)
        if match and counted[key] is not None and int(match.group("low")) != counted[key]:
            said = ctx.say.imports("figure_mismatch", label=label, value=value, counted=counted[key])
            ctx.notes.append(f"{ctx.source}:{token.line}: {said}")


def _detect(section: Section, reader: DocumentReader) -> bool:
    """`1. **Name** - sentence` items under a heading that names principles (`### **Los 5 Principios Clave:**`):
    any other list of bold names is content."""
    word = fold(reader.ctx.say.imports("principles_word"))
    named = any(t.kind == "heading" and t.level == 3 and word in fold(t.text) for t in section.tokens)
    return named and any(t.kind == "numbered" and PRINCIPLE.match(t.text) for t in section.tokens)


def _read(section: Section, reader: DocumentReader) -> None:
    """The executive summary: its title, the principles' title and `1. **Name** - text` principles."""
    title = reader.display_title(section.title)
    principles_title, found = None, []
    for token in section.tokens:
        match = PRINCIPLE.match(token.text) if token.kind == "numbered" else None
        if match:
            found.append({"name": match.group("name").strip(), "text": match.group("text").strip()})
        elif token.kind == "heading" and token.level == 3 and principles_title is None:
            principles_title = unbold(token.text)
        else:
            reader.ctx.keep(token, title)
    if not found or principles_title is None:
        reader.ctx.warn(section.heading.line, "no_principles")
        return
    icon = Icon(section.icon or reader.default_icon)
    reader.info.update(summary={"title": title, "icon": icon, "principles_title": principles_title}, principles=found)


SummaryKind.readers = (SectionReader("summary", 50, _detect, _read),)
KIND = SummaryKind()
