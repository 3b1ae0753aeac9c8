"""Issue 19: `make build` puts the new site in place in one step, one build at a time: a failed or
interrupted build leaves the previous site as it was, and two builds at once both end well."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT, child_env, copy_project
from tools import publish as publish_tool

PUBLISH = [sys.executable, str(ROOT / "tools" / "publish.py")]


def publish(project, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(PUBLISH, cwd=project, env=child_env(), capture_output=True, text=True, timeout=300, **kwargs)


def leftovers(project) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith("site."))


def test_a_build_replaces_the_site_whole_and_leaves_nothing_beside_it(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("de un sitio anterior\n", encoding="utf-8")
    assert publish(project).returncode == 0
    assert (project / "site" / "index.html").is_file() and not (project / "site" / "stale.html").exists()
    assert leftovers(project) == []


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    project = copy_project(tmp_path / "project")
    assert publish(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "data" / "checklist.yml").write_text("id: [roto\n", encoding="utf-8")
    result = publish(project)
    assert result.returncode != 0 and "data/checklist.yml:1:" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before and leftovers(project) == []


def test_an_interrupted_build_leaves_the_previous_site_in_place(tmp_path):
    project = copy_project(tmp_path / "project")
    assert publish(project).returncode == 0
    pages = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*.html"))
    build = subprocess.Popen(
        PUBLISH, cwd=project, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(0.8)  # MkDocs is writing the new site aside
    build.send_signal(signal.SIGINT)
    build.wait(timeout=60)
    assert sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*.html")) == pages


def test_the_site_is_in_place_after_every_step_of_the_swap(tmp_path, monkeypatch):
    """A reader loading a page while the new site goes in finds the old site or the new one, never none."""
    site, built = tmp_path / "site", tmp_path / "site.building-1"
    for folder, text in ((site, "el sitio anterior"), (built, "el sitio nuevo")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    found_after_each_step = []

    def rename(source, target, real_rename=os.rename):
        real_rename(source, target)
        found_after_each_step.append((site / "index.html").is_file())

    monkeypatch.setattr(publish_tool.os, "rename", rename)
    assert publish_tool.swap_in(built, site) is None
    assert (site / "index.html").read_text(encoding="utf-8") == "el sitio nuevo"
    assert found_after_each_step and all(found_after_each_step), found_after_each_step
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_at_once_both_end_well(tmp_path):
    project = copy_project(tmp_path / "project")
    runs = [
        subprocess.Popen(PUBLISH, cwd=project, env=child_env(), stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    results = [(run.communicate(timeout=300)[1], run.returncode) for run in runs]
    results = [(code, err) for err, code in results]
    assert [code for code, _ in results] == [0, 0], results
    assert not any("Traceback" in err or "cannot stat" in err for _, err in results)
    assert (project / "site" / "index.html").is_file() and leftovers(project) == []


def site_with(folder, text: str):
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_a_first_build_becomes_the_site(tmp_path):
    built = site_with(tmp_path / "site.building-1", "el primer sitio")
    assert publish_tool.swap_in(built, tmp_path / "site") is None
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "el primer sitio"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_folders_are_exchanged_in_one_step_and_a_missing_one_is_named(tmp_path):
    old, new = site_with(tmp_path / "a", "antes"), site_with(tmp_path / "b", "después")
    assert publish_tool.exchange(new, old) is True  # this system has renameat2 (Linux)
    assert (old / "index.html").read_text(encoding="utf-8") == "después"
    assert (new / "index.html").read_text(encoding="utf-8") == "antes"
    with pytest.raises(FileNotFoundError) as missing:
        publish_tool.exchange(tmp_path / "nada", old)
    assert missing.value.filename == str(tmp_path / "nada") and missing.value.strerror == os.strerror(errno.ENOENT)


def test_without_an_exchange_the_old_site_is_put_back_if_the_new_one_cannot_go_in(tmp_path, monkeypatch):
    """Systems without renameat2 get two renames; if the second fails, the reader still has the old site."""
    site, built = site_with(tmp_path / "site", "el sitio anterior"), site_with(tmp_path / "site.building-1", "nuevo")
    monkeypatch.setattr(publish_tool, "exchange", lambda a, b: False)  # what renameat2's absence answers
    real_rename = os.rename

    def rename(source, target):
        if source == built:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(source))
        real_rename(source, target)

    monkeypatch.setattr(publish_tool.os, "rename", rename)
    with pytest.raises(OSError):
        publish_tool.swap_in(built, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "el sitio anterior"
    monkeypatch.setattr(publish_tool.os, "rename", real_rename)
    assert publish_tool.swap_in(built, site) is None  # and with both renames working, the new site goes in
    assert (site / "index.html").read_text(encoding="utf-8") == "nuevo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_that_cannot_be_removed_is_kept_aside_and_named(tmp_path, monkeypatch):
    site, built = site_with(tmp_path / "site", "el sitio anterior"), site_with(tmp_path / "site.building-1", "nuevo")
    monkeypatch.setattr(publish_tool.shutil, "rmtree", lambda path, ignore_errors=False: None)  # e.g. read-only
    left = publish_tool.swap_in(built, site)
    assert left is not None and (left / "index.html").read_text(encoding="utf-8") == "el sitio anterior"
    assert (site / "index.html").read_text(encoding="utf-8") == "nuevo"
