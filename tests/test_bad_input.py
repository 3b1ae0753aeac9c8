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
    "yaml syntax error": Case(
        REACTIVO,
        "name: Reactivo",
        "name: Reactivo: rápido",
        "",
        "`:` seguido de espacio dentro de un texto sin comillas — ponga todo el texto entre comillas dobles",
    ),
    "tab indentation": Case(
        REACTIVO,
        "  - Respuesta a problemas",
        "\t- Respuesta a problemas",
        "",
        "sangrada con un tabulador — sangre con espacios",
    ),
    "top level is a list": Case(
        REACTIVO, None, "- id: reactivo\n- name: Reactivo\n", "", "debe empezar con líneas `campo: valor`", line=1
    ),
    "empty file": Case(REACTIVO, None, "", "", "el archivo está vacío", line=1),
    "solo tiene comentarios": Case(REACTIVO, None, "# todo\n# más tarde\n", "", "solo tiene comentarios", line=1),
    "duplicate key": Case(
        REACTIVO, "focus: Respuesta\n", "focus: Respuesta\nname: Otro\n", "name", "aparece dos veces", line=None
    ),
    "unknown key": Case(
        REACTIVO, "focus: Respuesta", "fokus: Respuesta", "fokus", "campo desconocido — ¿quería decir `focus`?"
    ),
    "misspelt key inside a technique": Case(
        REACTIVO,
        "    process:\n      - Detecta problema rápidamente",
        "    proces:\n      - Detecta problema rápidamente",
        "técnica 1 › proces",
        "campo desconocido — ¿quería decir `process`?",
    ),
    "missing field": Case(
        REACTIVO,
        "    title: Respuesta Rápida\n",
        "",
        "técnica 1 › title",
        "falta el campo `title` — añada `title:`",
        line="  - id: respuesta-rapida",
    ),
    "framework row half written": Case(
        REACTIVO,
        "focus: Respuesta\n",
        "",
        "focus",
        "falta el campo `focus` — añada `focus:`",
        line="id: reactivo",
    ),
    "text where a list is expected": Case(
        REACTIVO,
        "characteristics:\n  - Respuesta a problemas\n  - Resolución rápida\n"
        "  - Tiempo de respuesta crítico\n  - Efectividad importante\n",
        "characteristics: Respuesta a problemas\n",
        "characteristics",
        "se esperaba una lista y hay un texto",
    ),
    "list where text is expected": Case(
        REACTIVO, "focus: Respuesta", "focus: [Respuesta, Rapidez]", "focus", "se esperaba un texto y hay una lista"
    ),
    "empty process": Case(
        REACTIVO,
        "    process:\n      - Detecta problema rápidamente\n"
        "      - Responde inmediatamente\n      - Diagnostica eficientemente\n"
        "      - Resuelve efectivamente\n      - Valida resolución\n",
        "    process: []\n",
        "técnica 1 › process",
        "la lista está vacía",
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
        "fase 1 › items",
        "la lista está vacía",
        line="    items:\n",
    ),
    "empty text": Case(REACTIVO, "title: Soporte Reactivo", 'title: ""', "title", "el texto está vacío"),
    "duplicate id across files": Case(
        "data/support_types/premium.yml",
        "id: valor-agregado",
        "id: respuesta-rapida",
        "técnica 2 › id",
        "el id `respuesta-rapida` ya lo usa otra técnica en data/support_types/reactivo.yml:31",
    ),
    "optimisation technique with a support type's technique id": Case(
        OPTIMIZATION,
        "id: satisfaccion-de-soporte",
        "id: respuesta-rapida",
        "técnica 2 › id",
        "el id `respuesta-rapida` ya lo usa otra técnica en data/support_types/reactivo.yml:31",
    ),
    "support type id that is not its file name": Case(
        REACTIVO,
        "id: reactivo\n",
        "id: reactiva\n",
        "id",
        "el id `reactiva` no coincide con el nombre del archivo `reactivo.yml`",
    ),
    "a key like no field at all": Case(
        REACTIVO,
        "focus: Respuesta",
        "xyzzy: Respuesta",
        "xyzzy",
        "campo desconocido — los campos posibles aquí son `id`, `order`, `name`, `title`, `icon`,",  # model order
    ),
    "text where a block of fields is expected": Case(
        "data/playbook.yml",
        'version: "1.0"\n',
        'version: "1.0"\nlabels: Etiquetas\n',
        "labels",
        "se esperaba un bloque de campos y hay un texto",
        line="labels: Etiquetas",
    ),
    "the same item twice in a phase": Case(
        "data/checklist.yml",
        "id: prepara-procesos",
        "id: identifica-tipo",
        "fase 1 › elemento 2 › id",
        "el id `identifica-tipo` ya lo usa otro elemento de esta fase",
    ),
    "the same phase twice": Case(
        "data/checklist.yml", "  - id: post\n", "  - id: pre\n", "fase 3 › id", "el id `pre` ya lo usa otra fase"
    ),
    "text left out after the colon": Case(
        REACTIVO,
        "focus: Respuesta",
        "focus:",
        "focus",
        "el texto está vacío — escriba el texto después de los dos puntos",
    ),
    "list left out after the colon": Case(
        REACTIVO,
        "characteristics:\n  - Respuesta a problemas\n  - Resolución rápida\n"
        "  - Tiempo de respuesta crítico\n  - Efectividad importante\n",
        "characteristics:\n",
        "characteristics",
        "la lista está vacía — añada al menos un elemento",
    ),
    "id that is not a slug": Case(
        REACTIVO, "id: resolucion-efectiva", "id: Resolución_Efectiva", "técnica 2 › id", "no es un id válido"
    ),
    "dangling reference": Case(
        "data/case_studies.yml",
        "support_type: proactivo",
        "support_type: proactiva",
        "caso 1 › support_type",
        "ningún tipo de soporte tiene el id `proactiva` — ¿quería decir `proactivo`?",
    ),
    "unquoted true": Case(REACTIVO, "focus: Respuesta", "focus: true", "focus", "hay un valor sí/no (true o false"),
    "unquoted false": Case(REACTIVO, "focus: Respuesta", "focus: false", "focus", "hay un valor sí/no (true o false"),
    "unquoted yes as an order": Case(
        REACTIVO, "order: 1", "order: yes", "order", "se esperaba un número entero y hay un texto"
    ),
    "unquoted 010": Case(REACTIVO, "focus: Respuesta", "focus: 010", "focus", "se esperaba un texto y hay un número"),
    "unquoted version 1.0": Case(
        "data/playbook.yml",
        'version: "1.0"',
        "version: 1.0",
        "version",
        "se esperaba un texto y hay un número (sin comillas, YAML lee 010 o 1.0 como números) — ponga el texto entre"
        " comillas dobles",
    ),
    "unquoted [X] minutos": Case(
        REACTIVO,
        '- "Tiempo de respuesta: [X] minutos"',
        "- [X] minutos",
        "",
        "un texto que empieza por `[` (como `[X] minutos`) se lee como una lista — póngalo entre comillas dobles",
    ),
    "unquoted lone placeholder": Case(
        REACTIVO,
        '- "Canales: [Canales disponibles]"',
        "- [Canales disponibles]",
        "técnica 1 › script › sección 1 › línea 2",
        "ponga todo el texto entre comillas dobles",
    ),
    "text with a line break": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Respuesta\\ninmediata"', "focus", "tiene un salto de línea"
    ),
    "not UTF-8": Case(
        REACTIVO, "name: Reactivo", "name: Reacción".encode("latin-1"), "", "no está guardado como UTF-8"
    ),
    "yaml alias": Case(
        REACTIVO, "focus: Respuesta", "focus: &f Respuesta\nmain: *f", "", "anclas ni alias", line="main: *f"
    ),
    ".yaml extension": Case(
        "data/support_types/extra.yaml",
        None,
        "id: extra\n",
        "",
        "terminan en .yml, en minúsculas — renómbrelo a support_types/extra.yml (su contenido se conserva)",
        line=1,
    ),
    # Issue 26: a near-miss name gets the name it should have, never advice to delete the author's work.
    "saved as .yml.txt": Case(
        "data/support_types/extra.yml.txt", None, "id: extra\n", "", "renómbrelo a support_types/extra.yml", line=1
    ),
    "an upper-case name and extension": Case(
        "data/support_types/Extra.YML", None, "id: extra\n", "", "renómbrelo a support_types/extra.yml", line=1
    ),
    "playbook.yaml beside playbook.yml": Case(
        "data/playbook.yaml", None, "id: x\n", "", "renómbrelo a playbook.yml (su contenido se conserva)", line=1
    ),
    "support type in the wrong folder": Case(
        "data/extra.yml",
        None,
        "id: extra\n",
        "",
        "los tipos de soporte van en data/support_types/; los demás archivos son playbook.yml, ",
        line=1,
    ),
    "misspelt interface label": Case(
        "data/playbook.yml",
        'closing_icons: "🛟✨"\n',
        'closing_icons: "🛟✨"\nlabels:\n  hom: Portada\n',
        "labels › hom",
        "campo desconocido — ¿quería decir `home`?",
        line="  hom: Portada",
    ),
    # Issue 15: what used to end in a traceback, jargon or a wrong hint.
    "a day that does not exist": Case(
        "data/playbook.yml",
        "last_updated: 2025-01-27",
        "last_updated: 2025-02-30",
        "last_updated",
        "`2025-02-30` no es una fecha que exista",
    ),
    "an order of 5,000 digits": Case(REACTIVO, "order: 1", "order: " + "9" * 5000, "order", "fuera de lo permitido"),
    "a negative order": Case(REACTIVO, "order: 1", "order: -3", "order", "entre 0 y 100000"),
    "a binary tag": Case(REACTIVO, "focus: Respuesta", "focus: !!binary aG9sYQ==", "", "etiquetas de YAML (!!binary)"),
    "a control character pasted into a text": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Resp\\x1buesta"', "focus", "carácter de control invisible (U+001B)"
    ),
    "a NUL written as an escape": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Resp\\0uesta"', "focus", "carácter de control invisible (U+0000)"
    ),
    "a C1 control character (NEL) written as an escape": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Resp\\x85uesta"', "focus", "carácter de control invisible (U+0085)"
    ),
    "the last C1 control character written as an escape": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Resp\\x9fuesta"', "focus", "carácter de control invisible (U+009F)"
    ),
    "a DEL written as an escape": Case(
        REACTIVO, "focus: Respuesta", 'focus: "Resp\\x7fuesta"', "focus", "carácter de control invisible (U+007F)"
    ),
    "a control character the parser refuses": Case(
        REACTIVO,
        "focus: Respuesta",
        b"focus: Resp\x07uesta".decode("unicode_escape"),
        "",
        "carácter de control invisible (U+0007)",
    ),
    "a 100,000-character word": Case(
        REACTIVO, "focus: Respuesta", "focus: " + "a" * 100_000, "focus", "el texto tiene 100000 caracteres"
    ),
    "a 500-character word": Case(
        REACTIVO, "focus: Respuesta", "focus: " + "a" * 500, "focus", "una palabra de 500 caracteres"
    ),
    "a text longer than the limit": Case(
        REACTIVO, "focus: Respuesta", "focus: " + "palabra " * 300, "focus", "más de los 2000 permitidos"
    ),
    "a mapping key inside a plain text": Case(
        REACTIVO, "focus: Respuesta", "focus: Respuesta: rápida", "", "`:` seguido de espacio"
    ),
    "a list item out of line": Case(
        REACTIVO, "  - Resolución rápida\n", " - Resolución rápida\n", "", "la sangría de esta línea no encaja"
    ),
    # Issue 26: nothing an author typed is lost silently.
    "a ` #` inside an unquoted text": Case(
        REACTIVO,
        "closing: ¿Cómo podemos mejorar la respuesta?",
        "closing: ¿Le ayudo con el pedido #4521 o con otro?",
        "",
        "el texto pierde «4521 o con otro?» — si es parte del texto, ponga todo el texto entre comillas dobles",
    ),
    "an optional text that became all comment": Case(
        "data/playbook.yml",
        "subtitle: Técnicas y scripts",
        "subtitle: #1 Técnicas y scripts",
        "",
        "el texto pierde «1 Técnicas y scripts",
    ),
    "a list item indented deeper than the one above": Case(
        REACTIVO,
        "      - Responde inmediatamente\n",
        "        - Responde inmediatamente\n",
        "",
        "este guion está más sangrado que el de arriba y se une a él («- Responde inmediatamente»",
    ),
    "Word's curly quotes around a text": Case(
        REACTIVO, "focus: Respuesta", "focus: “Respuesta: inmediata”", "", "empieza por una comilla tipográfica"
    ),
    "straight quotes inside a quoted text": Case(
        REACTIVO,
        "focus: Respuesta",
        'focus: "Dice "ya" y cuelga"',
        "",
        "hay comillas dobles dentro de un texto entre comillas dobles",
    ),
    "an indentation of non-breaking spaces": Case(
        REACTIVO,
        "      - Diagnostica eficientemente\n",
        "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0- Diagnostica eficientemente\n",
        "",
        "la sangría de esta línea tiene un espacio especial (U+00A0)",
    ),
    "a dash with no space after it": Case(
        REACTIVO,
        "characteristics:\n  - Respuesta a problemas\n",
        "characteristics:\n  -Respuesta a problemas\n",
        "",
        "falta un espacio tras el guion: «-Respuesta a problemas",
        line="  -Respuesta a problemas",
    ),
    "a key and its value with no space": Case(
        REACTIVO,
        "focus: Respuesta",
        "focus:Respuesta",
        "",
        "falta un espacio tras `focus:` — escriba `focus: Respuesta`",
    ),
    "an unclosed quote": Case(REACTIVO, "focus: Respuesta", 'focus: "Respuesta', "", "se abren y no se cierran"),
    "a file that is not data": Case(
        "data/notes/ideas.txt",
        None,
        "ideas\n",
        "",
        "este archivo no es del playbook: data/ solo lee archivos .yml — guárdelo fuera de data/",
        line=1,
    ),
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
    if case.says == "aparece dos veces":  # the duplicate is the added line
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


def test_characters_just_outside_the_control_ranges_are_kept(project):
    """A no-break space (U+00A0, the first after the C1 controls), `~` (just before DEL) and a space (just after
    the C0 controls) are text an author typed: kept as typed."""
    path = project / REACTIVO
    typed = 'focus: "Resp\\u00a0uesta ~"'
    path.write_text(path.read_text(encoding="utf-8").replace("focus: Respuesta", typed), encoding="utf-8")
    reactivo = next(t for t in load_playbook(project / "data").support_types if t.id == "reactivo")
    assert reactivo.focus == "Resp\u00a0uesta ~"


def test_a_10_mb_file_is_refused_quickly(project):
    path = project / REACTIVO
    path.write_text(path.read_text(encoding="utf-8") + ("# relleno " * 1_100_000), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    assert time.monotonic() - started < 60  # a guard against hanging, not a benchmark: a busy machine passes
    (error,) = caught.value.errors
    assert str(error).startswith(f"{REACTIVO}:1: el archivo tiene ") and "bytes, más de los" in str(error)


INDENTED_AS_DEEP_AS_1_MB_ALLOWS = "\n" + "\n".join(" " * level + "-" for level in range(1, 1_350))


@pytest.mark.parametrize(
    "nesting", ["[" * 400_000 + "]" * 400_000, "- " * 30_000 + "x", INDENTED_AS_DEEP_AS_1_MB_ALLOWS]
)
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
