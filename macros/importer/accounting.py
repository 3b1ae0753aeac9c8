"""Which lines of a source document reached the site: in the structured data, on a free page, or nowhere.

A line counts as on a free page when a block the importer kept covers it (free pages hold blocks as they
are written). Any other line must be found in the data: each of its pieces (its text split at table cells,
labels and emphasis) must appear, word for word, in one text of the data or in one interface label.
Markup, list markers and numbers are not compared (the site writes its own). A line that is neither is
lost, and the import says so."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..reading.words import fold

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
"""A word as compared: letters only (numbers and marks are the site's own to write)."""
PIECES = re.compile(r"\||:\s|:$|,\s|\*\*|__|\s[-–—]\s|\]\([^)]*\)")
"""Where a line splits into texts the data holds apart: table cells, `Label: value`, `a, b` lists, bold spans,
`Name - text`, a link's target."""


@dataclass
class Lines:
    total: int = 0
    data: int = 0
    pages: int = 0
    lost: int = 0
    lost_lines: list[tuple[str, int]] = field(default_factory=list)
    """(text, line number) of each line that reached neither the data nor a page."""


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def count(
    text: str,
    data: dict[str, Any],
    blocks: list[dict[str, Any]],
    labels: Iterable[str],
    in_data: set[int] = frozenset(),
) -> Lines:
    """The line accounting of one import: `blocks` are the kept blocks, those on a page marked `page`;
    `in_data`, lines read into the data outright (the front matter's)."""
    on_page: set[int] = set()
    off_site: set[int] = set()
    for block in blocks:
        covered = range(block["line"], block["line"] + block["text"].count("\n") + 1)
        (on_page if block.get("page") else off_site).update(covered)
    corpus = Corpus([*strings(data), *labels])
    lines = Lines()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        lines.total += 1
        if number in on_page:
            lines.pages += 1
        elif number in in_data or (number not in off_site and corpus.holds(line)):
            lines.data += 1
        else:
            lines.lost += 1
            lines.lost_lines.append((line, number))
    return lines


def strings(value: Any) -> Iterable[str]:
    """Every text inside a data file's value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, date):
        yield value.isoformat()
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


class Corpus:
    """The data's texts as word sequences, indexed by word to find the few that may hold a piece."""

    def __init__(self, texts: Iterable[str]):
        self.texts = [f" {' '.join(words(text))} " for text in texts]
        self.index: dict[str, set[int]] = {}
        for number, text in enumerate(self.texts):
            for word in set(text.split()):
                self.index.setdefault(word, set()).add(number)

    def holds(self, line: str) -> bool:
        """Every piece of `line` is in one of the texts (a line of markup alone holds no piece)."""
        return all(self._holds(piece) for piece in PIECES.split(line))

    def _holds(self, piece: str) -> bool:
        found = words(piece)
        if not found:
            return True
        candidates = min((self.index.get(word, set()) for word in found), key=len)
        wanted = f" {' '.join(found)} "
        return any(wanted in self.texts[number] for number in candidates)
