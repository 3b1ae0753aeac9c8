"""Command line of the Markdown importer: `python -m macros.importcmd SRC OUT`.

Imports SRC into OUT/data/ (validated before anything is written) and OUT/unmapped.yml, prints the
report, and exits 0 on success or 1 with `SRC:LINE: problem — how to fix` lines. A module of its own
so `make import` and `python -m macros import` can call `main` without this file changing.
"""

from __future__ import annotations

import sys

from .importer import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
