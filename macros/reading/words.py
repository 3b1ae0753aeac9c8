"""Words: ids (slugs) made from titles, titles made from shouted headings, icons split off."""

from __future__ import annotations

import re
import unicodedata

SMALL_WORDS = {
    "a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "u", "un", "una", "y",
    "and", "for", "in", "of", "on", "the", "to",
}  # fmt: skip
"""Words a title keeps in lower case (`Checklist de Implementación`), and ids skip."""

BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*].*?)\*\*$")


class Icon(str):
    """An icon (emoji), written in double quotes as in the committed files."""


def slug(text: str) -> str:
    """A stable lowercase ASCII id: accents stripped, anything not a letter or digit → '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fold(text: str) -> str:
    """Text compared as a reader would: no accents, no case, single spaces."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def title_case(text: str) -> str:
    """`CHECKLIST DE IMPLEMENTACIÓN` → `Checklist de Implementación` (only shouted words change)."""
    words = []
    for position, word in enumerate(text.split()):
        if not word.isupper():
            words.append(word)
        elif position and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(_capitalised(word))
    return " ".join(words)


def _capitalised(word: str) -> str:
    """`ATENCIÓN` → `Atención`, `¿QUÉ` → `¿Qué`: the first letter upper case, after any opening punctuation."""
    first = next((i for i, c in enumerate(word) if c.isalpha()), 0)
    return word[: first + 1] + word[first + 1 :].lower()


def split_icon(text: str) -> tuple[str, str]:
    """`🛟 Soporte y Servicio` → ('🛟', 'Soporte y Servicio'); no leading emoji → ('', text)."""
    first, _, rest = text.strip().partition(" ")
    is_icon = (
        first
        and not any(c.isalnum() for c in first)
        and any(unicodedata.category(c) in ("So", "Sk", "Cs") or ord(c) >= 0x2000 for c in first)
    )
    return (first, rest.strip()) if is_icon else ("", text.strip())


EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])|`([^`]+)`")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def without_markup(text: str) -> str:
    """A heading's words as a title shows them: `**Saludo** *inicial*` → `Saludo inicial` (emphasis, code
    spans and links reduced to their text)."""
    text = LINK.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        text = EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or m.group(5), text)
    return text


def unbold(text: str) -> str:
    """`**Características:**` → `Características` (emphasis and the trailing colon removed)."""
    text = text.strip()
    match = BOLD_LINE.match(text)
    if match:
        text = match.group("text")
    return text.strip().rstrip(":").strip()


def unique(base: str, taken: set[str], fallback: str) -> str:
    """base, or base-2, base-3… when already taken; fallback when base is empty."""
    base = base or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def content_words(text: str) -> list[str]:
    """The slug words of text without connecting words and -mente adverbs (`Optimiza continuamente` → optimiza)."""
    return [w for w in slug(text).split("-") if w and w not in SMALL_WORDS and not w.endswith("mente")]


def item_id(text: str) -> str:
    """A checklist item's id: its first two content words (`Identifica tipo de soporte apropiado` → identifica-tipo).

    Short on purpose: these ids key the ticks readers save in their browsers, and match the
    ids the committed data/ already uses for the seed.
    """
    return "-".join(content_words(text)[:2]) or slug(text)
