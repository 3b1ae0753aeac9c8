"""A strict Content-Security-Policy for every page, worked out from the page itself: scripts only from the
site, and the inline scripts Material, print-site and our templates write, each allowed by its hash (no
'unsafe-inline' or 'unsafe-eval' for scripts). GitHub Pages sets no headers, so each page carries its
policy as a <meta>; hosts that read a `_headers` file (Netlify, Cloudflare Pages) get one policy for all
pages, allowing every page's hashes."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)
META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')
OTHER_SOURCES = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
"""Styles may be inline (Material sets style attributes); images may be data: URLs (Material's icons)."""


def script_hashes(html: str) -> list[str]:
    """The CSP source of each inline script of a page, in order."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in INLINE_SCRIPT.findall(html)
    ]


def policy(hashes: list[str] | set[str]) -> str:
    return f"script-src 'self' {' '.join(sorted(set(hashes)))}; {OTHER_SOURCES}"


def with_policy(html: str) -> tuple[str, list[str]]:
    """The page with its policy first in its <head> (any earlier one replaced), and its scripts' hashes."""
    html = META.sub("", html)
    hashes = script_hashes(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
    head = html.find("<head>")
    if head == -1:
        return html, hashes
    at = head + len("<head>")
    return html[:at] + "\n" + meta + html[at:], hashes


def headers_file(hashes: set[str]) -> str:
    """`_headers` for hosts that read one: the same policy, for every page at once."""
    return f"/*\n  Content-Security-Policy: {policy(hashes)}\n"
