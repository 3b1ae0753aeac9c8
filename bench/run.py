"""Build benchmark (`make bench`): our site vs a plain-Markdown twin of the same content, at 1×, 10×, 100×.

    python bench/run.py [--sizes 1,10,100] [--runs 7] [--quick] [--output bench/RESULTS.md]

For each size, bench/generate.py writes a project copy with synthetic data (ours) and the same
content as plain Markdown in a stock MkDocs-Material project (plain). Each is built `--runs` times
(`python -m mkdocs build --strict`, a fresh process each, interleaved ours/plain); reported: median
wall time, the median of each round's ratio ours/plain, peak memory (the build process's max RSS, from
wait4), site size, largest HTML page, search index size. At the largest size (100× by default) search is
timed in Chromium with bench/search_latency.measure (last keystroke → results on screen), with queries taken from the
generated text. Targets are checked and printed PASS/FAIL; the report goes to bench/RESULTS.md.

--quick: size 1 only, 1 run, no browser, no report file unless --output is given (used by the
tests to check the benchmark runs). Exit status is 0 whatever the targets say, unless --check.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

from macros.kinds import optimization  # noqa: E402
from macros.template_cache import installed_folder  # noqa: E402

ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
"""Python's default, as on an author's machine: a project's own modules (ours: macros/) are compiled once and
kept in __pycache__. This machine's environment sets PYTHONDONTWRITEBYTECODE, which recompiles them on every
build (40 ms); the plain twin has no modules of its own, and installed packages come compiled."""
KB = 1024

TARGETS = {
    "overhead": 1.50,  # ours / plain build time, at every size; ours builds the printable handout too (issue 19)
    "build_100": 30.0,  # seconds, ours at 100×
    "scaling": 12.0,  # time(100×) / time(10×), ours
    "largest_page": 150 * KB,  # bytes, ours at 100×
    "search_ms": 300.0,  # last keystroke → results, ms, at 100× (worst query)
}


# ---------------------------------------------------------------- measuring one build
@dataclass
class Build:
    seconds: float
    max_rss_kb: int
    cpu_seconds: float = 0.0


TIME = shutil.which("time", path="/usr/bin:/bin")
# Without GNU time: the same build, reporting its own VmHWM (the build's own peak RSS) at exit.
HWM_RUNNER = """import atexit, runpy, sys
out = sys.argv.pop(1)
def hwm():
    with open("/proc/self/status") as status, open(out, "w") as f:
        f.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(hwm)
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def build(project: Path, site: Path, timeout: float) -> Build:
    """One `python -m mkdocs build --strict` in a fresh process: wall time, CPU time and peak RSS.

    The peak comes from GNU time (`%M`) or from the build's own VmHWM, never from wait4's ru_maxrss
    alone: Linux carries the parent's high-water mark across fork+exec, so a big parent (this
    script, holding a 100× playbook) would set the floor of every child's figure.
    """
    if site.exists():
        shutil.rmtree(site)
    log_file, peak_file = project / "build.log", project / "build.peak"
    peak_file.unlink(missing_ok=True)
    mkdocs = ["build", "--strict", "--quiet", "-d", str(site)]
    if TIME:
        command = [TIME, "-f", "%M", "-o", str(peak_file), sys.executable, "-m", "mkdocs", *mkdocs]
    else:
        command = [sys.executable, "-c", HWM_RUNNER, str(peak_file), *mkdocs]
    with log_file.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # CPU of this child and the build it waited for
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if timed_out.is_set():
        raise RuntimeError(f"build of {project} exceeded {timeout:.0f} s")
    if proc.returncode != 0:
        raise RuntimeError(f"build of {project} failed ({proc.returncode}):\n{log_file.read_text()[-3000:]}")
    peak = int(peak_file.read_text().split()[-1])  # kilobytes
    return Build(seconds, peak, usage.ru_utime + usage.ru_stime)


# ---------------------------------------------------------------- what a built site weighs
PRIMARY_NAV = '<nav class="md-nav md-nav--primary"'
SECONDARY_SIDEBAR = '<div class="md-sidebar md-sidebar--secondary"'


def nav_bytes(html: str) -> int:
    """Bytes of Material's primary navigation (left sidebar) in one page."""
    start, end = html.find(PRIMARY_NAV), html.find(SECONDARY_SIDEBAR)
    return len(html[start:end].encode()) if 0 <= start < end else 0


@dataclass
class SiteStats:
    total_bytes: int
    pages: int
    largest: tuple[int, str]
    largest_nav: int
    largest_screen: tuple[int, str]  # excluding the printable handout (print_page)
    smallest: tuple[int, str]
    smallest_nav: int
    search_index: int
    largest_type_page: tuple[int, str]  # the support-type pages (tipos/), where reps spend their time
    over_limit: list[tuple[int, str]]  # pages bigger than TARGETS["largest_page"], biggest first


def site_stats(site: Path) -> SiteStats:
    total, pages = 0, []
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html" and path.name != "404.html":
                pages.append((size, path.relative_to(site).as_posix()))
    pages.sort()
    screen = [p for p in pages if not p[1].startswith("print_page")]
    read = lambda rel: (site / rel).read_text(encoding="utf-8")  # noqa: E731
    index = site / "search" / "search_index.json"
    type_pages = [p for p in pages if p[1].startswith("tipos/")] or [(0, "none")]
    return SiteStats(
        total,
        len(pages),
        pages[-1],
        nav_bytes(read(pages[-1][1])),
        screen[-1],
        pages[0],
        nav_bytes(read(pages[0][1])),
        index.stat().st_size if index.exists() else 0,
        type_pages[-1],
        [p for p in reversed(pages) if p[0] > TARGETS["largest_page"]],
    )


# ---------------------------------------------------------------- search queries from the generated text
def fold(text: str) -> str:
    """What a rep types: lower case, no accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def optimisation_url(pb, technique_id: str) -> str:
    """Where an optimisation technique lives: its page of the (possibly split) collection."""
    part = next(p for p in optimization.KIND.parts(pb) if any(t.id == technique_id for t in p.items))
    return f"{part.page.removesuffix('.md')}/#{technique_id}"


def search_queries(pb) -> list[tuple[str, str]]:
    """A handful of (query, expected page/#anchor) that exist in the generated playbook."""
    types = pb.support_types
    middle, last = types[len(types) // 2], types[-1]
    technique = middle.techniques[0]
    optimisation = pb.optimization.techniques[len(pb.optimization.techniques) // 2]
    first_word = fold(last.techniques[1].process[0]).split()[1]  # a common noun: many hits
    return [
        (fold(technique.title), f"tipos/{middle.id}/#{technique.id}"),
        (fold(last.techniques[1].title), f"tipos/{last.id}/#{last.techniques[1].id}"),
        (fold(optimisation.title), optimisation_url(pb, optimisation.id)),
        (fold(middle.name), f"tipos/{middle.id}/"),
        (first_word, f"tipos/{last.id}/#{last.techniques[1].id}"),
        (fold(technique.title)[:6], f"tipos/{middle.id}/#{technique.id}"),  # a partial word, as typed
    ]


# ---------------------------------------------------------------- the run
@dataclass
class SizeResult:
    scale: int
    counts: str
    ours: list[Build] = field(default_factory=list)
    plain: list[Build] = field(default_factory=list)
    ours_site: SiteStats | None = None
    plain_site: SiteStats | None = None
    first: list[Build] = field(default_factory=list)
    """Ours as a new project's first build: no `.cache/`, its modules not yet compiled (one each round)."""
    bare: Build | None = None
    """Ours with nothing compiled at all: not the project's modules, nor the templates `make` compiles when it
    installs the tool (tools/compile_templates.py)."""

    @property
    def first_ratio(self) -> float:
        """A new project's first build (the tool installed as `make` installs it) against plain."""
        return self.paired_ratio("first")

    def paired_ratio(self, which: str) -> float:
        """The median of each round's ratio to plain: a round's builds run back to back, so the machine's speed,
        which drifts by tens of percent between rounds here, is nearly the same for both sides of each ratio."""
        return statistics.median(b.seconds / p.seconds for b, p in zip(getattr(self, which), self.plain, strict=True))

    def median(self, which: str) -> float:
        return statistics.median(b.seconds for b in getattr(self, which))

    def cpu(self, which: str) -> float:
        return statistics.median(b.cpu_seconds for b in getattr(self, which))

    def peak(self, which: str) -> int:
        return max(b.max_rss_kb for b in getattr(self, which))

    @property
    def ratio(self) -> float:
        return self.paired_ratio("ours")


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": str(cores), "memory": memory, "cpu": cpu, "os": platform.platform()}


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in [
        "mkdocs",
        "mkdocs-material",
        "mkdocs-macros-plugin",
        "mkdocs-print-site-plugin",
        "Markdown",
        "pymdown-extensions",
        "pydantic",
        "PyYAML",
    ]:
        try:
            found[package] = version(package)
        except Exception:  # noqa: BLE001 — a missing package is reported, not fatal
            found[package] = "?"
    return found


def log(message: str) -> None:
    print(message, flush=True)


def run_size(scale: int, runs: int, work: Path, timeout: float) -> tuple[SizeResult, object]:
    start = time.perf_counter()
    ours, plain, pb = generate.write_both(scale, work / f"x{scale}")
    techniques = sum(len(t.techniques) for t in pb.support_types)
    counts = (
        f"{len(pb.support_types)} types, {techniques} techniques, {len(pb.optimization.techniques)} optim., "
        f"{len(pb.case_studies.cases)} cases, {len(pb.checklist.phases)} checklist phases"
    )
    log(f"\n{scale}×: {counts} (generated and validated in {time.perf_counter() - start:.1f} s)")
    result = SizeResult(scale, counts)
    installed = installed_folder()
    if installed:  # nothing compiled at all, once; then the tool as `make` installs it, and a new project
        shutil.rmtree(installed, ignore_errors=True)
        result.bare = build(ours, work / f"x{scale}" / "site-ours", timeout)
        log(f"  nothing compiled: {result.bare.seconds:6.2f} s")
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        for compiled in ours.rglob("__pycache__"):
            shutil.rmtree(compiled, ignore_errors=True)
        # what `make` does when it sets up a project (its venv, then its templates and modules compiled)
        compile_step = [sys.executable, str(ROOT / "tools" / "compile_templates.py"), str(ours)]
        subprocess.run(compile_step, check=True, capture_output=True, env=ENV)
    for run in range(1, runs + 1):  # each round: a new project's first build, a rebuild, plain's build
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        for which, project in [("first", ours), ("ours", ours), ("plain", plain)]:
            measured = build(project, work / f"x{scale}" / f"site-{'plain' if which == 'plain' else 'ours'}", timeout)
            getattr(result, which).append(measured)
            log(
                f"  run {run} {which:5}: {measured.seconds:6.2f} s (CPU {measured.cpu_seconds:6.2f} s), "
                f"peak {measured.max_rss_kb / 1024:6.0f} MiB"
            )
    result.ours_site = site_stats(work / f"x{scale}" / "site-ours")
    result.plain_site = site_stats(work / f"x{scale}" / "site-plain")
    log(f"  median ours {result.median('ours'):.2f} s, plain {result.median('plain'):.2f} s, ratio {result.ratio:.2f}×")
    return result, pb


def seconds(builds: list[Build]) -> str:
    return ", ".join(f"{b.seconds:.2f}" for b in builds)


def mib(n: int) -> str:
    return f"{n / KB / KB:,.1f} MiB" if n >= KB * KB else f"{n / KB:,.0f} KiB"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100", help="scales to run, comma-separated (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=7, help="rounds per size (medians reported)")
    parser.add_argument("--quick", action="store_true", help="size 1, 1 run, no browser, no report file")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement")
    parser.add_argument("--search-runs", type=int, default=3, help="times each query is typed (median)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed for one build")
    parser.add_argument("--output", type=Path, help="report file (default bench/RESULTS.md; none with --quick)")
    parser.add_argument("--workdir", type=Path, help="where projects and sites are written (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    sizes = [1] if args.quick else sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    runs = 1 if args.quick else args.runs
    browser = not (args.quick or args.no_browser)
    output = args.output or (None if args.quick else BENCH / "RESULTS.md")

    started = time.perf_counter()
    load_before = os.getloadavg()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="pb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, SizeResult] = {}
    search_rows, search_scale = [], None
    try:
        for scale in sizes:
            results[scale], pb = run_size(scale, runs, work, args.timeout)
            if scale == max(sizes) and browser:
                from search_latency import measure  # playwright is only needed here

                search_scale = scale
                log(f"  search in Chromium at {scale}× …")
                search_rows = measure(work / f"x{scale}" / "site-ours", search_queries(pb), args.search_runs)
                for query, _expected, rank, ms in search_rows:
                    log(f"    {query!r:40} rank {rank or '-'}  {ms:.0f} ms")
            if scale != max(sizes) and not args.keep:  # sites at 100× are ~100 MiB each
                shutil.rmtree(work / f"x{scale}", ignore_errors=True)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started

    # ---- targets
    checks = []
    checks.append(
        (
            f"overhead ≤ {TARGETS['overhead']:.2f}× plain Markdown (every size, handout included)",
            ", ".join(f"{s}×: {r.ratio:.2f}×" for s, r in results.items()),
            all(r.ratio <= TARGETS["overhead"] for r in results.values()),
        )
    )
    checks.append(
        (
            f"a new project's first build ≤ {TARGETS['overhead']:.2f}× plain (every size)",
            ", ".join(f"{s}×: {r.first_ratio:.2f}×" for s, r in results.items()),
            all(r.first_ratio <= TARGETS["overhead"] for r in results.values()),
        )
    )
    big = results.get(100)
    checks.append(
        (
            f"100× build ≤ {TARGETS['build_100']:.0f} s",
            f"{big.median('ours'):.1f} s" if big else "not run",
            big and big.median("ours") <= TARGETS["build_100"],
        )
    )
    if big and 10 in results:
        scaling = big.median("ours") / results[10].median("ours")
        checks.append(
            (
                f"time(100×) / time(10×) ≤ {TARGETS['scaling']:.0f}",
                f"{scaling:.1f} (plain: {big.median('plain') / results[10].median('plain'):.1f})",
                scaling <= TARGETS["scaling"],
            )
        )
    else:
        checks.append((f"time(100×) / time(10×) ≤ {TARGETS['scaling']:.0f}", "not run", None))
    if big:
        size, page = big.ours_site.largest
        over = big.ours_site.over_limit
        checks.append(
            (
                f"largest HTML page ≤ {TARGETS['largest_page'] // KB} KiB at 100×",
                f"{mib(size)} ({page}); {len(over)} of {big.ours_site.pages} pages over: "
                + ", ".join(f"{p} {mib(n)}" for n, p in over),
                size <= TARGETS["largest_page"],
            )
        )
        size, page = big.ours_site.largest_screen
        checks.append(
            (
                f"of which: every screen page (all but the printable handout) "
                f"≤ {TARGETS['largest_page'] // KB} KiB at 100×",
                f"largest {mib(size)} ({page})",
                size <= TARGETS["largest_page"],
            )
        )
        size, page = big.ours_site.largest_type_page
        checks.append(
            (
                f"of which: largest support-type page ≤ {TARGETS['largest_page'] // KB} KiB at 100×",
                f"{mib(size)} ({page})",
                size <= TARGETS["largest_page"],
            )
        )
    else:
        checks.append((f"largest HTML page ≤ {TARGETS['largest_page'] // KB} KiB at 100×", "not run", None))
    if search_rows and search_scale == 100:
        worst = max(r[3] for r in search_rows)
        checks.append(
            (
                f"search ≤ {TARGETS['search_ms']:.0f} ms at 100× (worst query)",
                f"{worst:.0f} ms (median of queries {statistics.median(r[3] for r in search_rows):.0f} ms)",
                worst <= TARGETS["search_ms"],
            )
        )
    else:
        checks.append((f"search ≤ {TARGETS['search_ms']:.0f} ms at 100× (worst query)", "not run", None))

    load = (load_before, os.getloadavg())
    report = render_report(results, search_rows, search_scale, checks, runs, elapsed, argv, load)
    log("\n" + "\n".join(f"{verdict(ok):4}  {name}: {value}" for name, value, ok in checks))
    if output:
        output.write_text(report, encoding="utf-8")
        log(f"\nreport written to {output}")
    else:
        log("\n" + report)
    return 1 if args.check and any(ok is False for _, _, ok in checks) else 0


def render_report(results, search_rows, search_scale, checks, runs, elapsed, argv, load) -> str:
    m, v = machine(), versions()
    out = [
        "# Build benchmark",
        "",
        f"Produced by `python bench/run.py{' ' + ' '.join(argv) if argv else ''}` on "
        f"{datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')} in {elapsed / 60:.1f} min.",
        "Synthetic playbooks from `bench/generate.py` (seeded, Spanish-like text): *ours* is this project "
        "with the data replaced; *plain* is the same content as plain Markdown pages in a stock "
        "MkDocs-Material project (same theme features and Markdown extensions; no hook, macros or print-site).",
        f"Each build is `python -m mkdocs build --strict` in a fresh process; median of {runs} run(s), "
        "peak memory is the build process's max RSS (GNU time `%M`). CPU is the build process's user + system time: "
        "less sensitive than wall time to other work on the machine.",
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']} — nproc {m['nproc']}",
        f"- memory: {m['memory']}",
        f"- OS: {m['os']}",
        f"- load average (1, 5, 15 min) at start: {', '.join(f'{x:.2f}' for x in load[0])}; "
        f"at end: {', '.join(f'{x:.2f}' for x in load[1])} (other work on the machine inflates wall times)",
        "- versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    out += [f"| {name} | {value} | **{verdict(ok)}** |" for name, value, ok in checks]
    out += [
        "",
        "## Builds",
        "",
        "Ours keeps parsed data files in the project's `.cache/` between builds, and compiled templates (the "
        "theme's and its own) with the installation, as pip keeps the compiled modules of what it installs: `make` "
        "compiles them when it sets up a project (its venv, then tools/compile_templates.py, which compiles the "
        "project's modules on the way). *Ours, first run* is a project's first build after that step: no "
        "`.cache/` (each round builds one, then rebuilds it, then builds plain). Each ratio to plain is the median of "
        "the rounds' own ratios: a round's builds run back to back, at the machine's speed of the moment, which "
        "drifts between rounds (compare the runs). "
        "*Nothing compiled* is one build before that step: no compiled template or module at all (the tool "
        "installed without `make`).",
        "",
        "| size | content | ours (s, median) | plain (s, median) | ours / plain (per round, median) "
        "| ours, first run / plain (per round, median) "
        "| ours, nothing compiled / plain | ours runs | plain runs | CPU ours / plain (s, median) | peak RSS ours "
        "| peak RSS plain |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s, r in results.items():
        bare = f"{r.bare.seconds / r.median('plain'):.2f}×" if r.bare else "—"
        out.append(
            f"| {s}× | {r.counts} | {r.median('ours'):.2f} | {r.median('plain'):.2f} | {r.ratio:.2f}× "
            f"| {r.first_ratio:.2f}× "
            f"| {bare} "
            f"| {seconds(r.ours)} (first builds: {seconds(r.first)}) "
            f"| {seconds(r.plain)} "
            f"| {r.cpu('ours'):.2f} / {r.cpu('plain'):.2f} ({r.cpu('ours') / r.cpu('plain'):.2f}×) "
            f"| {r.peak('ours') / KB:.0f} MiB | {r.peak('plain') / KB:.0f} MiB |"
        )
    sizes = list(results)
    if len(sizes) > 1:
        out += ["", "Scaling (median time ratio between consecutive sizes):", ""]
        for a, b in zip(sizes, sizes[1:]):
            ra, rb = results[a], results[b]
            out.append(
                f"- {b}× / {a}×: ours {rb.median('ours') / ra.median('ours'):.1f}, "
                f"plain {rb.median('plain') / ra.median('plain'):.1f} (content grew {b // a}×)"
            )
    out += [
        "",
        "## Sites",
        "",
        "Left nav: Material's primary navigation in that page (it embeds a copy of the page's table of "
        "contents for small screens).",
        "",
        "| size | site | pages | site size | largest page | of which left nav | largest screen page "
        "(not the handout) | smallest page (of which nav) | search index |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s, r in results.items():
        for name, st in [("ours", r.ours_site), ("plain", r.plain_site)]:
            out.append(
                f"| {s}× | {name} | {st.pages} | {mib(st.total_bytes)} | {mib(st.largest[0])} `{st.largest[1]}` "
                f"| {mib(st.largest_nav)} | {mib(st.largest_screen[0])} `{st.largest_screen[1]}` "
                f"| {mib(st.smallest[0])} `{st.smallest[1]}` ({mib(st.smallest_nav)}) | {mib(st.search_index)} |"
            )
    out += [
        "",
        "What is left to try (no handout, no mkdocs-macros) is measured on generated copies by "
        "`python bench/variants.py` (report: `bench/VARIANTS.md`, with the measurements behind the changes made).",
        "",
        "## Search",
        "",
    ]
    if search_rows:
        out += [
            f"At {search_scale}×, in Chromium (headless, `bench/search_latency.measure`): time from the last "
            "keystroke to the result list changing, median of the runs per query; rank of the expected "
            "result among the visible results.",
            "",
            "| query | expected | rank | last keystroke → results (ms) |",
            "|---|---|---|---|",
        ]
        out += [f"| `{q}` | `{e}` | {rank or 'not shown'} | {ms:.0f} |" for q, e, rank, ms in search_rows]
    else:
        out.append("Not measured in this run.")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
