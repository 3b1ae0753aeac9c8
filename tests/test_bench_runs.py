"""`make bench` is a script, not a timed test: here it runs end to end at 1×, and its report must add up."""

from __future__ import annotations

import re
import subprocess
import sys

from helpers import ROOT, child_env


def table_rows(report: str, heading: str) -> list[list[str]]:
    """The body rows of the first table under a `## heading`, as lists of cells."""
    section = report.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]


def test_benchmark_runs_at_1x_and_its_figures_agree(tmp_path):
    report_file = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--output", str(report_file)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = report_file.read_text(encoding="utf-8")

    (build,) = table_rows(report, "Builds")
    assert build[0] == "1×" and build[1].startswith("5 types, 10 techniques")
    ours, plain, ratio = float(build[2]), float(build[3]), float(build[4].rstrip("×"))
    assert ours > 0 and plain > 0
    # The times are shown rounded to 0.01 s, the ratio to 0.01: it must lie within what that rounding allows.
    low, high = (ours - 0.005) / (plain + 0.005), (ours + 0.005) / (plain - 0.005)
    assert low - 0.005 <= ratio <= high + 0.005, "the ratio is computed from the builds' times"

    overhead = next(row for row in table_rows(report, "Targets") if row[0].startswith("overhead"))
    limit = float(re.search(r"≤ ([\d.]+)×", overhead[0]).group(1))
    assert overhead[1] == f"1×: {build[4]}"
    assert overhead[2] == ("**PASS**" if ratio <= limit else "**FAIL**")

    sites = {row[1]: row for row in table_rows(report, "Sites")}
    assert int(sites["ours"][2]) == int(sites["plain"][2]) + 1, "the same pages, plus our printable handout"
