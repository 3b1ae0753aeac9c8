"""The command line: `python -m macros import SRC OUT` (`make import SRC=… OUT=…`)."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from ..messages import Messages, MissingCatalogue
from ..reading.blocks import Said
from ..settings import settings_of
from .document import import_markdown
from .write import Refused, write_import


def main(argv: list[str] | None = None) -> int:
    """`SRC OUT`: import SRC into OUT/data/ (OUT new or empty, else a fresh folder beside it); print the report,
    the warnings and the line count; 0 when written."""
    try:
        say = Messages(settings_of(Path.cwd()).language)
    except MissingCatalogue as exc:
        print(exc, file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(prog="python -m macros import", description=say.imports("cli_description"))
    parser.add_argument("source", type=Path, help=say.imports("cli_source"))
    parser.add_argument("out", type=Path, help=say.imports("cli_out"))
    args = parser.parse_args(argv)
    source = str(args.source)
    problem = _source_problem(args.source)
    if problem:
        print(f"{source}:1: {problem.spoken(say)}", file=sys.stderr)
        return 1
    try:
        raw = args.source.read_bytes()
    except OSError as exc:
        print(f"{source}:1: {say.imports('src_unreadable', reason=exc.strerror)}", file=sys.stderr)
        return 1
    result = import_markdown(raw, source, say)
    if result.errors:
        for error in result.errors:
            print(error, file=sys.stderr)
        print(say.imports("nothing_written", count=len(result.errors)), file=sys.stderr)
        return 1
    try:
        problems, written = write_import(result, args.out, say.language)
    except Refused as refused:
        print(refused.said.spoken(say), file=sys.stderr)
        return 1
    for line in result.report:
        print(line)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if result.warnings:
        print(say.imports("warnings", count=len(result.warnings)), file=sys.stderr)
    if problems:
        for problem in problems:
            print(f"{source}: {say.imports('invalid_output', error=problem)}", file=sys.stderr)
        print(say.imports("nothing_written", count=len(problems)), file=sys.stderr)
        return 1
    if written != args.out:
        print(say.imports("wrote_beside", out=args.out, folder=written))
    print(say.imports("wrote", count=len(result.files), folder=written))
    print(say.imports("next_step", folder=written))
    return 0


def _source_problem(path: Path) -> Said | None:
    """Why SRC cannot be read as a document (checked before opening: a FIFO would hang the read)."""
    try:
        info = path.stat()
    except OSError as exc:
        return Said("src_unreadable", {"reason": exc.strerror})
    if stat.S_ISDIR(info.st_mode):
        return Said("src_folder")
    if not stat.S_ISREG(info.st_mode):
        return Said("src_not_regular")
    return None
