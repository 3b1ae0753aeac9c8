"""Installing an import: the files validated by the loader in a scratch folder, then moved into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..loader import DataErrors, load_playbook
from .document import UNMAPPED_FILE, ImportResult


def write_import(result: ImportResult, out_dir: Path) -> list[str]:
    """Validate the files with the loader in a scratch folder, then move them into out_dir.

    Returns the loader's problems (nothing written) or an empty list. out_dir/data is replaced
    as a whole, so a re-import leaves no file from an earlier one.
    """
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="playbook-import-") as scratch:
        stage = Path(scratch)
        for relative, text in result.files.items():
            path = stage / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        try:
            load_playbook(stage / "data")
        except DataErrors as exc:
            return [
                f"{result.source}: the imported {error} — please report this document "
                "(the importer produced data the schema refuses)"
                for error in exc.errors
            ]
        _install(stage, out_dir)
    return []


def _install(stage: Path, out_dir: Path) -> None:
    """Swap stage/data in for out_dir/data (renames on one file system), then unmapped.yml."""
    out_dir.mkdir(parents=True, exist_ok=True)
    incoming, outgoing = out_dir / ".data.importing", out_dir / ".data.replaced"
    for leftover in (incoming, outgoing):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(stage / "data", incoming)
    target = out_dir / "data"
    if target.exists():
        target.rename(outgoing)
    incoming.rename(target)
    if outgoing.exists():
        shutil.rmtree(outgoing)
    partial = out_dir / f".{UNMAPPED_FILE}.importing"
    shutil.copyfile(stage / UNMAPPED_FILE, partial)
    os.replace(partial, out_dir / UNMAPPED_FILE)
