"""A field whose value is wrong gets a line that names the field as the author counts it, says what was found
and what was expected, and how to fix it — in the playbook's language (Spanish, or English with
macros/locales/en)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.kinds import KINDS
from macros.loader import DataErrors, load_playbook
from macros.messages import Messages

REACTIVO = "data/support_types/reactivo.yml"
PLAYBOOK = "data/playbook.yml"
CASES = "data/case_studies.yml"


def mistake(project: Path, file: str, old: str, new: str) -> int:
    """Replace one snippet of a data file; return the line where it starts."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(project: Path, language: str = "es") -> list[str]:
    """Every line load_playbook reports for the data."""
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data", language)
    return [str(error) for error in caught.value.errors]


WRONG_KINDS = {
    "a block where a text goes": (
        REACTIVO,
        "focus: Respuesta",
        "focus:\n  canal: teléfono",
        "focus",
        {
            "es": "se esperaba un texto y hay un bloque de campos — ponga el texto entre comillas dobles",
            "en": "expected text but found a block of fields — put the text in double quotes",
        },
    ),
    "nothing where an order goes": (
        REACTIVO,
        "order: 1",
        "order:",
        "order",
        {
            "es": "se esperaba un número entero y hay nada — escriba un número como 3",
            "en": "expected a whole number but found nothing — write a number such as 3",
        },
    ),
    "a word where an order goes": (
        REACTIVO,
        "order: 1",
        "order: primero",
        "order",
        {
            "es": "se esperaba un número entero y hay un texto — escriba un número como 3",
            "en": "expected a whole number but found text — write a number such as 3",
        },
    ),
    "a word where a date goes": (
        PLAYBOOK,
        "last_updated: 2025-01-27",
        "last_updated: mañana",
        "last_updated",
        {
            "es": "se esperaba una fecha y hay un texto — escríbala como AAAA-MM-DD",
            "en": "expected a date but found text — write it as YYYY-MM-DD",
        },
    ),
    "a list where a date goes": (
        PLAYBOOK,
        "last_updated: 2025-01-27",
        "last_updated: [2025, 1, 27]",
        "last_updated",
        {
            "es": "se esperaba una fecha y hay una lista — escríbala como AAAA-MM-DD",
            "en": "expected a date but found a list — write it as YYYY-MM-DD",
        },
    ),
    "a number where a date goes": (
        PLAYBOOK,
        "last_updated: 2025-01-27",
        "last_updated: 20250127",
        "last_updated",
        {"es": "se esperaba una fecha y hay un número", "en": "expected a date but found a number"},
    ),
    # `synonyms` has no name for its items: they are counted as items, under the field's own name.
    "a list inside a list of synonyms": (
        REACTIVO,
        "  - incidencia\n",
        "  - [incidencia]\n",
        {"es": "synonyms › elemento 1", "en": "synonyms › item 1"},
        {"es": "se esperaba un texto y hay una lista", "en": "expected text but found a list"},
    ),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("name", WRONG_KINDS)
def test_a_value_of_the_wrong_kind_is_named_for_what_it_is(project, name, language):
    file, old, new, field, says = WRONG_KINDS[name]
    line = mistake(project, file, old, new)
    field = field if isinstance(field, str) else field[language]
    (said,) = problems(project, language)
    assert said.startswith(f"{file}:{line}: {field}: {says[language]}"), said


@pytest.mark.parametrize(
    ("order", "shown"),
    [
        ("100001", "100001"),
        ("-3", "-3"),
        # Too many digits to read: the number is cut, not printed whole.
        ("9" * 5000, "9" * 19 + "…"),
    ],
)
def test_an_order_out_of_range_names_the_number_and_the_range(project, order, shown):
    line = mistake(project, REACTIVO, "order: 1", f"order: {order}")
    (said,) = problems(project)
    assert said == (
        f"{REACTIVO}:{line}: order: el número {shown} está fuera de lo permitido"
        " — use un número entero entre 0 y 100000"
    )


def test_an_answer_longer_than_its_own_limit_is_measured_against_that_limit(project):
    """An objection's answer may be far longer than a one-line text (10,000 characters, not 2,000)."""
    answer = ("Entiendo su preocupación " * 500)[:10_001]
    (project / "data" / "objections.yml").write_text(
        'title: Objeciones\nicon: "💬"\nobjections:\n  - id: caro\n    title: Es caro\n    answers:\n'
        f"      - label: Valor\n        text: {answer}\n",
        encoding="utf-8",
    )
    (said,) = problems(project)
    assert said.startswith(
        "data/objections.yml:8: objeción 1 › respuesta 1 › text: el texto tiene 10001 caracteres, "
        "más de los 10000 permitidos — acórtelo"
    ), said


def test_a_misspelt_key_in_a_script_section_gets_the_field_it_likely_means(project):
    line = mistake(project, REACTIVO, "        - heading: RESPUESTA", "        - headng: RESPUESTA")
    assert problems(project) == [
        f"{REACTIVO}:{line}: técnica 1 › script › sección 1 › headng: campo desconocido — ¿quería decir `heading`?"
    ]


def test_an_unknown_key_in_a_technique_lists_the_fields_of_a_technique(project):
    line = mistake(project, REACTIVO, "    title: Respuesta Rápida\n", "    xyzzy: 1\n    title: Respuesta Rápida\n")
    (said,) = problems(project)
    assert said.startswith(
        f"{REACTIVO}:{line}: técnica 1 › xyzzy: campo desconocido — los campos posibles aquí son `id`, `title`, "
    ), said
    assert "`process`, `script`" in said


@pytest.mark.parametrize(
    ("old", "new", "field", "meant"),
    [
        ("  title: Framework", "  titel: Framework", "framework › titel", "title"),
        ("    name: Tipo\n", "    nam: Tipo\n", "framework › columns › nam", "name"),
        ("  title: Resumen Ejecutivo", "  tittle: Resumen Ejecutivo", "summary › tittle", "title"),
    ],
)
def test_a_misspelt_key_inside_an_optional_block_is_one_line_saying_what_was_meant(project, old, new, field, meant):
    """The framework and the summary are optional blocks: a typo there is told like anywhere else — once, with the
    field it likely means, not also as that field missing."""
    line = mistake(project, PLAYBOOK, old, new)
    assert problems(project) == [f"{PLAYBOOK}:{line}: {field}: campo desconocido — ¿quería decir `{meant}`?"]


@pytest.mark.parametrize(
    ("length", "shown"),
    [(60, "z" * 60), (61, "z" * 59 + "…"), (200, "z" * 59 + "…")],
)
def test_a_long_value_is_echoed_cut_to_60_characters(project, length, shown):
    line = mistake(project, CASES, "support_type: proactivo", f"support_type: {'z' * length}")
    types = ", ".join(sorted(path.stem for path in (project / "data" / "support_types").glob("*.yml")))
    assert problems(project) == [
        f"{CASES}:{line}: caso 1 › support_type: ningún tipo de soporte tiene el id `{shown}` — "
        f"use uno de estos: {types}"
    ]


SESSION_PART = {
    "es": (
        "parte",
        "ningún tipo de soporte, técnica, parte ni página libre se llama `{}` — ",
        "use ids como estos: ",
        "¿quería decir `premium`?",
    ),
    "en": (
        "part",
        "no support type, technique, part or free page is called `{}` — ",
        "use ids like these: ",
        "did you mean `premium`?",
    ),
}


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_session_part_that_names_nothing_suggests_parts_that_exist(project, language):
    part, nothing, suggest, close = SESSION_PART[language]
    session = project / "data" / "sessions" / "nueva.yml"
    session.write_text(
        "id: nueva\ntitle: Nueva\nparts:\n  - premium\n  - nada-de-nada\n  - premiun\n", encoding="utf-8"
    )
    first, second = problems(project, language)
    prefix = f"data/sessions/nueva.yml:5: {part} 2: {nothing.format('nada-de-nada')}{suggest}"
    assert first.startswith(prefix), first
    assert second == f"data/sessions/nueva.yml:6: {part} 3: {nothing.format('premiun')}{close}"
    suggested = first[len(prefix) :].split(", ")
    assert 3 < len(suggested) <= 12
    # What it suggests are parts a session can name: written as the session's parts, the data is valid.
    session.write_text(yaml.safe_dump({"id": "nueva", "title": "Nueva", "parts": suggested}), encoding="utf-8")
    load_playbook(project / "data", language)


def test_a_stray_file_at_the_top_of_data_is_said_not_to_be_data(project):
    (project / "data" / "ideas.txt").write_text("ideas\n", encoding="utf-8")
    assert problems(project) == [
        "data/ideas.txt:1: este archivo no es del playbook: data/ solo lee archivos .yml — guárdelo fuera de data/, "
        "por ejemplo en una carpeta notas/ junto a ella"
    ]


@pytest.mark.parametrize("line_end", ["\\n", "\\r"])
def test_an_id_with_a_line_break_typed_in_quotes_is_told_to_be_one_line(project, line_end):
    """A Windows line end ("\\r") pasted into a quoted id is a line break as much as "\\n" is."""
    line = mistake(project, REACTIVO, "  - id: respuesta-rapida", f'  - id: "respuesta{line_end}rapida"')
    assert problems(project) == [
        f"{REACTIVO}:{line}: técnica 1 › id: el texto tiene un salto de línea — escríbalo en una sola línea"
    ]


@pytest.mark.parametrize("language", ["es", "en"])
def test_an_error_the_catalogue_has_no_words_for_still_gets_a_line_with_a_way_forward(language):
    """A kind of error a later pydantic may raise (none of this playbook's files gives one today): the author is
    told the value does not fit and where to compare it, not shown pydantic's English."""
    model = next(kind.model for kind in KINDS if kind.data == "playbook.yml")
    error = {"type": "a_future_error", "loc": ("title",), "input": 3.5, "msg": "Input should be a future value"}
    said = Messages(language).explain(error, model)
    expected = {"es": "este valor no es válido aquí — compárelo", "en": "this value is not valid here"}
    assert said.startswith(expected[language]) and "future" not in said, said
