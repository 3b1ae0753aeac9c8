"""Pure rendering: validated data → Markdown (with HTML blocks) through the Jinja templates beside this file.

Every value a template prints is escaped for both HTML and Markdown (see `literal`), so text from
YAML always shows as typed: `<b>`, `*x*`, `{{ 7*7 }}` or `{#id}` never become markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from . import sitemap
from .messages import Messages, visible
from .models import Playbook, Script
from .template_cache import bytecode_cache

if TYPE_CHECKING:
    from .site import Site

PLACEHOLDER = re.compile(r"\[[^\[\]]+\]")
"""A blank to fill in a script: `[X]`, `[Tiempo]`, `[Canales disponibles]`."""

_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]#|!"}
"""HTML's specials, plus Markdown's inline specials that could start emphasis, code, links or attr_list."""
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


BLOCK_MARKER = re.compile(r"^\s*(?:[-=]|\+(?=\s|$)|\d{1,9}[.)](?=\s|$))")
"""What opens a Markdown block when a value starts a line: a list item (`- `, `+ `, `1. `, `1) `), a rule
or a setext underline (`---`, `===`). `*`, `#` and `>` are escaped everywhere already."""


def literal(value: object) -> object:
    """Escape a printed value so neither HTML nor Markdown (nor attr_list) interprets it, wherever it lands,
    at the start of a line too (its block marker, the match's last character, becomes an entity)."""
    if value is None or isinstance(value, Markup):
        return value
    text = str(value)
    if match := BLOCK_MARKER.match(text):
        end = match.end()
        return Markup(f"{_escape(text[: end - 1])}&#{ord(text[end - 1])};{_escape(text[end:])}")
    return Markup(_escape(text))


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda special: _ENTITIES[special.group()], text)  # 4× faster than str.translate


TEMPLATES = Path(__file__).parent / "templates"

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    # Beside the theme's (macros/plugin.py), with the installation; else the project's .cache/ (macros/ is in it).
    bytecode_cache=bytecode_cache(TEMPLATES.parent.parent / ".cache", "playbook"),
    autoescape=True,
    finalize=literal,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters.update(
    numbered=lambda items: [(str(n), item) for n, item in enumerate(items, start=1)],
    zip=lambda first, second: list(zip(first, second)),
)
_ENV.globals.update(script_lines=lambda script: script_lines(script), answer_lines=lambda text: answer_lines(text))


def page(template: str, site: Site, here: str, **context: object) -> str:
    """Render one template for page `here`, with the helpers every template may use."""
    playbook = site.playbook

    def link(target: str, anchor: str | None = None, query: str | None = None) -> Markup:
        return Markup(sitemap.link(here, target, anchor, query))

    def href(target: str, anchor: str | None = None, query: str | None = None) -> Markup:
        """A link written in HTML (where MkDocs rewrites nothing): the page's final address."""
        return Markup(sitemap.href(here, target, anchor, query, site.directory_urls))

    def browser_href(filter_value: str) -> Markup:
        """The technique browser showing one support type (or the optimisation techniques)."""
        return href(site.browser_pages[filter_value], query=techniques_of(filter_value))

    return _ENV.get_template(template).render(
        pb=playbook,
        labels=playbook.info.labels,
        store=lambda kind, item_id: storage_key(playbook, kind, item_id),
        link=link,
        href=href,
        browser_href=browser_href,
        **context,
    )


def interactive_parts(playbook: Playbook) -> Markup:
    """The markup playbook.js clones where a page needs it, once per build: every page carries it."""
    return Markup(_ENV.get_template("interactive.html").render(labels=playbook.info.labels))


def error_page(errors: list, say: Messages) -> str:
    """The page shown instead of every page while the data has problems: each one, with its fix."""
    shown = [
        {"file": visible(e.file), "line": e.line, "field": visible(e.field), "message": _code_spans(visible(e.message))}
        for e in errors
    ]
    return _ENV.get_template("errors.md").render(
        errors=shown,
        title=say.line("error_page_title"),
        intro=say.line("error_page_intro", count=len(errors)),
        guide=say.line("error_page_guide"),
    )


def _code_spans(message: str) -> list[tuple[str, bool]]:
    """'falta `closing:` aquí' → [('falta ', False), ('closing:', True), (' aquí', False)]: what to type, as code."""
    parts = message.split("`")
    if len(parts) % 2 == 0:  # an odd backtick: show the message as it is
        return [(message, False)]
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]


def techniques_of(filter_value: str) -> str:
    """The technique browser's query string showing one support type (or the optimisation techniques)."""
    return f"tipo={filter_value}"


def storage_key(playbook: Playbook, kind: str, item_id: str) -> str:
    """Where a reader's browser keeps one component's state: site id + kind + the data's stable id."""
    return f"playbook:{playbook.info.id}:{kind}:{item_id}"


def script_lines(script: Script) -> list[dict]:
    """The script as spoken, line by line: each line's (text, is_placeholder) parts, the heading it is when
    it opens a section, and whether the personaliser needs it marked: it names a blank by its line, or by
    its section's heading."""
    quoted = bool(script.opening)  # the seed's form: one quote, bulleted sections; else lines as they stand
    lines = [(f'"{script.opening}', None)] if quoted else []
    for section in script.sections:
        lines += [("", None)] if lines else []
        lines += [(f"{section.heading}:", section.heading)] if section.heading else []
        lines += [(f"- {line}" if quoted else line, None) for line in section.lines]
    lines += [("", None), (f'{script.closing}"', None)] if script.closing else []
    shown = [(split_placeholders(text), heading) for text, heading in lines]
    return [
        {"parts": parts, "heading": heading, "marked": bool(heading) or any(blank for _, blank in parts)}
        for parts, heading in shown
    ]


def answer_lines(text: str) -> list[list[tuple[str, bool]]]:
    """An objection's answer as said, line by line, each line's (text, is_placeholder) parts."""
    return [split_placeholders(line) for line in text.strip("\n").split("\n")]


def split_placeholders(line: str) -> list[tuple[str, bool]]:
    """'Tiempo: [X] minutos' → [('Tiempo: ', False), ('[X]', True), (' minutos', False)]."""
    parts, start = [], 0
    for match in PLACEHOLDER.finditer(line):
        if match.start() > start:
            parts.append((line[start : match.start()], False))
        parts.append((match.group(), True))
        start = match.end()
    if start < len(line) or not parts:
        parts.append((line[start:], False))
    return parts
