"""The document's skeleton: title and subtitle, `##` sections, footer and closing quote. Each section is
handed to the kind of content whose reader recognises its shape (macros/kinds/); the kinds then say
which data files they make of what they read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..kinds import KINDS
from ..kinds.summary import FIGURE_KEYS
from ..models import default_labels
from . import dump
from .blocks import DESCRIPTIONS, FIGURE, MAX_STRUCTURED, NUMBERED_TITLE, SourceProblem, Token, bold_label, tokenize
from .source import decode_source
from .words import BOLD_LINE, Icon, fold, slug, split_icon, title_case, unbold

DEFAULT_ICON = "📘"
FOOTER_KEYS = ["version", "last_updated", *FIGURE_KEYS]
"""The footer's lines in the seed's order; after the version and the date come the figures the site computes."""
CLOSING = re.compile(r"^\*\*[\"“](?P<quote>.+?)[\"”]\*\*\s*(?P<icons>.*)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNMAPPED_FILE = "unmapped.yml"
UNMAPPED_HEADER = (
    "# Parts of the source document the importer did not recognise: nothing is dropped silently.\n"
    "# Move each into the right file of data/ by hand (or decide it is not needed),\n"
    "# then delete this file.\n"
)


@dataclass
class ImportResult:
    """What one import produced: the files (path relative to OUT → text), their data, and the report."""

    source: str
    files: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    report: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unmapped: list[dict[str, Any]] = field(default_factory=list)
    document_labels: list[str] = field(default_factory=list)
    """The interface labels read from the document; the others come from the language's defaults."""

    @property
    def ok(self) -> bool:
        """True when the document could be imported."""
        return not self.errors


class Context:
    """One import's findings: problems, unmapped blocks, notes and the labels found in the document."""

    def __init__(self, source: str):
        self.source = source
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.unmapped: list[dict[str, Any]] = []
        self.unmapped_report: list[str] = []
        self.labels: dict[str, str] = {}

    def error(self, line: int, message: str) -> None:
        """Record a problem that prevents the import."""
        self.errors.append(f"{self.source}:{line}: {message}")

    def keep(self, token: Token, section: str, what: str | None = None) -> None:
        """Keep an unrecognised block in unmapped.yml and report it."""
        if token.kind == "rule":  # a horizontal rule is layout, not content
            return
        what = what or DESCRIPTIONS.get(token.kind, "line")
        self.unmapped.append({"line": token.line, "section": section, "text": "\n".join(token.raw).strip()})
        self.unmapped_report.append(f"{self.source}:{token.line}: unrecognised {what} in “{section}”, kept as unmapped")

    def label(self, key: str, value: str) -> None:
        """Take an interface label from the document (the first occurrence wins)."""
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

    def __init__(self, ctx: Context, tokens: list[Token], last_line: int):
        self.ctx = ctx
        self.tokens = tokens
        self.last_line = last_line
        """Where a missing part is reported: the end of the document (a truncated file lacks its end)."""
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

    @property
    def type_names(self) -> list[str]:
        return [cells[0] for _, cells in self.rows]

    # -- helpers for the kinds' readers

    def display_title(self, raw: str) -> str:
        """A `##` heading as a title: the index's spelling if listed there, else shouted words title-cased."""
        if fold(raw) in self.index_titles:
            return self.index_titles[fold(raw)]
        shouted = raw == raw.upper() and any(c.isalpha() for c in raw)
        return title_case(raw) if shouted else raw

    @staticmethod
    def numbered_titles(section: Section) -> list[Token]:
        """The section's `Label N: Title` headings."""
        return [t for t in section.tokens if t.kind == "heading" and NUMBERED_TITLE.match(unbold(t.text))]

    def row_for(self, title: str) -> int | None:
        """The framework row whose type name is a word of the section title (`Soporte 24/7` → `24/7`)."""
        padded = f"-{slug(title)}-"
        found = [(len(slug(n)), i) for i, n in enumerate(self.type_names) if slug(n) and f"-{slug(n)}-" in padded]
        return max(found)[1] if found else None

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

    def preamble(self, tokens: list[Token]) -> bool:
        """Title, icon and subtitle from `# <icon> Title` and the bold line under it."""
        title_at = next((i for i, t in enumerate(tokens) if t.kind == "heading" and t.level == 1), None)
        if title_at is None:
            first = next((t.line for t in self.tokens), 1)
            self.ctx.error(first, "no title: the document must start with a `# <emoji> Title` line — add one")
            return False
        heading = tokens[title_at]
        icon, title = split_icon(heading.text)
        subtitle = None
        for token in tokens[:title_at] + tokens[title_at + 1 :]:
            match = BOLD_LINE.match(token.text) if token.kind == "para" and len(token.text) <= MAX_STRUCTURED else None
            if subtitle is None and match and not bold_label(token):
                subtitle = match.group("text").strip()
            else:
                self.ctx.keep(token, "(before the first section)")
        if not title:
            self.ctx.error(heading.line, "the title is empty — write the playbook's name after the `#`")
            return False
        if subtitle is None:
            self.ctx.error(
                heading.line, "no subtitle under the title — add a bold line (`**What this playbook covers**`) under it"
            )
            return False
        self.info.update(id=slug(title) or "playbook", title=title, icon=Icon(icon or DEFAULT_ICON), subtitle=subtitle)
        return True

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
        while start and (found := bold_label(tokens[start - 1])) and found[1]:
            start -= 1
        # One `**Label:** value` line after a case's steps is its result, not a footer: a footer
        # follows a rule, or has at least the version and the date.
        if start and tokens[start - 1].kind != "rule" and end - start < 2:
            start = end
        footer_lines = tokens[start:end]
        del tokens[start:]
        self._assign_footer(footer_lines)

    def _assign_footer(self, lines: list[Token]) -> None:
        """Which footer line is the version, the date and each figure: by known label, else by position."""
        defaults = default_labels()
        known = {fold(defaults[key]): key for key in FOOTER_KEYS}
        pending = []
        for token in lines:
            label, value = bold_label(token) or ("", "")  # split_footer passes only bold labels
            key = known.get(fold(label))
            if key and key not in self.footer:
                self.footer[key] = (token, label, value)
            else:
                pending.append((token, label, value))
        for token, label, value in pending:
            if ISO_DATE.match(value) and "last_updated" not in self.footer:
                self.footer["last_updated"] = (token, label, value)
                continue
            key = next((k for k in FOOTER_KEYS if k not in self.footer and k != "last_updated"), None)
            if key is None:
                self.ctx.keep(token, "footer", "footer line")
            else:
                self.footer[key] = (token, label, value)
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
                self.ctx.error(token.line, f"`{value}` is not a date — write it as YYYY-MM-DD, e.g. 2025-01-27")

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
                    self._keep_section(section, f"second {reader.name} section")
                    continue
                reader.read(section, self)
                self.found.add(reader.name)
        for section in sections:
            if chosen[id(section)][0] is None:
                self._keep_section(section, "section")
        for kind in KINDS:
            kind.after_reading(self)

    def _keep_section(self, section: Section, what: str) -> None:
        self.ctx.keep(section.heading, section.title, what)
        for token in section.tokens:
            self.ctx.keep(token, section.title)


def import_markdown(text_or_bytes: str | bytes, source_name: str) -> ImportResult:
    """Parse one Markdown playbook into the files of data/ (plus unmapped.yml), without writing anything."""
    result = ImportResult(source_name)
    ctx = Context(source_name)
    try:
        text, notes = decode_source(text_or_bytes)
        tokens = tokenize(text)
    except SourceProblem as problem:
        result.errors.append(f"{source_name}:{problem.line}: {problem.message}")
        return result
    result.report += [f"{source_name}: {note}" for note in notes]
    data = _read(ctx, tokens, max(1, len(text.rstrip("\n").split("\n"))))
    result.errors += ctx.errors
    result.unmapped = sorted(ctx.unmapped, key=lambda block: block["line"])
    result.document_labels = sorted(ctx.labels)
    if ctx.errors or data is None:
        return result
    result.data = data
    result.files = {path: _file_text(path, value) for path, value in data.items()}
    result.files[UNMAPPED_FILE] = dump.unmapped_file(UNMAPPED_HEADER, result.unmapped)
    result.report += _summary(source_name, data, ctx)
    return result


def _read(ctx: Context, tokens: list[Token], last_line: int) -> dict[str, Any] | None:
    """All the data files' contents (path → dict), or None when the document misses a required part."""
    reader = DocumentReader(ctx, tokens, last_line)
    preamble, sections = reader.sections()
    if not reader.preamble(preamble):
        return None
    if sections:
        reader.split_footer(sections[-1])
    reader.read_sections(sections)
    for kind in KINDS:
        if kind.import_required and not any(r.name in reader.found for r in kind.readers):
            what, example = kind.import_required
            ctx.error(last_line, f"no {what} was found — add `{example}` (is the file truncated?)")
    for key, what, example in (
        ("version", "version line at the end", "**Versión:** 1.0"),
        ("last_updated", "last updated line at the end", "**Última actualización:** 2025-01-27"),
        ("closing_quote", "closing quote at the end", '**"The quote."** 🛟'),
    ):
        if key not in reader.info and not (key == "last_updated" and key in reader.footer):
            ctx.error(last_line, f"no {what} was found — add `{example}` (is the file truncated?)")
    if ctx.errors:
        return None
    files: dict[str, Any] = {}
    for kind in KINDS:
        files.update(kind.import_files(reader, files))
    return files


def _file_text(path: str, value: dict[str, Any]) -> str:
    """A data file's text, laid out by the kind that owns it."""
    kind = next(k for k in KINDS if k.data and path.startswith(f"data/{k.data}"))
    return kind.dump(value)


def _summary(source: str, data: dict[str, Any], ctx: Context) -> list[str]:
    """The report's lines after a successful parse: counts, notes, labels and unmapped blocks."""
    counts = [count for kind in KINDS for count in kind.import_counts(data)]
    lines = [f"{source}: " + ", ".join(_plural(n, word) for n, word in counts)]
    lines += [note if note.startswith(f"{source}:") else f"{source}: {note}" for note in ctx.notes]
    defaults = [key for key in default_labels() if key not in ctx.labels]
    lines.append(
        f"{source}: {len(ctx.labels)} interface labels taken from the document; {len(defaults)} not in it, "
        f"taken from the defaults: {', '.join(defaults)}"
    )
    lines += sorted(ctx.unmapped_report, key=_line_of_report)
    lines.append(f"{source}: {len(ctx.unmapped)} unmapped blocks (kept in {UNMAPPED_FILE})")
    return lines


def _line_of_report(line: str) -> int:
    """The source line a report line is about (`doc.md:12: …` → 12)."""
    match = re.match(r".*?:(\d+): ", line)
    return int(match.group(1)) if match else 0


def _plural(count: int, word: str) -> str:
    """`1 technique`, `2 techniques`, `1 case study`, `2 case studies`."""
    if word.endswith("stud"):
        return f"{count} {word}{'y' if count == 1 else 'ies'}"
    return f"{count} {word}{'' if count == 1 else 's'}"
