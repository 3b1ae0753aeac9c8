"""A YAML file that cannot be read gets the hint that fits what the author typed (a tab, a bracket, a quote left
open…), in the playbook's language; and `make check` prints every problem with its control characters visible."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.__main__ import main
from macros.loader import DataErrors, load_playbook

REACTIVO = "data/support_types/reactivo.yml"

TAB = {"es": "esta línea está sangrada con un tabulador", "en": "this line is indented with a tab"}
COLON = {
    "es": "hay un `:` seguido de espacio dentro de un texto sin comillas",
    "en": "there is a `:` followed by a space",
}
BRACKET = {"es": "un texto que empieza por `[` (como `[X] minutos`) se lee", "en": "text that starts with `[` (like"}
INDENT = {"es": "la sangría de esta línea no encaja", "en": "this line's indentation does not match"}
UNCLOSED_QUOTE = {"es": "unas comillas se abren y no se cierran", "en": "a quote is opened but never closed"}
UNCLOSED_BRACKET = {"es": "un `[` o un `{` se abre y no se cierra", "en": "a `[` or a `{` is opened but never closed"}
UNREADABLE = {"es": "esta línea no se puede leer", "en": "this line cannot be read"}
CHARACTERISTICS = [
    "Respuesta a problemas",
    "Resolución rápida",
    "Tiempo de respuesta crítico",
    "Efectividad importante",
]
HINTS = [TAB, COLON, BRACKET, INDENT, UNCLOSED_QUOTE, UNCLOSED_BRACKET, UNREADABLE]


def mistake(project: Path, old: str, new: str) -> int:
    """Replace one snippet of reactivo.yml; return the line where it starts."""
    path = project / REACTIVO
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def only_problem(project: Path, language: str) -> str:
    """The one line load_playbook reports for the data."""
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data", language)
    (error,) = caught.value.errors
    return str(error)


def assert_hint(said: str, expected: dict[str, str], language: str) -> None:
    """The line gives this hint, and none of the other syntax hints."""
    assert expected[language] in said, said
    assert not [hint[language] for hint in HINTS if hint is not expected and hint[language] in said], said


SYNTAX_SLIPS = {
    # A tab pasted inside a text (from a spreadsheet) is no indentation: the colon is what breaks the line.
    "a tab inside a text": ("focus: Respuesta", "focus: Respuesta: rápida\tx", COLON),
    # A tab between the dash and the text does the work of indentation: PyYAML refuses it.
    "a tab after a list dash": ("  - Respuesta a problemas\n", "  -\tRespuesta a problemas\n", TAB),
    "a bracket text after a key": ("focus: Respuesta", "focus: [X] minutos", BRACKET),
    "a bracket text after a key written with a space": ("focus: Respuesta", "main focus: [X] minutos", BRACKET),
    "a bracket text followed by a colon": ("focus: Respuesta", "focus: [X]: minutos", BRACKET),
    "a closing bracket inside a text with a colon": ("focus: Respuesta", "focus: Respuesta] rápida: sí", COLON),
    # A whole list in brackets is valid YAML: the line's problem is where it starts, not the brackets.
    "a whole bracketed list out of line": (
        "  - Respuesta a problemas\n  - Resolución rápida\n",
        "  - Respuesta a problemas\n - [Resolución, rápida]\n",
        INDENT,
    ),
    "a bracket left open": ("focus: Respuesta", "focus: [Respuesta", UNCLOSED_BRACKET),
    "a brace left open": ("focus: Respuesta", "focus: {Respuesta", UNCLOSED_BRACKET),
    "a backquoted text": ("focus: Respuesta", "focus: `Respuesta`", UNREADABLE),
    "a text starting with @": ("focus: Respuesta", "focus: @Respuesta", UNREADABLE),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("name", SYNTAX_SLIPS)
def test_a_syntax_slip_gets_the_hint_that_fits_it_on_its_line(project, name, language):
    old, new, hint = SYNTAX_SLIPS[name]
    line = mistake(project, old, new)
    if name == "a whole bracketed list out of line":
        line += 1
    said = only_problem(project, language)
    assert said.startswith(f"{REACTIVO}:{line}: "), said
    assert_hint(said, hint, language)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_single_quote_left_open_is_called_an_unclosed_quote_on_its_own_line(project, language):
    """Not on the file's last line, where the parser gives up looking for the closing quote."""
    line = mistake(project, "focus: Respuesta", "focus: 'Respuesta")
    said = only_problem(project, language)
    assert said.startswith(f"{REACTIVO}:{line}: "), said
    assert_hint(said, UNCLOSED_QUOTE, language)


def test_an_unclosed_single_quote_on_a_files_last_line_is_named_on_that_line(project):
    (project / "data" / "sessions" / "nueva.yml").write_text("id: nueva\ntitle: 'Sesión nueva", encoding="utf-8")
    said = only_problem(project, "es")
    assert said.startswith("data/sessions/nueva.yml:2: unas comillas se abren y no se cierran — cierre"), said


def check_output(project: Path, monkeypatch, capsys) -> tuple[int, str]:
    """`make check` in the project: its exit code and what it printed to stderr."""
    monkeypatch.chdir(project)
    code = main(["check"])
    return code, capsys.readouterr().err


def test_check_prints_an_escape_typed_in_a_key_as_visible_text(project, monkeypatch, capsys):
    """An ESC written as `\\e` in a quoted key would otherwise reach the terminal and change its colours."""
    line = mistake(project, "focus: Respuesta", '"fo\\ecus": Respuesta')
    code, err = check_output(project, monkeypatch, capsys)
    assert code == 1
    assert f"{REACTIVO}:{line}: fo\\x1bcus: campo desconocido — ¿quería decir `focus`?\n" in err
    assert "\x1b" not in err


def test_check_prints_a_tab_in_a_key_as_it_was_typed(project, monkeypatch, capsys):
    """Tabs and line ends are harmless on a terminal: only the other control characters are shown as codes."""
    line = mistake(project, "focus: Respuesta", '"fo\\tcus": Respuesta')
    code, err = check_output(project, monkeypatch, capsys)
    assert code == 1
    first, last = err.splitlines()
    assert first == f"{REACTIVO}:{line}: fo\tcus: campo desconocido — ¿quería decir `focus`?"
    assert last == "1 problema(s) en data/."


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("focus: Respuesta\n", "focus: Respuesta\n1: uno\n", "1"),  # a number where a field's name goes
        (  # a list numbered instead of dashed: told at its first item
            "".join(f"  - {item}\n" for item in CHARACTERISTICS),
            "".join(f"  {n}: {item}\n" for n, item in enumerate(CHARACTERISTICS, start=1)),
            "1",
        ),
        ("focus: Respuesta\n", "focus: Respuesta\ntrue: sí\n", "true"),
    ],
    ids=["a number as a field", "a numbered list", "true as a field"],
)
@pytest.mark.parametrize("language", ["es", "en"])
def test_a_key_yaml_reads_as_no_word_is_one_line_on_its_own_line(project, old, new, shown, language):
    """Not "elemento 2" at the file's line 2, as when the number reached the checks as a list position."""
    at = mistake(project, old, new) + next(
        i for i, line in enumerate(new.split("\n")) if line.strip().startswith(shown)
    )
    said = only_problem(project, language)
    expected = {"es": f"`{shown}:` no es un nombre de campo", "en": f"`{shown}:` is not a field name"}
    assert said.startswith(f"{REACTIVO}:{at}: {expected[language]}"), said
