"""JSON Schemas for editors (yaml-language-server), generated from the models — never written by hand — with
a title and a description on every field in the playbook's language (macros/locales/<language>/fields.yml),
which VS Code shows on hover. The data is read as YAML 1.2 by the build too (macros/yamlfile.py)."""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import KINDS
from .models import DEFAULT_LANGUAGE, LOCALES, default_labels, read_catalogue

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, tuple[str, type]]:
    """Schema file name → (data files it describes, model)."""
    return {
        kind.schema_name: (f"data/{kind.data}*.yml" if kind.is_folder else f"data/{kind.data}", kind.model)
        for kind in KINDS
        if kind.data
    }


def render_schemas(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Schema file name → its JSON text, as committed in schemas/."""
    fields = read_catalogue(LOCALES / language / "fields.yml")
    rendered = {}
    for file_name, (described, model) in schema_files().items():
        generated = model.model_json_schema()
        for name, definition in [(model.__name__, generated), *generated.get("$defs", {}).items()]:
            _describe(name, definition, fields, language)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": f"Generated from the models of macros/kinds/ by `make schema` for {described}. Do not edit.",
            **generated,
        }
        rendered[file_name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return rendered


def _describe(model: str, definition: dict, fields: dict, language: str) -> None:
    """Put the catalogue's title and description on a model's schema and on each of its fields."""
    own = fields["models"].get(model, {})
    definition["title"] = own.get("_title", model)
    defaults = default_labels(language) if "_each" in own else {}
    for name, field in definition.get("properties", {}).items():
        if name in defaults:
            field.update(title=name, description=own["_each"].format(default=defaults[name]))
            continue
        text = own.get(name) or fields["common"].get(name)
        if text is None:
            raise KeyError(f"{language}/fields.yml has no title for {model}.{name}: add it")
        field.update(title=text["title"], description=text["description"])


def write_schemas(project: Path) -> list[Path]:
    """Write every schema into project/schemas/; return the files written."""
    out = project / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    written = []
    for file_name, text in render_schemas().items():
        (out / file_name).write_text(text, encoding="utf-8")
        written.append(out / file_name)
    return written
