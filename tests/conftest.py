"""Fixtures: one strict build of the real site per session, and throwaway copies of the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import ROOT, build, built_copy, copy_project, grow, inject


def pytest_configure(config):
    """Under mutmut (make mutation), its passes that map tests to functions ("stats") and check that a failure
    shows ("fail") name themselves in MUTANT_UNDER_TEST, which a command started by the code under test (publish's
    build, the PDF printer) would inherit and cannot honour: it crashes looking for mutmut's settings. Taken out of
    the environment, the pass still applies here (mutmut keeps its own copy in this process); a mutant's name stays,
    so a command runs the mutant being tested."""
    if os.environ.get("MUTANT_UNDER_TEST") in ("stats", "fail"):
        del os.environ["MUTANT_UNDER_TEST"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built once with --strict into a temporary folder. PLAYBOOK_BUILT_SITE, when set, names a
    site built already and used as it is (mutation/js.py: built once from Stryker's instrumented playbook.js)."""
    if os.environ.get("PLAYBOOK_BUILT_SITE"):
        return Path(os.environ["PLAYBOOK_BUILT_SITE"])
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture()
def project(tmp_path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The site built with hostile text in every kind of field (helpers.inject)."""
    return built_copy(tmp_path_factory, "hostile", inject)[1]


@pytest.fixture(scope="session")
def big_site(tmp_path_factory):
    """(project, site): the project with every collection longer than one page (helpers.grow), built."""
    return built_copy(tmp_path_factory, "big", grow)


from commands import pytest_collection_modifyitems  # noqa: E402, F401  (marks the tests that run a command)
