"""Compiled templates (the theme's and ours) kept between builds, so a build compiles only those that changed."""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder (each entry checked against its template's source);
    a folder that cannot be written, or an entry that cannot be read, only costs the compile time."""

    def __init__(self, folder: Path):
        self.folder = folder
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)  # only once there is something to keep
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()
