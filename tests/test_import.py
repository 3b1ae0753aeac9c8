"""Issue 8: a Markdown playbook in the seed's shape imports into data/ YAML — validated, repaired when
mis-encoded, idempotent, nothing dropped silently — and bad documents get `source:LINE:` messages."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_seed_coverage import seed_units, site_text

from helpers import ROOT, SEED, build
from macros.importer.cli import main
from macros.importer.document import import_markdown
from macros.importer.write import write_import
from macros.loader import load_playbook

AS_RECEIVED = SEED.with_name("soporte-y-servicio-en-ventas.as-received.md")
OTRO = Path(__file__).parent / "fixtures" / "otro-playbook.md"


def run(source: Path, out: Path, capsys) -> tuple[int, str, str]:
    """`python -m macros import SOURCE OUT` in process: exit code, stdout, stderr."""
    code = main([str(source), str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by relative path, as bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def line_of(text: str, snippet: str, last: bool = False) -> int:
    """The 1-based line where snippet (first or last occurrence) starts."""
    index = text.rindex(snippet) if last else text.index(snippet)
    return text[:index].count("\n") + 1


def build_with(data: Path, project: Path, site: Path) -> str:
    """Strict build of the project copy with data/ replaced by the imported one; the site's text."""
    shutil.rmtree(project / "data")
    shutil.copytree(data, project / "data")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site_text(site)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """The clean seed imported once into a fresh folder (OUT/data/ and OUT/unmapped.yml)."""
    out = tmp_path_factory.mktemp("import") / "seed"
    assert main([str(SEED), str(out)]) == 0
    return out


def test_the_importer_is_pure_of_mkdocs():
    code = "import sys, macros.importer.cli; sys.exit(any(m.split('.')[0] == 'mkdocs' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


WRITTEN_FOR_THE_SITE = {"situations", "synonyms"}
"""Fields the committed data has and the seed document does not: "Cuándo usarlo" was written for the site."""


def written_for_the_site(value):
    """The value as plain data, without the fields written for the site only."""
    if isinstance(value, list):
        return [written_for_the_site(item) for item in value]
    data = value.model_dump() if hasattr(value, "model_dump") else value
    if isinstance(data, dict):
        return {k: written_for_the_site(v) for k, v in data.items() if k not in WRITTEN_FOR_THE_SITE}
    return data


def test_the_seed_imports_as_the_committed_data(imported):
    """Importing the seed gives the committed data/, compared as validated models, labels included.

    Interface labels the seed does not contain (`home`, `browser_title`, `reset`…) come from the language's
    defaults (macros/locales/es/labels.yml), as they do for the committed data.
    """
    result = import_markdown(SEED.read_bytes(), SEED.name)
    assert {
        "characteristics",
        "techniques",
        "technique",
        "process",
        "script",
        "key_elements",
        "case",
        "situation",
        "strategy",
        "result",
        "version",
        "last_updated",
        "total_types",
        "techniques_per_type",
        "each",
        "index",
    } <= set(result.document_labels)
    ours = load_playbook(imported / "data").contents
    committed = load_playbook(ROOT / "data").contents
    assert ours.keys() == committed.keys()
    assert ours["sessions"] == []  # a document has no training sessions: a trainer writes them
    for kind in committed.keys() - {"sessions"}:
        assert written_for_the_site(ours[kind]) == written_for_the_site(committed[kind]), kind
    assert sorted(p.name for p in (imported / "data" / "support_types").iterdir()) == sorted(
        p.name for p in (ROOT / "data" / "support_types").iterdir()
    )
    for path in (imported / "data").rglob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert not (imported / "unmapped.yml").exists() and not (imported / "data" / "pages").exists()


def test_the_as_received_copy_is_repaired_to_the_same_files(imported, tmp_path, capsys):
    code, out, err = run(AS_RECEIVED, tmp_path / "received", capsys)
    assert code == 0, err
    assert files_of(tmp_path / "received") == files_of(imported)
    clean = SEED.read_text(encoding="utf-8").split("\n")
    mangled = AS_RECEIVED.read_text(encoding="utf-8").split("\n")
    changed = sum(a != b for a, b in zip(clean, mangled))
    assert f"{AS_RECEIVED}: reparados caracteres mal codificados (Mac Roman) en {changed} líneas" in out.splitlines()
    assert changed > 100


def test_the_seed_mangled_by_windows_1252_is_repaired_in_one_pass(imported, tmp_path, capsys):
    """UTF-8 read as Windows-1252 (as Windows does it: unassigned bytes kept as U+0081…) and saved again."""
    clean = SEED.read_text(encoding="utf-8")
    mangled = "".join(chr(b) if b in WINDOWS_UNASSIGNED else bytes([b]).decode("cp1252") for b in clean.encode("utf-8"))
    source = tmp_path / "windows.md"
    source.write_text(mangled, encoding="utf-8")
    code, out, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    assert files_of(tmp_path / "out") == files_of(imported)
    changed = sum(a != b for a, b in zip(clean.split("\n"), mangled.split("\n")))
    assert f"{source}: reparados caracteres mal codificados (Windows-1252) en {changed} líneas" in out.splitlines()


WINDOWS_UNASSIGNED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
"""Bytes Windows-1252 leaves unassigned; Windows decodes each as the control character of the same number."""


def test_a_bullet_starting_with_a_blank_is_text_not_a_task(tmp_path, capsys):
    """`- [X] …` is this domain's fill-in blank, not a ticked task (`- [x]`, `- [ ]`)."""
    source = tmp_path / "blank.md"
    source.write_text(
        SEED_TEXT.replace("- Respuesta a problemas\n", "- [X] problemas resueltos al día\n", 1), encoding="utf-8"
    )
    code, _, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    reactivo = load_playbook(tmp_path / "out" / "data").support_types[0]
    assert reactivo.characteristics[0] == "[X] problemas resueltos al día"
    assert not (tmp_path / "out" / "data" / "pages").exists()


def test_a_title_in_spanish_question_marks_gets_a_clean_id(tmp_path, capsys):
    source = tmp_path / "question.md"
    source.write_text(
        SEED_TEXT.replace("#### **Técnica 1: Respuesta Rápida**", "#### **Técnica 1: ¿Respuesta Rápida?**", 1),
        encoding="utf-8",
    )
    code, _, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    technique = load_playbook(tmp_path / "out" / "data").support_types[0].techniques[0]
    assert (technique.id, technique.title) == ("respuesta-rapida", "¿Respuesta Rápida?")


def test_files_the_loader_refuses_are_never_installed(imported, tmp_path):
    """The last guard: whatever the parser produces is validated before it replaces anything."""
    result = import_markdown(SEED.read_bytes(), SEED.name)
    checklist = result.files["data/checklist.yml"]
    assert checklist.count("  - id: pre\n") == 1
    broken = dataclasses.replace(
        result, files={**result.files, "data/checklist.yml": checklist.replace("  - id: pre\n", "  - id: Pre\n")}
    )
    out = tmp_path / "out"
    shutil.copytree(imported, out)
    before = sorted(p.name for p in tmp_path.iterdir())
    problems, written = write_import(broken, out, "es")
    assert len(problems) == 1 and "data/checklist.yml:" in problems[0] and "`Pre` no es un id válido" in problems[0]
    assert written is None and files_of(out) == files_of(imported)
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no scratch folder is left behind"


def test_the_clean_seed_needs_no_repair(tmp_path, capsys):
    code, out, _ = run(SEED, tmp_path / "out", capsys)
    assert code == 0
    assert "reparados" not in out
    assert (
        f"{SEED}: 5 tipos de soporte, 10 técnicas, 2 técnicas de optimización, 1 caso de estudio, "
        "3 fases del checklist, 13 tareas del checklist, 5 principios"
    ) in out.splitlines()
    assert "cifras del pie reconocidas" in out  # read, but not imported: the site counts them
    non_blank = sum(1 for line in SEED_TEXT.split("\n") if line.strip())
    assert f"{SEED}: {non_blank} líneas: {non_blank} en datos, 0 en páginas, 0 perdidas" in out.splitlines()


def test_a_site_built_from_the_imported_seed_has_every_unit_of_the_seed(imported, project, tmp_path):
    text = build_with(imported / "data", project, tmp_path / "site")
    missing = [unit for unit in seed_units() if unit not in text]
    assert not missing, f"{len(missing)} units of the seed are not on the site: {missing[:20]}"


def test_another_playbook_imports_and_builds(project, tmp_path, capsys):
    code, out, err = run(OTRO, tmp_path / "otro", capsys)
    assert code == 0, err
    playbook = load_playbook(tmp_path / "otro" / "data")
    assert playbook.info.id == "atencion-al-cliente-en-tiendas"
    assert [len(t.techniques) for t in playbook.support_types] == [1, 2, 3]
    assert [t.id for t in playbook.support_types] == ["presencial", "telefonica", "chat"]
    ids = [t.id for s in playbook.support_types for t in s.techniques]
    assert "cierre-amable" in ids and "cierre-amable-2" in ids  # same title twice: unique ids
    assert len(playbook.optimization.techniques) == 1
    assert [(c.id, c.support_type) for c in playbook.case_studies.cases] == [
        ("venta-recuperada", "presencial"),
        ("cliente-frustrado-en-el-chat", "chat"),
    ]
    assert [p.id for p in playbook.checklist.phases] == ["antes", "durante"]
    assert [i.id for i in playbook.checklist.phases[0].items] == ["revisa-caja", "enciende-chat", "revisa-caja-2"]
    assert len(playbook.info.principles) == 3
    labels = playbook.info.labels  # taken from this document, not from the defaults
    assert (labels.process, labels.script, labels.key_elements, labels.characteristics) == (
        "Pasos",
        "Guion",
        "Puntos Clave",
        "Rasgos",
    )
    assert "0 en páginas, 0 perdidas" in out

    text = build_with(tmp_path / "otro" / "data", project, tmp_path / "site")
    missing = [unit for unit in seed_units(OTRO) if unit not in text]  # the same unit check, on this document
    assert not missing, f"{len(missing)} units of the document are not on the site: {missing[:20]}"


SEED_TEXT = SEED.read_text(encoding="utf-8")
SCRIPT_START = SEED_TEXT.index("**Script:**")
CUT = SEED_TEXT.index("- Canales: [Canales disponibles]")
BAD = {
    "binary file": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", 1, "es binario"),
    "not text": ("Resumen\x07 final\n", 1, "carácter de control U+0007"),
}
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
FLAWED = {
    "no title": (SEED_TEXT.split("\n", 1)[1], 2, "el documento no tiene título"),
    "technique with no script": (
        SEED_TEXT[:SCRIPT_START] + SEED_TEXT[SEED_TEXT.index("**Elementos Clave:**") :],
        line_of(SEED_TEXT, "#### **Técnica 1: Respuesta Rápida**"),
        "la técnica «Respuesta Rápida» no tiene script",
    ),
    "truncated in a script": (
        SEED_TEXT[:CUT],
        line_of(SEED_TEXT[:CUT], "```", last=True),
        "este bloque de código no se cierra",
    ),
}


@pytest.mark.parametrize("name", FLAWED)
def test_a_flawed_document_imports_with_a_warning_at_its_line_and_every_line_on_the_site(
    name, project, tmp_path, capsys
):
    content, line, says = FLAWED[name]
    source = tmp_path / "flawed.md"
    source.write_text(content, encoding="utf-8")
    code, out, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    assert any(w.startswith(f"{source}:{line}: {says}") and " — " in w for w in err.splitlines()), err
    assert " 0 perdidas" in out
    unlinked = LINK.sub(r"\1", content)  # a link to a section the document lacks keeps only its text
    pages = (tmp_path / "out" / "data" / "pages").glob("*.yml")  # a part kept whole, and only once
    markdown = "\n".join(yaml.safe_load(page.read_text(encoding="utf-8"))["markdown"] for page in pages)
    for line in filter(str.strip, markdown.split("\n")):
        assert unlinked.count(line.strip()) >= markdown.count(line.strip()) > 0, line
    text = build_with(tmp_path / "out" / "data", project, tmp_path / "site")
    # What the site counts (the footer's figures, the techniques' numbers) follows the data, not the source.
    figures = re.compile(r"^(técnicas por tipo|scripts completos|total de tipos): ")
    units = [re.sub(r"^técnica \d+: ", "", unit) for unit in seed_units(source) if not figures.match(unit)]
    missing = [unit for unit in units if unit not in text]
    assert not missing, missing[:10]


@pytest.mark.parametrize("name", BAD)
def test_a_bad_document_gets_a_line_numbered_message_and_nothing_is_written(name, imported, tmp_path, capsys):
    content, line, says = BAD[name]
    source = tmp_path / "bad.md"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    fresh, existing = tmp_path / "fresh", tmp_path / "existing"
    shutil.copytree(imported, existing)

    for out in (fresh, existing):
        code, _, err = run(source, out, capsys)
        assert code == 1
        messages = [m for m in err.splitlines() if m.startswith(f"{source}:")]
        assert messages and messages[0].startswith(f"{source}:{line}: "), err
        assert says in messages[0] and " — " in messages[0], err
    assert not fresh.exists()
    assert files_of(existing) == files_of(imported)


def test_importing_twice_gives_identical_bytes(imported, tmp_path, capsys):
    out = tmp_path / "out"
    assert main([str(SEED), str(out)]) == 0
    first = files_of(out)
    assert main([str(SEED), str(out)]) == 0  # OUT is not empty now: the second import goes beside it
    (beside,) = [p for p in tmp_path.iterdir() if p.name.startswith("out-import-")]
    assert files_of(out) == first == files_of(imported) == files_of(beside)
    one, two = import_markdown(SEED.read_bytes(), "a.md"), import_markdown(SEED.read_bytes(), "b.md")
    assert one.files == two.files  # the source's name is in the report, never in the files


def test_what_is_not_recognised_is_reported_and_kept(tmp_path, capsys):
    note = "Nota interna: revisar con el equipo de ventas."
    extra = f"{note}\n\n## 📎 ANEXO\n\nEnlaces útiles para el equipo.\n\n"
    text = SEED_TEXT.replace("### **Técnicas y Scripts:**", f"{note}\n\n### **Técnicas y Scripts:**", 1)
    text = text.replace("## ✅ CHECKLIST", extra + "## ✅ CHECKLIST", 1)
    source = tmp_path / "extra.md"
    source.write_text(text, encoding="utf-8")

    code, out, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    note_line, annex_line = line_of(text, note), line_of(text, "## 📎 ANEXO")
    on_page = f"{source}:{note_line}: líneas {note_line}–{note_line} («Soporte Reactivo») → página libre"
    assert f"{on_page} «Soporte Reactivo: notas»" in out
    assert f"{source}:{annex_line}: líneas {annex_line}–{annex_line + 2} («ANEXO») → página libre «📎 Anexo»" in out
    pages = {page.title: page.markdown for page in load_playbook(tmp_path / "out" / "data").pages}
    assert pages == {
        "Soporte Reactivo: notas": f"{note}\n",
        "Casos de Estudio: notas": f"{note}\n",  # inserted again before the annex, at the end of the cases
        "📎 Anexo": "Enlaces útiles para el equipo.\n",
    }
    assert not (tmp_path / "out" / "unmapped.yml").exists()  # everything is on the site


def test_a_line_that_reaches_neither_the_data_nor_a_page_is_counted_lost_and_named(tmp_path, capsys):
    """Two techniques label their steps differently: the site has one label for both, so the second
    spelling is nowhere on it, and the import says so."""
    first = SEED_TEXT.index("**Proceso:**")
    second = SEED_TEXT.index("**Proceso:**", first + 1)
    text = SEED_TEXT[:first] + "**Pasos:**" + SEED_TEXT[first + 12 : second] + "**Etapas:**" + SEED_TEXT[second + 12 :]
    source = tmp_path / "etapas.md"
    source.write_text(text, encoding="utf-8")
    code, out, err = run(source, tmp_path / "out", capsys)
    assert code == 0, err
    assert f"{source}:{line_of(text, '**Etapas:**')}: esta línea no llegó al sitio: «**Etapas:**»" in err
    assert ", 1 perdida\n" in out
    assert load_playbook(tmp_path / "out" / "data").info.labels.process == "Pasos"


def test_import_help_describes_its_arguments():
    result = subprocess.run([sys.executable, "-m", "macros", "import", "-h"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "usage: python -m macros import [-h] source out" in result.stdout
    assert "carpeta que recibe data/" in result.stdout


def test_cuando_usarlo_and_tambien_se_dice_are_imported_for_types_and_techniques(tmp_path, capsys):
    source = ROOT / "tests" / "fixtures" / "con-situaciones.md"
    assert main([str(source), str(tmp_path / "out")]) == 0
    playbook = load_playbook(tmp_path / "out" / "data")
    (support_type,) = playbook.support_types
    assert support_type.situations == ["El cliente llama enfadado"] and support_type.synonyms == ["queja", "reclamo"]
    technique = support_type.techniques[0]
    assert technique.situations == ["Llevo horas esperando"] and technique.synonyms == ["demora", "espera"]
    assert "0 en páginas, 0 perdidas" in capsys.readouterr().out
