"""Parsed data files are kept between builds; an edit always shows, and a cache that cannot be used never
stops a build nor hides a problem."""

from __future__ import annotations

import hashlib
import marshal
import shutil

import pytest

from helpers import ROOT
from macros import parse_cache
from macros.loader import DataErrors, load_playbook


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def retitle(data, title: str) -> None:
    path = data / "support_types" / "reactivo.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(old, f'title: "{title}"', 1), encoding="utf-8")


def reactivo_title(playbook) -> str:
    return next(t.title for t in playbook.support_types if t.id == "reactivo")


def test_an_edited_file_shows_on_the_next_load(data, tmp_path):
    cache = tmp_path / "cache"
    first = load_playbook(data, cache_dir=cache)
    assert (cache / parse_cache.FILE_NAME).is_file()
    retitle(data, "Soporte Reactivo Editado")
    assert reactivo_title(load_playbook(data, cache_dir=cache)) == "Soporte Reactivo Editado"
    assert reactivo_title(first) != "Soporte Reactivo Editado"


def test_unchanged_files_are_not_parsed_again(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    uncached = load_playbook(data)
    load_playbook(data, cache_dir=cache)
    parsed = []
    real_parse = parse_cache.parse_yaml
    monkeypatch.setattr(parse_cache, "parse_yaml", lambda raw, *args: parsed.append(raw) or real_parse(raw, *args))
    assert load_playbook(data, cache_dir=cache) == uncached
    assert parsed == []
    retitle(data, "Otro título")
    load_playbook(data, cache_dir=cache)
    assert len(parsed) == 1


def test_a_problem_is_reported_on_every_load(data, tmp_path):
    cache = tmp_path / "cache"
    (data / "support_types" / "premium.yml").write_text("title: [sin cerrar\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataErrors) as raised:
            load_playbook(data, cache_dir=cache)
        assert any("premium.yml" in str(e) for e in raised.value.errors)


@pytest.mark.parametrize(
    "content",
    [
        b"\x00garbage",
        b"",
        marshal.dumps((parse_cache._parser_key(), {b"x": "not an entry"})),
        marshal.dumps((parse_cache._parser_key(), [1, 2])),
    ],
    ids=["garbage", "empty", "bad-entry", "not-a-mapping"],
)
def test_a_damaged_cache_is_ignored(data, tmp_path, content):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / parse_cache.FILE_NAME).write_bytes(content)
    assert load_playbook(data, cache_dir=cache) == load_playbook(data)


@pytest.mark.parametrize(
    "entry",
    [("texto", {}), ({}, "líneas"), ({}, {}, {}), ({},), [{}, {}]],
    ids=["data-not-a-mapping", "lines-not-a-mapping", "three-parts", "one-part", "a-list"],
)
def test_a_damaged_entry_for_a_real_file_is_not_used(data, tmp_path, entry):
    """Under the very file's checksum, as a half-written or foreign cache could hold it."""
    cache = tmp_path / "cache"
    cache.mkdir()
    digest = hashlib.sha256((data / "support_types" / "reactivo.yml").read_bytes()).digest()
    (cache / parse_cache.FILE_NAME).write_bytes(marshal.dumps((parse_cache._parser_key(), {digest: entry})))
    assert load_playbook(data, cache_dir=cache) == load_playbook(data)


def test_a_file_read_by_another_parser_is_read_again(data, tmp_path):
    """After an upgrade that reads YAML differently, what the old parser made of a file is not used."""
    cache = tmp_path / "cache"
    load_playbook(data, cache_dir=cache)
    key, entries = marshal.loads((cache / parse_cache.FILE_NAME).read_bytes())
    for parsed, _lines in entries.values():
        if parsed.get("id") == "reactivo":
            parsed["title"] = "Leído por otro analizador"
    (cache / parse_cache.FILE_NAME).write_bytes(marshal.dumps(("another parser", entries)))
    assert reactivo_title(load_playbook(data, cache_dir=cache)) == reactivo_title(load_playbook(data))


def test_a_cache_that_cannot_be_written_still_loads(data, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert load_playbook(data, cache_dir=blocked) == load_playbook(data)
    assert list(tmp_path.glob("blocked*")) == [blocked]
