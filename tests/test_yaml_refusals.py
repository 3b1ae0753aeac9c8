"""What macros/yamlfile.py refuses before any field is checked, and what it lets through: each refusal one line,
at the line the author has to look at, naming what they typed (cut where it is long); each accepted file with
every word the author typed."""

from __future__ import annotations

import pytest
import yaml

from macros import yamlfile
from macros.loader import DataErrors, load_playbook
from macros.messages import Messages
from macros.yamlfile import MAX_FILE_BYTES, parse_yaml

SAY = Messages("es")


def refused(text: str | bytes) -> str:
    """The one line parse_yaml gives a file it refuses."""
    errors: list = []
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    assert parse_yaml(raw, "f.yml", SAY, errors) is None
    (error,) = errors
    return str(error)


def accepted(text: str) -> object:
    """The data of a file parse_yaml accepts."""
    errors: list = []
    document = parse_yaml(text.encode("utf-8"), "f.yml", SAY, errors)
    assert not errors and document is not None, [str(e) for e in errors]
    return document.data


# -- anchors, aliases and tags


def test_an_alias_in_a_list_is_told_at_the_line_of_the_anchor_it_repeats():
    """An alias is the anchored value again (the parser keeps no place of its own for it): the anchor's line."""
    said = refused("focus: x\nsituations:\n  - &una Un pedido no llegó\n  - *una\n")
    assert said == f"f.yml:3: {SAY.say('alias')}"


def test_an_alias_as_a_fields_value_is_told_at_that_field():
    said = refused("name: &n Reactivo\ntitle: x\nfocus: *n\n")
    assert said == f"f.yml:3: {SAY.say('alias')}"


def test_a_tag_on_a_key_is_told_at_the_key_naming_the_tag():
    said = refused("focus: x\n!nota title: Soporte\n")
    assert said == f"f.yml:2: {SAY.say('tag', tag='!nota')}"


def test_a_long_tag_is_named_by_its_first_forty_characters():
    tag = "!" + "etiqueta-" * 6  # 55 characters
    on_key = refused(f"focus: x\n{tag} title: Soporte\n")
    on_value = refused(f"focus: x\ntitle: {tag} Soporte\n")
    assert on_key == on_value == f"f.yml:2: {SAY.say('tag', tag=tag[:40])}"


# -- keys that are no words


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("focus: x\n1: uno\n", "1"),
        (f"focus: x\n1.{'5' * 50}: uno\n", "1." + "5" * 38),  # a long one by its first forty characters
        ("focus: x\n[a, b]: uno\n", "[…]"),
        ("focus: x\n? {a: 1}\n: uno\n", "{…}"),
    ],
    ids=["a number", "a long number", "a list", "a block"],
)
def test_a_key_that_is_no_word_is_named_as_typed_or_by_its_brackets(text, shown):
    assert refused(text) == f"f.yml:2: {SAY.say('key_not_text', name=shown)}"


# -- duplicate keys: every one told


def test_every_field_written_twice_in_a_block_is_told_not_only_the_first():
    errors: list = []
    parse_yaml(b"name: a\nfocus: b\nname: c\ntitle: d\nfocus: e\n", "f.yml", SAY, errors)
    assert [str(e) for e in errors] == [
        f"f.yml:3: name: {SAY.say('duplicate_key')}",
        f"f.yml:5: focus: {SAY.say('duplicate_key')}",
    ]


def test_a_field_written_twice_in_two_items_of_a_list_is_told_in_both():
    errors: list = []
    text = "techniques:\n  - name: a\n    name: b\n  - name: c\n    name: d\n"
    parse_yaml(text.encode("utf-8"), "f.yml", SAY, errors)
    assert [e.line for e in errors] == [3, 5]


# -- size, encoding, empty files


def test_a_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused():
    head = b"focus: "
    at_limit = head + b"x" * (MAX_FILE_BYTES - len(head))
    errors: list = []
    assert parse_yaml(at_limit, "f.yml", SAY, errors) is not None and not errors
    said = refused(at_limit + b"x")
    assert said == f"f.yml:1: {SAY.say('too_big', size=f'{MAX_FILE_BYTES + 1:,}', limit=f'{MAX_FILE_BYTES:,}')}"
    assert f"{MAX_FILE_BYTES + 1:,}" in said and f"{MAX_FILE_BYTES:,}" in said


def test_a_byte_that_is_not_utf8_is_told_at_its_line_and_nothing_else():
    assert refused(b"focus: x\ntitle: Soporte t\xe9cnico\n") == f"f.yml:2: {SAY.say('not_utf8')}"


@pytest.mark.parametrize(("text", "key"), [("\n\n", "empty_file"), ("# solo una nota\n", "only_comments")])
def test_a_file_with_nothing_to_read_is_one_line_saying_so(text, key):
    assert refused(text) == f"f.yml:1: {SAY.say(key)}"


# -- plain texts: what is refused, what keeps every word


def test_a_value_written_on_the_line_below_its_key_is_kept():
    assert accepted("focus:\n  Respuesta rápida\n") == {"focus": "Respuesta rápida"}


def test_a_list_item_whose_dash_touches_its_word_is_named_by_its_first_line():
    """`-Un pedido` under `situations:` is no list item: YAML joins the lines into one text starting with a dash
    (a blank line between them stays a line break in that text)."""
    said = refused("situations:\n  -Un pedido no llegó\n\n  -El producto falla\n")
    assert said == f"f.yml:2: {SAY.say('dash_no_space', text='-Un pedido no llegó')}"


def test_a_list_item_whose_dash_touches_a_long_word_is_named_by_its_first_forty_characters():
    word = "-" + "respuesta" * 6
    assert refused(f"situations:\n  {word}\n") == f"f.yml:2: {SAY.say('dash_no_space', text=word[:40])}"


def test_a_comment_that_cuts_a_long_text_is_quoted_by_its_first_eighty_characters():
    rest = "4521 " + "y el resto de la frase " * 5
    said = refused(f"focus: el pedido #{rest}\n")
    assert said == f"f.yml:1: {SAY.say('comment_in_text', rest=rest.strip()[:80])}"


def test_a_dash_line_that_joins_the_item_above_is_quoted_by_its_first_eighty_characters():
    line = "- " + "una línea que parece un elemento " * 4
    said = refused(f"situations:\n  - Primer elemento\n    {line}\n")
    assert said == f"f.yml:3: {SAY.say('dash_joins_item', text=line.strip()[:80])}"


def test_a_comment_after_a_text_of_several_words_is_refused_however_far_it_stands():
    """`Respuesta rápida  # nota`: the author may mean the `#` as text; YAML drops it and the rest."""
    said = refused("focus: Respuesta rápida  # nota\n")
    assert said.startswith("f.yml:1: ") and "nota" in said


def test_a_one_word_text_followed_by_a_comment_two_spaces_away_keeps_its_word():
    """A comment set apart from one word (`Respuesta  # nota`) is the author's note, as YAML means it."""
    assert accepted("focus: Respuesta  # nota\n") == {"focus": "Respuesta"}


def test_an_empty_text_or_list_followed_by_a_comment_is_kept():
    assert accepted('focus: "" # nada aún\nsituations: [] # ninguna\n') == {"focus": "", "situations": []}


def test_a_field_whose_whole_text_became_a_comment_quotes_its_first_eighty_characters():
    """`focus: #4521 …`: the field is left empty, and the author is shown what YAML took for a comment."""
    rest = "4521 " + "y el resto de la frase " * 5
    said = refused(f"focus: #{rest}\n")
    assert said == f"f.yml:1: {SAY.say('comment_in_text', rest=rest.strip()[:80])}"


# -- nesting deeper than any playbook, and errors nobody foresaw


@pytest.mark.parametrize("opener, closer", [("[", "]"), ("{", "}")])
def test_flow_nesting_spread_over_lines_is_refused_with_one_line_not_a_crash(opener, closer):
    """One bracket per line keeps every line short: the depth must still be counted from the brackets, or libyaml
    is given the file and crashes the whole process (a segmentation fault, not an exception)."""
    depth = 100_000
    said = refused(f"{opener}\n" * depth + f"{closer}\n" * depth)
    assert said == f"f.yml:1: {SAY.say('too_deep')}"


def test_a_control_character_is_told_at_its_line_by_its_code():
    assert refused("focus: x\ntitle: a\x07b\n") == f"f.yml:2: {SAY.say('control_character', code='U+0007')}"


def test_a_yaml_error_nobody_foresaw_is_still_one_line(monkeypatch):
    """PyYAML's parser raises marked errors; should a later version raise a bare one, the author still gets a line."""

    def odd(*args):
        raise yaml.YAMLError("something odd")

    monkeypatch.setattr(yamlfile, "_compose", odd)
    assert refused("focus: x\n") == f"f.yml:1: {SAY.yaml_syntax('something odd', '', '')}"


def test_a_top_level_that_is_a_list_is_one_line_saying_so():
    assert refused("- focus: x\n- title: y\n") == f"f.yml:1: {SAY.say('not_a_mapping')}"


def test_a_file_with_a_field_written_twice_is_not_checked_further_until_that_is_mended(project):
    """Which of the two values would count is unclear: the file is refused whole, with the one line that says why,
    not also a line for every other problem of a half-read file."""
    path = project / "data" / "support_types" / "reactivo.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    focus = next(i for i, line in enumerate(lines) if line.startswith("focus:"))
    lines.insert(focus + 1, lines[focus])  # focus written twice
    del lines[title]  # and a required field missing
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_playbook(project / "data")
    assert [str(e) for e in caught.value.errors] == [
        f"data/support_types/reactivo.yml:{focus + 1}: focus: {SAY.say('duplicate_key')}"
    ]
