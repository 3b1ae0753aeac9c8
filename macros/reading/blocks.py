"""Blocks: the document cut into headings, list items, table rows, code blocks and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .words import unbold

if TYPE_CHECKING:
    from ..messages import Messages

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
NUMBERED_TITLE = re.compile(r"^(?P<label>.+?)\s+(?P<number>\d+)\s*:\s*(?P<title>.+)$")
"""`Técnica 1: Title`, `Caso 2: Title`."""
FIGURE = re.compile(r"^(?P<low>\d+)(?:\s*[–-]\s*(?P<high>\d+))?\+?\s*(?P<rest>.*)$")
"""A footer figure: `5`, `10+`, `2 cada uno`, `1–2`."""


@dataclass(frozen=True)
class Said:
    """Something the import tells its reader, as a key of the language's importer.yml and its blanks."""

    key: str
    params: dict = field(default_factory=dict)

    def spoken(self, say: Messages) -> str:
        """The line the reader reads, in the language of `say`."""
        return say.imports(self.key, **self.params)


class SourceProblem(Exception):
    """A problem that stops the import at once (not text, too big): reported at its line."""

    def __init__(self, line: int, key: str, **params: object):
        super().__init__(key)
        self.line = line
        self.said = Said(key, params)


MAX_STRUCTURED = 1_000
"""The longest line read as a heading, a list item, a label or a footer line (a real one is far shorter)."""


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


def tokenize(text: str, warnings: list[tuple[int, Said]] | None = None) -> list[Token]:
    """The document's blocks in order; blank lines dropped. A code block that is never closed runs to the end
    of the document (as Markdown reads it), with a warning."""
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
            closed = end is not None
            if not closed:
                if warnings is not None:
                    warnings.append((number, Said("unclosed_code")))
                end = len(lines)
                while end > i and not lines[end - 1].strip():
                    end -= 1
            code = tuple((j + 1, lines[j].rstrip()) for j in range(i, end))
            tokens.append(Token("code", number, "", tuple(lines[number - 1 : end + closed]), code=code))
            i = end + 1
            continue
        tokens.append(_line_token(raw, stripped, number))
    return tokens


def _line_token(raw: str, stripped: str, number: int) -> Token:
    """The block of one non-blank line outside code. A line too long to be a heading, an item or a label is a
    paragraph: no pattern runs over it (some are quadratic in a line's length), and it is kept as it is."""
    if len(stripped) > MAX_STRUCTURED:
        return Token("para", number, stripped, (raw,))
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
    if token.kind != "para" or len(token.text) > MAX_STRUCTURED:
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
