"""Pure rendering: validated data → Markdown (with HTML blocks) through the Jinja templates beside this file.

Every value a template prints is escaped for both HTML and Markdown (see `literal`), so text from
YAML always shows as typed: `<b>`, `*x*`, `{{ 7*7 }}` or `{#id}` never become markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import sitemap
from .models import Playbook, Script

PLACEHOLDER = re.compile(r"\[[^\[\]]+\]")
"""A blank to fill in a script: `[X]`, `[Tiempo]`, `[Canales disponibles]`."""

_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]#|!"}
"""HTML's specials, plus Markdown's inline specials that could start emphasis, code, links or attr_list."""


def literal(value: object) -> object:
    """Escape a printed value so neither HTML nor Markdown (nor attr_list) interprets it."""
    if value is None or isinstance(value, Markup):
        return value
    return Markup("".join(_ENTITIES.get(c, c) for c in str(value)))


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
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
_ENV.globals.update(script_lines=lambda script: script_lines(script))


def _render(template: str, site: sitemap.Site, here: str, **context: object) -> str:
    """Render one template with the helpers every template may use."""
    playbook = site.playbook

    def link(target: str, anchor: str | None = None, query: str | None = None) -> Markup:
        return Markup(sitemap.link(here, target, anchor, query))

    def browser_link(filter_value: str) -> Markup:
        """The technique browser showing one support type (or the optimisation techniques)."""
        return link(site.browser_pages[filter_value], query=sitemap.techniques_of(filter_value))

    return _ENV.get_template(template).render(
        pb=playbook,
        labels=playbook.info.labels,
        store=lambda kind, item_id: storage_key(playbook, kind, item_id),
        link=link,
        browser_link=browser_link,
        type_page=sitemap.support_type_page,
        sitemap=sitemap,
        **context,
    )


def storage_key(playbook: Playbook, kind: str, item_id: str) -> str:
    """Where a reader's browser keeps one component's state: site id + kind + the data's stable id."""
    return f"playbook:{playbook.info.id}:{kind}:{item_id}"


def script_lines(script: Script) -> list[list[tuple[str, bool]]]:
    """The script as spoken, line by line; each line split into (text, is_placeholder) parts."""
    lines = [f'"{script.opening}']
    for section in script.sections:
        lines += ["", f"{section.heading}:"] + [f"- {line}" for line in section.lines]
    lines += ["", f'{script.closing}"']
    return [split_placeholders(line) for line in lines]


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


def figures(playbook: Playbook) -> dict[str, str]:
    """The footer's figures, counted from the data (never typed in)."""
    per_type = sorted({len(t.techniques) for t in playbook.support_types})
    labels = playbook.info.labels
    return {
        "total_types": str(len(playbook.support_types)),
        "techniques_per_type": (
            f"{per_type[0]} {labels.each}" if len(per_type) == 1 else f"{per_type[0]}–{per_type[-1]}"
        ),
        "complete_scripts": f"{sum(len(t.techniques) for t in playbook.support_types)}+",
        "optimization_techniques": str(len(playbook.optimization.techniques)),
        "case_studies": f"{len(playbook.case_studies.cases)}+",
    }


def home_header(site: sitemap.Site, here: str) -> str:
    """Title and subtitle of the playbook."""
    return _render("home_header.md", site, here)


def playbook_index(site: sitemap.Site, here: str) -> str:
    """A link into every part of the playbook."""
    return _render("index.md", site, here)


def framework_table(site: sitemap.Site, here: str) -> str:
    """The framework table: one row per support type, each linking to its page."""
    return _render("framework.md", site, here)


def principles(site: sitemap.Site, here: str) -> str:
    """The key principles, numbered."""
    return _render("principles.md", site, here)


def closing_quote(site: sitemap.Site, here: str) -> str:
    """The playbook's closing quote."""
    return _render("closing_quote.md", site, here)


def playbook_footer(site: sitemap.Site, here: str) -> str:
    """Version, date and the figures counted from the data."""
    return _render("footer.md", site, here, figures=figures(site.playbook))


def support_type_page(site: sitemap.Site, here: str, type_id: str) -> str:
    """The whole page of one support type."""
    support_type = next(t for t in site.playbook.support_types if t.id == type_id)
    return _render("support_type.md", site, here, support_type=support_type)


def _paged(template: str, site: sitemap.Site, here: str, parts: list[sitemap.Part], **context: object) -> str:
    """One page of a collection that may be split over several (see sitemap.split)."""
    return _render(template, site, here, parts=parts, part=sitemap.part_at(parts, here), **context)


def optimization_page(site: sitemap.Site, here: str) -> str:
    """The optimisation techniques (of this page, when there are many)."""
    return _paged("optimization.md", site, here, sitemap.optimization_parts(site.playbook))


def case_studies_page(site: sitemap.Site, here: str) -> str:
    """The case studies, each linking to its support type."""
    playbook = site.playbook
    types = {t.id: t for t in playbook.support_types}
    return _paged("case_studies.md", site, here, sitemap.case_study_parts(playbook), types=types)


def checklist_page(site: sitemap.Site, here: str) -> str:
    """The implementation checklist, phase by phase; its progress counts the phases of every page."""
    playbook = site.playbook
    checklist = playbook.checklist
    return _paged(
        "checklist.md",
        site,
        here,
        sitemap.checklist_parts(playbook),
        phase_ids=" ".join(phase.id for phase in checklist.phases),
        item_count=sum(len(phase.items) for phase in checklist.phases),
    )


def technique_browser(site: sitemap.Site, here: str) -> str:
    """Every technique (of this page, when there are many), filterable by support type and by text."""
    playbook = site.playbook
    optimization_pages = {
        technique.id: part.page for part in sitemap.optimization_parts(playbook) for technique in part.items
    }
    parts = sitemap.browser_parts(playbook)
    # Every type is offered on every page; one whose rows are on another page of the browser names
    # that page (its number in the pager), and playbook.js opens it.
    numbers = {part.page: number for number, part in enumerate(parts, start=1)}
    here_page = sitemap.part_at(parts, here).page
    pages = site.browser_pages
    filters = [(t.id, t.title) for t in playbook.support_types]
    filters.append((sitemap.OPTIMIZATION_FILTER, playbook.optimization.title))
    filters = [(value, title, None if pages[value] == here_page else numbers[pages[value]]) for value, title in filters]
    return _paged("browser.md", site, here, parts, optimization_pages=optimization_pages, filters=filters)


def summary_page(site: sitemap.Site, here: str) -> str:
    """The executive summary: principles, figures and the closing quote."""
    return _render("summary.md", site, here, figures=figures(site.playbook))


MACROS = {
    "home_header": home_header,
    "playbook_index": playbook_index,
    "framework_table": framework_table,
    "principles": principles,
    "closing_quote": closing_quote,
    "playbook_footer": playbook_footer,
    "support_type_page": support_type_page,
    "optimization_page": optimization_page,
    "case_studies_page": case_studies_page,
    "checklist_page": checklist_page,
    "summary_page": summary_page,
    "technique_browser": technique_browser,
}
"""What pages may call, by name: `{{ framework_table() }}`."""
