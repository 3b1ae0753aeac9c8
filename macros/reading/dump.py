"""YAML out: the data files laid out like the hand-written ones (schema line, blank lines, comments, emoji)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .words import Icon

SCHEMA_LINE = "# yaml-language-server: $schema={}"


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


def data_file(value: dict[str, Any], schema: str, comments: dict[str, str] | None = None, end: str = "") -> str:
    """One data file's text: the schema line, then the YAML laid out like the hand-written files.

    `comments`: top-level key → the comment written above it (a first key's comment has no blank line
    before it); `end`: comment lines written after the data.
    """
    comments = comments or {}
    body = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
    lines, current, first_item = [SCHEMA_LINE.format(schema)], None, True
    for line in body.splitlines():
        if line and not line.startswith((" ", "-", "#")):
            current, first_item = line.split(":", 1)[0], True
            if current in comments:
                lines += [""] if len(lines) > 1 else []
                lines.append(comments[current])
            elif line.endswith(":") or current in BLANK_BEFORE:
                lines.append("")
        elif current in SEPARATED_LISTS and line.startswith("  - "):
            if not first_item:
                lines.append("")
            first_item = False
        lines.append(line)
    return readable_emoji("\n".join(lines) + "\n" + end)


ASTRAL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\U([0-9A-Fa-f]{8})")
"""`\\U0001F6DF` (not preceded by an escaped backslash)."""
DOUBLE_QUOTED_LINE = re.compile(r'^\s*(?:- )*(?:\w+: )?"')
"""A line holding one double-quoted scalar: the only place PyYAML writes `\\U` escapes."""


def readable_emoji(text: str) -> str:
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


def unmapped_file(header: str, blocks: list[dict[str, Any]]) -> str:
    """unmapped.yml: what the importer did not recognise, under a header saying what to do with it."""
    return header + readable_emoji(yaml.dump(blocks, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9))
