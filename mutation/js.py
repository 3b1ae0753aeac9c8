"""Mutation testing of docs/assets/playbook.js: Stryker's mutants, killed by the browser tests (pytest + Playwright).

    python mutation/js.py                    # the whole run (1,254 mutants: hours on two cores), then the summary
    python mutation/js.py --concurrency 1    # one test runner (one pytest process and one Chromium)
    python mutation/js.py --mutate 200-260   # only the mutants on these lines (after adding tests for them):
                                             # reports in reports/mutation/lines-200-260/, the summary untouched;
                                             # several ranges or lines: --mutate 190-191,250,267
    python mutation/js.py --summary [--merge reports/mutation/lines-200-260/partial.jsonl …]
                                             # the summary again from the whole run's report (or, for a run
                                             # stopped early, its partial lines), with what narrower runs killed

Stryker (mutation/stryker.config.mjs) runs with our test runner, mutation/stryker/pytest-runner.mjs: the site is
built once from Stryker's instrumented playbook.js, and each mutant runs only the browser tests whose pages reached
it, stopping at the first that fails. Stryker's own report goes to reports/mutation/ (HTML and JSON, not kept in
git); this script writes mutation/results/js.json: {score, killed, survived, timeout, no_coverage, errors, total,
minutes, concurrency, survivors: [{id, mutator, line, original, replacement, reason}]}, where a survivor's reason
comes from mutation/js-equivalent.yml (reviewed explanations of equivalent mutants) or is null: a gap to close.
Exits 1 when the score is under the target (80 %).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "docs/assets/playbook.js"
REPORT = ROOT / "reports" / "mutation" / "playbook-js.json"
PARTIAL = ROOT / "reports" / "mutation" / "partial.jsonl"
RESULTS = ROOT / "mutation" / "results" / "js.json"
EQUIVALENT = ROOT / "mutation" / "js-equivalent.yml"
TARGET = 80.0


def run_stryker(concurrency: int | None, mutate: str | None) -> float:
    """Stryker's whole run; returns its wall time in minutes."""
    overrides: dict = {}
    if concurrency:
        overrides["concurrency"] = concurrency
    env = dict(os.environ)
    if mutate:  # a narrower run: its reports beside the whole run's, which stay (see --merge)
        ranges = [part if "-" in part else f"{part}-{part}" for part in mutate.split(",")]
        overrides["mutate"] = [f"{SOURCE}:{lines}" for lines in ranges]
        env["MUTATION_JS_REPORTS"] = narrower_reports(mutate)
    started = time.monotonic()
    command = ["node", str(ROOT / "mutation" / "stryker" / "run.mjs"), json.dumps(overrides)]
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"stryker failed (exit {result.returncode})")
    return (time.monotonic() - started) / 60


def narrower_reports(mutate: str) -> str:
    return f"reports/mutation/lines-{mutate.replace(',', '_')}"


def equivalents() -> list[dict]:
    """Reviewed survivors: each {mutator, at (text on the mutant's first line), near (optional: text on one of the
    five lines before it), original and replacement (optional: the mutated code before and after), why}."""
    if not EQUIVALENT.exists():
        return []
    return yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or []


def reason_for(mutant: dict, lines: list[str], reviewed: list[dict]) -> str | None:
    line = mutant["location"]["start"]["line"]
    before = "\n".join(lines[max(0, line - 6) : line - 1])
    for entry in reviewed:
        if entry["mutator"] != mutant["mutatorName"] or entry["at"] not in lines[line - 1]:
            continue
        if "near" in entry and entry["near"] not in before:
            continue
        if "replacement" in entry and entry["replacement"] != mutant.get("replacement"):
            continue
        if "original" in entry and entry["original"] != original_text(lines, mutant["location"]):
            continue
        return entry["why"]
    return None


def original_text(lines: list[str], location: dict) -> str:
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1]
    parts = [lines[start["line"] - 1][start["column"] - 1 :]]
    parts += lines[start["line"] : end["line"] - 1]
    parts.append(lines[end["line"] - 1][: end["column"] - 1])
    return "\n".join(parts)


def tested_mutants() -> tuple[list[dict], str, bool]:
    """(mutants, source, complete): from Stryker's report of a finished run, else from the partial reporter's lines
    (a run stopped early: the mutants tested so far, against playbook.js as it is now)."""
    if REPORT.exists() and (not PARTIAL.exists() or REPORT.stat().st_mtime >= PARTIAL.stat().st_mtime):
        file = json.loads(REPORT.read_text(encoding="utf-8"))["files"][SOURCE]
        return file["mutants"], file["source"], True
    lines = PARTIAL.read_text(encoding="utf-8").splitlines()
    mutants = [mutant for mutant in map(json.loads, lines) if mutant["fileName"] == SOURCE]
    return mutants, (ROOT / SOURCE).read_text(encoding="utf-8"), False


def key(mutant: dict) -> tuple:
    start, end = mutant["location"]["start"], mutant["location"]["end"]
    where = (start["line"], start["column"], end["line"], end["column"])
    return (mutant["mutatorName"], *where, mutant.get("replacement"))


def merge_later(mutants: list[dict], later: list[Path]) -> int:
    """Joins narrower runs (`--mutate` over some lines) to the run: a mutant only they tested is added as they found
    it, and a survivor of the run that one of them killed (after tests were added) is taken as killed, with the test
    that killed it; returns how many were killed later. Every run must be of playbook.js as it is now."""
    found: dict[tuple, dict] = {}
    for path in later:
        for line in path.read_text(encoding="utf-8").splitlines():
            mutant = json.loads(line)
            if mutant["fileName"] != SOURCE:
                continue
            earlier = found.get(key(mutant))
            if earlier is None or mutant["status"] in ("Killed", "Timeout"):
                found[key(mutant)] = mutant
    merged = 0
    for mutant in mutants:
        other = found.pop(key(mutant), None)
        if mutant["status"] in ("Survived", "NoCoverage") and other and other["status"] in ("Killed", "Timeout"):
            mutant["status"], mutant["killedBy"], mutant["later"] = "Killed", other.get("killedBy"), True
            merged += 1
    mutants.extend(found.values())  # lines the run did not reach (a run stopped early, then finished in parts)
    return merged


def summarise(minutes: float | None, concurrency: int | None, later: list[Path] = ()) -> dict:
    mutants, source, complete = tested_mutants()
    merged = merge_later(mutants, list(later))
    lines = source.split("\n")
    reviewed = equivalents()
    counts = {"Killed": 0, "Survived": 0, "Timeout": 0, "NoCoverage": 0, "RuntimeError": 0, "CompileError": 0}
    survivors = []
    for mutant in sorted(mutants, key=lambda m: (m["location"]["start"]["line"], int(m["id"]))):
        status = mutant["status"]
        counts[status] = counts.get(status, 0) + 1
        if status not in ("Survived", "NoCoverage"):
            continue
        line = mutant["location"]["start"]["line"]
        survivors.append(
            {
                "id": mutant["id"],
                "status": status,
                "mutator": mutant["mutatorName"],
                "line": line,
                "original": original_text(lines, mutant["location"])[:200],
                "replacement": (mutant.get("replacement") or "")[:200],
                "reason": reason_for(mutant, lines, reviewed),
            }
        )
    detected = counts["Killed"] + counts["Timeout"]
    valid = detected + counts["Survived"] + counts["NoCoverage"]
    # Reviewed equivalents are left out of the score (what Stryker does with mutants disabled by a comment); a
    # survivor explained as "not reached" is a gap, and stays in.
    equivalent = sum(1 for s in survivors if (s["reason"] or "").startswith("Equivalent"))
    summary = {
        "score": round(100 * detected / (valid - equivalent), 2) if valid > equivalent else None,
        "stryker_score": round(100 * detected / valid, 2) if valid else None,
        "equivalent": equivalent,
        "target": TARGET,
        "killed": counts["Killed"],
        "survived": counts["Survived"],
        "timeout": counts["Timeout"],
        "no_coverage": counts["NoCoverage"],
        "errors": counts["RuntimeError"] + counts["CompileError"],
        "total": sum(counts.values()),
        "complete": complete,
        "killed_by_later_runs": merged,
        "minutes": round(minutes, 1) if minutes is not None else None,
        "concurrency": concurrency,
        "unexplained": sum(1 for s in survivors if not s["reason"]),
        "survivors": survivors,
    }
    if minutes is None and RESULTS.exists():  # --summary: keep the last run's time
        previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        summary["minutes"], summary["concurrency"] = previous.get("minutes"), previous.get("concurrency")
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, help="test runners at once (default: the config's, 2)")
    parser.add_argument("--mutate", help="only the mutants on these lines of playbook.js, e.g. 200-260 or 190-191,250")
    parser.add_argument("--summary", action="store_true", help="summarise the last report without running")
    parser.add_argument(
        "--merge",
        type=Path,
        action="append",
        default=[],
        help="with --summary: a narrower run's partial report (its mutants join the run's; its kills count)",
    )
    args = parser.parse_args()
    minutes = None if args.summary else run_stryker(args.concurrency, args.mutate)
    if args.mutate and not args.summary:
        print(f"{narrower_reports(args.mutate)}/: merge it into the whole run's summary with --summary --merge")
        return
    summary = summarise(minutes, args.concurrency or (None if args.summary else 2), args.merge)
    print(
        f"playbook.js: {summary['score']}% of {summary['total']} mutants detected (target {TARGET}%): "
        f"{summary['killed']} killed, {summary['timeout']} timed out, {summary['survived']} survived, "
        f"{summary['no_coverage']} not reached, {summary['errors']} errors; "
        f"{summary['unexplained']} survivors unexplained. {RESULTS.relative_to(ROOT)}"
    )
    sys.exit(0 if summary["score"] is not None and summary["score"] >= TARGET else 1)


if __name__ == "__main__":
    main()
