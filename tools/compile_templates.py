"""Compile the theme's templates and the playbook's into the installation's cache (macros/template_cache.py), as
`make` installs the tool: a playbook's very first build then finds them compiled, as pip leaves the modules of
what it installs compiled.

    python tools/compile_templates.py      (from the project's folder; `make` runs it after installing)
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import render  # noqa: E402
from macros.template_cache import bytecode_cache  # noqa: E402


def compile_all(env: jinja2.Environment, names: list[str]) -> int:
    """Compile each template (a template that only compiles in a build's company is left to the build)."""
    done = 0
    for name in names:
        try:
            env.get_template(name)
            done += 1
        except jinja2.TemplateError:
            pass
    return done


def main() -> int:
    theme = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    theme.bytecode_cache = bytecode_cache(ROOT / ".cache", "theme")
    pages = [name for name in theme.list_templates() if name.endswith((".html", ".xml"))]
    count = compile_all(theme, pages) + compile_all(render._ENV, render._ENV.list_templates())
    print(f"{count} templates compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
