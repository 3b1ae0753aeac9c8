"""The document's skeleton: title and subtitle, `##` sections, footer and closing quote. Each section is
handed to the kind of content whose reader recognises its shape (macros/kinds/); the kinds then say
which data files they make of what they read."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import PurePath
from typing import Any

from ..kinds import KINDS, pages
from ..kinds.base import SectionReader
from ..kinds.summary import FIGURE_KEYS
from ..messages import Messages
from ..models import default_labels
from ..reading import dump
from ..reading.blocks import FIGURE, MAX_STRUCTURED, NUMBERED_TITLE, SourceProblem, Token, bold_label, tokenize
from ..reading.techniques import is_label
from ..reading.words import BOLD_LINE, Icon, fold, slug, split_icon, title_case, unbold, without_markup
from . import accounting, near_miss
from .accounting import Lines
from .front_matter import read_front_matter
from .source import decode_source

DEFAULT_ICON = "📘"
FOOTER_KEYS = ["version", "last_updated", *FIGURE_KEYS]
"""The footer's lines in the seed's order; after the version and the date come the figures the site computes."""
CLOSING = re.compile(r"^\*\*[\"“](?P<quote>.+?)[\"”]\*\*\s*(?P<icons>.*)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOTES = "(notes)"
"""The section named for blocks before the first `##` heading or in the footer: their free page is called
by the language's "Notas" label (one page for both; each is explained by its own reason)."""
UNMAPPED_FILE = "unmapped.yml"
LIST_ITEMS = {"bullet", "numbered", "check"}
READER_INPUTS = ("ctx", "name", "tokens", "last_line", "front")
"""What a DocumentReader is given; everything else on it is what the section readers found."""


@dataclass
class ImportResult:
    """What one import produced: the files (path relative to OUT → text), their data, and the report."""

    source: str
    files: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    report: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What could not be read as structured data (it went to a free page) or is missing, one line each."""
    errors: list[str] = field(default_factory=list)
    """Problems that stop the import (the file is not text, or too big)."""
    unmapped: list[dict[str, Any]] = field(default_factory=list)
    lines: Lines | None = None
    document_labels: list[str] = field(default_factory=list)
    """The interface labels read from the document; the others come from the language's defaults."""

    @property
    def ok(self) -> bool:
        """True when the document could be imported."""
        return not self.errors


class Context:
    """One import's findings: warnings, the blocks no kind read (for the free pages), notes and labels."""

    def __init__(self, source: str, say: Messages | None = None):
        self.source = source
        self.say = say or Messages()
        self.warnings: list[tuple[int, str]] = []
        self.pending = 0
        """Warnings given while reading the current section or item, not yet answered by keeping its blocks."""
        self.notes: list[str] = []
        self.unmapped: list[dict[str, Any]] = []
        self.labels: dict[str, str] = {}

    def warn(self, line: int, key: str, **params: object) -> None:
        """Something the reader of a section could not read (importer.yml's `key`)."""
        self.warnings.append((line, self.say.imports(key, **params)))
        self.pending += 1

    def tell(self, line: int, key: str, **params: object) -> None:
        """A warning about the document as a whole (a part it lacks): nothing to undo."""
        self.warnings.append((line, self.say.imports(key, **params)))

    def keep(self, token: Token, section: str) -> None:
        """A block no kind read: it goes to the free page of its section, as it is written."""
        if token.kind == "rule":  # a horizontal rule is layout, not content
            return
        text = "\n".join(token.raw)
        # A list item keeps its indentation (a nested list stays nested); anything else starts its line.
        text = text.strip("\n").rstrip() if token.kind in LIST_ITEMS else text.strip()
        self.unmapped.append({"line": token.line, "section": section, "text": text, "kind": token.kind})

    def label(self, key: str, value: str) -> None:
        """Take an interface label from the document (the first occurrence wins). Readers call it only for a
        recognised label slot: a label whose block has the slot's shape (`**Pasos:**` over a code block of
        numbered steps) or whose text is the label itself (`**Resultado:**`); never for a content block."""
        value = value.strip()
        if value:
            self.labels.setdefault(key, value)


@dataclass
class Section:
    """A `## <icon> TITLE` heading and the blocks under it."""

    heading: Token
    icon: str
    title: str
    tokens: list[Token]


class DocumentReader:
    """One document being read: its skeleton here, and what the kinds' readers found (shared between them)."""

    default_icon = DEFAULT_ICON

    def __init__(self, ctx: Context, tokens: list[Token], last_line: int, name: str = "playbook"):
        self.ctx = ctx
        self.name = name
        """The document's file name without its extension: its title when it has none."""
        self.tokens = tokens
        self.last_line = last_line
        """Where a missing part is reported: the end of the document (a truncated file lacks its end)."""
        self.front: dict[str, str] = {}
        """What the document's front matter says of the playbook (title, subtitle, version, last_updated)."""
        self.info: dict[str, Any] = {}
        """Fields of data/playbook.yml, filled by the skeleton and by the kinds that live in that file."""
        self.found: set[str] = set()
        self.results: dict[str, Any] = {}
        """Kind key → the data its reader made of its section (`optimization` → the file's fields)."""
        """The names of the section readers that have read a section."""
        self.index_titles: dict[str, str] = {}
        self.technique_ids: set[str] = set()
        self.type_ids: set[str] = set()
        self.rows: list[tuple[Token, list[str]]] = []
        """The framework table's rows: one per support type."""
        self.used_rows: set[int] = set()
        self.support_types: list[dict[str, Any]] = []
        self.footer: dict[str, tuple[Token, str, str]] = {}
        self.footer_lines: set[int] = set()
        self.framework_section: Section | None = None
        self.section_pages: dict[str, str] = {}
        """A read section's title as a slug → the site's page that shows it (for links between sections)."""
        self.explained: set[str] = set()
        """Sections whose blocks on a free page a warning has explained already."""

    @property
    def type_names(self) -> list[str]:
        return [cells[0] for _, cells in self.rows]

    # -- helpers for the kinds' readers

    def display_title(self, raw: str) -> str:
        """A `##` heading as a title: the index's spelling if listed there, else its words without Markdown's
        marks, title-cased when shouted (all capitals), else as written."""
        if fold(raw) in self.index_titles:
            return self.index_titles[fold(raw)]
        raw = without_markup(raw)
        shouted = raw == raw.upper() and any(c.isalpha() for c in raw)
        return title_case(raw) if shouted else raw

    def numbered_titles(self, section: Section, label: str) -> list[Token]:
        """The section's `Label N: Title` headings whose label is the interface label `label` (`Técnica 1:`,
        `Caso 2:`): an `Objeción 1:` is not a technique."""
        found = []
        for token in section.tokens:
            match = NUMBERED_TITLE.match(unbold(token.text)) if token.kind == "heading" else None
            if match and is_label(match.group("label"), label, self.ctx.say.language):
                found.append(token)
        return found

    def row_for(self, title: str) -> int | None:
        """The framework row whose type name is a word of the section title (`Soporte 24/7` → `24/7`)."""
        padded = f"-{slug(title)}-"
        found = [(len(slug(n)), i) for i, n in enumerate(self.type_names) if slug(n) and f"-{slug(n)}-" in padded]
        return max(found)[1] if found else None

    def attempt(self, tokens: list[Token], section: str, what: str, title: str, read: Callable[[], Any]) -> Any:
        """`read()`'s result; when it warned (the part cannot be read as `what`), everything it did is undone
        and `tokens` go to the free page of `section` as they are written, with one more warning saying so."""
        # Every attribute but the reader's inputs: a new one a reader adds is saved without being listed.
        saved = {name: copy.copy(value) for name, value in vars(self).items() if name not in READER_INPUTS}
        labels, kept, pending = dict(self.ctx.labels), len(self.ctx.unmapped), self.ctx.pending
        result = read()
        if self.ctx.pending == pending:
            return result
        for name, value in saved.items():
            setattr(self, name, value)
        self.ctx.labels, self.ctx.pending = labels, pending
        del self.ctx.unmapped[kept:]
        for token in tokens:
            self.ctx.keep(token, section)
        self.explained.add(section)
        key = "section_to_page" if title == section else "item_to_page"
        self.ctx.tell(tokens[0].line, key, section=section, title=title, what=self.ctx.say.kind_name(what))
        return None

    # -- the skeleton

    def sections(self) -> tuple[list[Token], list[Section]]:
        """The blocks before the first `##` heading, and one Section per `##` heading."""
        preamble: list[Token] = []
        sections: list[Section] = []
        for token in self.tokens:
            if token.kind == "heading" and token.level == 2:
                icon, title = split_icon(token.text)
                sections.append(Section(token, icon, title, []))
            elif sections:
                sections[-1].tokens.append(token)
            else:
                preamble.append(token)
        return preamble, sections

    def preamble(self, tokens: list[Token]) -> None:
        """Title, icon and subtitle from `# <icon> Title` and the bold line under it; a document without a
        title is named after its file, one without a subtitle has none. The rest goes to a free page."""
        title_at = next((i for i, t in enumerate(tokens) if t.kind == "heading" and t.level == 1), None)
        heading = tokens[title_at] if title_at is not None else None
        icon, title = split_icon(heading.text) if heading else ("", "")
        subtitle = None
        rest = tokens[:title_at] + tokens[title_at + 1 :] if heading else tokens
        for token in rest:
            match = BOLD_LINE.match(token.text) if token.kind == "para" and len(token.text) <= MAX_STRUCTURED else None
            if heading and subtitle is None and match and not bold_label(token):
                subtitle = match.group("text").strip()
            else:
                self.ctx.keep(token, NOTES)
        line = heading.line if heading else next((t.line for t in self.tokens), 1)
        title = title or self.front.get("title", "")
        subtitle = subtitle or self.front.get("subtitle")
        if not title:
            title = title_case(" ".join(self.name.replace("_", " ").replace("-", " ").split()).upper()) or "Playbook"
            self.ctx.tell(line, "no_title", title=title)
        elif subtitle is None:
            self.ctx.tell(line, "no_subtitle")
        self.info.update(id=slug(title) or "playbook", title=title, icon=Icon(icon or DEFAULT_ICON))
        if subtitle:
            self.info["subtitle"] = subtitle

    def split_footer(self, section: Section) -> None:
        """Take the closing quote and the `**Label:** value` footer lines off the end of the last section."""
        tokens = section.tokens
        end = len(tokens)
        while end and tokens[end - 1].kind == "rule":
            end -= 1
        closing = tokens[end - 1] if end else None
        if (
            closing
            and closing.kind == "para"
            and len(closing.text) <= MAX_STRUCTURED
            and (match := CLOSING.match(closing.text))
        ):
            self.info["closing_quote"] = match.group("quote").strip()
            self.info["closing_icons"] = Icon(match.group("icons").strip() or self.info["icon"])
            end -= 1
        while end and tokens[end - 1].kind == "rule":
            end -= 1
        start = end
        while start and (found := bold_label(tokens[start - 1])) and found[1] and self._footer_key(*found):
            start -= 1
        # One `**Label:** value` line after a case's steps is its result, not a footer: a footer
        # follows a rule, or has at least the version and the date.
        if start and tokens[start - 1].kind != "rule" and end - start < 2:
            start = end
        footer_lines = tokens[start:end]
        del tokens[start:]
        self._assign_footer(footer_lines)

    def _footer_key(self, label: str, value: str) -> str | None:
        """Which footer line `**label:** value` is: the version, the date or a figure, told by its label (or a
        date by its value); None for any other line, which stays in its section."""
        language = self.ctx.say.language
        key = next((key for key in FOOTER_KEYS if is_label(label, key, language)), None)
        said = fold(label).rstrip(": ")  # other words for the same facts: «Versión del documento», «Última revisión»
        other = self.ctx.say.import_words("footer_labels")
        key = key or next((key for key, words in other.items() if said in map(fold, words)), None)
        return key or ("last_updated" if ISO_DATE.match(value) else None)

    def _assign_footer(self, lines: list[Token]) -> None:
        """The footer's version, date and figures (split_footer passes only lines with a footer label)."""
        for token in lines:
            label, value = bold_label(token) or ("", "")
            key = self._footer_key(label, value)
            if key and key not in self.footer:
                self.footer[key] = (token, label, value)
            else:
                self._keep_in_footer(token)
        for key, (_, label, value) in self.footer.items():
            self.ctx.label(key, label)
            if key == "techniques_per_type" and (match := FIGURE.match(value)):
                self.ctx.label("each", match.group("rest"))
        if "version" in self.footer:
            self.info["version"] = self.footer["version"][2]
        if "last_updated" in self.footer:
            token, _, value = self.footer["last_updated"]
            try:
                self.info["last_updated"] = date.fromisoformat(value)
            except ValueError:
                self.ctx.tell(token.line, "bad_date", value=value)
                self._keep_in_footer(token)

    def _keep_in_footer(self, token: Token) -> None:
        self.footer_lines.add(token.line)
        self.ctx.keep(token, NOTES)

    def read_sections(self, sections: list[Section]) -> None:
        """Give each section to the reader of its kind, phase by phase (a case needs the support types)."""
        readers = sorted(((reader, kind) for kind in KINDS for reader in kind.readers), key=lambda r: r[0].precedence)

        def reader_of(section: Section):
            return next(((r, k) for r, k in readers if r.detect(section, self)), (None, None))

        chosen = {id(section): reader_of(section) for section in sections}
        for phase in sorted({reader.phase for reader, _ in readers}):
            for section in sections:
                if chosen[id(section)][0] is None:
                    chosen[id(section)] = reader_of(section)  # a name the framework gave may tell it now
                reader, kind = chosen[id(section)]
                if reader is None or reader.phase != phase:
                    continue
                if reader.once and reader.name in self.found:
                    self._keep_section(section)
                    why = self.ctx.say.import_words("near_why")["already_read"]
                    what = self.ctx.say.kind_name(reader.name)
                    self.ctx.tell(section.heading.line, "near_miss", section=section.title, what=what, why=why)
                    self.explained.add(section.title)
                    continue
                whole = [section.heading, *section.tokens]
                read = partial(_read_section, reader, section, self)
                if self.attempt(whole, section.title, reader.name, section.title, read):
                    self.found.add(reader.name)
                    if kind.page:
                        self.section_pages[slug(section.title)] = kind.page
        for section in sections:
            if chosen[id(section)][0] is None:
                self._keep_section(section)
                key, blanks = near_miss.warning(section.tokens, section.title, self.ctx.say)
                self.ctx.tell(section.heading.line, key, **blanks)
                self.explained.add(section.title)
        for kind in KINDS:
            kind.after_reading(self)
        self._explain_the_rest()

    def _explain_the_rest(self) -> None:
        """One warning for each other part whose blocks went to a free page: the text before the first `##`
        section, the footer's other lines, what a read section holds besides its parts."""
        first: dict[tuple[str, str], int] = {}
        for block in self.ctx.unmapped:
            first.setdefault((block["section"], self._why_unread(block)), block["line"])
        for (section, why), line in first.items():
            if section in self.explained:
                continue
            shown = default_labels(self.ctx.say.language)["notes"] if section == NOTES else section
            self.ctx.tell(line, "near_none", section=shown, why=self.ctx.say.import_words("near_why")[why])

    def _why_unread(self, block: dict) -> str:
        if block["section"] != NOTES:
            return "leftover"
        return "footer" if block["line"] in self.footer_lines else "preamble"

    def _keep_section(self, section: Section) -> None:
        for token in [section.heading, *section.tokens]:
            self.ctx.keep(token, section.title)


def _read_section(reader: SectionReader, section: Section, document: DocumentReader) -> bool:
    reader.read(section, document)
    return True


def import_markdown(text_or_bytes: str | bytes, source_name: str, say: Messages | None = None) -> ImportResult:
    """Parse one Markdown document into the files of data/ (plus unmapped.yml when something could not reach
    the site), without writing anything. Only a file that is not text stops it: whatever the document
    lacks is reported as a warning, and whatever no kind can read goes to a free page."""
    say = say or Messages()
    result = ImportResult(source_name)
    ctx = Context(source_name, say)
    try:
        text, notes = decode_source(text_or_bytes)
    except SourceProblem as problem:
        result.errors.append(f"{source_name}:{problem.line}: {problem.said.spoken(say)}")
        return result
    result.report += [f"{source_name}: {note.spoken(say)}" for note in notes]
    tokenizer_warnings: list = []
    body, front = read_front_matter(text, say.import_words("front_matter"))
    tokens = tokenize(body, tokenizer_warnings)
    for line, said in tokenizer_warnings:
        ctx.tell(line, said.key, **said.params)
    name = PurePath(source_name).stem
    reader = DocumentReader(ctx, tokens, max(1, len(text.rstrip("\n").split("\n"))), name)
    reader.front = front.fields
    data = _read(reader)
    result.unmapped = sorted(ctx.unmapped, key=lambda block: block["line"])
    result.document_labels = sorted(ctx.labels)
    result.data = data
    labels = default_labels(ctx.say.language).values()
    result.lines = accounting.count(text, data, result.unmapped, labels, in_data=front.lines)
    for line, number in result.lines.lost_lines:
        ctx.tell(number, "line_not_on_site", text=line.strip()[:80])
    in_order = sorted(ctx.warnings, key=lambda warning: warning[0])  # stable: a part's reasons, then its fate
    result.warnings = [f"{source_name}:{line}: {message}" for line, message in in_order]
    result.files = {path: _file_text(path, value, ctx.say) for path, value in data.items()}
    off_site = [block for block in result.unmapped if not block.get("page")]
    if off_site:
        result.files[UNMAPPED_FILE] = dump.unmapped_file(ctx.say.import_words("unmapped_header"), off_site)
    result.report += _summary(source_name, data, ctx, result)
    return result


def _read(reader: DocumentReader) -> dict[str, Any]:
    """All the data files' contents (path → dict)."""
    ctx = reader.ctx
    preamble, sections = reader.sections()
    reader.preamble(preamble)
    if sections:
        reader.split_footer(sections[-1])
    reader.info.setdefault("version", reader.front.get("version"))
    if "last_updated" in reader.front:  # an ISO date (front_matter.py reads no other)
        reader.info.setdefault("last_updated", date.fromisoformat(reader.front["last_updated"]))
    if reader.info["version"] is None:
        del reader.info["version"]
    reader.read_sections(sections)
    for kind in KINDS:
        if kind.import_required and not any(r.name in reader.found for r in kind.readers):
            what, example = kind.import_required, ctx.say.import_words("required_examples")[kind.import_required]
            file = kind.data or "playbook.yml"
            ctx.tell(reader.last_line, "missing_kind", what=ctx.say.kind_name(what), example=example, file=file)
    for key, message in (("version", "no_version"), ("last_updated", "no_date"), ("closing_quote", "no_closing_quote")):
        if key not in reader.info and not (key == "last_updated" and key in reader.footer):
            ctx.tell(reader.last_line, message)
    files: dict[str, Any] = {}
    for kind in KINDS:
        files.update(kind.import_files(reader, files))
    return files


def _file_text(path: str, value: dict[str, Any], say: Messages) -> str:
    """A data file's text, laid out by the kind that owns it."""
    kind = next(k for k in KINDS if k.data and path.startswith(f"data/{k.data}"))
    return kind.dump(value, say)


def _summary(source: str, data: dict[str, Any], ctx: Context, result: ImportResult) -> list[str]:
    """The report's lines: what was read, notes, the free pages made, and the line count."""
    say = ctx.say
    counts = [say.counted(n, noun) for kind in KINDS for n, noun in kind.import_counts(data)]
    lines = [f"{source}: " + ", ".join(counts)] if counts else []
    lines += [note if note.startswith(f"{source}:") else f"{source}: {note}" for note in ctx.notes]
    changed = [key for key, text in ctx.labels.items() if text != default_labels(say.language)[key]]
    if changed:
        lines.append(f"{source}: " + say.imports("labels_taken", count=len(changed), keys=", ".join(changed)))
    for page in data_pages(data):
        blocks = [b for b in result.unmapped if b.get("page") == page["id"]]
        first, last = blocks[0]["line"], blocks[-1]["line"] + blocks[-1]["text"].count("\n")
        section = page["title"] if blocks[0]["section"] == NOTES else blocks[0]["section"]
        lines.append(
            f"{source}:{first}: "
            + say.imports("page_made", first=first, last=last, section=section, title=page["title"], id=page["id"])
        )
    counted = result.lines
    lines.append(
        f"{source}: "
        + say.imports(
            "lines", total=counted.total, data=counted.data, pages=counted.pages, lost=say.counted(counted.lost, "lost")
        )
    )
    return lines


def data_pages(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The free pages an import made, in order."""
    return [value for path, value in data.items() if path.startswith(f"data/{pages.KIND.data}")]
