"""Issue 26: a support type copied with its situations is pointed out (they would lead the guide and search to
both types), without stopping `make check` or the build."""

from __future__ import annotations

from helpers import build, check


def copy_type(project):
    source = (project / "data" / "support_types" / "reactivo.yml").read_text(encoding="utf-8")
    copy = source.replace("id: reactivo", "id: hibrido").replace("- id: respuesta-rapida", "- id: respuesta-hibrida")
    copy = copy.replace("- id: resolucion-efectiva", "- id: resolucion-hibrida")
    (project / "data" / "support_types" / "hibrido.yml").write_text(copy, encoding="utf-8")
    return copy


def test_a_copied_types_situations_are_pointed_out_on_the_copy(project, tmp_path):
    copy = copy_type(project)
    result = check(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    notices = result.stderr.splitlines()
    line = copy.split("\n").index("  - Un pedido no llegó o llegó tarde") + 1
    expected = f"data/support_types/hibrido.yml:{line}: situación 2: aviso: la situación «Un pedido"
    assert any(n.startswith(expected) and "data/support_types/reactivo.yml:" in n for n in notices), notices
    assert len(notices) == 11  # the type's five and its techniques' six
    site = build(project, tmp_path / "site")
    assert site.returncode == 0 and "aviso: la situación «Un pedido no llegó o llegó tarde»" in site.stderr
