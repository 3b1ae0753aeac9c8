"""Live preview as an author lives it: `mkdocs serve` of a project copy, a page open in Chromium, a data
mistake saved, then fixed. Measures edit → error page and fix → page back (live reload, no manual refresh).

    python bench/preview_latency.py [--runs 5] [--compare]

Prints a Markdown table. Not a test: numbers depend on the machine (target: under 1.5 s each).

--compare: an author's ordinary edit instead (a support type's title changed, then changed back), on the
1× synthetic playbook of bench/generate.py and on its plain-Markdown twin (the same title in
tipos/reactivo.md), each under `mkdocs serve`: edit → the page shows it, and ours / plain (target ≤ 1.2×).
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


def measure_edit(project: Path, path: str, old: str, new: str, runs: int) -> list[float]:
    """Seconds from saving `old` → `new` (and back, alternately) in `path` to the page showing it."""
    file = project / path
    texts = [file.read_text(encoding="utf-8")]
    assert old in texts[0], f"{path} holds no {old!r}"
    texts.append(texts[0].replace(old, new, 1))
    times = []
    with live_preview(project) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(base + "/tipos/reactivo/")
        page.locator("article h1", has_text=old).wait_for()
        for run in range(1, 2 * runs + 1):
            shown = new if run % 2 else old
            start = time.monotonic()
            file.write_text(texts[run % 2], encoding="utf-8")
            page.wait_for_function(
                "([text, edited]) => { const h = document.querySelector('article h1');"
                " return h && h.textContent.includes(text) && h.textContent.includes(edited) === (text === edited); }",
                arg=[shown, new],
                timeout=30_000,
            )
            times.append(time.monotonic() - start)
            time.sleep(0.5)
        browser.close()
    return times


def compare(runs: int) -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    import generate  # noqa: PLC0415  (the bench's generator: only this mode needs it)

    with tempfile.TemporaryDirectory() as tmp:
        ours, plain, _ = generate.write_both(1, Path(tmp))
        title, edited = "Soporte Reactivo", "Soporte Reactivo Editado"
        ours_times = measure_edit(ours, "data/support_types/reactivo.yml", title, edited, runs)
        plain_times = measure_edit(plain, "docs/tipos/reactivo.md", title, edited, runs)
    print("| site | edit → page, median | worst |")
    print("|---|---|---|")
    for label, values in (("ours", ours_times), ("plain MkDocs", plain_times)):
        print(f"| {label} | {statistics.median(values):.2f} s | {max(values):.2f} s |")
    ratio = statistics.median(ours_times) / statistics.median(plain_times)
    print(f"\nours / plain: {ratio:.2f}× (target ≤ 1.2×)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="an ordinary edit, ours against plain MkDocs")
    args = parser.parse_args()
    if args.compare:
        return compare(args.runs)
    times = measure(args.runs)
    print("| step | median | worst | target |")
    print("|---|---|---|---|")
    for label, values in (("edit → error page", [t[0] for t in times]), ("fix → page", [t[1] for t in times])):
        print(f"| {label} | {statistics.median(values):.2f} s | {max(values):.2f} s | < 1.5 s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
