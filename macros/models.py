"""The playbook's data model: one pydantic model per data file, nothing from MkDocs."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Strict: a YAML boolean or number never silently becomes text (unquoted `no`, `010`, `12:30`).
# Frozen: validated data is never edited after loading.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

Text = Annotated[
    str,
    # The pattern repeats "not blank" for editors: the schema knows no stripping, so without `\S` it would
    # accept "   ", which the build refuses.
    StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\r\n]*\S[^\r\n]*$"),
]
"""One line of plain text, shown literally (no Markdown, no HTML)."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable id: lowercase letters, digits and single hyphens (`respuesta-rapida`)."""

TextList = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    model_config = STRICT


class ScriptSection(Model):
    heading: Text
    lines: TextList


class Script(Model):
    opening: Text
    sections: Annotated[list[ScriptSection], Field(min_length=1)]
    closing: Text


class Technique(Model):
    id: Slug
    title: Text
    process: TextList
    script: Script


class SupportTechnique(Technique):
    key_elements: TextList


class SupportType(Model):
    """One file of data/support_types/: a type of support and its techniques."""

    id: Slug
    order: int
    name: Text
    title: Text
    icon: Text
    main_concern: Text
    main_technique: Text
    focus: Text
    characteristics: TextList
    techniques: Annotated[list[SupportTechnique], Field(min_length=1)]


class Optimization(Model):
    """data/optimization.yml: techniques that improve any type of support."""

    title: Text
    icon: Text
    techniques: Annotated[list[Technique], Field(min_length=1)]


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


class Principle(Model):
    name: Text
    text: Text


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


class Summary(Model):
    title: Text
    icon: Text
    principles_title: Text


class Labels(Model):
    """Interface text that is not Material's own, so another language needs no code change."""

    home: Text
    index: Text
    support_types: Text
    characteristics: Text
    techniques: Text
    technique: Text
    process: Text
    script: Text
    key_elements: Text
    case: Text
    situation: Text
    strategy: Text
    result: Text
    see_support_type: Text
    version: Text
    last_updated: Text
    total_types: Text
    techniques_per_type: Text
    each: Text
    complete_scripts: Text
    optimization_techniques: Text
    case_studies: Text
    progress: Text
    reset: Text
    reset_confirm: Text
    personalize: Text
    personalize_hint: Text
    preview: Text
    copy_script: Text
    copied: Text
    copy_failed: Text
    clear: Text
    browser_title: Text
    browser_intro: Text
    filter_text: Text
    filter_type: Text
    all_types: Text
    first_step: Text
    showing: Text
    no_match: Text
    see_all_of_type: Text
    pages: Text
    print: Text
    handout: Text
    contents: Text
    participant: Text
    date: Text
    team: Text
    facilitator: Text


class PlaybookInfo(Model):
    """data/playbook.yml: title, version, principles and interface labels."""

    id: Slug
    title: Text
    icon: Text
    subtitle: Text
    version: Text
    # YAML reads 2025-01-27 as a date; a quoted "2025-01-27" is accepted too.
    last_updated: Annotated[date, Field(strict=False)]
    framework: Framework
    summary: Summary
    principles: Annotated[list[Principle], Field(min_length=1)]
    closing_quote: Text
    closing_icons: Text
    labels: Labels


class Playbook(Model):
    """Everything in data/, validated together."""

    info: PlaybookInfo
    support_types: list[SupportType]
    optimization: Optimization
    case_studies: CaseStudies
    checklist: Checklist
