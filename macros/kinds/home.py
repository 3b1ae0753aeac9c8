"""The home page and data/playbook.yml: title, version, the framework table of the support types, the index."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .. import render
from ..models import Labels, Model, Playbook, Slug, Text, default_labels
from ..reading import dump
from ..reading.blocks import is_table_rule, table_cells
from ..reading.words import Icon, fold, slug, split_icon, unbold
from ..sitemap import HOME
from . import guide, sessions, support_types
from .base import Kind, SectionReader
from .summary import Principle, Summary

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..messages import Messages
    from ..site import Site

FRAMEWORK_ANCHOR = "framework-soporte"
INDEX_ENTRY = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<target>[^)]*)\)$")
"""An entry of the document's index: `[Title](#anchor)`."""


class FrameworkColumns(Model):
    name: Text
    main_concern: Text
    main_technique: Text
    focus: Text


class Framework(Model):
    title: Text
    icon: Text
    table_title: Text
    columns: FrameworkColumns


class PlaybookInfo(Model):
    """data/playbook.yml: title, version, principles and the interface labels it changes. Only the id, the
    title and the icon are required: a playbook imported from a document that has no framework table, no
    summary or no closing quote simply shows none."""

    id: Slug
    title: Text
    icon: Text
    subtitle: Text | None = None
    short_title: Text | None = None
    version: Text | None = None
    # YAML reads 2025-01-27 as a date; a quoted "2025-01-27" is accepted too.
    last_updated: Annotated[date, Field(strict=False, json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})] | None = (
        None
    )
    framework: Framework | None = None
    summary: Summary | None = None
    principles: list[Principle] = []
    closing_quote: Text | None = None
    closing_icons: Text | None = None
    labels: Labels = Labels()


def home_header(site: Site, here: str) -> str:
    """Title and subtitle of the playbook, and where to start: the decision guide for a rep on a call, the
    checklist and the handout for a trainer."""
    pages = {kind.key: kind.page if site.parts[kind.key] else None for kind in site.playbook.kinds}
    handout = None
    if site.handout_url:  # a folder's address keeps its slash (relpath drops it)
        handout = posixpath.relpath(site.handout_url, posixpath.dirname(here) or ".")
        handout += "/" if site.handout_url.endswith("/") else ""
    # The guide's first step, when it fits on one page: what is happening on the call, one tap from its situations.
    guide_parts = site.parts[guide.KIND.key]
    happening = guide_parts[0].items if len(guide_parts) == 1 else []
    pdfs = site.pdf_links(here, "handout")
    return render.page(
        "home_header.md",
        site,
        here,
        pages=pages,
        handout=handout,
        pdfs=pdfs,
        happening=happening,
        session_page=sessions.page_of,
    )


def playbook_index(site: Site, here: str) -> str:
    """A link into every part of the playbook."""
    entries = [entry for kind in site.playbook.kinds for entry in kind.index_entries(site)]
    return render.page("index.md", site, here, entries=entries)


def framework_table(site: Site, here: str) -> str:
    """The framework table: one row per support type, each linking to its page."""
    if not (site.playbook.info.framework and site.playbook.support_types):
        return ""
    return render.page("framework.md", site, here, anchor=FRAMEWORK_ANCHOR, type_page=support_types.page_of)


class Home(Kind):
    key = "info"
    data = "playbook.yml"
    model = PlaybookInfo
    page = HOME
    import_required = "framework"

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.home

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        framework = site.playbook.info.framework
        return [(framework.title, HOME, FRAMEWORK_ANCHOR)] if framework and site.playbook.support_types else []

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"home_header": home_header, "playbook_index": playbook_index, "framework_table": framework_table}

    def import_files(self, reader: DocumentReader, files: dict[str, Any]) -> dict[str, Any]:
        info = {name: reader.info[name] for name in PlaybookInfo.model_fields if name in reader.info}
        defaults = default_labels(reader.ctx.say.language)
        labels = {key: text for key, text in reader.ctx.labels.items() if text != defaults[key]}
        if labels:
            info["labels"] = {key: labels[key] for key in defaults if key in labels}
        return {f"data/{self.data}": info}

    def dump(self, value: dict[str, Any], say: Messages) -> str:
        """data/playbook.yml with comments for its author, in the playbook's language."""
        written = say.import_words("playbook_comments")
        comments = {key: written[key].format(language=say.language) for key in ("id", "labels")}
        end = "" if "labels" in value else written["no_labels"].format(language=say.language)
        return dump.data_file(value, f"../schemas/{self.schema_name}", comments, end)


def _detect_framework(section: Section, reader: DocumentReader) -> bool:
    """A four-column table most of whose rows name other sections of the document (`| **Reactivo** | …` and
    `## SOPORTE REACTIVO`): any other table is content (a table of channels one of which has a section)."""
    own = f"-{slug(section.heading.text)}-"
    titles = [f"-{slug(t.text)}-" for t in reader.tokens if t.kind == "heading" and t.level == 2]
    rows = [table_cells(t) for t in section.tokens if t.kind == "table" and not is_table_rule(t)][1:]
    names = [slug(cells[0]) for cells in rows if cells and slug(cells[0])]
    naming = [name for name in names if any(f"-{name}-" in title for title in titles if title != own)]
    header = next((table_cells(t) for t in section.tokens if t.kind == "table"), [])
    return len(header) == 4 and bool(naming) and len(naming) * 2 >= len(names)


def _detect_index(section: Section, reader: DocumentReader) -> bool:
    return any(t.kind == "numbered" and INDEX_ENTRY.match(t.text) for t in section.tokens)


def _read_index(section: Section, reader: DocumentReader) -> None:
    """The ÍNDICE: its entries give the sections' titles as the author spells them."""
    reader.ctx.label("index", reader.display_title(section.title))
    titles = {fold(split_icon(t.text)[1]) for t in reader.tokens if t.kind == "heading" and t.level == 2}
    for token in section.tokens:
        match = INDEX_ENTRY.match(token.text) if token.kind == "numbered" else None
        if match and fold(match.group("text")) in titles:  # the site's navigation names that section
            reader.index_titles.setdefault(fold(match.group("text")), match.group("text").strip())
        else:  # an entry for a section the document does not have stays, as written, on a free page
            reader.ctx.keep(token, section.title)


def _read_framework(section: Section, reader: DocumentReader) -> None:
    """The framework title, its table's title and columns, and the table's rows (one per support type)."""
    ctx = reader.ctx
    title = reader.display_title(section.title)
    table_title, header, rows = None, None, []
    for token in section.tokens:
        if token.kind == "heading" and token.level == 3 and table_title is None:
            table_title = unbold(token.text)
        elif token.kind == "table" and is_table_rule(token):
            continue
        elif token.kind == "table" and header is None:
            header = token
        elif token.kind == "table":
            rows.append((token, table_cells(token)))
        else:
            ctx.keep(token, title)
    if header is None:
        ctx.warn(section.heading.line, "framework_no_table")
        return
    columns = table_cells(header)
    if len(columns) != 4:
        ctx.warn(header.line, "framework_columns", count=len(columns))
        return
    for token, cells in rows:
        if len(cells) != 4 or not all(cells):
            ctx.warn(token.line, "framework_row_cells", count=len([c for c in cells if c]))
    if table_title is None:
        ctx.warn(section.heading.line, "framework_no_table_title")
    reader.framework_section = section
    reader.info["framework"] = {
        "title": title,
        "icon": Icon(section.icon or reader.default_icon),
        "table_title": table_title or "",
        "columns": dict(zip(["name", "main_concern", "main_technique", "focus"], columns)),
    }
    reader.rows = [(t, c) for t, c in rows if len(c) == 4]


Home.readers = (
    SectionReader("framework", 0, _detect_framework, _read_framework, phase=0),
    SectionReader("index", 60, _detect_index, _read_index, phase=0, once=False),
)
KIND = Home()
