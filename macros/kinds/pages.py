"""Free pages (data/pages/<id>.yml): Markdown an author writes by hand, or that the importer could not fit
into a structured kind, so that every line of a source document reaches the site. One page each
(paginas/<id>/), in the navigation after the summary.

Their Markdown is rendered (headings, emphasis, lists, tables, links, quotes) but stays data: raw HTML,
template syntax (`{{ }}`, `{% %}`), attribute lists (`{: …}`) and script links (`javascript:`) show literally."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import unquote

from markupsafe import Markup
from pydantic import AfterValidator, StringConstraints

from .. import render, sitemap
from ..errors import DataError
from ..models import LIMITS, Model, Order, Playbook, Slug, Text, default_labels, plain_text
from ..reading.blocks import HEADING, MAX_STRUCTURED
from ..reading.words import slug, split_icon, unique
from .base import Ids, Kind, Loaded

if TYPE_CHECKING:
    from ..site import Site

PAGES_DIR = "paginas"
MAX_MARKDOWN = 100_000
MAX_BLOCK = 10_000
"""The longest block of a document the importer puts on a free page."""

MarkdownText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_MARKDOWN, pattern=r"\S"),
    AfterValidator(lambda text: plain_text(text, lines=True)),
]
"""Markdown over several lines (a YAML block: `markdown: |`), shown as Markdown but never as HTML."""


class FreePage(Model):
    """One file of data/pages/: a page of Markdown."""

    id: Slug
    title: Text
    order: Order = 0
    markdown: MarkdownText


def page_of(page_id: str) -> str:
    return f"{PAGES_DIR}/{page_id}.md"


HEADING_MARK = re.compile(r"(#{1,6})[ \t]")
SECTION_LINK = re.compile(r"\[([^\]\n]{1,500})\]\(#([^)\s]{1,500})\)")
SCRIPT_LINK = re.compile(r"\]\(\s*(?:javascript|vbscript|data):(?:[^()]|\([^()]*\))*\)", re.IGNORECASE)
QUOTE_MARKERS = re.compile(r"^(\s*(?:&gt;\s*)+)", re.MULTILINE)


def as_data(markdown: str) -> Markup:
    """Markdown whose markup is Markdown's alone: outside code, HTML's and Jinja's specials, and attr_list's
    braces, become entities (shown as typed), a quote's `>` at the start of a line stays a quote, and a link to
    a script goes nowhere. Code (a closed fence, an inline code span) is left as typed: Markdown escapes it
    itself, and escaping it here too showed `&gt;` for `>`."""
    return Markup("".join(text if is_code else _text_as_data(text) for text, is_code in code_parts(markdown)))


FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
OPENING_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*[\w#.+-]*[ \t]*$")
"""A fence that opens code: its marker and at most a language (`{…}` attributes would be Markdown's to read)."""
INLINE_CODE = re.compile(r"(?<!`)(`{1,2})(?!`)[^\n]+?(?<!`)\1(?!`)")
"""A code span on one line, opened by one or two backticks (three open a fence, which only OPENING_FENCE reads)."""


def code_parts(markdown: str) -> list[tuple[str, bool]]:
    """The text cut into (part, is code): closed fenced blocks and inline code spans are code. A fence that is
    never closed is not code (Markdown would not make it one either)."""
    lines = markdown.splitlines(keepends=True)
    parts: list[tuple[str, bool]] = []
    text, at = "", 0
    while at < len(lines):
        opening = OPENING_FENCE.match(lines[at].rstrip("\r\n"))
        closing = opening and next(
            (end for end in range(at + 1, len(lines)) if _closes(lines[end], opening.group(1))), None
        )
        if closing:
            parts += [*_inline_code_parts(text), ("".join(lines[at : closing + 1]), True)]
            text, at = "", closing + 1
        else:
            text, at = text + lines[at], at + 1
    return [*parts, *_inline_code_parts(text)]


def _closes(line: str, fence: str) -> bool:
    found = FENCE.match(line)
    return (
        bool(found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence))
        and not line[found.end() :].strip()
    )


def _inline_code_parts(text: str) -> list[tuple[str, bool]]:
    parts, last = [], 0
    for span in INLINE_CODE.finditer(text):
        parts += [(text[last : span.start()], False), (span.group(0), True)]
        last = span.end()
    return [*parts, (text[last:], False)]


def _text_as_data(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = QUOTE_MARKERS.sub(lambda m: m.group(1).replace("&gt;", ">"), escaped)
    escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    return SCRIPT_LINK.sub("](#)", escaped)


LIST_KINDS = {"bullet", "numbered", "check"}
JOINED = {"table", *LIST_KINDS, "para"}
"""Blocks that stay on consecutive lines when they were so in the source: a table's rows, a list's items,
a paragraph's lines. Anything else (a code block, a heading) stands apart, as Python-Markdown needs."""


def markdown_of(blocks: list[dict]) -> str:
    """Kept blocks as one page of Markdown: blocks of one kind that were next to each other in the source
    stay together (JOINED), others are separated by a blank line; the headings move up so that the
    highest is a section of the page (`##`: the page's title is its `#`); a nested list stays nested, each
    level four spaces in (Python-Markdown's step; sources often nest by two). Lines lose their trailing
    spaces and tabs become spaces (`editable`): YAML would otherwise write the page as one quoted line."""
    levels = [len(m.group(1)) for b in blocks if (m := HEADING_MARK.match(b["text"]))]
    shift = min(levels) - 2 if levels else 0
    parts: list[str] = []
    end, kind, indents = None, None, []
    for block in blocks:
        text = block["text"].expandtabs(4)
        if shift and (m := HEADING_MARK.match(text)):
            text = "#" * (len(m.group(1)) - shift) + text[len(m.group(1)) :]
        listed = block.get("kind") in LIST_KINDS
        if parts:
            # a nested list: an item indented under the one before, or the outer list going on after it
            nested = kind in LIST_KINDS and listed and (text[:1].isspace() or len(indents) > 1)
            together = block["line"] == end and (block.get("kind") == kind and kind in JOINED or nested)
            parts.append("\n" if together else "\n\n")
            indents = indents if together and listed else []
        if listed:
            text = _nested(text, indents)
        parts.append(text)
        end, kind = block["line"] + text.count("\n") + 1, block.get("kind")
    return editable("".join(parts)) + "\n"


def _nested(item: str, indents: list[int]) -> str:
    """A list item at its nesting level, four spaces a level; `indents` holds the source's indentation of
    each open level (updated)."""
    width = len(item) - len(item.lstrip(" "))
    while indents and indents[-1] > width:
        indents.pop()
    if not indents or indents[-1] < width:
        indents.append(width)
    return "    " * (len(indents) - 1) + item.lstrip(" ")


def editable(markdown: str) -> str:
    """Markdown that YAML writes as a block an author can edit: no trailing spaces (a hard line break in
    Markdown, which YAML refuses in a block) and tabs as four spaces (Markdown's own tab width)."""
    return "\n".join(line.rstrip().expandtabs(4) for line in markdown.split("\n"))


def link_sections(markdown: str, here: str, section_pages: dict[str, str]) -> str:
    """`[text](#anchor)` links of a document's index or cross-references: to the page holding that section
    when it is known (`#-fases-del-closing` → `fases-del-closing.md`), else just the text (the anchor
    would lead nowhere on the site)."""

    def relink(match: re.Match) -> str:
        text, anchor = match.group(1), match.group(2)
        target = section_pages.get(slug(unquote(anchor)))
        if target is None:
            return text
        return f"[{text}]({sitemap.link(here, target)})" if target != here else f"[{text}](#{anchor})"

    return SECTION_LINK.sub(relink, markdown)


def free_page(site: Site, here: str, page_id: str) -> str:
    """One free page: its title, then its Markdown."""
    page = next(p for p in site.playbook.pages if p.id == page_id)
    return render.page("free_page.md", site, here, page=page, body=as_data(page.markdown))


class Pages(Kind):
    key = "pages"
    data = "pages/"
    model = FreePage
    item_macro = "free_page"
    item_name = "free page"
    optional = True

    @property
    def schema_name(self) -> str:
        return "page.schema.json"

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.more

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        return [(p.title, page_of(p.id), None) for p in site.playbook.pages]

    def item_page(self, item_id: str) -> str:
        return page_of(item_id)

    def order(self, loaded: list[Loaded]) -> list[Loaded]:
        return sorted(loaded, key=lambda one: (one.value.order, one.value.id))

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        return self.claim_files(loaded, ids)

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"free_page": free_page}

    def after_reading(self, reader) -> None:
        """What no kind could hold becomes free pages, one per section it came from (in the source's order),
        so every line of the document reaches the site; each block placed is marked with its page. A block
        too long for a page (over MAX_BLOCK characters, or with a word over the limit) stays off the site,
        in unmapped.yml, with a warning."""
        sections: dict[str, list[dict]] = {}
        for block in sorted(reader.ctx.unmapped, key=lambda b: b["line"]):
            fits = (
                len(block["text"]) <= MAX_BLOCK
                and max(map(len, block["text"].split()), default=0) <= LIMITS["page_word"]
            )
            if fits:
                sections.setdefault(block["section"], []).append(block)
            else:
                limit, word = MAX_BLOCK, LIMITS["page_word"]
                reader.ctx.tell(block["line"], "too_long_for_page", limit=limit, word=word, file="unmapped.yml")
        taken: set[str] = set()
        pages = []
        for order, (section, blocks) in enumerate(sections.items(), start=1):
            notes = default_labels(reader.ctx.say.language)["notes"]
            title = notes if section.startswith("(") else reader.display_title(section)
            heading = HEADING.match(blocks[0]["text"]) if len(blocks[0]["text"]) <= MAX_STRUCTURED else None
            own_heading = None
            if heading and split_icon(heading.group(2))[1] == section:  # the section's own heading: its title
                icon = split_icon(heading.group(2))[0]
                title = f"{icon} {title}".strip()
                if len(blocks) > 1:
                    own_heading, blocks = blocks[0], blocks[1:]  # shown as the page's title
            elif slug(section) in reader.section_pages:  # what a structured section held besides its parts
                title = reader.ctx.say.imports("notes_of", section=title)
            placed, size = [], 0
            for block in blocks:
                size += len(block["text"]) + 2
                if size > MAX_MARKDOWN:
                    break  # the rest stays in unmapped.yml
                placed.append(block)
            page_id = unique(slug(title), taken, reader.ctx.say.import_words("fallback_ids")["page"])
            for block in [*placed, *([own_heading] if own_heading else [])]:
                block["page"] = page_id
            reader.section_pages.setdefault(slug(section), page_of(page_id))
            pages.append({"id": page_id, "title": title, "order": order, "markdown": markdown_of(placed)})
        for page in pages:  # a link to another section of the document now leads to the page that holds it
            page["markdown"] = link_sections(page["markdown"], page_of(page["id"]), reader.section_pages)
        reader.results[self.key] = pages

    def import_files(self, reader, files: dict[str, Any]) -> dict[str, Any]:
        return {f"data/{self.data}{page['id']}.yml": page for page in reader.results.get(self.key, [])}

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        pages = [value for path, value in files.items() if path.startswith(f"data/{self.data}")]
        return [(len(pages), "free_page")] if pages else []


KIND = Pages()
