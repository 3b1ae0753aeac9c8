"""Whatever an author does to valid data, the generator answers with a site or with validation
errors — never with an uncaught exception."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from macros import kinds
from macros.kinds import pages, support_types
from macros.loader import DataErrors, load_playbook
from macros.site import Site

FILES = {
    p.relative_to(ROOT).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((ROOT / "data").rglob("*.yml"))
}

MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\)\s*\}\}")
"""A page of docs/ calling one of our renderers: `{{ checklist_page() }}`."""

ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "no",
            "yes",
            "on",
            "12:30",
            "010",
            "1.0",
            "[X] minutos",
            "{{ 7*7 }}",
            "{# x #}",
            "<script>alert(1)</script>",
            "línea\nrota",
            "\t",
            "~",
            "null",
            "&a",
            "*a",
            "- x",
            "🛟",
            "\x00",
        ]
    ),
)
ANY_VALUE = st.one_of(
    ODD_TEXT,
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.lists(ODD_TEXT, max_size=3),
    st.dictionaries(ODD_TEXT, ODD_TEXT, max_size=2),
)


def paths(node, prefix=()):
    """Every path into a YAML tree."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


def mutate(tree, path, operation, value):
    """Apply one author's mistake at path: drop, duplicate, retype, inject a key, or odd text."""
    if not path:
        return value if operation == "retype" else tree
    parent = tree
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if operation == "drop":
        del parent[last]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif operation == "duplicate":
        parent[f"{last}_copia"] = parent[last]
    elif operation == "inject" and isinstance(parent[last], dict):
        parent[last][str(value)] = value
    else:
        parent[last] = value
    return tree


@st.composite
def mutated_project(draw):
    files = yaml.safe_load(yaml.safe_dump(FILES))  # a deep copy
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        path = draw(st.sampled_from(list(paths(files[name]))))
        operation = draw(st.sampled_from(["drop", "duplicate", "retype", "inject", "odd"]))
        files[name] = mutate(files[name], path, operation, draw(ANY_VALUE))
    texts = {name: yaml.safe_dump(tree, allow_unicode=True) for name, tree in files.items()}
    if draw(st.booleans()):  # raw edits too: typos that break the YAML itself
        name = draw(st.sampled_from(sorted(texts)))
        at = draw(st.integers(0, len(texts[name])))
        texts[name] = (
            texts[name][:at]
            + draw(st.sampled_from(["\t", ":", "[", "- ", "\n  x", '"', "&a ", "*a"]))
            + texts[name][at:]
        )
    return texts


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_project())
def test_mutated_data_gives_a_site_or_errors_never_a_crash(texts):
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name, text in texts.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            playbook = load_playbook(project / "data")
        except DataErrors as exc:
            assert exc.errors, "a failure always says what is wrong"
            for error in exc.errors:
                assert error.file.startswith("data/") and error.line >= 1 and " — " in error.message
            return
        site, renderers = Site.of(playbook), kinds.macros()
        for support_type in playbook.support_types:
            page = support_types.page_of(support_type.id)
            assert renderers["support_type_page"](site, page, support_type.id)
        for free in playbook.pages:
            assert renderers["free_page"](site, pages.page_of(free.id), free.id)
        for page in built_pages(site):  # the pages in docs/, each with the macros it calls, as the build does
            for name in MACRO_CALL.findall((ROOT / "docs" / page).read_text(encoding="utf-8")):
                assert renderers[name](site, page) is not None
        shutil.rmtree(project / "data")


def built_pages(site: Site) -> list[str]:
    """The pages of docs/ the build keeps: those of the kinds the playbook has."""
    return [kind.page for kind in kinds.KINDS if kind.page and site.parts[kind.key]]
