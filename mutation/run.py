"""Hand-written mutants: plant each bug of mutation/mutants.yml in a scratch copy of the project, run the
tests that should notice it, and report how many were caught (mutation/results/hand.md; mutation/report.py
joins it into mutation/RESULTS.md).

    python mutation/run.py [--only ID ...] [--jobs 2] [--no-baseline] [--output mutation/results/hand.md]

Beside the generated mutants (mutation/python.py: mutmut over the Python core, in-process tests;
mutation/js.py: Stryker over playbook.js), these reach what a generator cannot: bugs a person could write
in templates, CSS, the build's settings, or Python seen only through a real build or a real browser, each
with the tests meant to catch it.

The project (its tracked and new files) is copied once when the run starts, so editing the working tree
meanwhile changes nothing; each mutant then runs in its own copy of that snapshot (node_modules and .venv
linked), with PYTHONPATH pointing there, so two run at once.
A mutant is caught when its tests fail (pytest exit 1) or hang past the time limit; one whose snippet is
no longer in its file stops the run before anything starts (the list must follow the code).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutation" / "mutants.yml"
LINKED = ["node_modules", ".venv"]
TIMEOUT = 900
TARGET = 0.90


@dataclass(frozen=True)
class Mutant:
    id: str
    file: str
    find: str
    replace: str
    bug: str
    tests: list[str]
    after: list[str] | None = None  # a command to run after planting (e.g. regenerate the schemas)
    survives_because: str | None = None  # a known survivor: why it is harmless, or where its test belongs


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    verdict: str  # caught | survived | timeout | error
    detail: str
    seconds: float


def load_mutants(path: Path = MUTANTS) -> list[Mutant]:
    """The mutant list; exits with one line per mutant whose snippet is missing or ambiguous."""
    mutants = [Mutant(**entry) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]
    problems = []
    ids = [m.id for m in mutants]
    problems += [f"{path.name}: id `{i}` is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for mutant in mutants:
        target = ROOT / mutant.file
        count = target.read_text(encoding="utf-8").count(mutant.find) if target.is_file() else 0
        if count != 1:
            problems.append(
                f"{path.name}: {mutant.id}: the snippet occurs {count} times in {mutant.file} "
                "(it must occur once): update the mutant to follow the code"
            )
    if problems:
        sys.exit("\n".join(problems))
    return mutants


def project_files() -> list[str]:
    """Tracked files and new ones not ignored: what a commit of the working tree would hold."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def snapshot(dest: Path) -> Path:
    """The project's files as they are now, modification times kept (make then sees the virtualenv and
    node_modules, linked into each copy, as up to date)."""
    for name in project_files():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def copy_project(snapshot_dir: Path, scratch: Path, prefix: str) -> Path:
    """A fresh copy of the snapshot, with the heavy, read-only folders linked from the project."""
    dest = Path(tempfile.mkdtemp(prefix=prefix, dir=scratch)) / "project"
    shutil.copytree(snapshot_dir, dest)
    for name in LINKED:
        if (ROOT / name).exists():
            (dest / name).symlink_to(ROOT / name)
    return dest


def pytest(project: Path, tests: list[str], timeout: int = TIMEOUT) -> tuple[int | None, str]:
    """Run the given tests in the copy, stopping at the first failure: (exit code or None on timeout, output)."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *tests]
    try:
        done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    return done.returncode, done.stdout + done.stderr


def first_failure(output: str) -> str:
    """The test that noticed the bug, from pytest's short summary."""
    for line in output.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line.split(" - ")[0].split(" ", 1)[1]
    return output.strip().splitlines()[-1] if output.strip() else ""


def run_mutant(mutant: Mutant, snapshot_dir: Path, scratch: Path) -> Outcome:
    started = time.monotonic()
    project = copy_project(snapshot_dir, scratch, f"{mutant.id}-")
    try:
        target = project / mutant.file
        target.write_text(target.read_text(encoding="utf-8").replace(mutant.find, mutant.replace), encoding="utf-8")
        if mutant.after:
            env = {**os.environ, "PYTHONPATH": str(project)}
            command = [sys.executable if part == "python" else part for part in mutant.after]
            after = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
            if after.returncode != 0:  # the mutant does not even run: a broken mutant, not a caught one
                last = after.stderr.strip().splitlines()[-1:] or [""]
                return Outcome(mutant, "error", f"`after` failed: {last[0]}", time.monotonic() - started)
        code, output = pytest(project, mutant.tests)
    finally:
        shutil.rmtree(project.parent, ignore_errors=True)
    seconds = time.monotonic() - started
    if code is None:
        return Outcome(mutant, "timeout", f"no answer in {TIMEOUT} s", seconds)
    if code == 1:
        return Outcome(mutant, "caught", first_failure(output), seconds)
    if code == 0:
        return Outcome(mutant, "survived", "", seconds)
    return Outcome(mutant, "error", f"pytest exit {code}: {output.strip().splitlines()[-1:]}", seconds)


def baseline(snapshot_dir: Path, tests: list[str], scratch: Path) -> None:
    """Every selected test passes on the unmutated copy, or no result would mean anything."""
    project = copy_project(snapshot_dir, scratch, "baseline-")
    code, output = pytest(project, tests, timeout=3 * TIMEOUT)
    shutil.rmtree(project.parent, ignore_errors=True)
    if code != 0:
        sys.exit(f"the tests fail without any mutant ({first_failure(output)}): fix the suite first")


def why(outcome: Outcome) -> str:
    """Why a mutant survives, as its entry says; without a reason, a test is missing."""
    if outcome.mutant.survives_because:
        return "Survives because " + " ".join(outcome.mutant.survives_because.split())
    return f"**No reason given: add a test.** {outcome.detail}".rstrip()


def report(outcomes: list[Outcome], minutes: float) -> str:
    caught = [o for o in outcomes if o.verdict in {"caught", "timeout"}]
    score = len(caught) / len(outcomes)
    lines = [
        "# Mutation testing",
        "",
        f"Produced by `make mutation` (`python mutation/run.py`) in {minutes:.1f} min: {len(outcomes)} bugs from "
        "`mutation/mutants.yml`, each planted alone in a scratch copy of the project, then the tests named "
        "for it run (pytest -x).",
        "",
        f"**Score: {len(caught)} of {len(outcomes)} caught ({score:.0%})**; target ≥ {TARGET:.0%}: "
        f"**{'PASS' if score >= TARGET else 'FAIL'}**.",
        "",
    ]
    survivors = [o for o in outcomes if o.verdict not in {"caught", "timeout"}]
    if survivors:
        lines += ["## Not caught", ""]
        lines += [f"- `{o.mutant.id}` ({o.verdict}) in `{o.mutant.file}`: {o.mutant.bug}. {why(o)}" for o in survivors]
        lines += [""]
    lines += ["## Every mutant", "", "| mutant | file | bug | verdict | noticed by | s |", "|---|---|---|---|---|---|"]
    for o in outcomes:
        bug = o.mutant.bug.replace("|", "\\|")
        detail = o.detail.replace("|", "\\|")
        lines.append(f"| `{o.mutant.id}` | `{o.mutant.file}` | {bug} | {o.verdict} | `{detail}` | {o.seconds:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python mutation/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="ID", help="run only these mutants (no report file)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run of the tests without mutants")
    parser.add_argument("--output", type=Path, default=ROOT / "mutation" / "results" / "hand.md")
    args = parser.parse_args(argv)

    mutants = load_mutants()
    if args.only:
        unknown = set(args.only) - {m.id for m in mutants}
        if unknown:
            parser.error(f"no mutant named {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.id in args.only]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutation-") as scratch:
        project = snapshot(Path(scratch) / "snapshot")
        if not args.no_baseline:
            tests = sorted({test for m in mutants for test in m.tests})
            print(f"baseline: {len(tests)} test selections without mutants…", flush=True)
            baseline(project, tests, Path(scratch))
        outcomes: list[Outcome] = []
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for outcome in pool.map(lambda m: run_mutant(m, project, Path(scratch)), mutants):
                outcomes.append(outcome)
                print(f"{outcome.verdict:8} {outcome.mutant.id} ({outcome.seconds:.0f} s) {outcome.detail}", flush=True)
    text = report(outcomes, (time.monotonic() - started) / 60)
    if not args.only:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    print(text.split("\n\n")[2])
    caught = sum(o.verdict in {"caught", "timeout"} for o in outcomes)
    return 0 if caught / len(outcomes) >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
