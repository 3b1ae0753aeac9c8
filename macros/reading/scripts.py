"""Scripts collected by situation, as real support playbooks write them: a heading per situation (`#### Envío
Demorado`) over a code block of labelled parts — `Script Base:` then the quoted script, `Follow-up si hay
demora:` then the next one. Each part becomes a section of the technique's script, its lines as written."""

from __future__ import annotations

import re
from typing import Any

from .blocks import Token, bold_label
from .words import BOLD_LINE, slug, without_markup

QUOTES = '"“”«»'
LABEL = re.compile(rf"^(?P<label>[^\s{QUOTES}\-*#>\d\[(][^{QUOTES}]{{0,78}}):$")
"""A part's label, alone on its line outside a quote: `Script Base:`, `Follow-up si hay demora:`."""
QUOTED = re.compile(rf"^(?:[-*]\s+)?[{QUOTES}]")
"""A line that says something: it opens a quote, as a line of its own or as a list item (`- "Entiendo…"`)."""


def labelled_script(token: Token) -> dict[str, Any] | None:
    """A code block read as a script without opening or closing: its parts as sections (`heading` the part's
    label, if it has one; `lines` as written, a line of markup aside). None when the block says nothing in
    quotes (commands, a table) or has a label with nothing under it."""
    if token.kind != "code":
        return None
    sections: list[dict[str, Any]] = []
    in_quote = False
    for _, line in token.code:
        text = line.strip()
        if not text:
            continue
        label = None if in_quote else LABEL.match(text)
        if label:
            sections.append({"heading": label.group("label").strip(), "lines": []})
            continue
        if not sections:
            sections.append({"lines": []})
        sections[-1]["lines"].append(text)
        in_quote ^= sum(text.count(q) for q in QUOTES) % 2 == 1
    quoted = any(QUOTED.match(line) for section in sections for line in section["lines"])
    if not quoted or any(not section["lines"] for section in sections):
        return None
    return {"sections": sections}


ASIDE = re.compile(r"\([^()]*\)")


def short_slug(title: str) -> str:
    """An id for a situation named at length: its words outside parentheses (`3) Confirmación (cita confirmada
    + ventana de llegada)` → `3-confirmacion`), all of them when nothing is left."""
    return slug(ASIDE.sub(" ", title)) or slug(title)


def heading_ends(tokens: list[Token], at: int) -> int:
    """Where the part under the heading at `at` ends: at the next heading of its level or above."""
    level = tokens[at].level
    return next(
        (j for j in range(at + 1, len(tokens)) if tokens[j].kind == "heading" and tokens[j].level <= level), len(tokens)
    )


def situations(tokens: list[Token], level: int) -> list[int]:
    """The headings of `level` whose own blocks (up to the next heading) hold a script."""
    found = []
    for at, token in enumerate(tokens):
        if token.kind != "heading" or token.level != level:
            continue
        end = next((j for j in range(at + 1, len(tokens)) if tokens[j].kind == "heading"), len(tokens))
        if script_parts(tokens[at + 1 : end])[0]:
            found.append(at)
    return found


def script_parts(body: list[Token]) -> tuple[list[dict[str, Any]], list[Token]]:
    """What a situation's blocks say: the parts of its labelled code blocks and its lists of phrases in quotes
    (`1. "Lamento mucho escuchar eso"`), each list under its bold label (`**Respuestas:**`) if it has one, as
    the script's sections; and the blocks that are neither."""
    sections: list[dict[str, Any]] = []
    rest: list[Token] = []
    i = 0
    while i < len(body):
        name = _part_name(body[i])
        start = i + 1 if name else i
        end = _phrases_end(body, start)
        script = labelled_script(body[start]) if start < len(body) else None
        if end > start:
            lines = [without_markup(" ".join(t.raw).strip()) for t in body[start:end]]
            sections.append(({"heading": name} if name else {}) | {"lines": lines})
            i = end
        elif script and (not name or "heading" not in script["sections"][0]):
            script["sections"][0] = ({"heading": name} if name else {}) | script["sections"][0]
            sections += script["sections"]
            i = start + 1
        else:
            rest.append(body[i])
            i += 1
    return sections, rest


def _part_name(token: Token) -> str | None:
    """A bold line alone naming the part under it: `**Respuestas:**`, `**APERTURA (15 segundos)**`."""
    label = bold_label(token)
    if label is not None:
        return None if label[1] else label[0]
    named = token.kind == "para" and BOLD_LINE.match(token.text)
    return named.group("text").strip() if named else None


def _phrases_end(tokens: list[Token], at: int) -> int:
    """Where a list of two phrases in quotes or more, starting at `at`, ends; `at` when there is none."""
    end = at
    while end < len(tokens) and tokens[end].kind in ("numbered", "bullet"):
        end += 1
    said = end - at >= 2 and all(tokens[j].text.startswith(tuple(QUOTES)) for j in range(at, end))
    return end if said else at


def quoted_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Scripts written as messages (WhatsApp guides): a bold line naming the situation (`**Bienvenida A (si
    viene de referido)**`), then the message as a quote `> …` and the lines and lists that follow it, up to
    the next such name, heading, rule, code block or table. (start, end) of each, the name included."""
    runs = []
    for at in range(len(tokens)):
        if _names_message(tokens, at):
            after = range(at + 1, len(tokens))
            end = next((j for j in after if tokens[j].kind in MESSAGE_ENDS or _names_message(tokens, j)), len(tokens))
            runs.append((at, end))
    return runs


MESSAGE_ENDS = {"heading", "rule", "code", "table"}


def _names_message(tokens: list[Token], at: int) -> bool:
    """The block at `at` is a bold line alone (not a `**Label:**`) followed by a quote."""
    token, following = tokens[at], tokens[at + 1] if at + 1 < len(tokens) else None
    named = token.kind == "para" and BOLD_LINE.match(token.text) and not token.text.rstrip("*").endswith(":")
    return bool(named and following and following.kind == "para" and following.text.startswith(">"))


def message_lines(tokens: list[Token]) -> list[str]:
    """A message's lines as a script shows them: the quote's `>` and Markdown's emphasis dropped (`**[Nombre]**`
    is the blank `[Nombre]`), list items with their marker, every word kept."""
    lines = []
    for token in tokens:
        for raw in token.raw:
            text = without_markup(raw.strip().removeprefix(">").strip())
            if text:
                lines.append(text)
    return lines
