"""Live preview as an author lives it: `mkdocs serve` of a project copy, a page open in Chromium, a data
mistake saved, then fixed. Measures edit → error page and fix → page back (live reload, no manual refresh).

    python bench/preview_latency.py [--runs 5]

Prints a Markdown table. Not a test: numbers depend on the machine (target: under 1.5 s each).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

from helpers import copy_project  # noqa: E402
from local_site import launch, live_preview  # noqa: E402

PAGE = "/tipos/premium/"
FILE = "data/support_types/premium.yml"
GOOD, BAD = "name: Premium\n", "name: Premium: VIP\n"  # an unquoted `: ` inside a text


def measure(runs: int) -> list[tuple[float, float]]:
    """(edit → error page, fix → page) in seconds, once per run."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        data = project / FILE
        good = data.read_text(encoding="utf-8")
        assert GOOD in good
        with live_preview(project) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(base + PAGE)
            page.locator("h1#soporte-premium").wait_for()
            for _ in range(runs):
                start = time.monotonic()
                data.write_text(good.replace(GOOD, BAD), encoding="utf-8")
                page.locator(".pb-errors__item").first.wait_for(timeout=30_000)
                broken = time.monotonic() - start
                start = time.monotonic()
                data.write_text(good, encoding="utf-8")
                page.locator("h1#soporte-premium").wait_for(timeout=30_000)
                times.append((broken, time.monotonic() - start))
                time.sleep(0.5)
            browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = measure(args.runs)
    print("| step | median | worst | target |")
    print("|---|---|---|---|")
    for label, values in (("edit → error page", [t[0] for t in times]), ("fix → page", [t[1] for t in times])):
        print(f"| {label} | {statistics.median(values):.2f} s | {max(values):.2f} s | < 1.5 s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
