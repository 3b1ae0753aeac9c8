"""Parsed data files kept between builds (in .cache/data/), so a file that did not change is not parsed again.

Parsing is most of loading the data: at 100× the playbook's size, 0.37 s of 0.51 s. An entry is found by the
file's bytes (SHA-256) under a key made of the parser's own source and PyYAML's version, so an edited file,
an edited parser or another PyYAML parses anew. Only files that parsed cleanly are kept: problems are always
found afresh, in the reader's language. Entries are written with marshal (the data is plain YAML 1.2:
dicts, lists, text, numbers, booleans, None), which builds no objects but those. A cache that can't be
read or written only costs time; the build never depends on it."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

import yaml

from . import yamlfile
from .errors import DataError
from .messages import Messages
from .yamlfile import Document, parse_yaml

FILE_NAME = "parsed.marshal"


def _parser_key() -> str:
    source = Path(yamlfile.__file__).read_bytes()
    return f"{hashlib.sha256(source).hexdigest()}:{yaml.__version__}:{yaml.__with_libyaml__}"


class ParseCache:
    """One load's view of the cache: what it found, and what it parsed or reused (the next build's cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / FILE_NAME if folder else None
        self.key = _parser_key()
        self.found: dict[bytes, tuple] = self._read()
        self.used: dict[bytes, tuple] = {}

    def parse(self, raw: bytes, name: str, say: Messages, errors: list[DataError]) -> Document | None:
        """parse_yaml, or the same file's data from the last build."""
        digest = hashlib.sha256(raw).digest()
        if digest in self.found:
            data, lines = self.used[digest] = self.found[digest]
            return Document(name, data, lines)
        doc = parse_yaml(raw, name, say, errors)
        if doc is not None:
            self.used[digest] = (doc.data, doc.lines)
        return doc

    def save(self) -> None:
        """Keep what this load used, when it differs from what it found (files added, edited or removed)."""
        if self.path is None or self.used.keys() == self.found.keys():
            return
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".parsed-", delete=False) as out:
                temporary = out.name
                marshal.dump((self.key, self.used), out)
            os.replace(temporary, self.path)  # whole or not at all: a build running beside this one reads either
        except (OSError, ValueError):
            if temporary:
                Path(temporary).unlink(missing_ok=True)

    def _read(self) -> dict[bytes, tuple]:
        if self.path is None:
            return {}
        try:
            key, entries = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        if key != self.key or not isinstance(entries, dict) or not all(map(_is_entry, entries.values())):
            return {}
        return entries


def _is_entry(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], dict) and isinstance(value[1], dict)
