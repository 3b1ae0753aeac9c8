"""Reads data/, validates it with the models, and reports every problem as `file:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
import yaml

from . import messages
from .errors import DataError, DataErrors, Path_, field_name
from .kinds import KINDS
from .kinds.base import Ids, Loaded
from .models import Playbook

EXTENSION = ".yml"

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml when PyYAML was built with it: about 7× faster on big playbooks (bench/VARIANTS.md)."""
FAST_LOADER_MAX_INDICATORS = 10_000
"""libyaml's composer recurses in C and crashes the process past about 20,000 nested levels. Each level
needs one of `[{-:?`, so a file with fewer of them is safe; a (never seen) bigger one takes the slow loader."""
MAX_FILE_BYTES = 1_000_000
"""A playbook file is a few kilobytes; anything this big is a mistake, not content."""


@dataclass
class Document:
    """A parsed YAML file: its data and the line where each field starts."""

    name: str
    data: Any
    lines: dict[Path_, int]

    def line_of(self, path: Path_) -> int:
        """The line of the deepest part of `path` present in the file."""
        for depth in range(len(path), -1, -1):
            if path[:depth] in self.lines:
                return self.lines[path[:depth]]
        return 1


def load_playbook(data_dir: Path) -> Playbook:
    """Load and validate everything under data_dir, or raise DataErrors listing every problem."""
    data_dir = Path(data_dir)
    errors: list[DataError] = []
    if not data_dir.is_dir():
        raise DataErrors([DataError(str(data_dir), 1, "", messages.NO_DATA_DIR)])
    root = data_dir.parent
    errors += _unexpected_files(data_dir, root)

    loaded: dict[str, list[Loaded]] = {}
    failed = False
    for kind in KINDS:
        if not kind.data:
            continue
        if kind.is_folder:
            folder = data_dir / kind.data
            paths = sorted(folder.glob(f"*{EXTENSION}"))
            if not paths:
                errors.append(DataError(_display(folder, root), 1, "", messages.NO_SUPPORT_TYPES))
        else:
            paths = [data_dir / kind.data]
            if not paths[0].is_file():
                errors.append(DataError(_display(paths[0], root), 1, "", messages.missing_file(kind.data)))
                failed = True
                continue
        found = []
        for path in paths:
            doc, value = _load(path, _display(path, root), kind.model, errors)
            if value is None:
                failed = failed or not kind.is_folder
            else:
                found.append(Loaded(doc, value, path.stem))
        loaded[kind.key] = kind.order(found)

    ids = Ids()
    for kind in KINDS:
        if loaded.get(kind.key):
            errors += kind.cross_check(loaded[kind.key], ids)
    if errors or failed:
        raise DataErrors(errors)
    return Playbook(
        {
            kind.key: [one.value for one in loaded[kind.key]] if kind.is_folder else loaded[kind.key][0].value
            for kind in KINDS
            if kind.data
        }
    )


def _load(path: Path, name: str, model: type[pydantic.BaseModel], errors: list[DataError]):
    """Parse and validate one file; append its problems to errors."""
    doc = parse_yaml(path, name, errors)
    if doc is None:
        return None, None
    try:
        return doc, model.model_validate(doc.data)
    except pydantic.ValidationError as exc:
        found = exc.errors()
        # A misspelt key (`tittle`) is one problem, not two: its "did you mean" covers the missing field.
        misspelt = {
            (tuple(e["loc"][:-1]), messages.closest_field(e, model)) for e in found if e["type"] == "extra_forbidden"
        }
        for err in found:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and (loc[:-1], loc[-1]) in misspelt:
                continue
            errors.append(DataError(name, doc.line_of(loc), field_name(loc), messages.explain(err, model)))
        return doc, None


def parse_yaml(path: Path, name: str, errors: list[DataError]) -> Document | None:
    """Read one YAML file keeping line numbers; append problems to errors and return None on failure."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        errors.append(DataError(name, 1, "", messages.too_big(len(raw), MAX_FILE_BYTES)))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.append(DataError(name, line, "", messages.NOT_UTF8))
        return None
    try:
        if sum(map(text.count, "[{-:?")) > FAST_LOADER_MAX_INDICATORS:
            parsed = _compose(text, yaml.SafeLoader)
        else:
            try:
                parsed = _compose(text, FAST_LOADER)
            except (yaml.YAMLError, _AliasFound):
                # libyaml words its errors differently: the pure-Python parser gives the messages we explain.
                parsed = _compose(text, yaml.SafeLoader)
        if parsed is None:
            errors.append(DataError(name, 1, "", messages.EMPTY_FILE if not text.strip() else messages.ONLY_COMMENTS))
            return None
        data, lines, duplicates = parsed
    except _AliasFound as exc:
        errors.append(DataError(name, exc.line, "", messages.ALIAS))
        return None
    except RecursionError:
        errors.append(DataError(name, 1, "", messages.TOO_DEEP))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        errors.append(DataError(name, line, "", messages.yaml_syntax(exc, source_line)))
        return None
    except yaml.YAMLError as exc:
        errors.append(DataError(name, 1, "", messages.yaml_syntax(exc, "")))
        return None
    for dup_path, line in duplicates:
        errors.append(DataError(name, line, field_name(dup_path), messages.DUPLICATE_KEY))
    if not isinstance(data, dict):
        errors.append(DataError(name, 1, "", messages.NOT_A_MAPPING))
        return None
    return None if duplicates else Document(name, data, lines)


def _compose(text: str, loader_class) -> tuple[Any, dict[Path_, int], list[tuple[Path_, int]]] | None:
    """The file's data, the line of each field and its duplicate keys; None for a file without a document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        lines: dict[Path_, int] = {}
        duplicates = _walk(node, (), lines, set())
        return loader.construct_document(node), lines, duplicates
    finally:
        loader.dispose()


class _AliasFound(Exception):
    def __init__(self, line: int):
        self.line = line


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen_nodes: set[int]) -> list[tuple[Path_, int]]:
    """Record the line of every field under node; return the duplicate keys found.

    A node met twice is a YAML alias (`*name`): refused, since aliases can nest into a
    "billion laughs" that no playbook needs.
    """
    if id(node) in seen_nodes:
        raise _AliasFound(lines.get(path, node.start_mark.line + 1))
    seen_nodes.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    duplicates = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            child = path + (key,)
            if key in seen:
                duplicates.append((child, key_node.start_mark.line + 1))
                continue
            seen.add(key)
            lines[child] = key_node.start_mark.line + 1
            duplicates += _walk(value_node, child, lines, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            duplicates += _walk(item, path + (index,), lines, seen_nodes)
    return duplicates


def _unexpected_files(data_dir: Path, root: Path) -> list[DataError]:
    """Files an author may have put in the wrong place or named wrongly: never ignored silently."""
    single_files = [kind.data for kind in KINDS if kind.data and not kind.is_folder]
    folders = {kind.data for kind in KINDS if kind.is_folder}
    errors = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        top_level = len(relative.parts) == 1 and relative.name in single_files
        in_folder = relative.parent.as_posix() + "/" in folders and path.suffix == EXTENSION
        if not (top_level or in_folder):
            errors.append(DataError(_display(path, root), 1, "", messages.unexpected_file(relative, single_files)))
    return errors


def _display(path: Path, root: Path) -> str:
    """The path as an author sees it: relative to the project (data/...)."""
    return path.relative_to(root).as_posix()
