"""A problem in the data as an author reads it: `file:line: field: message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Path_ = tuple[str | int, ...]
"""Where a value sits in a file: ('techniques', 0, 'script')."""


@dataclass(frozen=True)
class DataError:
    """One problem in one data file, at one line."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message}"


class DataErrors(Exception):
    """All the problems found in data/; nothing may be built from it."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line, e.field, e.message))
        super().__init__("\n".join(map(str, self.errors)))
