"""Both YAML readers the build may use (PyYAML's own and libyaml's, macros/yamlfile.py) read plain values as the
editors' YAML 1.2 does: what an author types as text stays text, numbers and true/false are what they look like.

The readers are made here as the module makes them at import, so a change to how they are made shows here."""

from __future__ import annotations

import pytest
import yaml

from macros.yamlfile import _yaml_12

READERS = {"python": yaml.SafeLoader, "libyaml": getattr(yaml, "CSafeLoader", yaml.SafeLoader)}
AS_TYPED = {
    "no": "no",  # the Norway problem: YAML 1.1 reads a country code as false
    "yes": "yes",
    "on": "on",
    "Off": "Off",
    "sí": "sí",
    "12:30": "12:30",  # 1.1's base-60 number
    "2025-01-27": "2025-01-27",  # a date stays the text typed (the models read it)
    "1_000": "1_000",
    "010": 10,  # not octal
    "0o17": 15,
    "0x1F": 31,
    "-7": -7,
    "+3": 3,
    "true": True,
    "False": False,
    "TRUE": True,
    "1.5": 1.5,
    "~": None,
    "null": None,
    "": None,
    "1234567890123456789": "1234567890123456789",  # past 18 digits: text, and the models say it is too long
}


@pytest.mark.parametrize("reader", READERS)
def test_plain_values_read_as_yaml_1_2(reader):
    loader = _yaml_12(READERS[reader])
    read = {typed: yaml.load(f"valor: {typed}\n", Loader=loader)["valor"] for typed in AS_TYPED}
    assert read == AS_TYPED
    assert {typed: type(value) for typed, value in read.items()} == {t: type(v) for t, v in AS_TYPED.items()}


@pytest.mark.parametrize("reader", READERS)
def test_quoted_values_are_always_text(reader):
    loader = _yaml_12(READERS[reader])
    assert yaml.load("a: 'true'\nb: \"010\"\nc: '0x1F'\n", Loader=loader) == {"a": "true", "b": "010", "c": "0x1F"}
