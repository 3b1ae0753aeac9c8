"""`make build` / `make pdf` (tools/publish.py) run in process on a one-page MkDocs project: the new site takes
the place of site/ and nothing is left beside it, a failed build or PDF step leaves the previous site as it was,
the paper sizes asked for reach the build, and an old site that cannot be removed is named on stderr.

The project is written into tmp_path (plain MkDocs theme, a few files) so that each build takes about a second;
an MkDocs hook records what the build saw (its environment, as mkdocs.yml reads it) into a file beside site/.
One test prints a real PDF with Chromium (a few seconds): the only way to see the PDFs land in the new site.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from macros.importer.document import import_markdown
from tools import publish

LOOSE_TEXT = "# Título\n\nUn texto suelto.\n"
"""A document the importer turns into a valid data/ folder (a title and a free page)."""

HOOK = """\
import json
import os
from pathlib import Path


def on_config(config):
    seen = {
        "pdf": config.extra.get("pdf"),
        "no_mkdocs_2_warning": os.environ.get("NO_MKDOCS_2_WARNING"),
    }
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
    return config
"""


@pytest.fixture()
def tiny(tmp_path, monkeypatch) -> Path:
    """A one-page MkDocs project as the current folder, with no PDF or MkDocs 2 setting inherited."""
    project = tmp_path / "tiny"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        'site_name: Prueba\ntheme:\n  name: mkdocs\nextra:\n  pdf: !ENV [PLAYBOOK_PDF, ""]\nhooks:\n  - record.py\n',
        encoding="utf-8",
    )
    (project / "record.py").write_text(HOOK, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Portada\n\nEl sitio nuevo.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("PLAYBOOK_PDF", raising=False)
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    return project


def seen(project: Path) -> dict:
    """What the last build saw (the hook's record)."""
    return json.loads((project / "seen.json").read_text(encoding="utf-8"))


def previous_site(project: Path) -> Path:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("el sitio anterior\n", encoding="utf-8")
    return site


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith("site."))


def test_a_build_replaces_the_previous_site_whole_and_leaves_nothing_beside_it(tiny, capsys):
    previous_site(tiny)
    assert publish.main([]) == 0
    assert "El sitio nuevo." in (tiny / "site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(tiny) == []
    assert "could not be removed" not in capsys.readouterr().err


def test_a_first_build_makes_the_site(tiny):
    assert publish.main([]) == 0
    assert "El sitio nuevo." in (tiny / "site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(tiny) == []


def test_the_build_runs_without_the_mkdocs_2_notice_and_without_pdf_links(tiny):
    """Material prints a long notice about MkDocs 2 unless NO_MKDOCS_2_WARNING is set; a plain build links no PDF."""
    assert publish.main([]) == 0
    assert seen(tiny)["no_mkdocs_2_warning"]
    assert seen(tiny)["pdf"] == ""


def test_a_build_that_fails_strictly_exits_1_and_leaves_the_previous_site_as_it_was(tiny):
    previous_site(tiny)
    (tiny / "docs" / "index.md").write_text("# Portada\n\n[roto](no-existe.md)\n", encoding="utf-8")
    assert publish.main([]) == 1
    assert (tiny / "site" / "index.html").read_text(encoding="utf-8") == "el sitio anterior\n"
    assert leftovers(tiny) == []


def test_pdf_without_a_paper_asks_the_site_for_every_size(tiny):
    """No --paper: the build's pdf setting reads as true (every size, macros/plugin.py); the PDF step then runs."""
    assert publish.main(["--pdf"]) == 1  # this project has no data/ to print: the PDF step refuses
    assert seen(tiny)["pdf"] is True
    assert seen(tiny)["no_mkdocs_2_warning"]


def test_pdf_with_papers_asks_the_site_for_those_sizes(tiny):
    assert publish.main(["--pdf", "--paper", "A4", "--paper", "Letter"]) == 1  # no data/ to print
    assert seen(tiny)["pdf"] == "A4,Letter"


def test_a_paper_without_pdf_builds_the_site_without_pdf_links(tiny):
    assert publish.main(["--paper", "A4"]) == 0
    assert seen(tiny)["pdf"] == ""


def test_a_failing_pdf_step_exits_1_says_why_and_leaves_the_previous_site(tiny, capfd):
    """tools/pdf.py reads the project's data first: a project without data/ gets its one line, and site/ stays."""
    previous_site(tiny)
    assert publish.main(["--pdf", "--paper", "A4"]) == 1
    err = capfd.readouterr().err
    assert "data:1: no existe la carpeta de datos" in err and "can't open file" not in err
    assert (tiny / "site" / "index.html").read_text(encoding="utf-8") == "el sitio anterior\n"
    assert leftovers(tiny) == []


def test_pdf_prints_the_handout_of_the_paper_asked_for_into_the_new_site(tiny):
    """The one end-to-end print (a few seconds: Chromium): data/ from a small imported document, and a
    handout page with the contents print-site would make; its PDF lands in site/pdf/, nothing beside site/."""
    for relative, text in import_markdown(LOOSE_TEXT, "suelto.md").files.items():
        (tiny / relative).parent.mkdir(parents=True, exist_ok=True)
        (tiny / relative).write_text(text, encoding="utf-8")
    (tiny / "docs" / "print_page.md").write_text(
        '<div id="print-page-toc"><a href="#portada">Portada</a></div>\n\n# Portada {#portada}\n\nEl folleto.\n',
        encoding="utf-8",
    )
    previous_site(tiny)
    assert publish.main(["--pdf", "--paper", "A4"]) == 0
    (printed,) = (tiny / "site" / "pdf").iterdir()
    assert printed.name.endswith("-A4.pdf") and printed.read_bytes().startswith(b"%PDF-")
    assert leftovers(tiny) == []


def test_help_names_the_command_and_its_options(tiny, capsys):
    with pytest.raises(SystemExit) as done:
        publish.main(["--help"])
    assert done.value.code == 0
    said = " ".join(capsys.readouterr().out.split())
    assert said.startswith("usage: python tools/publish.py [-h] [--pdf] [--paper PAPER]")
    assert "build the site aside, then put it in place of site/ in one step" in said
    assert "--pdf also write the handout and checklist PDFs" in said
    assert "--paper PAPER with --pdf: a size, A4 or Letter (default: every size)" in said


def read_only_old_site(monkeypatch):
    """shutil.rmtree as on an old site holding a read-only folder: nothing of it goes, and an error is raised
    unless errors are ignored (the tests run as root, whom permissions do not stop)."""
    real_rmtree = shutil.rmtree

    def rmtree(path, ignore_errors=False, **kwargs):
        if Path(path).name.startswith("site.old-"):
            if not ignore_errors:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return
        real_rmtree(path, ignore_errors=ignore_errors, **kwargs)

    monkeypatch.setattr(publish.shutil, "rmtree", rmtree)


def test_an_old_site_that_cannot_be_removed_is_named_on_stderr_and_the_new_site_is_in_place(tiny, monkeypatch, capsys):
    previous_site(tiny)
    read_only_old_site(monkeypatch)
    assert publish.main([]) == 0
    assert "El sitio nuevo." in (tiny / "site" / "index.html").read_text(encoding="utf-8")
    (kept,) = leftovers(tiny)
    assert kept == f"site.old-{os.getpid()}"
    assert (tiny / kept / "index.html").read_text(encoding="utf-8") == "el sitio anterior\n"
    assert capsys.readouterr().err == (
        f"site/ is the new site; the old one could not be removed and is kept aside in {kept}/\n"
    )


def site_with(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_swap_in_keeps_an_undeletable_old_site_aside_without_failing(tmp_path, monkeypatch):
    site, built = site_with(tmp_path / "site", "el sitio anterior"), site_with(tmp_path / "site.building-1", "nuevo")
    read_only_old_site(monkeypatch)
    left = publish.swap_in(built, site)
    assert left == tmp_path / f"site.old-{os.getpid()}"
    assert (site / "index.html").read_text(encoding="utf-8") == "nuevo"
    assert (left / "index.html").read_text(encoding="utf-8") == "el sitio anterior"


def test_two_folders_named_from_the_current_folder_are_exchanged(tmp_path, monkeypatch):
    """publish names site/ and site.building-<pid>/ relative to the project's folder, as `make` runs it."""
    site_with(tmp_path / "a", "antes")
    site_with(tmp_path / "b", "después")
    monkeypatch.chdir(tmp_path)
    assert publish.exchange(Path("b"), Path("a")) is True
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8") == "después"
    assert (tmp_path / "b" / "index.html").read_text(encoding="utf-8") == "antes"


def test_an_exchange_that_fails_is_named_with_the_systems_reason(tmp_path):
    """Each failure carries its own errno: a missing folder, and a path through a file."""
    site = site_with(tmp_path / "site", "el sitio")
    (tmp_path / "notas.txt").write_text("un archivo\n", encoding="utf-8")
    with pytest.raises(OSError) as missing:
        publish.exchange(tmp_path / "nada", site)
    assert missing.value.errno == errno.ENOENT and missing.value.filename == str(tmp_path / "nada")
    with pytest.raises(OSError) as through_a_file:
        publish.exchange(tmp_path / "notas.txt" / "dentro", site)
    assert through_a_file.value.errno == errno.ENOTDIR
    assert through_a_file.value.strerror == os.strerror(errno.ENOTDIR)


def test_without_renameat2_the_new_site_still_goes_in(tmp_path, monkeypatch):
    """A system whose C library has no renameat2 (not Linux): two renames put the new site in place."""
    site, built = site_with(tmp_path / "site", "el sitio anterior"), site_with(tmp_path / "site.building-1", "nuevo")

    def no_libc(name, **kwargs):
        raise OSError("no C library to load")

    monkeypatch.setattr(publish.ctypes, "CDLL", no_libc)
    assert publish.exchange(built, site) is False
    assert publish.swap_in(built, site) is None
    assert (site / "index.html").read_text(encoding="utf-8") == "nuevo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP], ids=errno.errorcode.get)
def test_where_the_file_system_cannot_exchange_the_new_site_goes_in_with_two_renames(tmp_path, monkeypatch, code):
    """renameat2 answers EINVAL (a file system without RENAME_EXCHANGE), ENOSYS (an old kernel) or EOPNOTSUPP."""
    site, built = site_with(tmp_path / "site", "el sitio anterior"), site_with(tmp_path / "site.building-1", "nuevo")

    def renameat2(*args):
        ctypes.set_errno(code)
        return -1

    class Libc:
        def __init__(self, name, **kwargs):
            self.renameat2 = renameat2

    monkeypatch.setattr(publish.ctypes, "CDLL", Libc)
    assert publish.exchange(built, site) is False
    assert publish.swap_in(built, site) is None
    assert (site / "index.html").read_text(encoding="utf-8") == "nuevo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
