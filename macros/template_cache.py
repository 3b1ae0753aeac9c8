"""Compiled templates (the theme's and ours) kept between builds, so a build compiles only those that changed.

Kept with the installation (the virtual environment `make` creates), as pip keeps the compiled modules of what it
installs: a new project's first build finds the theme's templates and ours compiled, by `make`'s install step
(tools/compile_templates.py) or by any earlier build. Outside a virtual environment, in the project's .cache/."""

from __future__ import annotations

import contextlib
import hashlib
import sys
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


class SharedBytecodeCache(QuietBytecodeCache):
    """Entries named by the template's name alone, not its path: any project built by this installation (a copy,
    a new one) finds them. Jinja still compiles again a template whose source differs from the entry's (each
    entry keeps its source's checksum), so two projects with different templates only take turns."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(name.encode("utf-8")).hexdigest()


def installed_folder() -> Path | None:
    """The installation's own folder for compiled templates; None outside a virtual environment (a system
    Python, whose folders are often not writable)."""
    return Path(sys.prefix) / "var" / "cache" / "playbook-site" if sys.prefix != sys.base_prefix else None


def bytecode_cache(project_cache: Path, templates: str) -> QuietBytecodeCache:
    """The compiled `templates` ("theme" or "playbook"): with the installation, else in the project's cache."""
    shared = installed_folder()
    return SharedBytecodeCache(shared / templates) if shared else QuietBytecodeCache(project_cache / "jinja")
