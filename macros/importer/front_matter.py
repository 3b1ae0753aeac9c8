"""A document's YAML front matter (`---` … `---` at its very top): the fields a playbook has (title,
subtitle, version, date) under the keys writers use for them in the document's language (importer.yml's
`front_matter`). Those lines become data and never a page; any other key stays, and goes to a free page
like any unread line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from ..reading.words import fold

FENCE = re.compile(r"---[ \t]*")
KEY = re.compile(r"(?P<key>[^\s:#][^:#]*?)[ \t]*:[ \t]+(?P<value>\S.*)")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_LINES = 60
"""Past this many lines, a `---` at the top is a rule, not front matter."""


@dataclass
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    """Playbook field (title, subtitle, version, last_updated) → its value as written."""
    lines: set[int] = field(default_factory=set)
    """The lines read into the data (its fences and its recognised keys), numbered from 1."""


def read_front_matter(text: str, keys: Mapping[str, list[str]]) -> tuple[str, FrontMatter]:
    """The text with the lines the front matter gave to the data blanked (every other line keeps its number),
    and what it gave. `keys`: field → the keys that name it (compared without accents or case)."""
    lines = text.split("\n")
    if not lines or not FENCE.fullmatch(lines[0]):
        return text, FrontMatter()
    end = next((i for i in range(1, min(len(lines), MAX_LINES)) if FENCE.fullmatch(lines[i])), None)
    if end is None or not _is_mapping("\n".join(lines[1:end])):
        return text, FrontMatter()
    named = {fold(key).replace(" ", "_"): name for name, spellings in keys.items() for key in spellings}
    found = FrontMatter(lines={1, end + 1})
    for number in range(1, end):
        match = KEY.fullmatch(lines[number].rstrip())
        name = named.get(fold(match.group("key")).replace(" ", "_")) if match else None
        value = _scalar(match.group("value")) if name else None
        if value and name not in found.fields and (name != "last_updated" or ISO_DATE.fullmatch(value)):
            found.fields[name] = value
            found.lines.add(number + 1)
    kept = ["" if number in found.lines else line for number, line in enumerate(lines, start=1)]
    return "\n".join(kept), found


def _is_mapping(block: str) -> bool:
    try:
        return isinstance(yaml.load(block, Loader=yaml.BaseLoader), dict)  # noqa: S506  BaseLoader: strings only
    except yaml.YAMLError:
        return False


def _scalar(value: str) -> str | None:
    """A one-line value as text (quotes removed); None for a list, a mapping or a block."""
    try:
        parsed = yaml.load(value, Loader=yaml.BaseLoader)  # noqa: S506
    except yaml.YAMLError:
        return None
    return parsed.strip() if isinstance(parsed, str) and parsed.strip() else None  # a bare `|` or `>` reads as ""
