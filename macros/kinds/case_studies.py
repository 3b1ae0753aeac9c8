"""Case studies (data/case_studies.yml): each a situation, a strategy and a result, naming its support type."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .. import render
from ..errors import DataError
from ..models import Model, Playbook, Slug, Text, TextList, default_labels
from ..reading import techniques
from ..reading.blocks import Token, bold_label, take
from ..reading.words import Icon, fold, slug, unique
from ..sitemap import part_at
from . import support_types
from .base import Ids, Kind, Loaded, SectionReader

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..site import Site

ARROW = re.compile(r"\s*(?:→|->|⇒|=>)\s*")
"""In a case's title, between its support type and its result: `Soporte 24/7 → Cliente global satisfecho`."""


class CaseStudy(Model):
    id: Slug
    title: Text
    support_type: Slug
    situation: TextList
    strategy: TextList
    result: Text


class CaseStudies(Model):
    """data/case_studies.yml."""

    title: Text
    icon: Text
    cases: Annotated[list[CaseStudy], Field(min_length=1)]


def case_studies_page(site: Site, here: str) -> str:
    """The case studies, each linking to its support type."""
    parts = site.parts[KIND.key]
    types = {t.id: t for t in site.playbook.support_types}
    return render.page(
        "case_studies.md",
        site,
        here,
        parts=parts,
        part=part_at(parts, here),
        types=types,
        type_page=support_types.page_of,
    )


class CaseStudiesKind(Kind):
    key = "case_studies"
    data = "case_studies.yml"
    optional = True
    model = CaseStudies
    page = "casos-de-estudio.md"
    per_page = 25
    import_required = "case_studies"

    def title(self, playbook: Playbook) -> str:
        return playbook.case_studies.title

    def items(self, playbook: Playbook) -> list:
        return playbook.case_studies.cases

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        (one,) = loaded
        doc, errors = one.doc, []
        known_types, excused = ids.of("support type"), ids.excused("support type")
        for i, case in enumerate(one.value.cases):
            errors += ids.claim("case study", case.id, doc, ("cases", i, "id"))
            if case.support_type not in known_types and case.support_type not in excused:
                path = ("cases", i, "support_type")
                message = ids.say.unknown_support_type(case.support_type, known_types)
                errors.append(DataError(doc.name, doc.line_of(path), ids.say.place(path), message))
        return errors

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"case_studies_page": case_studies_page}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        found = files.get(f"data/{self.data}")
        return [(len(found["cases"]), "case_study")] if found else []


def _detect(section: Section, reader: DocumentReader) -> bool:
    return bool(reader.numbered_titles(section, "case"))


LIST_PARTS = {"situation": "bullet", "strategy": "numbered"}
"""A case's parts that are lists: a bold label alone on its line, then items of that kind (`- `, `1. `)."""


def _read(section: Section, reader: DocumentReader) -> None:
    """The case studies: `### **Caso N: Title**`, situation bullets, strategy steps, result."""
    title = reader.display_title(section.title)
    case_ids: set[str] = set()
    cases = techniques.numbered_blocks(
        reader, section, title, "case", lambda h, body: _case(reader, h, body, title, case_ids)
    )
    if not cases:
        reader.ctx.warn(section.heading.line, "no_case")
        return
    reader.results[KIND.key] = {"title": title, "icon": Icon(section.icon or reader.default_icon), "cases": cases}


def _case(
    reader: DocumentReader, heading: Token, body: list[Token], section: str, case_ids: set[str]
) -> dict[str, Any] | None:
    """One case study, with its support type read from its title (`Soporte X → Result`) or situation."""
    ctx = reader.ctx
    title = techniques.numbered_title(reader, heading, "case")
    lists: dict[str, list[str] | None] = dict.fromkeys(LIST_PARTS)
    result = None
    i = 0
    while i < len(body):
        token, found = body[i], bold_label(body[i])
        kind = body[i + 1].kind if i + 1 < len(body) else None
        part = None
        if found and not found[1]:  # a label alone on its line: a list part, when its items follow
            candidates = (name for name, block in LIST_PARTS.items() if kind == block and lists[name] is None)
            part = next((name for name in candidates if techniques.is_label(found[0], name, ctx.say.language)), None)
        if found and found[1] and result is None and techniques.is_label(found[0], "result", ctx.say.language):
            result = found[1]
            ctx.label("result", found[0])
            i += 1
        elif part:
            items, i = take(body, i + 1, LIST_PARTS[part])
            lists[part] = [item.text for item in items]
            ctx.label(part, found[0])
        else:
            ctx.keep(token, section)
            i += 1
    situation, strategy = lists["situation"], lists["strategy"]
    labels, examples = default_labels(ctx.say.language), ctx.say.import_words("case_examples")
    for name, value in (("situation", situation), ("strategy", strategy), ("result", result)):
        example = examples[name].format(label=labels[name])
        if value is None:
            ctx.warn(heading.line, "case_missing", title=title, part=labels[name].lower(), example=example)
    type_id = _support_type_of(title, situation or [], reader.support_types)
    if type_id is None:
        ctx.warn(heading.line, "case_no_type", title=title)
    if None in (situation, strategy, result, type_id):
        return None
    parts = ARROW.split(title, maxsplit=1)
    return {
        "id": unique(slug(parts[-1]), case_ids, ctx.say.import_words("fallback_ids")["case"]),
        "title": title,
        "support_type": type_id,
        "situation": situation,
        "strategy": strategy,
        "result": result,
    }


def _support_type_of(title: str, situation: list[str], types: list[dict[str, Any]]) -> str | None:
    """The support type a case names: before its arrow, else anywhere in its title or situation."""
    places = [ARROW.split(title, maxsplit=1)[0]] if ARROW.search(title) else []
    for text in places + [title, *situation]:
        padded = f"-{slug(text)}-"
        for support_type in types:
            if fold(support_type["title"]) == fold(text) or f"-{slug(support_type['name'])}-" in padded:
                return support_type["id"]
    return None


CaseStudiesKind.readers = (SectionReader("case_studies", 40, _detect, _read, phase=2),)
KIND = CaseStudiesKind()
