"""A project's settings, read in one place: where its data and its build cache are (the `playbook` plugin's
options in mkdocs.yml) and its language (the theme's). The plugin reads them from MkDocs' own config; the
commands that run without MkDocs (`check`, `import`, `tools/pdf.py`, `tools/port.py`) read the same
mkdocs.yml here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .models import DEFAULT_LANGUAGE

PLUGIN = "playbook"


@dataclass(frozen=True)
class Settings:
    data_dir: str = "data"
    """The data folder, from the project (mkdocs.yml's folder)."""
    cache_dir: str = ".cache"
    """What a build keeps for the next (parsed data, compiled templates, search data); `make clean` removes it."""
    language: str = DEFAULT_LANGUAGE
    """The interface's language: mkdocs.yml's theme.language, with a catalogue in macros/locales/."""


def settings_of(project: Path) -> Settings:
    """The settings mkdocs.yml gives (the defaults for what it leaves out, or when it cannot be read: the
    command then reports the data's problems, which is what its author came for)."""

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV
    try:
        config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Tolerant)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return Settings()
    config = config if isinstance(config, dict) else {}
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    options = next(
        (entry[PLUGIN] for entry in config.get("plugins") or [] if isinstance(entry, dict) and PLUGIN in entry), None
    )
    options = options if isinstance(options, dict) else {}
    defaults = Settings()
    return Settings(
        data_dir=_text(options.get("data_dir"), defaults.data_dir),
        cache_dir=_text(options.get("cache_dir"), defaults.cache_dir),
        language=_text(theme.get("language"), defaults.language),
    )


def _text(value: object, default: str) -> str:
    return value if isinstance(value, str) and value else default
