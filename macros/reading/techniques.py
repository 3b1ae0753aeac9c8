"""What support types and optimisation share in a document: `Técnica N: Title` with its process and script."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import default_labels
from .blocks import NUMBERED, NUMBERED_TITLE, Token, bold_label, take
from .words import fold, slug, unbold, unique

if TYPE_CHECKING:
    from ..importer.document import DocumentReader


def numbered_title(reader: DocumentReader, heading: Token, label_key: str) -> str:
    """`Técnica 1: Title` / `Caso 1: Title` → the title; the word before the number becomes a label."""
    match = NUMBERED_TITLE.match(unbold(heading.text))
    assert match is not None
    reader.ctx.label(label_key, match.group("label"))
    return match.group("title").strip()


def read(
    reader: DocumentReader, heading: Token, body: list[Token], section: str, with_key_elements: bool
) -> dict | None:
    """`Técnica N: Title` with its process and script code blocks (and key elements for a support type)."""
    ctx = reader.ctx
    title = numbered_title(reader, heading, "technique")
    process = script = key_elements = None
    situations: list[str] = []
    synonyms: list[str] = []
    i = 0
    while i < len(body):
        token, found = body[i], bold_label(body[i])
        # **También se dice:** queja, reclamo
        if found and is_label(found[0], "synonyms", ctx.say.language) and found[1]:
            synonyms = comma_list(found[1])
            ctx.label("synonyms", found[0])
            i += 1
            continue
        if found and is_label(found[0], "when_to_use", ctx.say.language) and not found[1] and i + 1 < len(body):
            bullets, after = take(body, i + 1, "bullet")  # **Cuándo usarlo:** then `- ` situations
            if bullets:
                situations = [b.text for b in bullets]
                ctx.label("when_to_use", found[0])
                i = after
                continue
        if found and not found[1] and i + 1 < len(body) and body[i + 1].kind in ("code", "bullet"):
            label, i = found[0], i + 1
            token = body[i]
        else:
            label = None
        if token.kind == "code" and _is_script(token) and script is None:
            script = _script(reader, token, title)
            ctx.label("script", label or "")
            i += 1
        elif token.kind == "code" and _is_process(token) and process is None:
            process = _numbered_lines(reader, token, section)
            ctx.label("process", label or "")
            i += 1
        elif token.kind == "bullet" and with_key_elements and key_elements is None:
            bullets, i = take(body, i, "bullet")
            key_elements = [b.text for b in bullets]
            ctx.label("key_elements", label or "")
        else:
            if label:
                ctx.keep(body[i - 1], section)
            run, i = take(body, i, token.kind) if token.kind in ("bullet", "numbered") else ([token], i + 1)
            for kept in run:
                ctx.keep(kept, section)
    missing = [name for name, value in (("process", process), ("script", script)) if value is None]
    if with_key_elements and key_elements is None:
        missing.append("key elements")
    for name, key in (("script", "technique_no_script"), ("process", "technique_no_process")):
        if name in missing:
            ctx.warn(heading.line, key, title=title)
    if "key elements" in missing:
        ctx.warn(heading.line, "technique_no_key_elements", title=title)
    if missing or script is False:
        return None  # warned: the caller's attempt() puts the block on a free page
    technique = {
        "id": unique(slug(title), reader.technique_ids, reader.ctx.say.import_words("fallback_ids")["technique"]),
        "title": title,
        **({"situations": situations} if situations else {}),
        **({"synonyms": synonyms} if synonyms else {}),
        "process": process,
        "script": script,
    }
    if with_key_elements:
        technique["key_elements"] = key_elements
    return technique


def is_label(text: str, key: str, language: str) -> bool:
    """Whether a document's label is the interface label `key` in its language ("Cuándo usarlo", in any case
    and accents, singular or plural, with or without its colon)."""
    said, known = fold(text).rstrip(": "), fold(default_labels(language)[key])
    return said in (known, f"{known}s", known.removesuffix("s"))


def comma_list(text: str) -> list[str]:
    """`queja, reclamo, incidencia` → ['queja', 'reclamo', 'incidencia']."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _numbered_lines(reader: DocumentReader, token: Token, section: str) -> list[str]:
    """The steps of a process code block (`1. Step`); other lines are kept as unmapped."""
    steps = []
    for number, line in token.code:
        match = NUMBERED.match(line.strip())
        if match and match.group(2).strip():
            steps.append(match.group(2).strip())
        elif line.strip():
            reader.ctx.keep(Token("para", number, line.strip(), (line,)), section)
    return steps


def _script(reader: DocumentReader, token: Token, title: str) -> dict[str, Any] | bool:
    """A script code block: `"Opening`, `HEADING:` followed by `- line`s, `Closing?"`; False when broken."""
    ctx = reader.ctx
    lines = [(n, line.strip()) for n, line in token.code if line.strip()]
    (first_line, first), (last_line, last) = lines[0], lines[-1]
    if len(lines) < 2 or not last.endswith(('"', "”")) or not last[:-1].strip():
        ctx.warn(last_line, "script_no_closing", title=title)
        return False
    if not first[1:].strip():
        ctx.warn(first_line, "script_empty_opening", title=title)
        return False
    sections: list[dict[str, Any]] = []
    for number, line in lines[1:-1]:
        if line.startswith("- ") and sections:
            sections[-1]["lines"].append(line[2:].strip())
        elif line.endswith(":") and not line.startswith("-"):
            sections.append({"heading": line[:-1].strip(), "lines": []})
        else:
            ctx.keep(Token("para", number, line, (line,)), title)
    broken = False
    for section in sections:
        if not section["lines"]:
            ctx.warn(token.line, "script_empty_section", title=title, heading=section["heading"])
            broken = True
    if not sections:
        ctx.warn(first_line, "script_no_sections", title=title)
        broken = True
    if broken:
        return False
    return {"opening": first[1:].strip(), "sections": sections, "closing": last[:-1].strip()}


def numbered_blocks(reader: DocumentReader, section, title: str, what: str, read_one) -> list[dict]:
    """Read each `### **Label N: Title**` block of a section as a `what`; one that cannot be read, and anything
    between them, goes to the section's free page."""
    tokens, found, i = section.tokens, [], 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "heading" and NUMBERED_TITLE.match(unbold(token.text)):
            item, i = numbered_block(reader, tokens, i, title, what, read_one)
            if item:
                found.append(item)
        else:
            reader.ctx.keep(token, title)
            i += 1
    return found


def numbered_block(reader: DocumentReader, tokens: list[Token], at: int, title: str, what: str, read_one):
    """The `Label N: Title` heading at `at` and the blocks up to the next heading, read as a `what` (None when
    it cannot be: it then goes to the free page of section `title`), and where the next part starts."""
    heading = tokens[at]
    end = next((j for j in range(at + 1, len(tokens)) if tokens[j].kind == "heading"), len(tokens))
    body = tokens[at + 1 : end]
    return reader.attempt(tokens[at:end], title, what, unbold(heading.text), lambda: read_one(heading, body)), end


def opens_techniques(tokens: list[Token], at: int) -> bool:
    """The heading at `at` is followed by a technique's `Label N: Title` heading."""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    return bool(following and following.kind == "heading" and NUMBERED_TITLE.match(unbold(following.text)))


def _is_script(token: Token) -> bool:
    """A script's code block starts with an opening quote."""
    first = next((line.strip() for _, line in token.code if line.strip()), "")
    return first.startswith(('"', "“"))


def _is_process(token: Token) -> bool:
    """A process's code block starts with a numbered step."""
    first = next((line.strip() for _, line in token.code if line.strip()), "")
    return bool(NUMBERED.match(first))
