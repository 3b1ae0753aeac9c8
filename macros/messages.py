"""What each data problem means to a content author, and how to fix it (one line each)."""

from __future__ import annotations

import difflib
import re
import typing
from datetime import date
from pathlib import Path

import pydantic
import yaml

NO_DATA_DIR = "the data folder does not exist — run from the project folder, or create data/"
NO_SUPPORT_TYPES = "no support type files — add at least one data/support_types/<id>.yml"
NOT_UTF8 = "the file is not UTF-8 text — save it as UTF-8 in your editor"
EMPTY_FILE = "the file is empty — write its fields (see GUIA-DE-EDICION.md)"
ONLY_COMMENTS = "the file has only comments — write its fields below them (see GUIA-DE-EDICION.md)"
ALIAS = "YAML anchors and aliases (&name, *name) are not supported — write the value out in full"
TOO_DEEP = "the file is nested too deeply to be a playbook file — check the indentation and brackets"
NOT_A_MAPPING = "the file must be a set of `field: value` lines at the top — not a list or a single value"
DUPLICATE_KEY = "this field appears twice in the same block — keep only one"


def missing_file(name: str) -> str:
    return f"required file is missing — create data/{name}"


def too_big(size: int, limit: int) -> str:
    return f"the file has {size:,} bytes, more than the {limit:,} allowed — is it the right file?"


def unexpected_file(relative: Path, single_files: typing.Iterable[str]) -> str:
    if relative.suffix == ".yaml":
        return f"data files end in .yml, not .yaml — rename it to {relative.with_suffix('.yml').as_posix()}"
    if relative.suffix == ".yml" and len(relative.parts) == 1:
        return (
            f"unknown data file — support types go in data/support_types/; "
            f"the other files are {', '.join(single_files)}"
        )
    return "this file is not a playbook data file — move or delete it (data/ holds only .yml playbook files)"


def yaml_syntax(exc: yaml.YAMLError, source_line: str) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "\\t" in problem or "tab" in problem.lower():
        return f"YAML syntax error: {problem} — indent with spaces, not tabs"
    if re.search(r"(^\s*-\s*|:\s+)\[[^\]]*\]\s*\S", source_line):
        return (
            f"YAML syntax error: {problem} — a text starting with `[` (like `[X] minutos`) "
            'must be in double quotes: "[X] minutos"'
        )
    return f"YAML syntax error: {problem} — check the indentation and quote text containing `: ` or starting with `[`"


def duplicate_id(kind: str, value: str, first: str) -> str:
    return f"duplicate {kind} id `{value}` (first used at {first}) — ids must be unique: choose another"


def id_not_file_name(value: str, stem: str) -> str:
    return f"id `{value}` does not match the file name `{stem}.yml` — rename the file or change the id"


def unknown_support_type(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"use one of: {', '.join(known)}"
    return f"no support type has the id `{value}` — {hint}"


def _kind(value: object) -> str:
    """How an author would name a YAML value's type."""
    if isinstance(value, bool):
        return "a yes/no value (YAML reads unquoted yes, no, on, off, true, false that way)"
    if isinstance(value, (int, float)):
        return "a number (YAML reads unquoted 010, 1.0 or 12:30 as numbers)"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    if value is None:
        return "nothing"
    return "text"


def explain(err: dict, model: type[pydantic.BaseModel]) -> str:
    """Turn one pydantic error into a sentence with a fix."""
    kind, value, loc = err["type"], err.get("input"), tuple(err["loc"])
    if kind == "missing":
        return f"Field required — add `{loc[-1]}:` here"
    if kind == "extra_forbidden":
        close = closest_field(err, model)
        hint = f"did you mean `{close}`?" if close else f"known fields: {', '.join(_fields_at(model, loc[:-1]))}"
        return f"unknown field — {hint}"
    if value is None and kind in {"string_type", "list_type"}:
        what = "text" if kind == "string_type" else "list"
        return (
            f"the {what} is empty — {'write the text after the colon' if what == 'text' else 'add at least one item'}"
        )
    if kind == "string_type":
        if isinstance(value, list):
            return (
                "expected text, got a list — a value starting with `[` (like `[X] minutos`) "
                "is read as a list: put the whole text in double quotes"
            )
        return f"expected text, got {_kind(value)} — put the text in double quotes"
    if kind == "list_type":
        return f"expected a list, got {_kind(value)} — write each item on its own line, starting with `- `"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a block of fields, got {_kind(value)} — write `field: value` lines indented under it"
    if kind == "too_short" and isinstance(value, list):
        return "the list is empty — add at least one item"
    if kind == "string_too_short":
        return "the text is empty — write something, or remove the field if it is optional"
    if kind == "string_pattern_mismatch":
        if "\n" in str(value) or "\r" in str(value):
            return "the text has a line break — keep it on one line"
        return (
            f"`{value}` is not a valid id — use lowercase letters, digits and single hyphens, e.g. `respuesta-rapida`"
        )
    if kind in {"int_type", "int_parsing"}:
        return f"expected a whole number, got {_kind(value)} — write a number such as 3, without quotes"
    if kind.startswith("date"):
        return f"expected a date, got {_kind(value)} — write it as YYYY-MM-DD, e.g. 2025-01-27"
    return f"{err['msg']} — check this value"


def closest_field(err: dict, model: type[pydantic.BaseModel]) -> str | None:
    """For an unknown key, the known field it most likely misspells."""
    loc = tuple(err["loc"])
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
    return close[0] if close else None


def _fields_at(model: type[pydantic.BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at loc inside model (for 'did you mean')."""
    annotation: object = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            field = annotation.model_fields.get(part)
            annotation = field.annotation if field else None
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: object) -> object:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation
