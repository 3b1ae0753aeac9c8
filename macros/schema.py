"""JSON Schemas for editors (yaml-language-server), generated from the models — never written by hand."""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import KINDS

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, tuple[str, type]]:
    """Schema file name → (data files it describes, model)."""
    return {
        kind.schema_name: (f"data/{kind.data}*.yml" if kind.is_folder else f"data/{kind.data}", kind.model)
        for kind in KINDS
        if kind.data
    }


def render_schemas() -> dict[str, str]:
    """Schema file name → its JSON text, as committed in schemas/."""
    rendered = {}
    for file_name, (described, model) in schema_files().items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": f"Generated from the models of macros/kinds/ by `make schema` for {described}. Do not edit.",
            **model.model_json_schema(),
        }
        rendered[file_name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return rendered


def write_schemas(project: Path) -> list[Path]:
    """Write every schema into project/schemas/; return the files written."""
    out = project / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    written = []
    for file_name, text in render_schemas().items():
        (out / file_name).write_text(text, encoding="utf-8")
        written.append(out / file_name)
    return written
