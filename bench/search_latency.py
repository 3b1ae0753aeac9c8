"""Search as measured in a real browser: for each query, the rank of the expected result and the time
from the last keystroke to the results on screen. Usage:

    python bench/search_latency.py SITE_DIR [--queries tests/browser/test_search.py] [--runs 3]
    python bench/search_latency.py SITE_DIR --queries tests/fixtures/everyday_queries.yml  # issue 25's phrasings

Prints a Markdown table. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import TimeoutError, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from local_site import launch, serve  # noqa: E402

# Records in window.pbResultsAt the moment the result list changes after the last key.
WATCH_RESULTS = """() => {
  window.pbResultsAt = null;
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const observer = new MutationObserver(() => { observer.disconnect(); window.pbResultsAt = performance.now(); });
  observer.observe(list, {childList: true});
  observer.observe(meta, {childList: true, characterData: true, subtree: true});
}"""


def load_queries(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".yml":  # tests/fixtures/everyday_queries.yml: (query, the techniques that fit), by class
        import yaml

        found = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [(query, fitting[0]) for entries in found.values() for query, fitting in entries]
    spec = importlib.util.spec_from_file_location("queries", path)
    module = importlib.util.module_from_spec(spec)
    sys.path[:0] = [str(ROOT / "tests"), str(Path(path).resolve().parent)]  # its helpers, and test modules beside it
    spec.loader.exec_module(module)
    return module.QUERIES


def measure(site: Path, queries: list[tuple[str, str]], runs: int) -> list[tuple[str, str, int | None, float]]:
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(f"{base}/")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("x")  # loads the index once, as a first keystroke would
        page.locator(".md-search-result__meta").wait_for()
        for query, expected in queries:
            times = []
            for _ in range(runs):
                box.fill("")
                page.wait_for_timeout(100)
                box.press_sequentially(query[:-1], delay=20)
                page.wait_for_timeout(300)
                page.evaluate(WATCH_RESULTS)
                start = page.evaluate("performance.now()")
                box.press_sequentially(query[-1])
                try:
                    page.wait_for_function("() => window.pbResultsAt !== null", timeout=10_000)
                except TimeoutError:
                    print(f"no answer to the last keystroke of {query!r}", file=sys.stderr)
                    continue
                times.append(page.evaluate("window.pbResultsAt") - start)
            hrefs = page.locator(
                ".md-search-result__list a.md-search-result__link:not(details:not([open]) a)"
            ).evaluate_all("links => links.map(a => a.href)")
            found = [
                urlparse(h).path.lstrip("/") + ("#" + urlparse(h).fragment if urlparse(h).fragment else "")
                for h in hrefs
            ]
            rank = found.index(expected) + 1 if expected in found else None
            rows.append((query, expected, rank, statistics.median(times) if times else float("nan")))
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", type=Path, default=ROOT / "tests" / "browser" / "test_search.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = measure(args.site, load_queries(args.queries), args.runs)
    index = args.site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size:,} bytes\n")
    print("| query | expected | rank | last keystroke → results (ms, median) |\n|---|---|---|---|")
    for query, expected, rank, ms in rows:
        print(f"| `{query}` | `{expected}` | {rank or 'not shown'} | {ms:.0f} |")
    print(
        f"\nmedian over all queries: {statistics.median(r[3] for r in rows):.0f} ms; "
        f"worst: {max(r[3] for r in rows):.0f} ms"
    )


if __name__ == "__main__":
    main()
