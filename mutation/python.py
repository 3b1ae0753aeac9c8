"""Generated mutants of the pure-Python core: mutmut writes them ([tool.mutmut] in pyproject.toml says which
modules), runs the in-process tests that reach each one, and this script gathers the verdicts per module
into mutation/results/python.json, every survivor with its reason from mutation/equivalent.yml.

    python mutation/python.py [--max-children 2] [--keep] [--only GLOB ...]

mutmut copies the project into mutants/ and runs pytest there, each mutant in a process forked from one
that has already imported everything, and only the tests that called the mutated function: about 120
mutants a minute on an idle two-core machine (far fewer for the loader's, which ~120 tests call).
Tests that build a site run MkDocs in a child process, which runs
the mutant too (tests/helpers.child_env) but whose calls mutmut cannot see, so a function only a build
reaches has no test of its own here ("no tests"): those are listed per module, not hidden.
--keep reuses the last run's mutants/ (mutmut then tests only what changed and what was not checked yet);
--retry-survivors (with --keep) tests the last run's survivors again, after tests were added; --only reruns some
mutants, e.g. `--only "macros.csp*"`.
"""

from __future__ import annotations

import argparse
import filecmp
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "mutation" / "results" / "python.json"
EQUIVALENT = ROOT / "mutation" / "equivalent.yml"
MUTMUT = Path(sys.executable).parent / "mutmut"
TARGET = 0.90
NOT_RUN = "Not run by mutmut"
# mutmut's exit codes (mutmut/stats.py), as verdicts
VERDICTS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}
VERDICTS |= {code: "timeout" for code in (-24, 24, 152, 255)}
VERDICTS[-11] = "killed"  # the tests' process crashed (a segfault: libyaml on a file nested too deep): noticed


def run_mutmut(max_children: int, keep: bool, only: list[str]) -> float:
    """Run mutmut from the project's folder; returns the minutes it took."""
    if not keep and not only:
        shutil.rmtree(MUTANTS, ignore_errors=True)
    MUTANTS.mkdir(exist_ok=True)
    refresh_copies()
    linked = MUTANTS / "node_modules"  # the npm packages a test build uses (Workbox), linked, not copied
    if (ROOT / "node_modules").is_dir() and not linked.exists():
        linked.symlink_to(ROOT / "node_modules", target_is_directory=True)
    started = time.monotonic()
    with (MUTANTS / "run.log").open("w", encoding="utf-8") as log:
        command = [str(MUTMUT), "run", "--max-children", str(max_children), *only]
        done = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.exit(f"mutmut stopped (exit {done.returncode}); its output is in {MUTANTS / 'run.log'}")
    return (time.monotonic() - started) / 60


def refresh_copies() -> int:
    """Bring mutants/ up to date with the files mutmut copies once and never again: the tests, templates, catalogues
    and modules it does not mutate (it writes the mutated modules anew when their source changed). Without this, a
    run after an edit would test new code with old tests and old catalogues. Returns how many files it copied."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    copied = 0
    for folder in [*config["source_paths"], "tests"]:
        for source in (ROOT / folder).rglob("*"):
            relative = source.relative_to(ROOT)
            if not source.is_file() or "__pycache__" in relative.parts:
                continue
            if any(fnmatch.fnmatch(relative.as_posix(), pattern) for pattern in config["only_mutate"]):
                continue
            copy = MUTANTS / relative
            if not copy.is_file() or not filecmp.cmp(source, copy, shallow=False):
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy)
                copied += 1
    return copied


def forget_survivors() -> int:
    """Clears the verdicts of the mutants no test killed, so that mutmut tests them again; returns how many."""
    forgotten = 0
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        again = [name for name, code in codes.items() if VERDICTS.get(code) in ("survived", "no tests")]
        for name in again:
            codes[name] = None
        if again:
            meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
            forgotten += len(again)
    return forgotten


def verdicts() -> dict[str, str]:
    """Every mutant's verdict, by mutmut's name (module.function__mutmut_N), from its .meta files."""
    found = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            found[name] = VERDICTS.get(code, "not checked" if code is None else "suspicious")
    return found


def source_file(mutant: str) -> str:
    module = mutant.rsplit(".", 1)[0]
    return module.replace(".", "/") + ".py"


def change(mutant: str) -> str:
    """The mutated line, before → after (mutmut's own diff, read from mutants/)."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # only here: mutmut reads its config on import

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        diff = get_diff_for_mutant(mutant, path=source_file(mutant)).splitlines()
    finally:
        os.chdir(cwd)
    removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    return f"{' / '.join(removed)} → {' / '.join(added)}"


def reasons() -> list[dict]:
    """Why a survivor is harmless (an equivalent mutant), reviewed by hand: [{mutant, change, why}]."""
    if not EQUIVALENT.is_file():
        return []
    return [
        {"mutant": entry["mutant"], "change": entry.get("change"), "why": " ".join(entry["why"].split())}
        for entry in yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or []
    ]


def function_of(mutant: str) -> str:
    return mutant.rsplit("__mutmut_", 1)[0]


def reason_for(mutant: str, changed: str, entries: list[dict]) -> dict | None:
    """The reviewed reason for this survivor: the entry naming it, if it reviewed this same change; else one
    that reviewed this change in the same function under another number. mutmut numbers a function's mutants
    in order, so an edit to the function renumbers them: a reason is never given to a change nobody read."""
    for entry in entries:
        if entry["mutant"] == mutant and entry["change"] in (None, changed):
            return entry
    return next(
        (e for e in entries if e["change"] == changed and function_of(e["mutant"]) == function_of(mutant)), None
    )


def summary(found: dict[str, str], minutes: float | None) -> dict:
    """Counts per module and every survivor; a run stopped early is a partial result and says so (`checked`)."""
    entries = reasons()
    modules: dict[str, Counter] = {}
    for name, verdict in found.items():
        modules.setdefault(source_file(name), Counter())[verdict] += 1
    checked = {name: verdict for name, verdict in found.items() if verdict != "not checked"}
    survivors = []
    used = set()
    for name, verdict in sorted(checked.items()):
        if verdict in ("killed", "timeout"):
            continue
        changed = change(name)
        entry = reason_for(name, changed, entries)
        used.add(id(entry))
        why = entry["why"] if entry else None
        survivors.append({"mutant": name, "file": source_file(name), "verdict": verdict, "change": changed, "why": why})
    killed = sum(verdict in ("killed", "timeout") for verdict in checked.values())
    # The mutation score leaves out the mutants reviewed as equivalent: no test can tell them from the code. A
    # reason starting "Not run by mutmut" explains a survivor that is no equivalent: it stays in the count.
    equivalent = sum(1 for s in survivors if s["why"] and not s["why"].startswith(NOT_RUN))
    killable = len(checked) - equivalent
    return {
        "tool": "mutmut",
        "minutes": minutes,
        "total": len(found),
        "checked": len(checked),
        "killed": killed,
        "timeout": sum(verdict == "timeout" for verdict in checked.values()),
        "equivalent": equivalent,
        "score": killed / killable if killable else 0.0,
        "raw_score": killed / len(checked) if checked else 0.0,
        "target": TARGET,
        "modules": {path: dict(counts) for path, counts in sorted(modules.items())},
        "survivors": survivors,
        "stale_reasons": sorted(e["mutant"] for e in entries if id(e) not in used),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python mutation/python.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--keep", action="store_true", help="reuse the last run's mutants/ and verdicts")
    parser.add_argument("--retry-survivors", action="store_true", help="with --keep: test the survivors again")
    parser.add_argument("--only", nargs="+", default=[], metavar="GLOB", help="rerun only these mutants")
    parser.add_argument("--report-only", action="store_true", help="do not run mutmut: gather the last run")
    args = parser.parse_args(argv)
    if args.retry_survivors:
        print(f"mutmut will test {forget_survivors()} survivors again")
    minutes = None if args.report_only else run_mutmut(args.max_children, args.keep, args.only)
    if minutes is None and RESULTS.is_file():
        minutes = json.loads(RESULTS.read_text(encoding="utf-8")).get("minutes")
    result = summary(verdicts(), minutes)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    unexplained = sum(1 for s in result["survivors"] if not s["why"])
    print(
        f"mutmut: {result['killed']} of {result['checked']} checked killed, {result['equivalent']} equivalent: "
        f"score {result['score']:.1%}; "
        f"{result['total'] - result['checked']} not checked; "
        f"{unexplained} survivors without a reason; wrote {RESULTS.relative_to(ROOT)}"
    )
    return 0 if result["score"] >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
