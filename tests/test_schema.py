"""Editors validate data files through JSON Schemas generated from the models: never stale, and accepting
exactly what the build accepts."""

from __future__ import annotations

import json
from copy import deepcopy
from datetime import date
from fnmatch import fnmatch

import pydantic
import pytest
import yaml
from jsonschema import Draft202012Validator

from helpers import ROOT
from macros.guide import GUIDE, with_table
from macros.messages import Messages
from macros.schema import render_schemas, schema_files
from macros.yamlfile import SAFE_LOADER


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


def data_files() -> list:
    """(data file, its model, its committed schema) for every file of data/."""
    files = []
    by_file = {described: (model, ROOT / "schemas" / name) for name, (described, model) in schema_files().items()}
    for path in sorted((ROOT / "data").rglob("*.yml")):
        relative = path.relative_to(ROOT).as_posix()
        model, schema = next(found for described, found in by_file.items() if fnmatch(relative, described))
        files.append(pytest.param(path, model, schema, id=relative))
    return files


def node_at(tree, path):
    for part in path:
        tree = tree[part]
    return tree


def variants(tree, path=()):
    """(where, edited copy, is an unknown key) for one edit of each kind at every place: an unknown key in
    every block, every field dropped, every list emptied, every text left blank."""

    def edited(change):
        copy = deepcopy(tree)
        change(copy)
        return copy

    node = node_at(tree, path)
    if isinstance(node, dict):
        yield f"{path} + campo_desconocido", edited(lambda t: node_at(t, path).update(campo_desconocido="x")), True
        for key in node:
            yield f"{path} - {key}", edited(lambda t, key=key: node_at(t, path).pop(key)), False
            yield from variants(tree, path + (key,))
    elif isinstance(node, list):
        yield f"{path} = []", edited(lambda t: node_at(t, path).clear()), False
        for index in range(len(node)):
            yield from variants(tree, path + (index,))
    elif isinstance(node, str):
        # What an author may type where a text goes, as both the editor and the build read it (YAML 1.2):
        # blank, `no` (text), `true` (a yes/no value), `10`, a pasted control character, overlong texts.
        for value in ["   ", "no", True, 10, "a\x1bb", "x" * 130, "palabra " * 300]:
            yield (
                f"{path} = {str(value)[:12]!r}",
                edited(lambda t, value=value: node_at(t, path[:-1]).__setitem__(path[-1], value)),
                False,
            )


def as_json(value):
    """What an editor's YAML reader hands the schema: dates stay the text they were written as."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def accepted_by_the_build(model, tree) -> bool:
    try:
        model.model_validate(tree)
    except pydantic.ValidationError:
        return False
    return True


@pytest.mark.parametrize("path, model, schema", data_files())
def test_the_editor_and_the_build_agree_on_every_edit(path, model, schema):
    """Every data file, and one mistake at every place in it: the schema (the editor's red underline)
    accepts exactly what the build accepts, and an unknown key is refused by both at every depth."""
    validator = Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
    tree = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506  the build's reader
    assert accepted_by_the_build(model, tree) and validator.is_valid(as_json(tree))
    disagreements, unknown_accepted = [], []
    for where, edited, is_unknown_key in variants(tree):
        build, editor = accepted_by_the_build(model, edited), validator.is_valid(as_json(edited))
        if build != editor:
            disagreements.append(
                f"{where}: build {'accepts' if build else 'refuses'}, editor {'accepts' if editor else 'refuses'}"
            )
        if is_unknown_key and (build or editor):
            unknown_accepted.append(where)
    assert not unknown_accepted, unknown_accepted[:5]
    assert not disagreements, disagreements[:5]


def test_every_field_has_a_spanish_title_and_description_for_the_editor():
    missing = []
    for name, text in render_schemas().items():
        schema = json.loads(text)
        for model, definition in [("(root)", schema), *schema.get("$defs", {}).items()]:
            for field, spec in definition.get("properties", {}).items():
                english = spec.get("title") in (None, field.replace("_", " ").title())
                if not spec.get("description") or (english and model != "Labels"):
                    missing.append(f"{name}: {model}.{field}")
    assert not missing, missing
    premium = json.loads(render_schemas()["support_type.schema.json"])
    assert (
        premium["properties"]["order"]["title"] == "Orden"
        and "0 a 100000" in premium["properties"]["order"]["description"]
    )


def test_the_guide_explains_every_message_of_the_catalogue():
    """GUIA-DE-EDICION.md's table is written from the catalogue: stale means a message an author may see is
    not explained (run `make schema`)."""
    guide = (ROOT / GUIDE).read_text(encoding="utf-8")
    assert with_table(guide) == guide, "GUIA-DE-EDICION.md's table of messages is stale: run `make schema`"
    for key, template in Messages().catalogue.items():
        what = template.split(" — ")[0].split("{")[0].strip()
        assert what and what in guide, key
