"""Installing an import without destroying anything: the files are validated by the loader in a scratch
folder beside OUT, then moved into OUT when OUT is new or an empty folder, or else into a fresh folder
beside it (`OUT-import-20261201-073000`). Nothing the importer did not create is ever deleted, renamed or
overwritten; OUT may not be a project's folder or anything inside its data/."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from ..loader import DataErrors, load_playbook
from ..reading.blocks import Said
from .document import ImportResult


class Refused(Exception):
    """OUT is a place an import must never write to, as importer.yml says it."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.said = Said(key, params)


def write_import(result: ImportResult, out_dir: Path, language: str) -> tuple[list[str], Path | None]:
    """Validate the files (their problems said in `language`), then write them where nothing is lost; (the
    loader's problems, the folder written)."""
    dest = destination(Path(out_dir))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{dest.name}.importing-", dir=dest.parent))
    except OSError as exc:
        raise Refused("out_unwritable", out=out_dir, reason=exc.strerror) from None
    try:
        for relative, text in result.files.items():
            path = stage / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        try:
            load_playbook(stage / "data", language)
        except DataErrors as exc:
            return [str(error) for error in exc.errors], None
        if dest.is_dir():  # an empty folder: fill it (renames on one file system)
            for item in stage.iterdir():
                os.rename(item, dest / item.name)
        else:
            os.rename(stage, dest)  # a new name: nothing is replaced
        return [], dest
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def destination(out: Path) -> Path:
    """Where an import asked to write into `out` writes: `out` when it is new or an empty folder, else a fresh
    folder beside it. Raises Refused for a project's own folder or anything under its data/."""
    real = out.resolve()
    for folder in [real, *real.parents]:
        if (folder / "mkdocs.yml").is_file() and (folder == real or (folder / "data") in [real, *real.parents]):
            raise Refused("out_project", out=out)
    if not os.path.lexists(out):
        return out
    if out.is_dir() and not out.is_symlink() and not any(out.iterdir()):
        return out
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        fresh = out.parent / (f"{out.name}-import-{stamp}" + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(fresh):
            return fresh
    raise Refused("out_no_free_name", out=out)
