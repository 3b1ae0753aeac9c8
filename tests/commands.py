"""Which tests run a command (a build, `python -m macros check`, make, a tool): marked `runs_command`.

mutmut (make mutation, mutation/python.py) runs the others: it sees which functions a test calls only in its
own process, and a test that builds a site spends seconds per mutant for nothing it can map. The mark is
worked out from the code, so a new test is classified without anyone remembering to: a test runs a command
when it, a fixture it uses, or a function of the tests' own modules it calls names one of RUNS_A_COMMAND.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
RUNS_A_COMMAND = {"subprocess", "build", "built_copy", "check", "Popen"}
"""The names by which the tests start a process (helpers.build, helpers.check, helpers.built_copy)."""


def _names(code: types.CodeType) -> set[str]:
    """Every global or attribute name a function's code uses, its lambdas and comprehensions included."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names(const)
    return names


def _is_test_code(function) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and Path(code.co_filename).resolve().is_relative_to(TESTS)


def runs_a_command(function, seen: set | None = None) -> bool:
    seen = set() if seen is None else seen
    if not _is_test_code(function) or function in seen:
        return False
    seen.add(function)
    names = _names(function.__code__)
    if names & RUNS_A_COMMAND:
        return True
    return any(runs_a_command(function.__globals__.get(name), seen) for name in names)


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        definitions = fixtures.name2fixturedefs.values() if fixtures else []
        functions = [getattr(item, "function", None), *(defs[-1].func for defs in definitions if defs)]
        if any(runs_a_command(function) for function in functions):
            item.add_marker(pytest.mark.runs_command)
