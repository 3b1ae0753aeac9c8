"""`make bench` is a script, not a timed test: here it only has to run end to end at 1×."""

from __future__ import annotations

import subprocess
import sys

from helpers import ENV, ROOT


def test_benchmark_runs_at_1x(tmp_path):
    report = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, "bench/run.py", "--quick", "--output", str(report)],
                            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    text = report.read_text(encoding="utf-8")
    assert "| 1× |" in text and "plain" in text
