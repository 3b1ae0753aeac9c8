"""What each data problem means to a content author, and how to fix it: one line each, in the playbook's
language, from its catalogue (macros/locales/<language>/messages.yml and words.yml)."""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pydantic

from .models import DEFAULT_LANGUAGE, LIMITS, LOCALES, read_catalogue


@functools.cache
def _read(language: str, name: str) -> Mapping[str, typing.Any]:
    return MappingProxyType(read_catalogue(LOCALES / language / f"{name}.yml"))


def available(language: str) -> bool:
    """Whether the playbook's interface and messages exist in this language."""
    return (
        isinstance(language, str)
        and bool(re.fullmatch(r"[a-z]{2,3}(?:_[A-Z]{2})?", language))
        and (LOCALES / language / "messages.yml").is_file()
    )


def languages() -> list[str]:
    """The languages macros/locales/ has a catalogue for."""
    return sorted(path.parent.name for path in LOCALES.glob("*/messages.yml"))


class MissingCatalogue(Exception):
    """The site asks for a language macros/locales/ has no catalogue for: nothing falls back silently."""

    def __init__(self, language: object) -> None:
        super().__init__(language)
        self.language = language

    def __str__(self) -> str:
        known = ", ".join(languages())
        return Messages(DEFAULT_LANGUAGE).line("no_catalogue", language=_shown(self.language), known=known)


class Messages:
    """The messages of one language: `Messages("es").say("missing_field", name="closing")`."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        if not available(language):
            raise MissingCatalogue(language)
        self.language = language
        self.catalogue = _read(self.language, "messages")
        self.words = _read(self.language, "words")

    def say(self, key: str, **params: object) -> str:
        """One message, its blanks filled in."""
        return self.catalogue[key].format(**params)

    def line(self, key: str, **params: object) -> str:
        """One of the lines the commands and the error page print (words.yml)."""
        return self.words[key].format(**params)

    def imports(self, key: str, **params: object) -> str:
        """One line of `make import`'s report (importer.yml)."""
        return _read(self.language, "importer")[key].format(**params)

    def import_words(self, group: str) -> Mapping[str, str]:
        """One group of importer.yml's words (`fallback_ids`, `required_examples`…), by key."""
        return _read(self.language, "importer")[group]

    def counted(self, count: int, noun: str) -> str:
        """`1 técnica`, `2 técnicas` (importer.yml's counts)."""
        singular, plural = _read(self.language, "importer")["counts"][noun]
        return f"{count} {singular if count == 1 else plural}"

    def kind_name(self, key: str) -> str:
        """What a section could have been (`el checklist`), for the import's warnings."""
        return _read(self.language, "importer")["kinds"][key]

    # -- where: the field, as an author counts

    def place(self, loc: tuple) -> str:
        """`('techniques', 1, 'process', 2)` → `técnica 2 › paso 3`: list items named and counted from 1."""
        parts: list[str] = []
        for i, part in enumerate(loc):
            if isinstance(part, int):
                noun = self.words["items"].get(loc[i - 1], self.words["item"]) if i else self.words["item"]
                if parts and i and loc[i - 1] in self.words["items"]:
                    parts.pop()  # `techniques` + 1 → `técnica 2`, not `techniques › técnica 2`
                parts.append(f"{noun} {part + 1}")
            else:
                parts.append(str(part))
        return " › ".join(parts)

    # -- files

    def unexpected_file(self, relative: Path, single_files: typing.Iterable[str]) -> str:
        named = _data_file_name(relative)
        if named:
            return self.say("wrong_extension", name=named.as_posix())
        if relative.suffix == ".yml" and len(relative.parts) == 1:
            return self.say("unknown_data_file", files=", ".join(single_files))
        return self.say("not_a_data_file")

    def yaml_syntax(self, problem: str, context: str, source_line: str) -> str:
        """PyYAML's complaint (its pure-Python parser's words: libyaml's errors are parsed again with it, and a
        character YAML refuses is told before, by parse_yaml), said as what the author did and how to fix it."""
        if "\\t" in problem:  # PyYAML refuses a tab wherever it indents, with "found character '\\t'"
            return self.say("tab_indent")
        if _opens_with_bracket(source_line):
            return self.say("bracket_text")
        if "mapping values are not allowed" in problem:
            return self.say("colon_in_text")
        if "quoted scalar" in context:
            return self.say("unclosed_quote")
        if "flow" in context:
            return self.say("unclosed_bracket")
        if "expected <block end>" in problem:
            return self.say("bad_indent")
        return self.say("yaml_other")

    # -- fields

    def describe(self, value: object) -> str:
        """How an author would name a YAML value's type."""
        values = self.words["values"]
        if isinstance(value, bool):
            return values["bool"]
        if isinstance(value, (int, float)):
            return values["number"]
        if isinstance(value, list):
            return values["list"]
        if isinstance(value, dict):
            return values["block"]
        if value is None:
            return values["nothing"]
        return values["text"]

    def explain(self, err: dict, model: type[pydantic.BaseModel]) -> str:
        """Turn one pydantic error into a sentence with a fix."""
        kind, value, loc = err["type"], err.get("input"), tuple(err["loc"])
        if kind == "missing":
            return self.say("missing_field", name=loc[-1])
        if kind == "extra_forbidden":
            close = closest_field(err, model)
            if close:
                return self.say("unknown_field_close", close=close)
            return self.say("unknown_field", fields=", ".join(f"`{f}`" for f in _fields_at(model, loc[:-1])))
        if value is None and kind == "string_type":
            return self.say("empty_text")
        if (value is None and kind == "list_type") or (kind == "too_short" and isinstance(value, list)):
            return self.say("empty_list")
        if kind == "string_type":
            return self.say("text_got_list" if isinstance(value, list) else "text_got_other", what=self.describe(value))
        if kind == "list_type":
            return self.say("list_got_other", what=self.describe(value))
        if kind in {"model_type", "model_attributes_type", "dict_type"}:
            return self.say("block_got_other", what=self.describe(value))
        if kind == "string_too_short":
            return self.say("empty_text")
        if kind in {"word_too_long", "control_character"}:
            return self.say(kind, **err["ctx"])
        if kind == "string_too_long":
            limit = err.get("ctx", {}).get("max_length", LIMITS["text"])
            return self.say("text_too_long", length=len(str(value)), limit=limit)
        if kind == "string_pattern_mismatch":
            if "\n" in str(value) or "\r" in str(value):
                return self.say("line_break")
            control = next((c for c in str(value) if unicodedata.category(c) == "Cc"), None)
            if control is not None:
                return self.say("control_character", code=f"U+{ord(control):04X}")
            return self.say("invalid_id", value=_shown(value))
        if kind == "int_type":  # never int_parsing: the models are strict
            if isinstance(value, str) and re.fullmatch(r"[-+]?\d+", value):  # too many digits to be read as one
                return self.say("number_range", value=_shown(value, 20), low=0, high=LIMITS["order"])
            return self.say("whole_number", what=self.describe(value))
        if kind in {"less_than_equal", "greater_than_equal"}:
            return self.say("number_range", value=_shown(value), low=0, high=LIMITS["order"])
        if kind.startswith("date"):
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return self.say("date_impossible", value=value)
            return self.say("date_format", what=self.describe(value))
        return self.say("other_value")

    # -- between fields and files

    def duplicate_id(self, what: str, value: str, first: str) -> str:
        return self.say("duplicate_id", value=_shown(value), what=self.words["owners"].get(what, what), first=first)

    def id_not_file_name(self, value: str, stem: str) -> str:
        return self.say("id_not_file_name", value=_shown(value), stem=_shown(stem))

    def unknown_part(self, value: str, known: list[str]) -> str:
        return self._unknown("unknown_part", value, known)

    def unknown_support_type(self, value: str, known: list[str]) -> str:
        if not known:  # a playbook of other parts only: there is no type to name
            return self.say("no_support_types", value=_shown(value))
        return self._unknown("unknown_support_type", value, known)

    def _unknown(self, key: str, value: str, known: list[str]) -> str:
        """A reference to nothing: the likely fix when one is close, else the first ids it could be."""
        close = difflib.get_close_matches(value, known, n=1)
        if close:
            return self.say(f"{key}_close", value=_shown(value), close=close[0])
        return self.say(key, value=_shown(value), known=", ".join(known[:KNOWN_SHOWN]))


KNOWN_SHOWN = 12
"""The ids a message lists when a reference names none of them (the rest would drown the line)."""

NEAR_DATA_FILE = re.compile(r"\.ya?ml(?:\.[A-Za-z0-9]{1,4})?$", re.IGNORECASE)
"""A data file saved under a name that is almost right: `reactivo.yaml`, `Reactivo.YML`, `reactivo.yml.txt`."""


def _data_file_name(relative: Path) -> Path | None:
    """What a near-miss data file should be called; None for a right name or a file that is not data."""
    found = NEAR_DATA_FILE.search(relative.name)
    if not found or relative.name[found.start() :] == ".yml" and relative.name == relative.name.lower():
        return None
    return relative.with_name(relative.name[: found.start()].lower() + ".yml")


def _opens_with_bracket(source_line: str) -> bool:
    """`- [X] minutos` or `key: [X] minutos`: a text that YAML reads as a list."""
    head = source_line.strip()
    if head.startswith("- "):
        head = head[2:].strip()
    elif ": " in head:
        head = head.split(": ", 1)[1].strip()
    return head.startswith("[") and "]" in head and not head.rstrip().endswith("]")


def _shown(value: object, limit: int = 60) -> str:
    """A value from the data as it can be echoed: control characters made visible, long values cut."""
    text = "".join(c if unicodedata.category(c)[0] != "C" else f"\\x{ord(c):02x}" for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, NUL…) shown as \\x1b, never sent."""
    return "".join(c if c in "\n\t" or unicodedata.category(c)[0] != "C" else f"\\x{ord(c):02x}" for c in text)


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
    """The type a field holds, without Annotated[…] or an optional block's `| None`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            held = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(held) != 1:
                return annotation
            annotation = held[0]
        else:
            return annotation
