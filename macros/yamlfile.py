"""One data file read as YAML 1.2, keeping the line where each field starts.

YAML 1.2 (the version editors' YAML language server reads) rather than PyYAML's default 1.1, so the
build and the editor agree: unquoted `no`, `on`, `sí` and `12:30` are text, `010` is the number 10, and a
date is a text the models read as a date. Anchors, aliases and tags (`!!binary`) are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import DataError, Path_
from .messages import Messages

FAST_LOADER_MAX_DEPTH = 10_000
"""libyaml's composer recurses in C and crashes the process past about 20,000 nested levels: a file that could
nest deeper takes the slow loader (never seen: a 1 MB file nested by indentation stays under 3,000 levels)."""
MAX_FILE_BYTES = 1_000_000
"""A playbook file is a few kilobytes; anything this big is a mistake, not content."""

_CORE_SCHEMA = [  # YAML 1.2's core schema: https://yaml.org/spec/1.2.2/#1032-tag-resolution
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]{1,18}|0o[0-7]{1,18}|0x[0-9a-fA-F]{1,16})$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        # 1.2's float, less its plain integers (the int above has them) and more than 18 digits before the point.
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]{1,18}\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]{1,18}[eE][-+]?[0-9]+"
        r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$",
        list("-+.0123456789"),
    ),
]
"""A longer run of digits stays text: the models then say the number is out of range (Python refuses to read
an int of more than 4,300 digits)."""
TEXT_TAG = "tag:yaml.org,2002:str"
PLAIN_TAGS = {tag for tag, _, _ in _CORE_SCHEMA} | {f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map")}


def _yaml_12(base: type) -> type:
    """A loader class on `base` (PyYAML's or libyaml's) that resolves and builds scalars as YAML 1.2 does."""

    class Loader(base):
        yaml_implicit_resolvers: dict = {}

        def construct_yaml_int(self, node):
            value = self.construct_scalar(node)
            return int(value[2:], 8) if value.startswith("0o") else int(value, 16 if value.startswith("0x") else 10)

        def construct_yaml_bool(self, node):
            return self.construct_scalar(node).lower() == "true"

    for tag, pattern, first in _CORE_SCHEMA:
        Loader.add_implicit_resolver(tag, re.compile(pattern), first)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    Loader.add_constructor("tag:yaml.org,2002:bool", Loader.construct_yaml_bool)
    return Loader


SAFE_LOADER = _yaml_12(yaml.SafeLoader)
FAST_LOADER = _yaml_12(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml when PyYAML was built with it: about 7× faster on big playbooks (bench/VARIANTS.md)."""


@dataclass
class Document:
    """A parsed YAML file: its data and the line where each field starts."""

    name: str
    data: Any
    lines: dict[Path_, int]
    mtime: float = 0.0
    """When the file last changed: a duplicate id is blamed on the most recently changed file."""

    def line_of(self, path: Path_) -> int:
        """The line of the deepest part of `path` present in the file."""
        for depth in range(len(path), -1, -1):
            if path[:depth] in self.lines:
                return self.lines[path[:depth]]
        return 1


def _key_shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return node.value[:40]
    return "[…]" if isinstance(node, yaml.SequenceNode) else "{…}"


class _Refused(Exception):
    """A construct no playbook needs: an alias (`*name`, and so "billion laughs") or a tag (`!!binary`)."""

    def __init__(self, line: int, key: str, **params: str):
        self.line, self.key, self.params = line, key, params


def parse_yaml(raw: bytes, name: str, say: Messages, errors: list[DataError]) -> Document | None:
    """One YAML file's bytes, keeping line numbers; append problems to errors and return None on failure."""
    if len(raw) > MAX_FILE_BYTES:
        errors.append(DataError(name, 1, "", say.say("too_big", size=f"{len(raw):,}", limit=f"{MAX_FILE_BYTES:,}")))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.append(DataError(name, raw[: exc.start].count(b"\n") + 1, "", say.say("not_utf8")))
        return None
    try:
        if _depth_bound(text) > FAST_LOADER_MAX_DEPTH:
            parsed = _compose(text, SAFE_LOADER)
        else:
            try:
                parsed = _compose(text, FAST_LOADER)
            except (yaml.YAMLError, _Refused):
                # libyaml words its errors differently: the pure-Python parser gives the messages we explain.
                parsed = _compose(text, SAFE_LOADER)
        if parsed is None:
            errors.append(DataError(name, 1, "", say.say("empty_file" if not text.strip() else "only_comments")))
            return None
        data, lines, duplicates = parsed
    except _Refused as exc:
        errors.append(DataError(name, exc.line, "", say.say(exc.key, **exc.params)))
        return None
    except RecursionError:
        errors.append(DataError(name, 1, "", say.say("too_deep")))
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses anywhere (a control character)
        line = text[: exc.position].count("\n") + 1
        errors.append(DataError(name, line, "", say.say("control_character", code=f"U+{exc.character:04X}")))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and ("flow" in (exc.context or "") or "quoted scalar" in (exc.context or "")):
            mark = exc.context_mark  # a `[`, `{` or quote left open: where it opened, not where the file ends
        line = mark.line + 1 if mark else 1
        slip = _slip_up_to(text, line)
        if slip:  # the parser trips on a line after the one the author got wrong: name that one, and why
            errors.append(DataError(name, slip[0], "", say.say(slip[1], **slip[2])))
            return None
        opened = _unclosed_quote(text, line)
        if opened:  # the parser trips far below a quote left open: point at the quote
            errors.append(DataError(name, opened, "", say.say("unclosed_quote")))
            return None
        message = say.yaml_syntax(exc.problem or "", exc.context or "", _line(text, line))
        errors.append(DataError(name, line, "", message))
        return None
    except yaml.YAMLError as exc:
        errors.append(DataError(name, 1, "", say.yaml_syntax(str(exc), "", "")))
        return None
    for dup_path, line in duplicates:
        errors.append(DataError(name, line, say.place(dup_path), say.say("duplicate_key")))
    if not isinstance(data, dict):
        errors.append(DataError(name, 1, "", say.say("not_a_mapping")))
        return None
    return None if duplicates else Document(name, data, lines)


def _depth_bound(text: str) -> int:
    """How deep the file's nodes could nest, at most: a flow level opens with `[` or `{`; a block level starts
    further along a line (`- - x`) or on a line indented more than its parent's, a list under a key aside (at
    the key's indentation): so two levels at most per column of the longest line."""
    return text.count("[") + text.count("{") + 2 * (max(map(len, text.split("\n"))) + 1)


LEADING_SPACE = re.compile(r"^[\s\u200b\ufeff]*")
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]")
KEY_NO_SPACE = re.compile(r"^[ \t]*([A-Za-z_][\w-]*):(?![ \t]|$)(\S.*)$")
CURLY_QUOTED = re.compile(r"^[ \t]*(?:- |[\w-]+: )[ \t]*[“”‘’„«]")
QUOTED = re.compile(r'^[ \t]*(?:- |[\w-]+: )[ \t]*"(.*)"[ \t]*$')


def _slip_up_to(text: str, line: int) -> tuple[int, str, dict] | None:
    """(line, message key, blanks) of a typing slip the parser does not name: spaces that are not spaces in an
    indentation (pasted from a web page or a document) or `clave:valor` without its space, on any line up to the
    one where parsing failed; Word's curly quotes, or straight quotes inside a quoted text, on that line."""
    lines = text.split("\n", line)[:line]
    for number, source in enumerate(lines, start=1):
        odd = ODD_SPACE.search(LEADING_SPACE.match(source).group())
        if odd:
            return number, "odd_space_indent", {"code": f"U+{ord(odd.group()):04X}"}
        joined = _joined_key(source)
        if joined:
            return number, "colon_no_space", joined
    last = lines[-1] if lines else ""
    if CURLY_QUOTED.match(last):
        return line, "curly_quotes", {}
    quoted = QUOTED.match(last)
    if quoted and '"' in quoted.group(1).replace('\\"', ""):
        return line, "quote_inside_quote", {}
    return None


def _joined_key(line: str) -> dict | None:
    """`clave:valor` with no space after the colon (an address's `https://` aside): the blanks of its message."""
    joined = KEY_NO_SPACE.match(line)
    if not joined or joined.group(2).startswith("//"):
        return None
    return {"field": joined.group(1), "value": joined.group(2)[:40]}


def _unclosed_quote(text: str, before: int) -> int | None:
    """The first line, up to line `before`, whose double quotes do not pair up (a text left open)."""
    for number, line in enumerate(text.split("\n", before)[:before], start=1):
        code = line.split(" #", 1)[0].replace('\\"', "")
        if code.count('"') % 2:
            return number
    return None


def _line(text: str, number: int) -> str:
    """Line `number` (from 1) of text, without splitting the whole of a huge file."""
    start = 0
    for _ in range(number - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _compose(text: str, loader_class) -> tuple[Any, dict[Path_, int], list[tuple[Path_, int]]] | None:
    """The file's data, the line of each field and its duplicate keys; None for a file without a document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        lines: dict[Path_, int] = {}
        duplicates = _walk(node, (), lines, set())
        _check_texts(node, text.split("\n"))
        return loader.construct_document(node), lines, duplicates
    finally:
        loader.dispose()


COMMENT_AFTER = re.compile(r"([ \t]+)#[ \t]*(\S.*)$")
LIST_ITEM = re.compile(r"[ \t]*-[ \t]+\S")


def _check_texts(node: yaml.Node, source: list[str]) -> None:
    """Every word an author typed in a plain (unquoted) text reaches the data, or the file is refused where the
    text lost some: a ` #` after a text starts a YAML comment that drops the rest of the line ("el pedido
    #4521"); a `- ` line indented deeper than the item above joins that item."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif not node.style and node.tag == "tag:yaml.org,2002:null" and not node.value:
            # `subtitle: #4521 Técnicas…`: the whole text became a comment, and the field nothing
            after = COMMENT_AFTER.match(source[node.end_mark.line][node.end_mark.column :])
            if after and len(after.group(1)) == 1:
                raise _Refused(node.end_mark.line + 1, "comment_in_text", rest=after.group(2)[:80])
        elif not node.style and node.tag == "tag:yaml.org,2002:str":  # plain: None in PyYAML, "" in libyaml
            start, end = node.start_mark, node.end_mark
            if re.match(r"-[^\s\d]", node.value) and not source[start.line][: start.column].strip():
                raise _Refused(start.line + 1, "dash_no_space", text=node.value.split("\n")[0][:40])
            for number in range(start.line + 1, end.line + 1):
                if LIST_ITEM.match(source[number]):
                    raise _Refused(number + 1, "dash_joins_item", text=source[number].strip()[:80])
                joined = _joined_key(source[number])
                if joined:
                    raise _Refused(number + 1, "colon_no_space", **joined)
            after = COMMENT_AFTER.match(source[end.line][end.column :]) if end.line < len(source) else None
            # A comment kept apart by two spaces after a one-word value (`id: x  # …`) is meant as one.
            if after and (" " in node.value or len(after.group(1)) == 1):
                raise _Refused(end.line + 1, "comment_in_text", rest=after.group(2)[:80])


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen_nodes: set[int]) -> list[tuple[Path_, int]]:
    """Record the line of every field under node; return the duplicate keys found.

    A node met twice is a YAML alias (`*name`): refused, since aliases can nest into a
    "billion laughs" that no playbook needs. So is a tag (`!!binary`, `!!timestamp`, `!x`).
    """
    if id(node) in seen_nodes:
        raise _Refused(lines.get(path, node.start_mark.line + 1), "alias")
    if node.tag not in PLAIN_TAGS:
        raise _Refused(node.start_mark.line + 1, "tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")[:40])
    seen_nodes.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    duplicates = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            if key_node.tag not in PLAIN_TAGS:
                raise _Refused(key_node.start_mark.line + 1, "tag", tag=key_node.tag[:40])
            if key_node.tag != TEXT_TAG:  # `1: uno`, `true: …`, `[a, b]: …`
                raise _Refused(key_node.start_mark.line + 1, "key_not_text", name=_key_shown(key_node))
            key = key_node.value
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
