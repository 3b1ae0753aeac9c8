"""Every kind of bad data file gets one clear line: file:line: field: what is wrong — how to fix."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.loader import DataErrors, load_playbook

REACTIVO = "data/support_types/reactivo.yml"
OPTIMIZATION = "data/optimization.yml"


@dataclass
class Case:
    file: str
    old: str | None  # snippet to replace (None: replace the whole file)
    new: str | bytes
    field: str  # expected field path ("" for problems of the whole file)
    says: str  # expected words of the message
    line: int | str | None = None  # expected line when not the edited one: a number, or a snippet's line


CASES = {
    "yaml syntax error": Case(REACTIVO, "name: Reactivo", "name: Reactivo: rápido", "", "YAML syntax error"),
    "tab indentation": Case(
        REACTIVO, "  - Respuesta a problemas", "\t- Respuesta a problemas", "", "indent with spaces, not tabs"
    ),
    "top level is a list": Case(
        REACTIVO, None, "- id: reactivo\n- name: Reactivo\n", "", "must be a set of `field: value` lines", line=1
    ),
    "empty file": Case(REACTIVO, None, "", "", "the file is empty", line=1),
    "only comments": Case(REACTIVO, None, "# todo\n# más tarde\n", "", "only comments", line=1),
    "duplicate key": Case(
        REACTIVO, "focus: Respuesta\n", "focus: Respuesta\nname: Otro\n", "name", "appears twice", line=None
    ),
    "unknown key": Case(
        REACTIVO, "focus: Respuesta", "fokus: Respuesta", "fokus", "unknown field — did you mean `focus`?"
    ),
    "misspelt key inside a technique": Case(
        REACTIVO,
        "    process:\n      - Detecta problema rápidamente",
        "    proces:\n      - Detecta problema rápidamente",
        "techniques[0].proces",
        "unknown field — did you mean `process`?",
    ),
    "missing field": Case(
        REACTIVO,
        "      closing: ¿Cómo podemos mejorar la respuesta?\n",
        "",
        "techniques[0].script.closing",
        "Field required",
        line="    script:",
    ),
    "text where a list is expected": Case(
        REACTIVO,
        "characteristics:\n  - Respuesta a problemas\n  - Resolución rápida\n"
        "  - Tiempo de respuesta crítico\n  - Efectividad importante\n",
        "characteristics: Respuesta a problemas\n",
        "characteristics",
        "expected a list",
    ),
    "list where text is expected": Case(
        REACTIVO, "focus: Respuesta", "focus: [Respuesta, Rapidez]", "focus", "expected text, got a list"
    ),
    "empty process": Case(
        REACTIVO,
        "    process:\n      - Detecta problema rápidamente\n"
        "      - Responde inmediatamente\n      - Diagnostica eficientemente\n"
        "      - Resuelve efectivamente\n      - Valida resolución\n",
        "    process: []\n",
        "techniques[0].process",
        "the list is empty",
    ),
    "phase with no items": Case(
        "data/checklist.yml",
        "".join(
            f"      - id: {i}\n        text: {t}\n"
            for i, t in [
                ("identifica-tipo", "Identifica tipo de soporte apropiado"),
                ("prepara-procesos", "Prepara procesos apropiados"),
                ("prepara-equipo", "Prepara equipo"),
                ("prepara-herramientas", "Prepara herramientas"),
            ]
        ),
        "",
        "phases[0].items",
        "the list is empty",
        line="    items:\n",
    ),
    "empty text": Case(REACTIVO, "title: Soporte Reactivo", 'title: ""', "title", "the text is empty"),
    "duplicate id across files": Case(
        "data/support_types/premium.yml",
        "id: valor-agregado",
        "id: respuesta-rapida",
        "techniques[1].id",
        "duplicate technique id `respuesta-rapida` (first used at data/support_types/reactivo.yml:18)",
    ),
    "optimisation technique with a support type's technique id": Case(
        OPTIMIZATION,
        "id: satisfaccion-de-soporte",
        "id: respuesta-rapida",
        "techniques[1].id",
        "duplicate technique id `respuesta-rapida` (first used at data/support_types/reactivo.yml:18)",
    ),
    "support type id that is not its file name": Case(
        REACTIVO, "id: reactivo\n", "id: reactiva\n", "id", "does not match the file name `reactivo.yml`"
    ),
    "the same item twice in a phase": Case(
        "data/checklist.yml",
        "id: prepara-procesos",
        "id: identifica-tipo",
        "phases[0].items[1].id",
        "duplicate item of this phase id `identifica-tipo`",
    ),
    "the same phase twice": Case(
        "data/checklist.yml", "  - id: post\n", "  - id: pre\n", "phases[2].id", "duplicate phase id `pre`"
    ),
    "text left out after the colon": Case(
        REACTIVO, "focus: Respuesta", "focus:", "focus", "the text is empty — write the text after the colon"
    ),
    "list left out after the colon": Case(
        REACTIVO,
        "characteristics:\n  - Respuesta a problemas\n  - Resolución rápida\n"
        "  - Tiempo de respuesta crítico\n  - Efectividad importante\n",
        "characteristics:\n",
        "characteristics",
        "the list is empty — add at least one item",
    ),
    "id that is not a slug": Case(
        REACTIVO, "id: resolucion-efectiva", "id: Resolución_Efectiva", "techniques[1].id", "is not a valid id"
    ),
    "dangling reference": Case(
        "data/case_studies.yml",
        "support_type: proactivo",
        "support_type: proactiva",
        "cases[0].support_type",
        "no support type has the id `proactiva` — did you mean `proactivo`?",
    ),
    "unquoted no": Case(REACTIVO, "focus: Respuesta", "focus: no", "focus", "got a yes/no value"),
    "unquoted 12:30": Case(REACTIVO, "focus: Respuesta", "focus: 12:30", "focus", "got a number"),
    "unquoted yes as an order": Case(
        REACTIVO, "order: 1", "order: yes", "order", "expected a whole number, got a yes/no value"
    ),
    "unquoted 010": Case(REACTIVO, "focus: Respuesta", "focus: 010", "focus", "got a number"),
    "unquoted version 1.0": Case(
        "data/playbook.yml", 'version: "1.0"', "version: 1.0", "version", "put the text in double quotes"
    ),
    "unquoted [X] minutos": Case(
        REACTIVO,
        '- "Tiempo de respuesta: [X] minutos"',
        "- [X] minutos",
        "",
        "a text starting with `[` (like `[X] minutos`) must be in double quotes",
    ),
    "unquoted lone placeholder": Case(
        REACTIVO,
        '- "Canales: [Canales disponibles]"',
        "- [Canales disponibles]",
        "techniques[0].script.sections[0].lines[1]",
        "put the whole text in double quotes",
    ),
    "text with a line break": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Respuesta\\ninmediata"', "focus", "has a line break"
    ),
    "not UTF-8": Case(REACTIVO, "name: Reactivo", "name: Reacción".encode("latin-1"), "", "not UTF-8 text"),
    "yaml alias": Case(
        REACTIVO, "focus: Respuesta", "focus: &f Respuesta\nmain: *f", "", "anchors and aliases", line="main: *f"
    ),
    ".yaml extension": Case(
        "data/support_types/extra.yaml",
        None,
        "id: extra\n",
        "",
        "data files end in .yml, not .yaml — rename it to support_types/extra.yml",
        line=1,
    ),
    "support type in the wrong folder": Case(
        "data/extra.yml", None, "id: extra\n", "", "support types go in data/support_types/", line=1
    ),
    "misspelt interface label": Case(
        "data/playbook.yml",
        'closing_icons: "🛟✨"\n',
        'closing_icons: "🛟✨"\nlabels:\n  hom: Portada\n',
        "labels.hom",
        "unknown field — did you mean `home`?",
        line="  hom: Portada",
    ),
    "a file that is not data": Case("data/notes/ideas.txt", None, "ideas\n", "", "not a playbook data file", line=1),
}


def apply(project: Path, case: Case) -> int:
    """Make the mistake in the project copy; return the line the message should name."""
    path = project / case.file
    new = case.new if isinstance(case.new, bytes) else case.new.encode("utf-8")
    if case.old is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(new)
        return 1
    data = path.read_bytes()
    old = case.old.encode("utf-8")
    assert data.count(old) == 1, case.old
    path.write_bytes(data.replace(old, new))
    line = data[: data.index(old)].count(b"\n") + 1
    if isinstance(case.line, str):
        changed = path.read_bytes()
        return changed[: changed.index(case.line.encode("utf-8"))].count(b"\n") + 1
    if case.says == "appears twice":  # the duplicate is the added line
        return line + 1
    return case.line or line


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_one_line_with_file_line_and_field(project, name):
    case = CASES[name]
    line = apply(project, case)
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    messages = [str(e) for e in caught.value.errors]
    field = f" {case.field}:" if case.field else ""
    expected_start = f"{case.file}:{line}:{field} "
    matching = [m for m in messages if m.startswith(expected_start) and case.says in m]
    assert matching, f"expected '{expected_start}… {case.says}…' in {messages}"
    assert " — " in matching[0], "every message says how to fix it"
    assert len(messages) == 1, messages


def test_a_byte_order_mark_is_accepted(project):
    path = project / REACTIVO
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [t.id for t in load_playbook(project / "data").support_types][0] == "reactivo"


def test_a_10_mb_file_is_refused_quickly(project):
    path = project / REACTIVO
    path.write_text(path.read_text(encoding="utf-8") + ("# relleno " * 1_100_000), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    assert time.monotonic() - started < 5  # a guard against hanging, not a benchmark
    (error,) = caught.value.errors
    assert str(error).startswith(f"{REACTIVO}:1: the file has ") and "bytes, more than" in str(error)


@pytest.mark.parametrize("nesting", ["[" * 400_000 + "]" * 400_000, "- " * 30_000 + "x"])
def test_absurdly_deep_nesting_is_refused_without_crashing(project, nesting):
    # libyaml's composer crashes the interpreter on this: the author must get a message instead.
    (project / OPTIMIZATION).write_text("title: " + nesting, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    (error,) = caught.value.errors
    assert str(error).startswith(f"{OPTIMIZATION}:1: ") and " — " in str(error)


def test_problems_in_several_files_are_all_reported_in_one_run(project):
    for name in ["unknown key", "dangling reference", "phase with no items", ".yaml extension"]:
        apply(project, CASES[name])
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    files = {e.file for e in caught.value.errors}
    assert files == {REACTIVO, "data/case_studies.yml", "data/checklist.yml", "data/support_types/extra.yaml"}
