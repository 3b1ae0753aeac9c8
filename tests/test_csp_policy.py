"""The policy each page gets, read as a browser reads it (tests/browser/test_csp.py runs the site under it):
every inline script that runs is allowed by its hash, nothing else inline is, and the page keeps one policy."""

from __future__ import annotations

import base64
import hashlib
import re

from macros.csp import headers_file, with_policy

PAGE = """<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">
<script>document.documentElement.classList.add("pb-js")</script>
<script src="assets/playbook.js"></script>
<script id="__config" type="application/json">{"base": "."}</script>
</head>
<body><p>Hola</p><script>
  var palette = "ñandú";
</script></body>
</html>
"""


def sha256_source(script: str) -> str:
    """What CSP Level 2 asks a hash source to be: base64 of the SHA-256 of the script's text, as UTF-8."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        assert name not in parsed, f"{name} given twice"
        parsed[name] = values
    return parsed


def without_policies(html: str) -> str:
    """The page but its policies, line breaks aside."""
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("\n", "")


def meta_policies(html: str) -> list[str]:
    return re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)


def test_each_inline_script_is_allowed_by_its_hash_and_nothing_else_inline_runs():
    html, hashes = with_policy(PAGE)
    inline = ['document.documentElement.classList.add("pb-js")', '\n  var palette = "ñandú";\n']
    assert hashes == [sha256_source(script) for script in inline]  # the JSON island is data, not a script
    [policy] = meta_policies(html)  # the author's own policy, weaker, is gone
    scripts = directives(policy)["script-src"]
    assert sorted(scripts) == sorted(["'self'", *hashes])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert directives(policy)["object-src"] == ["'none'"] and directives(policy)["default-src"] == ["'self'"]


def test_the_policy_comes_first_in_the_head_and_the_page_is_otherwise_unchanged():
    html, _ = with_policy(PAGE)
    head = html.index("<head>") + len("<head>")
    assert html[head:].lstrip("\n").startswith('<meta http-equiv="Content-Security-Policy"')
    assert without_policies(html) == without_policies(PAGE)


def test_a_fragment_without_a_head_is_left_as_it_is():
    fragment = "<p>Sin cabecera</p><script>var x = 1;</script>"
    html, hashes = with_policy(fragment)
    assert html == fragment and hashes == [sha256_source("var x = 1;")]


def test_the_headers_file_gives_every_page_one_policy_allowing_each_pages_scripts():
    first, second = sha256_source("a()"), sha256_source("b()")
    lines = headers_file({first, second}).splitlines()
    assert lines[0] == "/*"  # every address of the site
    name, policy = lines[1].strip().split(": ", 1)
    assert name == "Content-Security-Policy"
    assert sorted(directives(policy)["script-src"]) == sorted(["'self'", first, second])
    page_policy = meta_policies(with_policy("<head></head><script>a()</script>")[0])[0]
    assert directives(page_policy).keys() == directives(policy).keys()  # the same directives as each page's
