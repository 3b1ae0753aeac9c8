"""Issue 26: a data file that is accepted keeps every word its author typed. Real data files are edited the way
authors slip — a ` #` inside a text, a list item indented deeper than the one above, quotes around or inside a
text — and each edited file is either refused or keeps, in its values, every word of the edited line."""

from __future__ import annotations

import re

import pydantic
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from macros.kinds import KINDS
from macros.messages import Messages
from macros.yamlfile import parse_yaml

SOURCES = {
    p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yml"))
}
TEXT_LINE = re.compile(r"^(?P<indent>[ ]*)(?P<lead>- |[a-z_]+: )(?P<text>[^\"'\[{|>&*!#%@`\s].*\S)$")
"""A line holding a plain text: a list item or a field, unquoted, not a block or a flow collection."""
CANDIDATES = [
    (name, number)
    for name, text in SOURCES.items()
    for number, line in enumerate(text.split("\n"))
    if TEXT_LINE.match(line) and " " in TEXT_LINE.match(line)["text"] and ": " not in TEXT_LINE.match(line)["text"]
]
"""Lines whose text has words to lose (a `- name: …` line is a field in a list, not a text)."""
WORD = re.compile(r"\w+")


def strings(data) -> str:
    if isinstance(data, dict):
        return " ".join(strings(v) for v in data.values())
    if isinstance(data, list):
        return " ".join(strings(v) for v in data)
    return str(data)


def slip(line: str, kind: str, at: int, word: str) -> tuple[str, str]:
    """The line with the slip made, and the words its author meant to keep."""
    found = TEXT_LINE.match(line)
    indent, lead, text = found["indent"], found["lead"], found["text"]
    cut = at % (len(text) + 1)
    if kind == "hash":  # "el pedido #4521"
        typed = f"{text[:cut].rstrip()} #{word} {text[cut:].lstrip()}".strip()
    elif kind == "deeper":  # one more level of indentation than the line above
        return f"{indent}  {lead}{text}", text
    elif kind == "curly":  # pasted from a word processor
        typed = f"“{text}”"
    else:  # a quote inside a quoted text
        typed = f'"{text[:cut]}"{text[cut:]}"'
    return f"{indent}{lead}{typed}", typed


def model_of(name: str):
    """The model a data file is validated with."""
    return next(k.model for k in KINDS if k.data and (name == f"data/{k.data}" or name.startswith(f"data/{k.data}")))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(CANDIDATES),
    st.sampled_from(["hash", "deeper", "curly", "inner-quote"]),
    st.integers(min_value=0, max_value=200),
    st.sampled_from(["4521", "urgente", "nota", "x"]),
)
def test_an_accepted_file_keeps_every_word_of_the_edited_line(candidate, kind, at, word):
    name, number = candidate
    lines = SOURCES[name].split("\n")
    lines[number], typed = slip(lines[number], kind, at, word)
    errors = []
    doc = parse_yaml("\n".join(lines).encode("utf-8"), name, Messages(), errors)
    if doc is None:
        assert errors and all(error.line >= 1 for error in errors)
        return
    try:
        model_of(name).model_validate(doc.data)
    except pydantic.ValidationError:
        return  # refused by its model (a text that became nothing): the author is told
    kept = set(WORD.findall(strings(doc.data)))
    lost = [w for w in WORD.findall(typed) if w not in kept]
    assert not lost, f"{name}:{number + 1}: {lines[number]!r} was accepted without {lost}"
