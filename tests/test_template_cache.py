"""The theme's compiled templates are kept between builds; a cache that cannot be used never stops one."""

from __future__ import annotations

import jinja2

from macros.template_cache import QuietBytecodeCache


def environment(templates, cache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=QuietBytecodeCache(cache))


def test_a_template_is_compiled_once_and_read_back(tmp_path):
    (tmp_path / "t.html").write_text("Hola {{ name }}", encoding="utf-8")
    assert environment(tmp_path, tmp_path / "cache").get_template("t.html").render(name="Ana") == "Hola Ana"
    assert len(list((tmp_path / "cache").iterdir())) == 1
    (tmp_path / "t.html").write_text("Adiós {{ name }}", encoding="utf-8")  # a changed template is recompiled
    assert environment(tmp_path, tmp_path / "cache").get_template("t.html").render(name="Ana") == "Adiós Ana"


def test_a_cache_that_cannot_be_written_or_read_still_renders(tmp_path):
    (tmp_path / "t.html").write_text("Hola {{ name }}", encoding="utf-8")
    (tmp_path / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    assert environment(tmp_path, tmp_path / "blocked").get_template("t.html").render(name="Ana") == "Hola Ana"
    environment(tmp_path, tmp_path / "cache").get_template("t.html")
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"\x00garbage")
    assert environment(tmp_path, tmp_path / "cache").get_template("t.html").render(name="Ana") == "Hola Ana"
