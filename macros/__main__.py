"""Command line: `python -m macros check [DATA_DIR]` validates data/ without building;
`python -m macros schema` regenerates the editors' JSON Schemas; `python -m macros import SRC OUT` imports
a Markdown playbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .guide import write_guide_table
from .loader import DataErrors, load_playbook
from .messages import Messages, MissingCatalogue, visible
from .schema import write_schemas
from .settings import settings_of


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit code is 0 when the data is valid."""
    project = settings_of(Path.cwd())
    try:
        say = Messages(project.language)
    except MissingCatalogue as exc:
        print(exc, file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(prog="python -m macros")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=say.line("cli_check"))
    check.add_argument("data_dir", nargs="?", type=Path, help=say.line("cli_data_dir"))
    commands.add_parser("schema", help=say.line("cli_schema"))
    # The importer defines its own arguments (and -h); it is imported only when asked for (ftfy takes a
    # good part of a second to load, which `check` should not pay).
    commands.add_parser("import", add_help=False, help=say.line("cli_import"))
    args, rest = parser.parse_known_args(argv)

    if args.command == "import":
        from .importer.cli import main as import_main

        return import_main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")

    if args.command == "schema":
        for path in [*write_schemas(Path.cwd()), write_guide_table(Path.cwd())]:
            print(f"wrote {path.relative_to(Path.cwd())}")
        return 0

    settings = project if args.data_dir is None else settings_of(args.data_dir.resolve().parent)
    data_dir = Path(settings.data_dir) if args.data_dir is None else args.data_dir
    try:
        say = Messages(settings.language)
    except MissingCatalogue as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        playbook = load_playbook(data_dir, say.language)
    except DataErrors as exc:
        for error in exc.errors:
            print(visible(str(error)), file=sys.stderr)  # an ESC typed in an id must not reach the terminal
        print(say.line("problems_found", count=len(exc.errors)), file=sys.stderr)
        return 1
    for notice in playbook.notices:
        print(visible(str(notice)), file=sys.stderr)
    print(
        say.line(
            "check_ok",
            types=len(playbook.support_types),
            techniques=sum(len(t.techniques) for t in playbook.support_types),
            optimization=len(playbook.optimization.techniques) if playbook.optimization else 0,
            cases=len(playbook.case_studies.cases) if playbook.case_studies else 0,
            pages=len(playbook.pages),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
