"""The command line: `python -m macros import SRC OUT` (`make import SRC=… OUT=…`)."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from .document import UNMAPPED_FILE, import_markdown
from .write import Refused, write_import


def main(argv: list[str] | None = None) -> int:
    """`SRC OUT`: import SRC into OUT/data/ and OUT/unmapped.yml (OUT new or empty, else a fresh folder beside
    it); print the report; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m macros import",
        description="Import a Markdown playbook (in the shape of the seed) into data/ YAML files.",
    )
    parser.add_argument("source", type=Path, help="the Markdown playbook to import")
    parser.add_argument(
        "out", type=Path, help="folder that receives data/ and unmapped.yml (new or empty; else one is made beside it)"
    )
    args = parser.parse_args(argv)
    source = str(args.source)
    problem = _source_problem(args.source)
    if problem:
        print(f"{source}:1: {problem}", file=sys.stderr)
        return 1
    try:
        raw = args.source.read_bytes()
    except OSError as exc:
        print(f"{source}:1: cannot read the file ({exc.strerror}) — check the path", file=sys.stderr)
        return 1
    result = import_markdown(raw, source)
    problems, written = result.errors, None
    if not problems:
        try:
            problems, written = write_import(result, args.out)
        except Refused as refused:
            print(refused, file=sys.stderr)
            return 1
    for line in result.report:
        print(line)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s): nothing was written.", file=sys.stderr)
        return 1
    data_files = sum(1 for path in result.files if path.startswith("data/"))
    if written != args.out:
        print(f"{args.out} is not empty: nothing in it was touched; the import went beside it, into {written}")
    print(f"wrote {data_files} files into {written / 'data'} and {written / UNMAPPED_FILE}")
    return 0


def _source_problem(path: Path) -> str | None:
    """Why SRC cannot be read as a document (checked before opening: a FIFO would hang the read)."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot read the file ({exc.strerror}) — check the path"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder — give the Markdown file to import"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, a device or a socket) — give the Markdown file to import"
    return None
