"""Mutation testing of docs/assets/playbook.js: Stryker's mutants, killed by the browser tests (pytest + Playwright).

    python mutation/js.py                    # the whole run (about 1,250 mutants: hours on two cores), then the summary
    python mutation/js.py --concurrency 1    # one test runner (one pytest process and one Chromium)
    python mutation/js.py --mutate 200-260   # only the mutants on these lines (after adding tests for them), its
                                             # reports in reports/mutation/lines-200-260/; several ranges or lines:
                                             # --mutate 190-191,250,267
    python mutation/js.py --summary [--merge reports/mutation/lines-200-260/partial.jsonl …]
                                             # the summary again from the records, with a run stopped early joined

Stryker (mutation/stryker.config.mjs) runs with our test runner, mutation/stryker/pytest-runner.mjs: the site is
built once from Stryker's instrumented playbook.js, and each mutant runs only the browser tests whose pages reached
it, stopping at the first that fails. Stryker's own reports go to reports/mutation/ (HTML and JSON, not kept in
git). Every run's mutants are joined to mutation/results/js-mutants.json, kept in git, so a campaign done in parts
(and over several machines) adds up: a mutant a later run killed counts as killed, and records of another version of
playbook.js are dropped. From them this script writes mutation/results/js.json: {score, killed, survived, timeout,
no_coverage, errors, total, complete, minutes, concurrency, survivors: [{status, mutator, line, original,
replacement, reason}]}, where a survivor's reason comes from mutation/js-equivalent.yml (reviewed explanations of
equivalent mutants) or is null: a gap to close. Exits 1 when the score is under the target (80 %) or a line of
playbook.js has not been tested yet.
"""

from __future__ import annotations

import argparse
import hashlib
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
RESULTS = ROOT / "mutation" / "results" / "js.json"
RECORDS = ROOT / "mutation" / "results" / "js-mutants.json"
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


def reason_for(
    lines: list[str], reviewed: list[dict], *, mutator: str, line: int, original: str, replacement: str, **_
):
    before = "\n".join(lines[max(0, line - 6) : line - 1])
    for entry in reviewed:
        if entry["mutator"] != mutator or entry["at"] not in lines[line - 1]:
            continue
        if "near" in entry and entry["near"] not in before:
            continue
        if "replacement" in entry and entry["replacement"] != replacement:
            continue
        if "original" in entry and entry["original"] != original:
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


def source_digest() -> str:
    return hashlib.sha256((ROOT / SOURCE).read_bytes()).hexdigest()


def load_records() -> dict:
    """What every run so far found, kept in git (reports/ is not, and goes with the machine): {source (playbook.js's
    SHA-256: records of another version are dropped), finished (line ranges whose runs ran to the end), earlier
    (optional: the counts and survivors of lines tested before records were kept), mutants (one per mutant)}."""
    fresh = {"source": source_digest(), "finished": [], "earlier": None, "mutants": []}
    if not RECORDS.exists():
        return fresh
    records = json.loads(RECORDS.read_text(encoding="utf-8"))
    if records["source"] != fresh["source"]:
        print(f"{RECORDS.relative_to(ROOT)}: playbook.js has changed since; its records start again")
        return fresh
    return records


def save_records(records: dict) -> None:
    """One mutant per line, so that git shows what a run changed."""
    records["mutants"].sort(key=key)
    head = [f"{json.dumps(name)}: {json.dumps(records[name], ensure_ascii=False)}" for name in ("source", "finished")]
    earlier = json.dumps(records["earlier"], ensure_ascii=False, indent=1)
    mutants = ",\n".join(json.dumps(mutant, ensure_ascii=False) for mutant in records["mutants"])
    text = "{\n" + ",\n".join(head) + f',\n"earlier": {earlier},\n"mutants": [\n{mutants}\n]}}\n'
    RECORDS.write_text(text, encoding="utf-8")


def key(mutant: dict) -> tuple:
    start, end = mutant["location"]["start"], mutant["location"]["end"]
    where = (start["line"], start["column"], end["line"], end["column"])
    return (*where, mutant["mutatorName"], mutant.get("replacement") or "")


def compact(mutant: dict) -> dict:
    kept = ("mutatorName", "replacement", "location", "status", "killedBy", "later")
    return {name: mutant[name] for name in kept if mutant.get(name) is not None}


def line_ranges(text: str) -> list[list[int]]:
    """ "200-260,267" → [[200, 260], [267, 267]]"""
    ranges = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        ranges.append([int(first), int(last or first)])
    return ranges


def fold_run(records: dict, mutants: list[dict], lines: list[list[int]] | None, finished: bool) -> int:
    """Joins a run's mutants (lines: the ranges it was asked for; None: the whole file) to the records: a mutant
    not recorded yet is added as the run found it, a recorded survivor the run killed (after tests were added) is
    taken as killed; returns how many were killed anew."""
    if lines is None and finished:  # a whole run, to its end: it replaces everything
        records.update(finished=[], earlier=None, mutants=[])
    known = {key(mutant): mutant for mutant in records["mutants"]}
    killed_anew = 0
    for mutant in mutants:
        if mutant.get("fileName", SOURCE) != SOURCE:
            continue
        mine = known.get(key(mutant))
        if mine is None:
            known[key(mutant)] = compact(mutant)
        elif mine["status"] in ("Survived", "NoCoverage") and mutant["status"] in ("Killed", "Timeout"):
            mine.update(status=mutant["status"], killedBy=mutant.get("killedBy"), later=True)
            killed_anew += 1
    records["mutants"] = list(known.values())
    if finished:
        records["finished"] += lines or [[1, line_count()]]
    earlier = records["earlier"]
    if earlier and finished and any(a <= earlier["lines"][0] and earlier["lines"][1] <= b for a, b in lines or []):
        records["earlier"] = None  # tested again whole: the records now say it all
    return killed_anew


def fold_report(records: dict, partial: Path) -> int:
    """A run's reports (its directory's partial.jsonl, and playbook-js.json when it ran to the end)."""
    name = partial.parent.name
    lines = line_ranges(name.removeprefix("lines-").replace("_", ",")) if name.startswith("lines-") else None
    mutants = [json.loads(line) for line in partial.read_text(encoding="utf-8").splitlines()]
    return fold_run(records, mutants, lines, (partial.parent / REPORT.name).exists())


def described(mutant: dict, lines: list[str]) -> dict:
    return {
        "status": mutant["status"],
        "mutator": mutant["mutatorName"],
        "line": mutant["location"]["start"]["line"],
        "original": original_text(lines, mutant["location"]),
        "replacement": mutant.get("replacement") or "",
        "later": bool(mutant.get("later")),
    }


def what(mutant: dict) -> tuple:
    """A mutant as the summary names it: its line, mutator, original code and replacement."""
    return mutant["line"], mutant["mutator"], mutant["original"], mutant["replacement"]


def source_lines() -> list[str]:
    return (ROOT / SOURCE).read_text(encoding="utf-8").split("\n")


def line_count() -> int:
    return len((ROOT / SOURCE).read_text(encoding="utf-8").splitlines())


def covered(ranges: list[list[int]], last: int) -> bool:
    reached = 0
    for first, end in sorted(ranges):
        if first > reached + 1:
            return False
        reached = max(reached, end)
    return reached >= last


def summarise(minutes: float | None, concurrency: int | None, records: dict) -> dict:
    lines = source_lines()
    reviewed = equivalents()
    earlier = records["earlier"] or {"lines": [0, 0], "survivors": []}
    counts = {"Killed": earlier.get("killed", 0), "Timeout": earlier.get("timeout", 0)}
    counts |= {"Survived": 0, "NoCoverage": 0, "RuntimeError": 0, "CompileError": 0}
    first, last = earlier["lines"]
    recorded = [described(mutant, lines) for mutant in records["mutants"]]
    killed_there = {what(m) for m in recorded if first <= m["line"] <= last and m["status"] in ("Killed", "Timeout")}
    survivors, killed_by_later_runs = [], 0
    for survivor in earlier["survivors"]:
        if what(survivor) in killed_there:  # a survivor of the earlier runs, killed by a rerun of its line
            counts["Killed"] += 1
            killed_by_later_runs += 1
        else:
            counts[survivor["status"]] += 1
            survivors.append(dict(survivor))
    for mutant in recorded:
        if first <= mutant["line"] <= last:
            continue
        counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
        killed_by_later_runs += mutant["later"]
        if mutant["status"] in ("Survived", "NoCoverage"):
            survivors.append({name: mutant[name] for name in ("status", "mutator", "line", "original", "replacement")})
    for survivor in survivors:
        survivor["reason"] = reason_for(lines, reviewed, **survivor)
    survivors.sort(key=lambda s: s["line"])
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
        "complete": covered(records["finished"] + [earlier["lines"]], line_count()),
        "killed_by_later_runs": killed_by_later_runs,
        "earlier": {k: v for k, v in earlier.items() if k != "survivors"} if records["earlier"] else None,
        "minutes": round(minutes, 1) if minutes is not None else None,
        "concurrency": concurrency,
        "unexplained": sum(1 for s in survivors if not s["reason"]),
        "survivors": [{**s, "original": s["original"][:200], "replacement": s["replacement"][:200]} for s in survivors],
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
    parser.add_argument("--summary", action="store_true", help="summarise the records without running")
    parser.add_argument(
        "--merge",
        type=Path,
        action="append",
        default=[],
        help="with --summary: a run's partial.jsonl, joined to the records (a run stopped early, or one before)",
    )
    parser.add_argument(
        "--finished",
        help="with --merge of a run stopped early: the lines it tested whole, e.g. 558-928 (Stryker numbers mutants in "
        "source order and tests them in that order: the lines before its first untested mutant, which the ids in "
        ".stryker-tmp's instrumented playbook.js show)",
    )
    args = parser.parse_args()
    records = load_records()
    minutes = None
    if not args.summary:
        minutes = run_stryker(args.concurrency, args.mutate)
        reports = ROOT / (narrower_reports(args.mutate) if args.mutate else "reports/mutation")
        args.merge.append(reports / "partial.jsonl")
    for partial in args.merge:
        killed = fold_report(records, partial)
        print(f"{partial}: joined to the records" + (f", {killed} survivors now killed" if killed else ""))
    if args.finished:
        records["finished"] += line_ranges(args.finished)
    save_records(records)
    summary = summarise(minutes, args.concurrency or (None if args.summary else 2), records)
    print(
        f"playbook.js: {summary['score']}% of {summary['total']} mutants detected (target {TARGET}%): "
        f"{summary['killed']} killed, {summary['timeout']} timed out, {summary['survived']} survived, "
        f"{summary['no_coverage']} not reached, {summary['errors']} errors; "
        f"{summary['unexplained']} survivors unexplained"
        + ("" if summary["complete"] else "; not every line tested yet")
        + f". {RESULTS.relative_to(ROOT)}"
    )
    sys.exit(0 if summary["complete"] and summary["score"] is not None and summary["score"] >= TARGET else 1)


if __name__ == "__main__":
    main()
