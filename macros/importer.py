"""Markdown playbook (in the shape of the seed document) → the YAML files of data/, in our schema.

`import_markdown` is pure: text or bytes in, file texts and a report out (nothing written, no MkDocs).
`write_import` validates those files with the loader in a scratch folder and only then moves them
into place. `main` is the command line (`python -m macros import SRC OUT`, `make import`).

Nothing is dropped silently: every line the importer does not recognise is reported with its line
number and kept in OUT/unmapped.yml (next to OUT/data/, since the loader rejects unknown data files).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import charset_normalizer
import ftfy.bad_codecs  # noqa: F401  registers the sloppy-windows-1252 codec
import yaml
from ftfy import fix_encoding
from ftfy.badness import badness, is_bad

from .loader import DataErrors, load_playbook

DEFAULT_ICON = "📘"
MAX_SOURCE_BYTES = 1_000_000
"""A playbook is tens of kilobytes; a bigger file is not one (same spirit as the loader's limit)."""

LEGACY_ENCODINGS = {"mac_roman": "Mac Roman", "sloppy-windows-1252": "Windows-1252", "latin-1": "Latin-1"}
"""Encodings a UTF-8 document is commonly mis-decoded through, tried in this order. Windows-1252 as
Windows itself decodes it (ftfy's "sloppy" codec: its five unassigned bytes become U+0081…), so
a document with Á or emoji, whose UTF-8 holds those bytes, still round-trips."""

DEFAULT_LABELS: dict[str, str] = {
    # A copy of data/playbook.yml's labels: the interface text a document does not contain.
    # Copied, not read at import time, so a foreign playbook never depends on this project's data.
    "home": "Inicio",
    "index": "Índice",
    "support_types": "Tipos de soporte",
    "characteristics": "Características",
    "techniques": "Técnicas y Scripts",
    "technique": "Técnica",
    "process": "Proceso",
    "script": "Script",
    "key_elements": "Elementos Clave",
    "case": "Caso",
    "situation": "Situación",
    "strategy": "Estrategia",
    "result": "Resultado",
    "see_support_type": "Ver tipo de soporte",
    "version": "Versión",
    "last_updated": "Última actualización",
    "total_types": "Total de tipos",
    "techniques_per_type": "Técnicas por tipo",
    "each": "cada uno",
    "complete_scripts": "Scripts completos",
    "optimization_techniques": "Técnicas de optimización",
    "case_studies": "Casos de estudio",
    "progress": "Progreso",
    "reset": "Reiniciar",
    "reset_confirm": "¿Desmarcar todos los elementos de esta lista?",
    "personalize": "Personalizar",
    "personalize_hint": "Escriba los datos de la llamada; los campos vacíos conservan el hueco entre corchetes.",
    "preview": "Vista previa",
    "copy_script": "Copiar",
    "copied": "Copiado",
    "copy_failed": "No se pudo copiar; seleccione el texto y cópielo a mano.",
    "clear": "Borrar",
    "browser_title": "Todas las técnicas",
    "browser_intro": "Filtre por tipo de soporte o por palabras (sin preocuparse por las tildes).",
    "filter_text": "Buscar en las técnicas",
    "filter_type": "Tipo de soporte",
    "all_types": "Todos los tipos",
    "first_step": "Primer paso",
    "showing": "{shown} de {total} técnicas",
    "no_match": "Ninguna técnica coincide con el filtro.",
    "see_all_of_type": "Ver todas las técnicas de este tipo",
    "pages": "Páginas",
    "print": "Imprimir",
    "handout": "Manual completo para imprimir",
    "contents": "Contenido",
    "participant": "Participante",
    "date": "Fecha",
    "team": "Equipo",
    "facilitator": "Facilitador",
}

FOOTER_KEYS = [
    "version",
    "last_updated",
    "total_types",
    "techniques_per_type",
    "complete_scripts",
    "optimization_techniques",
    "case_studies",
]
"""The footer's lines in the seed's order; the last five are figures the site computes."""
FIGURE_KEYS = FOOTER_KEYS[2:]

SCHEMA_LINE = "# yaml-language-server: $schema={}"
SCHEMAS = {
    "data/playbook.yml": "../schemas/playbook.schema.json",
    "data/optimization.yml": "../schemas/optimization.schema.json",
    "data/case_studies.yml": "../schemas/case_studies.schema.json",
    "data/checklist.yml": "../schemas/checklist.schema.json",
    "support_type": "../../schemas/support_type.schema.json",
}
UNMAPPED_FILE = "unmapped.yml"
UNMAPPED_HEADER = (
    "# Parts of the source document the importer did not recognise: nothing is dropped silently.\n"
    "# Move each into the right file of data/ by hand (or decide it is not needed),\n"
    "# then delete this file.\n"
)

SMALL_WORDS = {
    "a",
    "al",
    "con",
    "de",
    "del",
    "e",
    "el",
    "en",
    "la",
    "las",
    "lo",
    "los",
    "o",
    "para",
    "por",
    "u",
    "un",
    "una",
    "y",
    "and",
    "for",
    "in",
    "of",
    "on",
    "the",
    "to",
}
"""Words a title keeps in lower case (`Checklist de Implementación`), and ids skip."""

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
CHECK = re.compile(r"^[-*]\s+\[[ x]\]\s*(.*)$")
"""A task item `- [ ] text`; `- [X] text` stays a bullet, since `[X]` is this domain's placeholder."""
BULLET = re.compile(r"^[-*]\s+(.*)$")
NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")
BOLD_LABEL = re.compile(
    r"^\*\*(?P<label>[^*]+?)\s*:\s*\*\*\s*(?P<value>.*)$"  # **Label:** value
    r"|^\*\*(?P<label2>[^*]+?)\*\*\s*:\s*(?P<value2>.*)$"
)  # **Label**: value
BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*].*?)\*\*$")
NUMBERED_TITLE = re.compile(r"^(?P<label>.+?)\s+(?P<number>\d+)\s*:\s*(?P<title>.+)$")
INDEX_ENTRY = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<target>[^)]*)\)$")
PRINCIPLE = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*[-–—:]\s*(?P<text>.+)$")
CLOSING = re.compile(r"^\*\*[\"“](?P<quote>.+?)[\"”]\*\*\s*(?P<icons>.*)$")
ARROW = re.compile(r"\s*(?:→|->|⇒|=>)\s*")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIGURE = re.compile(r"^(?P<low>\d+)(?:\s*[–-]\s*(?P<high>\d+))?\+?\s*(?P<rest>.*)$")


class SourceProblem(Exception):
    """A problem that stops the import at once (not text, truncated): reported at its line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Token:
    """One block of the document: a heading, a list item, a table row, a code block or a paragraph."""

    kind: str  # heading | code | bullet | check | numbered | table | rule | para
    line: int
    text: str
    raw: tuple[str, ...]
    level: int = 0
    number: int = 0
    code: tuple[tuple[int, str], ...] = ()


@dataclass
class Section:
    """A `## <icon> TITLE` heading and the blocks under it."""

    heading: Token | None
    icon: str
    title: str
    tokens: list[Token]


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
    """The interface labels read from the document; the others come from DEFAULT_LABELS."""

    @property
    def ok(self) -> bool:
        """True when the document could be imported."""
        return not self.errors


class _Context:
    """Shared state of one import: problems, unmapped blocks and the labels found in the document."""

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
        what = what or _DESCRIPTIONS.get(token.kind, "line")
        self.unmapped.append({"line": token.line, "section": section, "text": "\n".join(token.raw).strip()})
        self.unmapped_report.append(f"{self.source}:{token.line}: unrecognised {what} in “{section}”, kept as unmapped")

    def label(self, key: str, value: str) -> None:
        """Take an interface label from the document (the first occurrence wins)."""
        value = value.strip()
        if value:
            self.labels.setdefault(key, value)


_DESCRIPTIONS = {
    "heading": "heading",
    "code": "code block",
    "bullet": "list item",
    "check": "checklist item",
    "numbered": "numbered item",
    "table": "table row",
    "para": "paragraph",
}


# ---------------------------------------------------------------- text: decoding and repair


def decode_source(raw: bytes | str) -> tuple[str, list[str]]:
    """The document as text with `\\n` line ends, plus notes on any decoding or repair done."""
    notes: list[str] = []
    if isinstance(raw, bytes):
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise SourceProblem(
                line,
                "the file contains NUL bytes: it is binary, not Markdown text — "
                "export the playbook as a UTF-8 .md file",
            )
        if len(raw) > MAX_SOURCE_BYTES:
            raise SourceProblem(
                1,
                f"the file has {len(raw):,} bytes, more than the {MAX_SOURCE_BYTES:,} a playbook "
                "needs — is it the right file?",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            best = charset_normalizer.from_bytes(raw).best()
            if best is None:
                line = raw[: exc.start].count(b"\n") + 1
                raise SourceProblem(
                    line, "the file is not text in any known encoding — export the playbook as a UTF-8 .md file"
                ) from None
            text = str(best)
            notes.append(f"decoded as {best.encoding} (the file is not UTF-8)")
    else:
        text = raw.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, note = repair_mojibake(text)  # first: Latin-1 mojibake holds C1 control characters
    _refuse_control_characters(text)
    return text, notes + ([note] if note else [])


def _refuse_control_characters(text: str) -> None:
    """A control character (other than tab) means a binary or damaged file, not a Markdown document."""
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if char != "\t" and unicodedata.category(char) == "Cc":
                raise SourceProblem(
                    number,
                    f"the file contains the control character U+{ord(char):04X}: it "
                    "is binary or damaged, not Markdown text — export the playbook "
                    "as a .md file",
                )


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Undo a UTF-8 → legacy encoding → UTF-8 round trip; return the text and a note when repaired.

    ftfy detects the mojibake; the repair re-encodes the whole document through the legacy
    encoding, because ftfy's own fix leaves some emoji mangled (`üõü` for 🛟) while the whole
    round trip restores the original byte for byte.
    """
    if not is_bad(text):
        return text, None
    before = badness(text)
    for encoding, name in LEGACY_ENCODINGS.items():
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue  # not this encoding: the document has characters it cannot hold
        if badness(fixed) < before:
            return fixed, f"repaired mojibake ({name}) in {_changed_lines(text, fixed)} lines"
    fixed = fix_encoding(text)  # mixed documents: ftfy's line-by-line repair is the best left
    if fixed == text:
        return text, "the text looks mis-encoded but could not be repaired — check accents and emoji"
    return fixed, (
        f"repaired mojibake line by line (ftfy) in {_changed_lines(text, fixed)} lines; "
        "no single encoding fitted the whole document — check emoji"
    )


def _changed_lines(before: str, after: str) -> int:
    """How many lines differ between two versions of the same document."""
    return sum(a != b for a, b in zip(before.split("\n"), after.split("\n")))


# ---------------------------------------------------------------- words: slugs and titles


def slug(text: str) -> str:
    """A stable lowercase ASCII id: accents stripped, anything not a letter or digit → '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fold(text: str) -> str:
    """Text compared as a reader would: no accents, no case, single spaces."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def title_case(text: str) -> str:
    """`CHECKLIST DE IMPLEMENTACIÓN` → `Checklist de Implementación` (only shouted words change)."""
    words = []
    for position, word in enumerate(text.split()):
        if not word.isupper():
            words.append(word)
        elif position and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


def split_icon(text: str) -> tuple[str, str]:
    """`🛟 Soporte y Servicio` → ('🛟', 'Soporte y Servicio'); no leading emoji → ('', text)."""
    first, _, rest = text.strip().partition(" ")
    is_icon = (
        first
        and not any(c.isalnum() for c in first)
        and any(unicodedata.category(c) in ("So", "Sk", "Cs") or ord(c) >= 0x2000 for c in first)
    )
    return (first, rest.strip()) if is_icon else ("", text.strip())


def unbold(text: str) -> str:
    """`**Características:**` → `Características` (emphasis and the trailing colon removed)."""
    text = text.strip()
    match = BOLD_LINE.match(text)
    if match:
        text = match.group("text")
    return text.strip().rstrip(":").strip()


def unique(base: str, taken: set[str], fallback: str) -> str:
    """base, or base-2, base-3… when already taken; fallback when base is empty."""
    base = base or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def content_words(text: str) -> list[str]:
    """The slug words of text without connecting words and -mente adverbs (`Optimiza continuamente` → optimiza)."""
    return [w for w in slug(text).split("-") if w and w not in SMALL_WORDS and not w.endswith("mente")]


def item_id(text: str) -> str:
    """A checklist item's id: its first two content words (`Identifica tipo de soporte apropiado` → identifica-tipo).

    Short on purpose: these ids key the ticks readers save in their browsers, and match the
    ids the committed data/ already uses for the seed.
    """
    return "-".join(content_words(text)[:2]) or slug(text)


# ---------------------------------------------------------------- blocks


def tokenize(text: str) -> list[Token]:
    """The document's blocks in order; blank lines dropped. Raises SourceProblem on an unclosed code block."""
    lines = text.split("\n")
    tokens: list[Token] = []
    i = 0
    while i < len(lines):
        raw, stripped, number = lines[i], lines[i].strip(), i + 1
        i += 1
        if not stripped:
            continue
        if stripped.startswith("```"):
            end = next((j for j in range(i, len(lines)) if lines[j].strip().startswith("```")), None)
            if end is None:
                raise SourceProblem(
                    number,
                    "this code block is never closed (no closing ```): the file looks "
                    "truncated — re-export the whole document, or close the block",
                )
            code = tuple((j + 1, lines[j].rstrip()) for j in range(i, end))
            tokens.append(Token("code", number, "", tuple(lines[number - 1 : end + 1]), code=code))
            i = end + 1
            continue
        tokens.append(_line_token(raw, stripped, number))
    return tokens


def _line_token(raw: str, stripped: str, number: int) -> Token:
    """The block of one non-blank line outside code."""
    if match := HEADING.match(stripped):
        return Token("heading", number, match.group(2), (raw,), level=len(match.group(1)))
    if RULE.match(stripped):
        return Token("rule", number, stripped, (raw,))
    if match := CHECK.match(stripped):
        return Token("check", number, match.group(1).strip(), (raw,))
    if match := BULLET.match(stripped):
        return Token("bullet", number, match.group(1).strip(), (raw,))
    if match := NUMBERED.match(stripped):
        return Token("numbered", number, match.group(2).strip(), (raw,), number=int(match.group(1)))
    if stripped.startswith("|"):
        return Token("table", number, stripped, (raw,))
    return Token("para", number, stripped, (raw,))


def bold_label(token: Token) -> tuple[str, str] | None:
    """`**Resultado:** text` → ('Resultado', 'text'); None when the block is not a bold label."""
    if token.kind != "para":
        return None
    match = BOLD_LABEL.match(token.text)
    if not match:
        return None
    label = match.group("label") or match.group("label2")
    value = match.group("value") if match.group("label") else match.group("value2")
    return label.strip(), (value or "").strip()


def take(tokens: list[Token], start: int, kind: str) -> tuple[list[Token], int]:
    """The run of consecutive blocks of one kind from start, and the index after it."""
    end = start
    while end < len(tokens) and tokens[end].kind == kind:
        end += 1
    return tokens[start:end], end


def table_cells(token: Token) -> list[str]:
    """`| **A** | b |` → ['A', 'b']."""
    return [
        unbold(cell) if cell.strip().startswith("**") else cell.strip()
        for cell in token.text.strip().strip("|").split("|")
    ]


def is_table_rule(token: Token) -> bool:
    """The `|---|---|` line under a table's header."""
    return bool(re.fullmatch(r"\|?[\s:|-]+\|?", token.text)) and "-" in token.text


# ---------------------------------------------------------------- the document's parts


class _Parser:
    """Maps the blocks of one document onto the data files' fields."""

    def __init__(self, ctx: _Context, tokens: list[Token]):
        self.ctx = ctx
        self.tokens = tokens
        self.index_titles: dict[str, str] = {}
        self.technique_ids: set[str] = set()
        self.footer: dict[str, tuple[Token, str, str]] = {}
        self.closing: tuple[str, str] | None = None

    # -- layout

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

    def display_title(self, raw: str) -> str:
        """A `##` heading as a title: the index's spelling if listed there, else shouted words title-cased."""
        if fold(raw) in self.index_titles:
            return self.index_titles[fold(raw)]
        shouted = raw == raw.upper() and any(c.isalpha() for c in raw)
        return title_case(raw) if shouted else raw

    # -- preamble, footer and closing line

    def preamble(self, tokens: list[Token]) -> dict[str, str] | None:
        """Title, icon and subtitle from `# <icon> Title` and the bold line under it."""
        title_at = next((i for i, t in enumerate(tokens) if t.kind == "heading" and t.level == 1), None)
        if title_at is None:
            first = next((t.line for t in self.tokens), 1)
            self.ctx.error(first, "no title: the document must start with a `# <emoji> Title` line — add one")
            return None
        heading = tokens[title_at]
        icon, title = split_icon(heading.text)
        subtitle = None
        for token in tokens[:title_at] + tokens[title_at + 1 :]:
            match = BOLD_LINE.match(token.text) if token.kind == "para" else None
            if subtitle is None and match and not bold_label(token):
                subtitle = match.group("text").strip()
            else:
                self.ctx.keep(token, "(before the first section)")
        if not title:
            self.ctx.error(heading.line, "the title is empty — write the playbook's name after the `#`")
            return None
        if subtitle is None:
            self.ctx.error(
                heading.line, "no subtitle under the title — add a bold line (`**What this playbook covers**`) under it"
            )
            return None
        return {"title": title, "icon": Icon(icon or DEFAULT_ICON), "subtitle": subtitle}

    def split_footer(self, section: Section) -> None:
        """Take the closing quote and the `**Label:** value` footer lines off the end of the last section."""
        tokens = section.tokens
        end = len(tokens)
        while end and tokens[end - 1].kind == "rule":
            end -= 1
        if end and tokens[end - 1].kind == "para" and (match := CLOSING.match(tokens[end - 1].text)):
            self.closing = (match.group("quote").strip(), match.group("icons").strip())
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
        known = {fold(DEFAULT_LABELS[key]): key for key in FOOTER_KEYS}
        pending = []
        for token in lines:
            label, value = bold_label(token)  # type: ignore[misc]
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

    # -- sections

    def kind(self, section: Section, type_names: list[str]) -> str:
        """What a `##` section is, told by its blocks (not its wording, which varies by playbook)."""
        tokens = section.tokens
        headings = [t for t in tokens if t.kind == "heading"]
        numbered_titles = [t for t in headings if NUMBERED_TITLE.match(unbold(t.text))]
        if any(t.kind == "table" for t in tokens):
            return "framework"
        if any(t.level == 4 for t in numbered_titles):
            return "support_type"
        if any(t.kind == "check" for t in tokens):
            return "checklist"
        if numbered_titles and any(t.kind == "code" for t in tokens):
            return "optimization"
        if numbered_titles:
            return "cases"
        if any(t.kind == "numbered" and PRINCIPLE.match(t.text) for t in tokens):
            return "summary"
        if any(t.kind == "numbered" and INDEX_ENTRY.match(t.text) for t in tokens):
            return "index"
        if self.row_for(section.title, type_names) is not None:
            return "support_type"  # a type's section whose techniques are missing: reported as such
        return "unknown"

    @staticmethod
    def row_for(title: str, names: list[str]) -> int | None:
        """The framework row whose type name is a word of the section title (`Soporte 24/7` → `24/7`)."""
        padded = f"-{slug(title)}-"
        found = [(len(slug(n)), i) for i, n in enumerate(names) if slug(n) and f"-{slug(n)}-" in padded]
        return max(found)[1] if found else None

    def index(self, section: Section) -> None:
        """The ÍNDICE: its entries give the sections' titles as the author spells them."""
        self.ctx.label("index", self.display_title(section.title))
        for token in section.tokens:
            match = INDEX_ENTRY.match(token.text) if token.kind == "numbered" else None
            if match:
                self.index_titles.setdefault(fold(match.group("text")), match.group("text").strip())
            else:
                self.ctx.keep(token, section.title)

    def framework(self, section: Section) -> tuple[dict[str, Any] | None, list[tuple[Token, list[str]]]]:
        """The framework title, its table's title and columns, and the table's rows."""
        title = self.display_title(section.title)
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
                self.ctx.keep(token, title)
        if header is None:
            self.ctx.error(
                section.heading.line,
                "the framework section has no table — add the table "
                "`| Tipo | Preocupación Principal | Técnica Principal | Enfoque |`",
            )
            return None, []
        columns = table_cells(header)
        if len(columns) != 4:
            self.ctx.error(
                header.line,
                f"the framework table has {len(columns)} columns, not 4 (type, main concern, "
                "main technique, focus) — keep exactly those four",
            )
            return None, []
        for token, cells in rows:
            if len(cells) != 4 or not all(cells):
                self.ctx.error(
                    token.line,
                    f"this table row has {len([c for c in cells if c])} filled cells, not 4 — "
                    "fill type, main concern, main technique and focus",
                )
        if table_title is None:
            self.ctx.error(
                section.heading.line, "the framework table has no title — add a `### **Title:**` line above the table"
            )
        framework = {
            "title": title,
            "icon": Icon(section.icon or DEFAULT_ICON),
            "table_title": table_title or "",
            "columns": dict(zip(["name", "main_concern", "main_technique", "focus"], columns)),
        }
        return framework, [(t, c) for t, c in rows if len(c) == 4]

    def support_type(self, section: Section, row: list[str], order: int, type_id: str) -> dict[str, Any] | None:
        """One `## <icon> SOPORTE X` section: characteristics and techniques, with its framework row."""
        title = self.display_title(section.title)
        tokens, characteristics, techniques, i = section.tokens, None, [], 0
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "heading" and NUMBERED_TITLE.match(unbold(token.text)):
                body_end = next((j for j in range(i + 1, len(tokens)) if tokens[j].kind == "heading"), len(tokens))
                technique = self.technique(token, tokens[i + 1 : body_end], title, with_key_elements=True)
                if technique:
                    techniques.append(technique)
                i = body_end
            elif token.kind == "heading" and token.level == 3:
                bullets, after = take(tokens, i + 1, "bullet")
                if bullets and characteristics is None:
                    self.ctx.label("characteristics", unbold(token.text))
                    characteristics = [b.text for b in bullets]
                elif not bullets and _opens_techniques(tokens, i):
                    # "Técnicas y Scripts", repeated by every support type: the first one is the label.
                    self.ctx.label("techniques", unbold(token.text))
                else:
                    for kept in tokens[i:after]:
                        self.ctx.keep(kept, title)
                i = after
            else:
                self.ctx.keep(token, title)
                i += 1
        if not characteristics:
            self.ctx.error(
                section.heading.line,
                f"support type “{title}” has no characteristics — add a "
                "`### **Características:**` heading followed by `- ` items",
            )
        if not techniques and not any(NUMBERED_TITLE.match(unbold(t.text)) for t in tokens if t.kind == "heading"):
            self.ctx.error(
                section.heading.line,
                f"support type “{title}” has no techniques — add "
                "`#### **Técnica 1: Title**` with its process, script and "
                "key elements",
            )
        if not characteristics or not techniques:
            return None
        return {
            "id": type_id,
            "order": order,
            "name": row[0],
            "title": title,
            "icon": Icon(section.icon or DEFAULT_ICON),
            "main_concern": row[1],
            "main_technique": row[2],
            "focus": row[3],
            "characteristics": characteristics,
            "techniques": techniques,
        }

    def numbered_title(self, heading: Token, label_key: str) -> str:
        """`Técnica 1: Title` / `Caso 1: Title` → the title; the word before the number becomes a label."""
        match = NUMBERED_TITLE.match(unbold(heading.text))
        assert match is not None
        self.ctx.label(label_key, match.group("label"))
        return match.group("title").strip()

    def technique(self, heading: Token, body: list[Token], section: str, with_key_elements: bool) -> dict | None:
        """`Técnica N: Title` with its process and script code blocks (and key elements for a support type)."""
        title = self.numbered_title(heading, "technique")
        process = script = key_elements = None
        i = 0
        while i < len(body):
            token, found = body[i], bold_label(body[i])
            if found and not found[1] and i + 1 < len(body) and body[i + 1].kind in ("code", "bullet"):
                label, i = found[0], i + 1
                token = body[i]
            else:
                label = None
            if token.kind == "code" and _is_script(token) and script is None:
                script = self.script(token, title)
                self.ctx.label("script", label or "")
                i += 1
            elif token.kind == "code" and _is_process(token) and process is None:
                process = self.numbered_lines(token, section)
                self.ctx.label("process", label or "")
                i += 1
            elif token.kind == "bullet" and with_key_elements and key_elements is None:
                bullets, i = take(body, i, "bullet")
                key_elements = [b.text for b in bullets]
                self.ctx.label("key_elements", label or "")
            else:
                if label:
                    self.ctx.keep(body[i - 1], section, "label")
                run, i = take(body, i, token.kind) if token.kind in ("bullet", "numbered") else ([token], i + 1)
                for kept in run:
                    self.ctx.keep(kept, section)
        missing = [name for name, value in (("process", process), ("script", script)) if value is None]
        if with_key_elements and key_elements is None:
            missing.append("key elements")
        if "script" in missing:
            self.ctx.error(
                heading.line,
                f"technique “{title}” has no script — add a **Script:** code block: "
                '`"Opening`, `HEADING:` sections of `- line`s, `Closing?"`',
            )
        if "process" in missing:
            self.ctx.error(
                heading.line,
                f"technique “{title}” has no process — add a **Proceso:** code block of numbered steps (`1. Step`)",
            )
        if "key elements" in missing:
            self.ctx.error(
                heading.line,
                f"technique “{title}” has no key elements — add **Elementos Clave:** followed by `- ` items",
            )
        if missing or script is False:
            return None
        technique = {
            "id": unique(slug(title), self.technique_ids, "tecnica"),
            "title": title,
            "process": process,
            "script": script,
        }
        if with_key_elements:
            technique["key_elements"] = key_elements
        return technique

    def numbered_lines(self, token: Token, section: str) -> list[str]:
        """The steps of a process code block (`1. Step`); other lines are kept as unmapped."""
        steps = []
        for number, line in token.code:
            match = NUMBERED.match(line.strip())
            if match and match.group(2).strip():
                steps.append(match.group(2).strip())
            elif line.strip():
                self.ctx.keep(Token("para", number, line.strip(), (line,)), section, "process line")
        return steps

    def script(self, token: Token, title: str) -> dict[str, Any] | bool:
        """A script code block: `"Opening`, `HEADING:` followed by `- line`s, `Closing?"`; False when broken."""
        lines = [(n, line.strip()) for n, line in token.code if line.strip()]
        (first_line, first), (last_line, last) = lines[0], lines[-1]
        if len(lines) < 2 or not last.endswith(('"', "”")) or not last[:-1].strip():
            self.ctx.error(
                last_line,
                f"the script of “{title}” does not end with a closing line in quotes "
                '(`¿Question?"`) — is the block cut short? add the closing line',
            )
            return False
        if not first[1:].strip():
            self.ctx.error(
                first_line,
                f'the script of “{title}” opens with an empty quote — write its opening words right after the `"`',
            )
            return False
        sections: list[dict[str, Any]] = []
        for number, line in lines[1:-1]:
            if line.startswith("- ") and sections:
                sections[-1]["lines"].append(line[2:].strip())
            elif line.endswith(":") and not line.startswith("-"):
                sections.append({"heading": line[:-1].strip(), "lines": []})
            else:
                self.ctx.keep(Token("para", number, line, (line,)), title, "script line")
        broken = False
        for section in sections:
            if not section["lines"]:
                self.ctx.error(
                    token.line,
                    f"the script of “{title}” has a `{section['heading']}:` section with no "
                    "`- ` lines — add its lines or remove the heading",
                )
                broken = True
        if not sections:
            self.ctx.error(
                first_line,
                f"the script of “{title}” has no `HEADING:` section followed by `- ` lines — add at least one",
            )
            broken = True
        if broken:
            return False
        return {"opening": first[1:].strip(), "sections": sections, "closing": last[:-1].strip()}

    def optimization(self, section: Section) -> dict[str, Any] | None:
        """The optimisation techniques: `### **Técnica N: Title**` with process and script."""
        title = self.display_title(section.title)
        techniques = self._numbered_blocks(
            section, title, lambda h, body: self.technique(h, body, title, with_key_elements=False)
        )
        if not techniques:
            self.ctx.error(
                section.heading.line,
                "the optimisation section has no technique that could be read — "
                "add `### **Técnica 1: Title**` with its process and script",
            )
            return None
        return {"title": title, "icon": Icon(section.icon or DEFAULT_ICON), "techniques": techniques}

    def _numbered_blocks(
        self, section: Section, title: str, read: Callable[[Token, list[Token]], dict | None]
    ) -> list[dict]:
        """Read each `### **Label N: Title**` block of a section; keep anything between them as unmapped."""
        tokens, found, i = section.tokens, [], 0
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "heading" and NUMBERED_TITLE.match(unbold(token.text)):
                end = next((j for j in range(i + 1, len(tokens)) if tokens[j].kind == "heading"), len(tokens))
                item = read(token, tokens[i + 1 : end])
                if item:
                    found.append(item)
                i = end
            else:
                self.ctx.keep(token, title)
                i += 1
        return found

    def case_studies(self, section: Section, types: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The case studies: `### **Caso N: Title**`, situation bullets, strategy steps, result."""
        title = self.display_title(section.title)
        case_ids: set[str] = set()
        cases = self._numbered_blocks(section, title, lambda h, body: self.case(h, body, title, types, case_ids))
        if not cases:
            self.ctx.error(
                section.heading.line,
                "the case studies section has no case that could be read — add "
                "`### **Caso 1: Title**` with situation, strategy and result",
            )
            return None
        return {"title": title, "icon": Icon(section.icon or DEFAULT_ICON), "cases": cases}

    def case(
        self, heading: Token, body: list[Token], section: str, types: list[dict[str, Any]], case_ids: set[str]
    ) -> dict[str, Any] | None:
        """One case study, with its support type read from its title (`Soporte X → Result`) or situation."""
        title = self.numbered_title(heading, "case")
        situation = strategy = result = None
        i = 0
        while i < len(body):
            token, found = body[i], bold_label(body[i])
            kind = body[i + 1].kind if i + 1 < len(body) else None
            if found and found[1] and result is None:
                result = found[1]
                self.ctx.label("result", found[0])
                i += 1
            elif found and not found[1] and kind == "bullet" and situation is None:
                bullets, i = take(body, i + 1, "bullet")
                situation = [b.text for b in bullets]
                self.ctx.label("situation", found[0])
            elif found and not found[1] and kind == "numbered" and strategy is None:
                steps, i = take(body, i + 1, "numbered")
                strategy = [s.text for s in steps]
                self.ctx.label("strategy", found[0])
            else:
                self.ctx.keep(token, section)
                i += 1
        for name, value, example in (
            ("situation", situation, "**Situación:** followed by `- ` items"),
            ("strategy", strategy, "**Estrategia:** followed by `1. ` steps"),
            ("result", result, "**Resultado:** text"),
        ):
            if value is None:
                self.ctx.error(heading.line, f"case “{title}” has no {name} — add {example}")
        type_id = self.case_support_type(title, situation or [], types)
        if type_id is None:
            self.ctx.error(
                heading.line,
                f"case “{title}” names no support type — start its title with the type "
                "(`Soporte X → Resultado`) or add `- Enfoque: Soporte X` to its situation",
            )
        if None in (situation, strategy, result, type_id):
            return None
        parts = ARROW.split(title, maxsplit=1)
        return {
            "id": unique(slug(parts[-1]), case_ids, "caso"),
            "title": title,
            "support_type": type_id,
            "situation": situation,
            "strategy": strategy,
            "result": result,
        }

    @staticmethod
    def case_support_type(title: str, situation: list[str], types: list[dict[str, Any]]) -> str | None:
        """The support type a case names: before its arrow, else anywhere in its title or situation."""
        places = [ARROW.split(title, maxsplit=1)[0]] if ARROW.search(title) else []
        for text in places + [title, *situation]:
            padded = f"-{slug(text)}-"
            for support_type in types:
                if fold(support_type["title"]) == fold(text) or f"-{slug(support_type['name'])}-" in padded:
                    return support_type["id"]
        return None

    def checklist(self, section: Section) -> dict[str, Any] | None:
        """The checklist: `### **Phase:**` headings, each followed by `- [ ] item`s."""
        title = self.display_title(section.title)
        phases: list[dict[str, Any]] = []
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
                        "id": unique(words[0], phase_ids, "fase"),
                        "title": phase_title,
                        "items": [{"id": unique(item_id(t.text), item_ids, "item"), "text": t.text} for t in items],
                    }
                )
                i = after
            else:
                self.ctx.keep(token, title)
                i += 1
        if not phases:
            self.ctx.error(
                section.heading.line, "the checklist has no phase — add `### **Phase:**` followed by `- [ ] item` lines"
            )
            return None
        # The checklist's id keys readers' saved ticks: its title without the word "checklist" (implementacion).
        words = [w for w in content_words(title) if w != "checklist"]
        return {
            "id": "-".join(words) or "checklist",
            "title": title,
            "icon": Icon(section.icon or DEFAULT_ICON),
            "phases": phases,
        }

    def summary(self, section: Section) -> tuple[dict[str, Any], list[dict[str, str]]] | None:
        """The executive summary: its title, the principles' title and `1. **Name** - text` principles."""
        title = self.display_title(section.title)
        principles_title, principles = None, []
        for token in section.tokens:
            match = PRINCIPLE.match(token.text) if token.kind == "numbered" else None
            if match:
                principles.append({"name": match.group("name").strip(), "text": match.group("text").strip()})
            elif token.kind == "heading" and token.level == 3 and principles_title is None:
                principles_title = unbold(token.text)
            else:
                self.ctx.keep(token, title)
        if not principles or principles_title is None:
            self.ctx.error(
                section.heading.line,
                "the summary needs a `### **Principles title:**` heading and "
                "principles written `1. **Name** - sentence` — add them",
            )
            return None
        summary = {"title": title, "icon": Icon(section.icon or DEFAULT_ICON), "principles_title": principles_title}
        return summary, principles


def _opens_techniques(tokens: list[Token], at: int) -> bool:
    """The heading at `at` is followed by a technique's `Label N: Title` heading."""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    return bool(following and following.kind == "heading" and NUMBERED_TITLE.match(unbold(following.text)))


def _is_script(token: Token) -> bool:
    """A script's code block starts with an opening quote."""
    first = next((line.strip() for _, line in token.code if line.strip()), "")
    return first.startswith(('"', "“"))


def _is_process(token: Token) -> bool:
    """A process's code block starts with a numbered step."""
    first = next((line.strip() for _, line in token.code if line.strip()), "")
    return bool(NUMBERED.match(first))


# ---------------------------------------------------------------- the whole import


def import_markdown(text_or_bytes: str | bytes, source_name: str) -> ImportResult:
    """Parse one Markdown playbook into the files of data/ (plus unmapped.yml), without writing anything."""
    result = ImportResult(source_name)
    ctx = _Context(source_name)
    try:
        text, notes = decode_source(text_or_bytes)
        tokens = tokenize(text)
    except SourceProblem as problem:
        result.errors.append(f"{source_name}:{problem.line}: {problem.message}")
        return result
    result.report += [f"{source_name}: {note}" for note in notes]
    data = _parse(ctx, tokens, max(1, len(text.rstrip("\n").split("\n"))))
    result.errors += ctx.errors
    result.unmapped = ctx.unmapped
    result.document_labels = sorted(ctx.labels)
    if ctx.errors or data is None:
        return result
    result.data = data
    result.files = {path: _dump(path, value) for path, value in data.items()}
    result.files[UNMAPPED_FILE] = UNMAPPED_HEADER + _readable_emoji(
        yaml.dump(ctx.unmapped, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
    )
    result.report += _summary(source_name, data, ctx)
    return result


def _parse(ctx: _Context, tokens: list[Token], last_line: int) -> dict[str, Any] | None:
    """All the data files' contents (path → dict), or None when the document misses a required part."""
    parser = _Parser(ctx, tokens)
    preamble, sections = parser.sections()
    head = parser.preamble(preamble)
    if head is None:
        return None
    if sections:
        parser.split_footer(sections[-1])
    framework, types, parts = _read_sections(parser, sections)
    _check_required(parser, last_line, framework, types, parts)
    last_updated = _last_updated(parser)
    if ctx.errors or None in (framework, last_updated, *parts.values()):
        return None
    files = _assemble(parser, head, framework, last_updated, types, parts)  # type: ignore[arg-type]
    _check_figures(ctx, parser.footer, files)
    return files


def _read_sections(parser: _Parser, sections: list[Section]) -> tuple[dict | None, list[dict], dict[str, Any]]:
    """Read every `##` section by its kind: the index and framework first, since the others use them."""
    ctx = parser.ctx
    first_pass = {id(s): parser.kind(s, []) for s in sections}
    for section in sections:
        if first_pass[id(section)] == "index":
            parser.index(section)
    framework, rows = None, []
    framework_section = next((s for s in sections if first_pass[id(s)] == "framework"), None)
    if framework_section:
        framework, rows = parser.framework(framework_section)
    elif sections:
        ctx.error(
            sections[0].heading.line,
            "no framework section with its table was found — add "
            "`## 🎯 FRAMEWORK …` with `| Tipo | … |` (is the file truncated?)",
        )
    names = [cells[0] for _, cells in rows]
    parts: dict[str, Any] = {}
    types: list[dict[str, Any]] = []
    type_ids: set[str] = set()
    used_rows: set[int] = set()
    readers = {
        "optimization": parser.optimization,
        "checklist": parser.checklist,
        "summary": parser.summary,
        "cases": lambda section: section,
    }  # cases are read last: they name the support types
    for section in sections:
        kind = first_pass[id(section)]
        if kind == "index" or section is framework_section:
            continue
        if kind != "framework":  # a second table is not the framework: kept below as unknown
            kind = parser.kind(section, names)  # now that the types' names are known
        if kind == "support_type":
            row = parser.row_for(section.title, names)
            if row is None:
                ctx.error(
                    section.heading.line,
                    f"“{parser.display_title(section.title)}” has no row in the "
                    "framework table — add `| **Name** | concern | technique | focus |`",
                )
                continue
            used_rows.add(row)
            support_type = parser.support_type(
                section, rows[row][1], len(types) + 1, unique(slug(names[row]), type_ids, "tipo")
            )
            if support_type:
                types.append(support_type)
        elif kind in readers and kind not in parts:
            parts[kind] = readers[kind](section)
        else:
            what = f"second {kind} section" if kind in readers else "section"
            ctx.keep(section.heading, section.title, what)
            for token in section.tokens:
                ctx.keep(token, section.title)
    for i, (token, cells) in enumerate(rows):
        if i not in used_rows:
            ctx.keep(token, "framework", f"table row (no `## … {cells[0]}` section)")
    if "cases" in parts:
        parts["cases"] = parser.case_studies(parts["cases"], types)
    return framework, types, parts


def _check_required(
    parser: _Parser, last_line: int, framework: dict | None, types: list[dict], parts: dict[str, Any]
) -> None:
    """Report each required part the document lacks (a truncated file lacks its end)."""
    ctx = parser.ctx
    if framework and not types:
        ctx.error(
            last_line, "no support type section was read — add `## <emoji> SOPORTE X` sections (is the file truncated?)"
        )
    for kind, what, example in (
        ("optimization", "optimisation", "## 🎨 TÉCNICAS DE OPTIMIZACIÓN …"),
        ("cases", "case studies", "## 📚 CASOS DE ESTUDIO"),
        ("checklist", "checklist", "## ✅ CHECKLIST …"),
        ("summary", "summary", "## 🎯 RESUMEN EJECUTIVO"),
    ):
        _require(ctx, last_line, kind in parts, f"{what} section", example)
    for key, example in (("version", "**Versión:** 1.0"), ("last_updated", "**Última actualización:** 2025-01-27")):
        _require(ctx, last_line, key in parser.footer, f"{key.replace('_', ' ')} line at the end", example)
    _require(ctx, last_line, parser.closing, "closing quote at the end", '**"The quote."** 🛟')


def _last_updated(parser: _Parser) -> date | None:
    """The footer's date, or None (reported) when it is missing or not YYYY-MM-DD."""
    if "last_updated" not in parser.footer:
        return None
    token, _, value = parser.footer["last_updated"]
    try:
        return date.fromisoformat(value)
    except ValueError:
        parser.ctx.error(token.line, f"`{value}` is not a date — write it as YYYY-MM-DD, e.g. 2025-01-27")
        return None


def _assemble(
    parser: _Parser, head: dict[str, str], framework: dict, last_updated: date, types: list[dict], parts: dict[str, Any]
) -> dict[str, Any]:
    """The data files (path → dict), fields in the models' order."""
    summary, principles = parts["summary"]
    quote, icons = parser.closing  # type: ignore[misc]
    info = {
        # The id keys the progress saved in readers' browsers: the title's slug, stable across imports.
        "id": slug(head["title"]) or "playbook",
        **head,
        "version": parser.footer["version"][2],
        "last_updated": last_updated,
        "framework": framework,
        "summary": summary,
        "principles": principles,
        "closing_quote": quote,
        "closing_icons": Icon(icons or head["icon"]),
        "labels": {key: parser.ctx.labels.get(key, default) for key, default in DEFAULT_LABELS.items()},
    }
    files: dict[str, Any] = {"data/playbook.yml": info}
    for support_type in types:
        files[f"data/support_types/{support_type['id']}.yml"] = support_type
    files["data/optimization.yml"] = parts["optimization"]
    files["data/case_studies.yml"] = parts["cases"]
    files["data/checklist.yml"] = parts["checklist"]
    return files


def _require(ctx: _Context, last_line: int, present: object, what: str, example: str) -> None:
    """Report a required part of the document that is missing."""
    if not present:
        ctx.error(last_line, f"no {what} was found — add `{example}` (is the file truncated?)")


def _check_figures(ctx: _Context, footer: dict[str, tuple[Token, str, str]], files: dict[str, Any]) -> None:
    """Note the footer figures: not imported (the site counts them), but a figure the data contradicts is noted."""
    types = [v for k, v in files.items() if k.startswith("data/support_types/")]
    per_type = sorted({len(t["techniques"]) for t in types})
    counted = {
        "total_types": len(types),
        "techniques_per_type": per_type[0] if len(per_type) == 1 else None,
        "complete_scripts": sum(len(t["techniques"]) for t in types),
        "optimization_techniques": len(files["data/optimization.yml"]["techniques"]),
        "case_studies": len(files["data/case_studies.yml"]["cases"]),
    }
    found = [key for key in FIGURE_KEYS if key in footer]
    if found:
        figures = ", ".join(f"`{footer[k][1]}: {footer[k][2]}`" for k in found)
        ctx.notes.append(f"recognised the footer figures {figures} — not imported: the site counts them from the data")
    for key in found:
        token, label, value = footer[key]
        match = FIGURE.match(value)
        if match and counted[key] is not None and int(match.group("low")) != counted[key]:
            ctx.notes.append(
                f"{ctx.source}:{token.line}: the document says `{label}: {value}` but the data has "
                f"{counted[key]}; the site will show the counted figure"
            )


def _summary(source: str, data: dict[str, Any], ctx: _Context) -> list[str]:
    """The report's lines after a successful parse: counts, notes, labels and unmapped blocks."""
    types = [v for k, v in data.items() if k.startswith("data/support_types/")]
    phases = data["data/checklist.yml"]["phases"]
    counts = [
        (len(types), "support type"),
        (sum(len(t["techniques"]) for t in types), "technique"),
        (len(data["data/optimization.yml"]["techniques"]), "optimisation technique"),
        (len(data["data/case_studies.yml"]["cases"]), "case stud"),
        (len(phases), "checklist phase"),
        (sum(len(p["items"]) for p in phases), "checklist item"),
        (len(data["data/playbook.yml"]["principles"]), "principle"),
    ]
    lines = [f"{source}: " + ", ".join(_plural(n, word) for n, word in counts)]
    lines += [note if note.startswith(f"{source}:") else f"{source}: {note}" for note in ctx.notes]
    defaults = [key for key in DEFAULT_LABELS if key not in ctx.labels]
    lines.append(
        f"{source}: {len(ctx.labels)} interface labels taken from the document; {len(defaults)} not in it, "
        f"taken from the defaults: {', '.join(defaults)}"
    )
    lines += ctx.unmapped_report
    lines.append(f"{source}: {len(ctx.unmapped)} unmapped blocks (kept in {UNMAPPED_FILE})")
    return lines


def _plural(count: int, word: str) -> str:
    """`1 technique`, `2 techniques`, `1 case study`, `2 case studies`."""
    if word.endswith("stud"):
        return f"{count} {word}{'y' if count == 1 else 'ies'}"
    return f"{count} {word}{'' if count == 1 else 's'}"


# ---------------------------------------------------------------- YAML


class _Dumper(yaml.SafeDumper):
    """Our files' layout: lists indented under their key, double quotes, multi-line text as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent a list under its key (`techniques:` then `  - id: …`), as the committed files do."""
        return super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str | None:
        """PyYAML's choice, with double quotes where it would use single ones."""
        # The editing guide tells authors to use double quotes ("[X] minutos"): write them the same way.
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


class Icon(str):
    """An icon (emoji), written in double quotes as in the committed files."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)
_Dumper.add_representer(
    Icon, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')
)

SEPARATED_LISTS = {"techniques", "cases", "phases"}
"""Lists whose items are long blocks: a blank line between items, as in the committed files."""
BLANK_BEFORE = {"closing_quote"}
"""Scalar keys that open a new group in the hand-written files (block-valued keys always do)."""
COMMENTS = {
    "id": "# Stable id of this playbook: keys the progress saved in readers' browsers. Do not change it.",
    "labels": "# Interface text that is not Material's own. Change these to publish a playbook in another language.",
}


def _dump(path: str, value: dict[str, Any]) -> str:
    """One data file's text: the schema line, then the YAML laid out like the hand-written files."""
    schema = SCHEMAS.get(path, SCHEMAS["support_type"])
    body = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
    lines, current, first_item = [SCHEMA_LINE.format(schema)], None, True
    for line in body.splitlines():
        if line and not line.startswith((" ", "-", "#")):
            current, first_item = line.split(":", 1)[0], True
            if path == "data/playbook.yml" and current in COMMENTS:
                lines += [""] if current != "id" else []
                lines.append(COMMENTS[current])
            elif line.endswith(":") or current in BLANK_BEFORE:
                lines.append("")
        elif current in SEPARATED_LISTS and line.startswith("  - "):
            if not first_item:
                lines.append("")
            first_item = False
        lines.append(line)
    return _readable_emoji("\n".join(lines) + "\n")


ASTRAL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\U([0-9A-Fa-f]{8})")
"""`\\U0001F6DF` (not preceded by an escaped backslash)."""
DOUBLE_QUOTED_LINE = re.compile(r'^\s*(?:- )*(?:\w+: )?"')
"""A line holding one double-quoted scalar: the only place PyYAML writes `\\U` escapes."""


def _readable_emoji(text: str) -> str:
    """Write emoji as themselves: PyYAML escapes characters beyond U+FFFF inside double quotes."""
    lines = [
        ASTRAL_ESCAPE.sub(lambda m: m.group(1) + chr(int(m.group(2), 16)), line)
        if DOUBLE_QUOTED_LINE.match(line)
        else line
        for line in text.split("\n")
    ]
    readable = "\n".join(lines)
    # Only when YAML reads the same data back: a `\\U` typed in a plain text must stay as typed.
    return readable if yaml.safe_load(readable) == yaml.safe_load(text) else text


# ---------------------------------------------------------------- writing


def write_import(result: ImportResult, out_dir: Path) -> list[str]:
    """Validate the files with the loader in a scratch folder, then move them into out_dir.

    Returns the loader's problems (nothing written) or an empty list. out_dir/data is replaced
    as a whole, so a re-import leaves no file from an earlier one.
    """
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="playbook-import-") as scratch:
        stage = Path(scratch)
        for relative, text in result.files.items():
            path = stage / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        try:
            load_playbook(stage / "data")
        except DataErrors as exc:
            return [
                f"{result.source}: the imported {error} — please report this document "
                "(the importer produced data the schema refuses)"
                for error in exc.errors
            ]
        _install(stage, out_dir)
    return []


def _install(stage: Path, out_dir: Path) -> None:
    """Swap stage/data in for out_dir/data (renames on one file system), then unmapped.yml."""
    out_dir.mkdir(parents=True, exist_ok=True)
    incoming, outgoing = out_dir / ".data.importing", out_dir / ".data.replaced"
    for leftover in (incoming, outgoing):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(stage / "data", incoming)
    target = out_dir / "data"
    if target.exists():
        target.rename(outgoing)
    incoming.rename(target)
    if outgoing.exists():
        shutil.rmtree(outgoing)
    partial = out_dir / f".{UNMAPPED_FILE}.importing"
    shutil.copyfile(stage / UNMAPPED_FILE, partial)
    os.replace(partial, out_dir / UNMAPPED_FILE)


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """`SRC OUT`: import SRC into OUT/data/ and OUT/unmapped.yml; print the report; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m macros import",
        description="Import a Markdown playbook (in the shape of the seed) into data/ YAML files.",
    )
    parser.add_argument("source", type=Path, help="the Markdown playbook to import")
    parser.add_argument("out", type=Path, help="folder that receives data/ and unmapped.yml")
    args = parser.parse_args(argv)
    source = str(args.source)
    try:
        raw = args.source.read_bytes()
    except OSError as exc:
        print(f"{source}:1: cannot read the file ({exc.strerror}) — check the path", file=sys.stderr)
        return 1
    if args.out.exists() and not args.out.is_dir():
        print(f"{args.out}: is a file — give the folder that should receive data/ and {UNMAPPED_FILE}", file=sys.stderr)
        return 1
    result = import_markdown(raw, source)
    problems = result.errors or write_import(result, args.out)
    for line in result.report:
        print(line)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s): nothing was written.", file=sys.stderr)
        return 1
    data_files = sum(1 for path in result.files if path.startswith("data/"))
    print(f"wrote {data_files} files into {args.out / 'data'} and {args.out / UNMAPPED_FILE}")
    return 0
