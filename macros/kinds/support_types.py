"""Support types: one file per type in data/support_types/, one generated page each (tipos/<id>/)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .. import render
from ..errors import DataError
from ..models import Model, Order, Playbook, Slug, Technique, Text, TextList
from ..reading import scripts, techniques
from ..reading.blocks import NUMBERED_TITLE, Token, bold_label, take
from ..reading.words import BOLD_LINE, Icon, fold, slug, split_icon, unbold, unique, without_markup
from .base import BrowserRow, Ids, Kind, Loaded, SectionReader, TechniqueGroup

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..messages import Messages
    from ..site import Site

PAGES_DIR = "tipos"
FRAMEWORK_ROW = ("main_concern", "main_technique", "focus")
NAV_GROUP_SIZE = 25
"""Past this many support types the navigation groups them (see SupportTypes.navigation)."""


class SupportTechnique(Technique):
    key_elements: TextList = []


class SupportType(Model):
    """One file of data/support_types/: a type of support and its techniques."""

    id: Slug
    order: Order
    name: Text
    title: Text
    icon: Text
    main_concern: Text = ""
    main_technique: Text = ""
    focus: Text = ""
    """Its row of the framework table, all three or none (a family of situations in a playbook of scripts)."""
    situations: list[Text] = []
    """When this type of support applies, in the words of a call."""
    synonyms: list[Text] = []
    characteristics: TextList = []
    techniques: Annotated[list[SupportTechnique], Field(min_length=1)]


def page_of(type_id: str) -> str:
    """The generated page of one support type."""
    return f"{PAGES_DIR}/{type_id}.md"


def groups(playbook: Playbook) -> list[tuple[str, list[SupportType]]]:
    """The support types in groups of NAV_GROUP_SIZE, each named "first – last" by the types' names."""
    types = playbook.support_types
    chunks = [types[start : start + NAV_GROUP_SIZE] for start in range(0, len(types), NAV_GROUP_SIZE)]
    return [(f"{group[0].name} – {group[-1].name}", group) for group in chunks]


def support_type_page(site: Site, here: str, type_id: str) -> str:
    """The whole page of one support type."""
    support_type = next(t for t in site.playbook.support_types if t.id == type_id)
    return render.page("support_type.md", site, here, support_type=support_type)


class SupportTypes(Kind):
    key = "support_types"
    data = "support_types/"
    optional = True
    model = SupportType
    item_macro = "support_type_page"
    item_name = "support type"

    @property
    def schema_name(self) -> str:
        return "support_type.schema.json"

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.support_types

    def navigation(self, site: Site, title: Callable[[str], str]) -> dict | None:
        """One entry per support type; past NAV_GROUP_SIZE, sub-sections of that many named "first – last".

        With navigation.prune, each page then carries only its own group's links: at 500 types a flat
        list made every page ~150 KiB of navigation (bench/VARIANTS.md).
        """
        playbook = site.playbook

        def entries(types: list[SupportType]) -> list[dict]:
            return [{title(t.title): page_of(t.id)} for t in types]

        if not playbook.support_types:
            return None
        if len(playbook.support_types) <= NAV_GROUP_SIZE:
            return {title(self.title(playbook)): entries(playbook.support_types)}
        return {title(self.title(playbook)): [{title(name): entries(group)} for name, group in groups(playbook)]}

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        playbook = site.playbook
        if len(playbook.support_types) > NAV_GROUP_SIZE:
            label = playbook.info.labels.support_types
            return [(f"{label}: {name}", page_of(group[0].id), None) for name, group in groups(playbook)]
        return [(t.title, page_of(t.id), None) for t in playbook.support_types]

    def item_page(self, item_id: str) -> str:
        return page_of(item_id)

    def order(self, loaded: list[Loaded]) -> list[Loaded]:
        return sorted(loaded, key=lambda one: (one.value.order, one.value.id))

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        errors = self.claim_files(loaded, ids)
        for one in loaded:
            for i, technique in enumerate(one.value.techniques):
                errors += ids.claim("technique", technique.id, one.doc, ("techniques", i, "id"))
            written = [name for name in FRAMEWORK_ROW if getattr(one.value, name)]
            for name in FRAMEWORK_ROW if written else ():  # a row half written lost a field by mistake
                if name not in written:
                    message = ids.say.say("missing_field", name=name)
                    errors.append(DataError(one.doc.name, one.doc.line_of(()), ids.say.place((name,)), message))
        return errors

    def notices(self, loaded: list[Loaded], say: Messages) -> list[DataError]:
        """A situation written twice (a type copied with its techniques' situations): it would lead the guide
        and search to both. Told on the more recently changed file, like a repeated id."""
        first: dict[str, tuple[Loaded, tuple]] = {}
        found = []
        for one in sorted(loaded, key=lambda one: one.doc.mtime):
            places = [(("situations", i), text) for i, text in enumerate(one.value.situations)]
            places += [
                (("techniques", t, "situations", i), text)
                for t, technique in enumerate(one.value.techniques)
                for i, text in enumerate(technique.situations)
            ]
            for path, text in places:
                key = " ".join(text.casefold().split())
                if key not in first:
                    first[key] = (one, path)
                    continue
                where, at = first[key]
                message = say.say("duplicate_situation", text=text, first=f"{where.doc.name}:{where.doc.line_of(at)}")
                found.append(DataError(one.doc.name, one.doc.line_of(path), say.place(path), message))
        return found

    def present(self, playbook: Playbook) -> bool:
        return bool(playbook.support_types)

    def technique_groups(self, playbook: Playbook) -> list[TechniqueGroup]:
        return [
            TechniqueGroup(
                t.id,
                t.title,
                [BrowserRow(technique, t.id, t.title, page_of(t.id), t.focus) for technique in t.techniques],
                whole=True,
            )
            for t in playbook.support_types
        ]

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"support_type_page": support_type_page}

    # -- the importer

    def after_reading(self, reader: DocumentReader) -> None:
        framework = reader.info.get("framework", {}).get("title", "")
        if framework and not reader.support_types:  # a table of no type: the site shows it as it is written
            reader.ctx.tell(reader.last_line, "no_types_read")
            section = reader.framework_section
            kept_by_it = {section.title, framework}
            reader.ctx.unmapped = [block for block in reader.ctx.unmapped if block["section"] not in kept_by_it]
            for token in [section.heading, *section.tokens]:
                reader.ctx.keep(token, section.title)
            del reader.info["framework"]
            reader.section_pages.pop(slug(section.title), None)
            return
        for i, (token, cells) in enumerate(reader.rows):
            if i not in reader.used_rows:  # a row with no section of its own: nothing is dropped silently
                reader.ctx.tell(token.line, "row_without_section", name=cells[0])
                reader.ctx.keep(token, framework)

    def import_files(self, reader: DocumentReader, files: dict[str, Any]) -> dict[str, Any]:
        return {f"data/{self.data}{t['id']}.yml": t for t in reader.support_types}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        types = [value for path, value in files.items() if path.startswith(f"data/{self.data}")]
        if not types:
            return []
        return [(len(types), "support_type"), (sum(len(t["techniques"]) for t in types), "technique")]


def _detect(section: Section, reader: DocumentReader) -> bool:
    return any(t.level == 4 for t in reader.numbered_titles(section, "technique"))


def _detect_by_name(section: Section, reader: DocumentReader) -> bool:
    """A type's section whose techniques are missing (reported as such), told by its framework row."""
    return reader.row_for(section.title) is not None


def _read(section: Section, reader: DocumentReader) -> None:
    """One `## <icon> SOPORTE X` section: characteristics and techniques, with its framework row."""
    row = reader.row_for(section.title)
    if row is None:
        reader.ctx.warn(section.heading.line, "type_no_row", title=reader.display_title(section.title))
        return
    reader.used_rows.add(row)
    names = reader.type_names
    type_id = unique(slug(names[row]), reader.type_ids, reader.ctx.say.import_words("fallback_ids")["type"])
    support_type = _support_type(section, reader, reader.rows[row][1], len(reader.support_types) + 1, type_id)
    if support_type:
        reader.support_types.append(support_type)
        reader.section_pages[slug(section.title)] = page_of(type_id)


def _support_type(
    section: Section, reader: DocumentReader, row: list[str], order: int, type_id: str
) -> dict[str, Any] | None:
    ctx = reader.ctx
    title = reader.display_title(section.title)
    tokens, characteristics, found, i = section.tokens, None, [], 0
    situations: list[str] = []
    synonyms: list[str] = []
    while i < len(tokens):
        token = tokens[i]
        label = bold_label(token)
        # **También se dice:** a, b
        if label and label[1] and techniques.is_label(label[0], "synonyms", ctx.say.language):
            synonyms = techniques.comma_list(label[1])
            ctx.label("synonyms", label[0])
            i += 1
        elif (
            token.kind == "heading"
            and token.level == 3
            and techniques.is_label(unbold(token.text), "when_to_use", ctx.say.language)
        ):
            bullets, i = take(tokens, i + 1, "bullet")  # ### **Cuándo usarlo:** then `- ` situations
            situations = [b.text for b in bullets]
            ctx.label("when_to_use", unbold(token.text))
        elif token.kind == "heading" and NUMBERED_TITLE.match(unbold(token.text)):
            technique, i = techniques.numbered_block(
                reader,
                tokens,
                i,
                title,
                "technique",
                lambda heading, body: techniques.read(reader, heading, body, title, with_key_elements=True),
            )
            if technique:
                found.append(technique)
        elif token.kind == "heading" and token.level == 3:
            bullets, after = take(tokens, i + 1, "bullet")
            if bullets and characteristics is None:
                ctx.label("characteristics", unbold(token.text))
                characteristics = [b.text for b in bullets]
            elif not bullets and techniques.opens_techniques(tokens, i):
                # "Técnicas y Scripts", repeated by every support type: the first one is the label.
                ctx.label("techniques", unbold(token.text))
            else:
                for kept in tokens[i:after]:
                    ctx.keep(kept, title)
            i = after
        else:
            ctx.keep(token, title)
            i += 1
    if not characteristics:
        ctx.warn(section.heading.line, "type_no_characteristics", title=title)
    if not found:
        ctx.warn(section.heading.line, "type_no_techniques", title=title)
    if not characteristics or not found:
        return None
    return {
        "id": type_id,
        "order": order,
        "name": row[0],
        "title": title,
        "icon": Icon(section.icon or reader.default_icon),
        "main_concern": row[1],
        "main_technique": row[2],
        "focus": row[3],
        **({"situations": situations} if situations else {}),
        **({"synonyms": synonyms} if synonyms else {}),
        "characteristics": characteristics,
        "techniques": found,
    }


def _detect_scripts(section: Section, reader: DocumentReader) -> bool:
    """Scripts by situation: `####` headings under families, or `###` headings, at least half of them over what
    is said (a labelled, quoted code block; a list of phrases in quotes); or at least two messages, each a bold
    name over a quote (`**Bienvenida A**` then `> ¡Hola! …`). A section of phases where one phase lists
    questions to ask is not a collection of scripts."""
    tokens = section.tokens
    headings = sum(1 for t in tokens if t.kind == "heading" and t.level == 3)
    mostly_said = 2 * len(scripts.situations(tokens, 3)) >= headings > 0
    return bool(mostly_said or scripts.situations(tokens, 4) or len(scripts.quoted_runs(tokens)) > 1)


def _read_scripts(section: Section, reader: DocumentReader) -> None:
    """A section of scripts by situation. Situations under `####` headings: each `###` family holding some is a
    support type, and the section's title names the menu's section of types. Otherwise the section is one
    support type. Anything else goes to the free page of its part, as written."""
    tokens, title = section.tokens, reader.display_title(section.title)
    if not scripts.situations(tokens, 4):
        type_id = _scripted_type(reader, section.heading, tokens)
        reader.section_pages[slug(section.title)] = page_of(type_id)
        return
    reader.ctx.label("support_types", title)
    i = 0
    while i < len(tokens):
        end = scripts.heading_ends(tokens, i) if tokens[i].kind == "heading" and tokens[i].level == 3 else i + 1
        family = tokens[i:end]
        if end > i + 1 and scripts.situations(family, 4):
            _scripted_type(reader, family[0], family[1:])
        else:
            for token in family:
                reader.ctx.keep(token, title)
        i = end


def _scripted_type(reader: DocumentReader, heading: Token, tokens: list[Token]) -> str:
    """One support type of scripted situations, named by its heading; its id. Its situations are its headings
    over code blocks (the deepest level that has some), or else its named messages."""
    icon, raw = split_icon(without_markup(heading.text))  # `### **🚚 Envíos**`: the icon inside the bold
    title = reader.display_title(raw)
    named = scripts.situations(tokens, 4) or scripts.situations(tokens, 3)
    spans = [(at, scripts.heading_ends(tokens, at)) for at in named] if named else scripts.quoted_runs(tokens)
    found, i = [], 0
    for start, end in spans:
        for token in tokens[i:start]:
            reader.ctx.keep(token, title)
        found.append(_scripted_technique(reader, tokens[start], tokens[start + 1 : end], title))
        i = end
    for token in tokens[i:]:
        reader.ctx.keep(token, title)
    fallback = reader.ctx.say.import_words("fallback_ids")
    type_id = unique(scripts.short_slug(title), reader.type_ids, fallback["type"])
    order = len(reader.support_types) + 1
    reader.support_types.append(
        {"id": type_id, "order": order, "name": title, "title": title, "icon": Icon(icon or reader.default_icon)}
        | {"techniques": found}
    )
    return type_id


def _scripted_technique(reader: DocumentReader, name: Token, body: list[Token], section: str) -> dict[str, Any]:
    """One situation, named by its heading or bold line: its labelled code blocks, or its message, are the
    technique's script."""
    title = reader.display_title(split_icon(without_markup(name.text))[1])
    if name.kind == "heading":
        parts, rest = scripts.script_parts(body)
        for token in rest:
            reader.ctx.keep(token, section)
    else:
        parts = [{"lines": scripts.message_lines(body)}]
    return _technique(reader, title, parts)


def _technique(reader: DocumentReader, title: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    """A technique that is a script alone, its id made of its title."""
    fallback = reader.ctx.say.import_words("fallback_ids")["technique"]
    technique_id = unique(scripts.short_slug(title), reader.technique_ids, fallback)
    return {"id": technique_id, "title": title, "script": {"sections": parts}}


def _detect_spoken(section: Section, reader: DocumentReader) -> bool:
    """In a document whose title says it is to be said (a pitch, a call script), a section of plain paragraphs
    only: what to say in the situation its heading names."""
    words = reader.ctx.say.import_words("spoken_titles")
    spoken = any(fold(word) in fold(reader.info.get("title", "")).split() for word in words)
    return spoken and bool(section.tokens) and all(_plain_paragraph(t) for t in section.tokens)


def _plain_paragraph(token: Token) -> bool:
    return token.kind == "para" and not token.text.startswith((">", "<")) and not BOLD_LINE.match(token.text)


def _read_spoken(section: Section, reader: DocumentReader) -> None:
    """One situation of a spoken document: a technique of the document's one support type, named after it."""
    title = reader.info["title"]
    type_id = slug(title) or reader.ctx.say.import_words("fallback_ids")["type"]
    support_type = next((t for t in reader.support_types if t["id"] == type_id), None)
    if support_type is None:
        reader.type_ids.add(type_id)
        support_type = {"id": type_id, "order": len(reader.support_types) + 1, "name": title, "title": title}
        support_type |= {"icon": Icon(reader.info["icon"]), "techniques": []}
        reader.support_types.append(support_type)
    lines = [without_markup(token.text) for token in section.tokens]
    support_type["techniques"].append(_technique(reader, reader.display_title(section.title), [{"lines": lines}]))
    reader.section_pages[slug(section.title)] = page_of(type_id)


SupportTypes.readers = (
    SectionReader("support_type", 10, _detect, _read, once=False),
    SectionReader("support_type", 95, _detect_scripts, _read_scripts, once=False),
    SectionReader("support_type", 98, _detect_spoken, _read_spoken, once=False),
    SectionReader("support_type", 100, _detect_by_name, _read, once=False),
)
KIND = SupportTypes()
