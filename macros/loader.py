"""Reads data/, validates it with the models, and reports every problem as `file:line: field: message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
import yaml

from . import messages
from .models import CaseStudies, Checklist, Optimization, Playbook, PlaybookInfo, SupportType

SUPPORT_TYPES_DIR = "support_types"
EXTENSION = ".yml"
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml when PyYAML was built with it: about 7× faster on big playbooks (bench/VARIANTS.md)."""
FAST_LOADER_MAX_INDICATORS = 10_000
"""libyaml's composer recurses in C and crashes the process past about 20,000 nested levels. Each level
needs one of `[{-:?`, so a file with fewer of them is safe; a (never seen) bigger one takes the slow loader."""
MAX_FILE_BYTES = 1_000_000
"""A playbook file is a few kilobytes; anything this big is a mistake, not content."""

SINGLE_FILES: dict[str, type[pydantic.BaseModel]] = {
    "playbook.yml": PlaybookInfo,
    "optimization.yml": Optimization,
    "case_studies.yml": CaseStudies,
    "checklist.yml": Checklist,
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class DataError:
    """One problem in one data file, at one line."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message}"


class DataErrors(Exception):
    """All the problems found in data/; nothing may be built from it."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line, e.field, e.message))
        super().__init__("\n".join(map(str, self.errors)))


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

    parts: dict[str, Any] = {}
    docs: dict[str, Document] = {}
    for file_name, model in SINGLE_FILES.items():
        path = data_dir / file_name
        if not path.is_file():
            errors.append(DataError(_display(path, root), 1, "", messages.missing_file(file_name)))
            continue
        doc, value = _load(path, _display(path, root), model, errors)
        docs[file_name], parts[file_name] = doc, value

    support_types = []
    for path in sorted((data_dir / SUPPORT_TYPES_DIR).glob(f"*{EXTENSION}")):
        doc, value = _load(path, _display(path, root), SupportType, errors)
        if value is not None:
            support_types.append((doc, value, path.stem))
    support_types.sort(key=lambda loaded: (loaded[1].order, loaded[1].id))  # the playbook's reading order
    if not any((data_dir / SUPPORT_TYPES_DIR).glob(f"*{EXTENSION}")):
        errors.append(DataError(_display(data_dir / SUPPORT_TYPES_DIR, root), 1, "", messages.NO_SUPPORT_TYPES))

    errors += _cross_checks(support_types, docs, parts)
    if errors or None in parts.values():
        raise DataErrors(errors)
    return Playbook(
        info=parts["playbook.yml"],
        support_types=[t for _, t, _ in support_types],
        optimization=parts["optimization.yml"],
        case_studies=parts["case_studies.yml"],
        checklist=parts["checklist.yml"],
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
            errors.append(DataError(name, doc.line_of(loc), _field(loc), messages.explain(err, model)))
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
        errors.append(DataError(name, line, _field(dup_path), messages.DUPLICATE_KEY))
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


def _cross_checks(support_types, docs: dict[str, Document], parts: dict[str, Any]) -> list[DataError]:
    """Rules that span fields or files: ids unique and matching, references resolving."""
    errors = []
    type_ids: dict[str, str] = {}
    technique_ids: dict[str, str] = {}

    def claim(registry: dict[str, str], value: str, doc: Document, path: Path_, kind: str) -> None:
        where = f"{doc.name}:{doc.line_of(path)}"
        if value in registry:
            errors.append(
                DataError(
                    doc.name, doc.line_of(path), _field(path), messages.duplicate_id(kind, value, registry[value])
                )
            )
        else:
            registry[value] = where

    for doc, support_type, stem in support_types:
        if support_type.id != stem:
            errors.append(
                DataError(doc.name, doc.line_of(("id",)), "id", messages.id_not_file_name(support_type.id, stem))
            )
        claim(type_ids, support_type.id, doc, ("id",), "support type")
        for i, technique in enumerate(support_type.techniques):
            claim(technique_ids, technique.id, doc, ("techniques", i, "id"), "technique")

    if parts.get("optimization.yml"):
        doc = docs["optimization.yml"]
        for i, technique in enumerate(parts["optimization.yml"].techniques):
            claim(technique_ids, technique.id, doc, ("techniques", i, "id"), "technique")

    if parts.get("case_studies.yml"):
        doc = docs["case_studies.yml"]
        case_ids: dict[str, str] = {}
        for i, case in enumerate(parts["case_studies.yml"].cases):
            claim(case_ids, case.id, doc, ("cases", i, "id"), "case study")
            if support_types and case.support_type not in type_ids:
                path = ("cases", i, "support_type")
                errors.append(
                    DataError(
                        doc.name,
                        doc.line_of(path),
                        _field(path),
                        messages.unknown_support_type(case.support_type, sorted(type_ids)),
                    )
                )

    if parts.get("checklist.yml"):
        doc = docs["checklist.yml"]
        phase_ids: dict[str, str] = {}
        for i, phase in enumerate(parts["checklist.yml"].phases):
            claim(phase_ids, phase.id, doc, ("phases", i, "id"), "phase")
            item_ids: dict[str, str] = {}
            for j, item in enumerate(phase.items):
                claim(item_ids, item.id, doc, ("phases", i, "items", j, "id"), "item of this phase")
    return errors


def _unexpected_files(data_dir: Path, root: Path) -> list[DataError]:
    """Files an author may have put in the wrong place or named wrongly: never ignored silently."""
    errors = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        top_level = len(relative.parts) == 1 and relative.name in SINGLE_FILES
        support_type = relative.parent == Path(SUPPORT_TYPES_DIR) and path.suffix == EXTENSION
        if not (top_level or support_type):
            errors.append(DataError(_display(path, root), 1, "", messages.unexpected_file(relative, SINGLE_FILES)))
    return errors


def _field(loc: Path_) -> str:
    """('techniques', 0, 'script') -> 'techniques[0].script'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _display(path: Path, root: Path) -> str:
    """The path as an author sees it: relative to the project (data/...)."""
    return path.relative_to(root).as_posix()
