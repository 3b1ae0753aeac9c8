"""Objection handling (data/objections.yml, optional): what a customer says, and the answers to give, each
under its own label as the document names it ("Respuesta", "Si persiste", "Cierre"). One page, objeciones/.

Read from a document's `## … OBJECIONES` section whose `### ` headings are objections (`### Objeción 1: "Muy
caro"`, `### 1. "NO TENGO TIEMPO"`), each followed by `**Label:**` lines with the answer in a code block, a
blockquote or quoted lines, or `**Label**: text` on one line."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from .. import render
from ..errors import DataError
from ..models import Model, Playbook, Slug, Text, plain_text
from ..reading.blocks import MAX_STRUCTURED, Token, bold_label
from ..reading.words import Icon, fold, slug, unbold, unique
from .base import Ids, Kind, Loaded, SectionReader

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..site import Site

MAX_ANSWER = 10_000
AnswerText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_ANSWER, pattern=r"\S"),
    AfterValidator(lambda text: plain_text(text, lines=True)),
]
"""An answer over several lines (a YAML block: `text: |`), shown line for line."""
NUMBERED_HEADING = re.compile(r"^(?:(?P<label>[^\W\d_]+)\s+)?(?P<number>\d{1,4})\s*[:.]\s+(?P<title>\S.*)$")
"""`Objeción 1: "Muy caro"` or `1. "NO TENGO TIEMPO AHORA"`."""
QUOTE_MARK = re.compile(r"^>[ \t]?")
QUOTED_HEADING = re.compile(r'^(?:"[^"]+"|“[^”]+”|«[^»]+»)[.!?…]*$')
"""`"Es muy caro"`, `“No tengo tiempo”`, `«Ya tengo proveedor»`: a heading that is the customer's words."""


class Answer(Model):
    label: Text
    text: AnswerText


class Objection(Model):
    id: Slug
    title: Text
    """As the document writes it, number included (`Objeción 1: "Muy caro"`, `1. "NO TENGO TIEMPO"`)."""
    answers: Annotated[list[Answer], Field(min_length=1)]


class Objections(Model):
    """data/objections.yml: the objections a rep hears and what to answer."""

    title: Text
    icon: Text
    objections: Annotated[list[Objection], Field(min_length=1)]


def objections_page(site: Site, here: str) -> str:
    """Every objection, with its answers line for line (fill-in blanks marked)."""
    return render.page("objections.md", site, here)


class ObjectionsKind(Kind):
    key = "objections"
    data = "objections.yml"
    optional = True
    model = Objections
    page = "objeciones.md"

    def title(self, playbook: Playbook) -> str:
        return playbook.objections.title

    def items(self, playbook: Playbook) -> list:
        return playbook.objections.objections

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        (one,) = loaded
        return [
            error
            for i, objection in enumerate(one.value.objections)
            for error in ids.claim("objection", objection.id, one.doc, ("objections", i, "id"))
        ]

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"objections_page": objections_page}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        found = files.get(f"data/{self.data}")
        return [(len(found["objections"]), "objection")] if found else []


def _objection_heading(token: Token, reader: DocumentReader, following: Token | None = None) -> str | None:
    """The objection a `###` heading names (`"Muy caro"`, or any words when an answer's label follows), or
    None."""
    if token.kind != "heading" or token.level != 3 or len(token.text) > MAX_STRUCTURED:
        return None
    text = unbold(token.text)
    if QUOTED_HEADING.match(text):  # the customer's words alone: `### "Es muy caro"`
        return text
    if following is not None and _answer_label(following, reader):  # `### Ya tengo planillas` then `Respuesta:`
        return text
    match = NUMBERED_HEADING.match(text)
    label = match.group("label") if match else None
    if not match or (label and fold(label) != fold(reader.ctx.say.imports("objection_label"))):
        return None
    return match.group("title").strip()


def _detect(section: Section, reader: DocumentReader) -> bool:
    """A section named for objections (`MANEJO DE OBJECIONES`) with two `###` objections or more."""
    named = fold(reader.ctx.say.imports("objections_word")) in fold(section.title)
    return named and len(_headings(section.tokens, reader)) >= 2


def _headings(tokens: list[Token], reader: DocumentReader) -> dict[int, str]:
    """Where each `###` objection is, and what it says."""
    found = {}
    for i, token in enumerate(tokens):
        said = _objection_heading(token, reader, tokens[i + 1] if i + 1 < len(tokens) else None)
        if said is not None:
            found[i] = said
    return found


def _answer_label(token: Token, reader: DocumentReader) -> str | None:
    """`Respuesta:` written alone on its line, in plain text: the label of the paragraphs under it."""
    text = token.text.strip()
    if token.kind == "para" and text.endswith(":") and fold(text[:-1]) == fold(reader.ctx.say.imports("answer_label")):
        return text[:-1].strip()
    return None


def _read(section: Section, reader: DocumentReader) -> None:
    """Each `###` objection with its answers; the section's other blocks go to its free page."""
    title = reader.display_title(section.title)
    tokens, found, ids, i = section.tokens, [], set(), 0
    headings = _headings(tokens, reader)
    while i < len(tokens):
        said = headings.get(i)
        if said is None:
            reader.ctx.keep(tokens[i], title)
            i += 1
            continue
        end = next((j for j in range(i + 1, len(tokens)) if tokens[j].kind == "heading"), len(tokens))
        read = partial(_objection, reader, tokens[i], tokens[i + 1 : end], said)
        objection = reader.attempt(tokens[i:end], title, "objection", unbold(tokens[i].text), read)
        if objection:
            found.append({"id": unique(slug(said), ids, "objecion"), **objection})
        i = end
    if not found:
        reader.ctx.warn(section.heading.line, "no_objection")
        return
    reader.results[KIND.key] = {"title": title, "icon": Icon(section.icon or reader.default_icon), "objections": found}


def _objection(reader: DocumentReader, heading: Token, body: list[Token], said: str) -> dict | None:
    """`**Label:**` + a code block, a blockquote or quoted lines, or `**Label**: text`, for each answer;
    anything else and it is not read."""
    answers, i = [], 0
    while i < len(body):
        token, label = body[i], bold_label(body[i])
        following = body[i + 1] if i + 1 < len(body) else None
        if token.kind == "rule":
            i += 1
        elif (plain := _answer_label(token, reader)) and following is not None and following.kind == "para":
            end = next((j for j in range(i + 1, len(body)) if body[j].kind != "para"), len(body))  # its paragraphs
            answers.append({"label": plain, "text": "\n\n".join(t.text for t in body[i + 1 : end])})
            i = end
        elif label and label[1]:
            answers.append({"label": label[0], "text": label[1]})
            i += 1
        elif label and following is not None and following.kind == "code" and _code_text(following):
            answers.append({"label": label[0], "text": _code_text(following)})
            i += 2
        elif (label and following is not None and _quoted(following)) or (not label and not answers and _said(token)):
            start = i + 1 if label else i  # no label: the answer straight under the objection, as a quote
            end = start
            while end < len(body) and _quoted(body[end]):
                end += 1
            lines = [QUOTE_MARK.sub("", token.text) for token in body[start:end]]
            name = label[0] if label else reader.ctx.say.imports("answer_label")
            answers.append({"label": name, "text": "\n".join(lines)})
            i = end
        else:
            reader.ctx.warn(token.line, "objection_block", title=said)
            return None
    if not answers:
        reader.ctx.warn(heading.line, "objection_no_answer", title=said)
        return None
    return {"title": unbold(heading.text), "answers": answers}  # as written: `Objeción 1: "Muy caro"`


def _said(token: Token) -> bool:
    """A blockquote line: an answer written under its objection without a label."""
    return token.kind == "para" and token.text.startswith(">")


def _quoted(token: Token) -> bool:
    """A line of a blockquote (`> "Entiendo…"`) or a quoted paragraph (`"Entiendo…"`): what is said."""
    return token.kind == "para" and token.text.startswith((">", '"', "“")) and not bold_label(token)


def _code_text(token: Token) -> str:
    """A code block's lines as they are written, without the blank lines around them."""
    return "\n".join(line for _, line in token.code).strip("\n")


ObjectionsKind.readers = (SectionReader("objections", 35, _detect, _read),)
KIND = ObjectionsKind()
