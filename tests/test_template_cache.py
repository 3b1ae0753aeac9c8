"""Compiled templates are kept between builds, and with the installation for every project it builds; a cache
that cannot be used never stops a build."""

from __future__ import annotations

import sys

import jinja2

from macros.template_cache import QuietBytecodeCache, SharedBytecodeCache, installed_folder


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


def test_a_new_project_finds_the_templates_the_installation_compiled_and_a_changed_one_is_compiled_again(tmp_path):
    compiled = []

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    def render(project: str, text: str) -> str:
        templates = tmp_path / project
        templates.mkdir(exist_ok=True)
        (templates / "t.html").write_text(text, encoding="utf-8")
        cache = SharedBytecodeCache(tmp_path / "installed")
        env = Counting(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)
        return env.get_template("t.html").render(name="Ana")

    assert render("uno", "Hola {{ name }}") == "Hola Ana" and compiled == ["t.html"]
    assert render("otro", "Hola {{ name }}") == "Hola Ana" and compiled == ["t.html"]  # another folder: found
    assert render("otro", "Adiós {{ name }}") == "Adiós Ana" and compiled == ["t.html", "t.html"]


def test_the_installation_keeps_them_inside_its_own_virtual_environment():
    folder = installed_folder()
    assert folder is not None and folder.is_relative_to(sys.prefix)  # the tests run in make's venv
