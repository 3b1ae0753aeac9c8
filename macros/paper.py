"""What every printed page carries, in the browser's print and in `make pdf` alike (CSS paged media, Chromium ≥
131): the playbook's title and version at the top, "página N de M" at the foot (the language's words); neither
on the handout's cover (BARE_FIRST_PAGE, on that page only)."""

from __future__ import annotations

import re


def running_css(title: str, page_of: str) -> str:
    """@page rules: `title` in the top-left margin box; `page_of` ("página {page} de {pages}") bottom right."""
    words = [f'"{css_string(part)}"' if part else "" for part in re.split(r"\{page\}|\{pages\}", page_of)]
    counters = iter(["counter(page)", "counter(pages)"])
    footer = " ".join(filter(None, [words[0], *(f"{next(counters)} {word}".strip() for word in words[1:])]))
    return (
        f'@page {{ @top-left {{ content: "{css_string(title)}"; font: 8pt sans-serif; color: #555; }} '
        f"@bottom-right {{ content: {footer}; font: 8pt sans-serif; color: #555; }} }}"
    )


BARE_FIRST_PAGE = "@page :first { @top-left { content: none; } @bottom-right { content: none; } }"
"""For the handout, whose first page is its cover."""


def css_string(text: str) -> str:
    """Text for inside a CSS string: quotes and backslashes escaped, one line, and no `<` (inside a <style>
    element, `</style>` in a title would end it)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
