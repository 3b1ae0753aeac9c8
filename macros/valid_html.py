"""Repairs to the theme's and print-site's HTML that make every page valid for the Nu Html Checker (our own
markup needs none). Pure text in, text out, run on each page after it is rendered.

Left as it is: Material's `autocomplete="off"` on its drawer and search toggles (checkboxes): invalid, but
it is what stops Firefox from restoring a toggle's state (an open drawer) when a page is shown again."""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r' tabindex=""')
"""Material writes `tabindex=""` on navigation labels that should not be focusable: the same as none."""
HEADING_NUMBER = re.compile(r"(<section\b[^>]{0,500}?) heading-number=")
"""print-site numbers its sections with an attribute of its own; data-* is where such attributes belong."""
BODY_STYLE = re.compile(r"<style>(?P<css>[^<]{0,200000})</style>")
"""print-site puts the handout's numbering CSS at the end of the body; a style element belongs in the head."""


def repair(html: str) -> str:
    """The page, valid where the theme or print-site made it not."""
    html = EMPTY_TABINDEX.sub("", html)
    if " heading-number=" not in html:  # every page but the handout: nothing more to repair
        return html
    html = HEADING_NUMBER.sub(r"\1 data-heading-number=", html)
    body = html.find("<body")
    head_end = html.find("</head>")
    if body < 0 or head_end < 0:
        return html
    styles = [m for m in BODY_STYLE.finditer(html, body)]
    if not styles:
        return html
    moved = "".join(m.group(0) for m in styles)
    rest = BODY_STYLE.sub("", html[body:])
    return html[:head_end] + moved + html[head_end:body] + rest
