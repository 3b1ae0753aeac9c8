"""The command line: `python -m macros import SRC OUT` (`make import SRC=… OUT=…`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .document import UNMAPPED_FILE, import_markdown
from .write import write_import


def main(argv: list[str] | None = None) -> int:
    """`SRC OUT`: import SRC into OUT/data/ and OUT/unmapped.yml; print the report; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m macros import",
        description="Import a Markdown playbook (in the shape of the seed) into data/ YAML files.",
    )
    parser.add_argument("source", type=Path, help="the Markdown playbook to import")
    parser.add_argument("out", type=Path, help="folder that receives data/ and unmapped.yml")
    args = parser.parse_args(argv)
    source = str(args.source)
    try:
        raw = args.source.read_bytes()
    except OSError as exc:
        print(f"{source}:1: cannot read the file ({exc.strerror}) — check the path", file=sys.stderr)
        return 1
    if args.out.exists() and not args.out.is_dir():
        print(f"{args.out}: is a file — give the folder that should receive data/ and {UNMAPPED_FILE}", file=sys.stderr)
        return 1
    result = import_markdown(raw, source)
    problems = result.errors or write_import(result, args.out)
    for line in result.report:
        print(line)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s): nothing was written.", file=sys.stderr)
        return 1
    data_files = sum(1 for path in result.files if path.startswith("data/"))
    print(f"wrote {data_files} files into {args.out / 'data'} and {args.out / UNMAPPED_FILE}")
    return 0
