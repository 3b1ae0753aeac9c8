"""JSON Schemas for editors (yaml-language-server), generated from the models — never written by hand."""

from __future__ import annotations

import json
from pathlib import Path

from .loader import SINGLE_FILES, SUPPORT_TYPES_DIR
from .models import SupportType

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, tuple[str, type]]:
    """Schema file name → (data files it describes, model)."""
    files = {f"{Path(name).stem}.schema.json": (f"data/{name}", model) for name, model in SINGLE_FILES.items()}
    files["support_type.schema.json"] = (f"data/{SUPPORT_TYPES_DIR}/*.yml", SupportType)
    return files


def render_schemas() -> dict[str, str]:
    """Schema file name → its JSON text, as committed in schemas/."""
    rendered = {}
    for file_name, (described, model) in schema_files().items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": f"Generated from macros/models.py by `make schema` for {described}. Do not edit.",
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
