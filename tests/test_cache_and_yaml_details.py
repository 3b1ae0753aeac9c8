"""The parse cache's housekeeping (macros/parse_cache.py) and the YAML reader's finer diagnoses (macros/yamlfile.py).

The cache is written wherever its folder is to be, whatever the system's temporary folder, and one that
cannot be written costs nothing; an edited parser never reuses old entries; a problem found against a
cached file still names that file and line. A broken YAML line is named with the right advice whatever
surrounds it: blank first lines, a file without a final newline, comments holding quotes, escaped quotes,
addresses continuing a text."""

from __future__ import annotations

import marshal
import shutil
import tempfile

import pytest

from helpers import ROOT
from macros import parse_cache
from macros.loader import DataErrors, load_playbook
from macros.messages import Messages
from macros.yamlfile import parse_yaml

SAY = Messages("es")
NAME = "data/support_types/reactivo.yml"
BRACKET = SAY.say("bracket_text")
BAD_INDENT = SAY.say("bad_indent")
UNCLOSED = SAY.say("unclosed_quote")


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def reactivo_title(playbook) -> str:
    return next(t.title for t in playbook.support_types if t.id == "reactivo")


# -- the parse cache


def test_the_cache_is_written_into_folders_that_do_not_exist_yet(data, tmp_path):
    cache = tmp_path / ".cache" / "build" / "data"
    load_playbook(data, cache_dir=cache)
    assert (cache / parse_cache.FILE_NAME).is_file()


def test_an_existing_cache_folder_gets_the_edited_files_entries(data, tmp_path, monkeypatch):
    """After an edit, the next build keeps the new parse: the one after it parses nothing again."""
    cache = tmp_path / "cache"
    cache.mkdir()
    load_playbook(data, cache_dir=cache)
    assert (cache / parse_cache.FILE_NAME).is_file()
    reactivo = data / "support_types" / "reactivo.yml"
    reactivo.write_text(reactivo.read_text(encoding="utf-8").replace("title: Soporte Reactivo", 'title: "Nuevo"'))
    load_playbook(data, cache_dir=cache)
    parsed = []
    real_parse = parse_cache.parse_yaml
    monkeypatch.setattr(parse_cache, "parse_yaml", lambda raw, *args: parsed.append(raw) or real_parse(raw, *args))
    assert reactivo_title(load_playbook(data, cache_dir=cache)) == "Nuevo"
    assert parsed == []


def test_the_cache_is_written_beside_itself_whatever_the_systems_temporary_folder(data, tmp_path, monkeypatch):
    """A system temporary folder that is missing (or on another disk) does not stop the cache being kept."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-temporary-folder"))
    cache = tmp_path / "cache"
    load_playbook(data, cache_dir=cache)
    assert (cache / parse_cache.FILE_NAME).is_file()


def test_a_cache_that_cannot_be_written_costs_nothing_and_leaves_nothing_behind(data, tmp_path):
    cache = tmp_path / "cache"
    (cache / parse_cache.FILE_NAME).mkdir(parents=True)  # in the way: the new cache cannot replace it
    assert load_playbook(data, cache_dir=cache) == load_playbook(data)
    assert [path.name for path in cache.iterdir()] == [parse_cache.FILE_NAME]


def test_a_problem_found_against_a_cached_file_names_that_file_and_line(data, tmp_path):
    """Only premium.yml changed (parsed anew); reactivo.yml comes from the cache, and is still named with its line."""
    cache = tmp_path / "cache"
    load_playbook(data, cache_dir=cache)
    premium = data / "support_types" / "premium.yml"
    premium.write_text(premium.read_text(encoding="utf-8").replace("id: valor-agregado", "id: respuesta-rapida"))
    with pytest.raises(DataErrors) as raised:
        load_playbook(data, cache_dir=cache)
    premium_line = premium.read_text(encoding="utf-8").split("\n").index("  - id: respuesta-rapida") + 1
    reactivo_text = (data / "support_types" / "reactivo.yml").read_text(encoding="utf-8")
    reactivo_line = reactivo_text.split("\n").index("  - id: respuesta-rapida") + 1
    assert [str(e) for e in raised.value.errors] == [
        f"data/support_types/premium.yml:{premium_line}: técnica 2 › id: el id `respuesta-rapida` ya lo usa otra "
        f"técnica en {NAME}:{reactivo_line} — los ids deben ser únicos: elija otro"
    ]


def test_a_cache_made_by_another_parser_is_not_reused(data, tmp_path, monkeypatch):
    """When macros/yamlfile.py changes (a fix in how YAML is read), every file is read anew."""
    cache = tmp_path / "cache"
    load_playbook(data, cache_dir=cache)
    key, entries = marshal.loads((cache / parse_cache.FILE_NAME).read_bytes())
    for parsed, _lines in entries.values():  # what the old parser made of reactivo.yml differs from today's
        if parsed.get("id") == "reactivo":
            parsed["title"] = "Lo que leía el lector anterior"
    (cache / parse_cache.FILE_NAME).write_bytes(marshal.dumps((key, entries)))
    assert reactivo_title(load_playbook(data, cache_dir=cache)) == "Lo que leía el lector anterior"  # same parser
    monkeypatch.setattr(parse_cache, "_parser_key", lambda: "an edited yamlfile.py")
    assert reactivo_title(load_playbook(data, cache_dir=cache)) == "Soporte Reactivo"


# -- YAML diagnoses


def problems(text: str) -> list[str]:
    errors = []
    assert parse_yaml(text.encode("utf-8"), NAME, SAY, errors) is None
    return [str(e) for e in errors]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("\nfocus: [X] minutos\n", 2),
        ("# Reactivo\n\nfocus: [X] minutos\n", 3),
        ("id: reactivo\ncharacteristics:\n  - [X] minutos\nsynonyms: [queja, reclamo]\n", 3),
        ("id: reactivo\ncharacteristics:\n  - [Producto] y [Servicio].", 3),
    ],
    ids=["after a blank first line", "after a comment and a blank line", "above a list", "on a last line unended"],
)
def test_a_text_starting_with_a_bracket_is_told_as_such_wherever_it_is(text, line):
    assert problems(text) == [f"{NAME}:{line}: {BRACKET}"]
    assert "se lee como una lista — póngalo entre comillas dobles" in BRACKET


def test_a_misindented_line_with_escaped_quotes_is_told_as_indentation():
    """`\\"` is how a quote is written inside quotes: no advice about quotes inside quotes there."""
    text = 'id: x\nlista:\n  - uno\n - "Dice \\"ya\\" y cuelga"\n'
    assert problems(text) == [f"{NAME}:4: {BAD_INDENT}"]
    assert "la sangría de esta línea no encaja" in BAD_INDENT


@pytest.mark.parametrize(
    "above",
    ['order: 1  # antes "3 #4', 'focus: "Dice \\"ya"'],
    ids=["a comment holding a quote", "an escaped quote"],
)
def test_an_unclosed_quote_is_found_on_its_line_not_on_a_line_above(above):
    text = f'{above}\nname: "Respuesta\ntitle: Soporte\n'
    assert problems(text) == [f"{NAME}:2: {UNCLOSED}"]
    assert "unas comillas se abren y no se cierran" in UNCLOSED


def test_an_address_continuing_a_text_is_not_a_key_missing_its_space():
    text = "id: reactivo\nclosing: Visite nuestra web en\n  https://ejemplo.com/ayuda\n"
    errors = []
    doc = parse_yaml(text.encode("utf-8"), NAME, SAY, errors)
    assert errors == []
    assert doc.data["closing"] == "Visite nuestra web en https://ejemplo.com/ayuda"


def test_a_key_without_its_space_is_shown_fixed_with_the_first_40_characters_of_its_value():
    value = "Respuesta inmediata a cada problema que el cliente plantea"
    assert problems(f"id: reactivo\nfocus:{value}\nname: Reactivo\n") == [
        f"{NAME}:2: falta un espacio tras `focus:` — escriba `focus: {value[:40]}` (sin el espacio, YAML lo lee "
        "como parte de un texto)"
    ]


def test_a_key_without_its_space_on_a_text_s_next_line_is_named_on_that_line(project):
    """`canal:teléfono` under `focus: Respuesta` is read by YAML as more of the focus text: the author meant a field,
    and is told so on the line where it is, with the field and value written back with their space."""
    path = project / "data" / "support_types" / "reactivo.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("focus: Respuesta")].count("\n") + 2
    path.write_text(text.replace("focus: Respuesta", "focus: Respuesta\n  canal:teléfono", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    assert [str(error) for error in caught.value.errors] == [
        f"data/support_types/reactivo.yml:{line}: falta un espacio tras `canal:` — escriba `canal: teléfono` "
        "(sin el espacio, YAML lo lee como parte de un texto)"
    ]


def test_a_comment_that_cuts_a_text_short_is_quoted_back_up_to_80_characters(project):
    """After « #» YAML reads a comment: the author is shown what the text lost, its first 80 characters at most."""
    path = project / "data" / "support_types" / "reactivo.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("focus: Respuesta")].count("\n") + 1
    lost = "1 según el contrato firmado con el cliente y revisado cada trimestre por el equipo de cuentas clave"
    path.write_text(text.replace("focus: Respuesta", f"focus: Respuesta nivel #{lost}", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    (said,) = [str(error) for error in caught.value.errors]
    assert said.startswith(
        f"data/support_types/reactivo.yml:{line}: tras « #» YAML lee un comentario y el texto pierde «"
    )
    assert f"«{lost[:80]}»" in said
