"""Compile the theme's templates and the playbook's into the installation's cache (macros/template_cache.py), as
`make` installs the tool: a playbook's very first build then finds them compiled, as pip leaves the modules of
what it installs compiled (the project's own modules are compiled on the way, as they are imported).

    python tools/compile_templates.py [PROJECT]      (PROJECT: the project's folder, by default this one)
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import jinja2
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


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


def main(project: Path = ROOT) -> int:
    sys.path.insert(0, str(project))  # the project's own macros/, as a build imports them
    render = importlib.import_module("macros.render")
    template_cache = importlib.import_module("macros.template_cache")
    theme = load_config(str(project / "mkdocs.yml")).theme.get_env()
    theme.bytecode_cache = template_cache.bytecode_cache(project / ".cache", "theme")
    pages = [name for name in theme.list_templates() if name.endswith((".html", ".xml"))]
    count = compile_all(theme, pages) + compile_all(render._ENV, render._ENV.list_templates())
    print(f"{count} templates compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
