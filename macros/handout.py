"""The handout's copy of a page: print-site joins every page into the printable handout, and this is what
each page gives it. Pure text in, text out.

Left out: what a page has for the screen or for being printed alone. The handout has one cover, one
running header and one print button for the whole playbook, so each page's own header, meta line, notes
box and button go. The tag links (with the technique's Personalizar) and the home page's ways in go too:
they point into the technique browser, the guide and the handout itself, which the handout leaves out, so
print-site would turn them into dead in-page anchors."""

from __future__ import annotations

import re

SCREEN_ONLY = re.compile(
    r'<p class="pb-print-meta"[^>]*>.*?</p>\n?'
    r'|<div class="pb-print-header"[^>]*>.*?</div>\n?'
    r'|<p class="pb-print-button[^"]*"[^>]*>.*?</p>\n?'
    r'|<div class="pb-print-notes"[^>]*>.*?</div>\n?'
    r'|<p class="pb-technique__head">.*?</p>\n?'
    r'|<div class="pb-start">.*?</div>\n?',
    re.DOTALL,
)
"""Each is our own markup (components.html, home_header.md), whose text is escaped: no `<` inside a value."""


def page_for_handout(html: str) -> str:
    return SCREEN_ONLY.sub("", html)
