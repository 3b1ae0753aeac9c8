"""Editors validate data files through JSON Schemas generated from the models; they must not go stale."""

from __future__ import annotations

import json

from helpers import ROOT
from macros.schema import render_schemas


def test_committed_schemas_match_the_models():
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert committed == render_schemas(), "schemas/ is stale: run `make schema` and commit the result"


def test_every_data_file_points_its_editor_at_an_existing_schema():
    for path in (ROOT / "data").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"
        assert json.loads(schema.read_text(encoding="utf-8"))["additionalProperties"] is False
