"""Scripts collected by situation, as real support playbooks write them: a heading per situation (`#### Envío
Demorado`) over a code block of labelled parts — `Script Base:` then the quoted script, `Follow-up si hay
demora:` then the next one. Each part becomes a section of the technique's script, its lines as written."""

from __future__ import annotations

import re
from typing import Any

from .blocks import Token

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
        if any(labelled_script(t) for t in tokens[at + 1 : end]):
            found.append(at)
    return found
