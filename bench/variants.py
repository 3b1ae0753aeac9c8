"""What would make the build meet its targets: candidate changes tried on generated copies, never on the project.

    python bench/variants.py [--sizes 1,10,100] [--runs 1] [--output bench/VARIANTS.md]

Each variant is our project at a given size (bench/generate.py) with one or more changes applied
to the copy's mkdocs.yml or macros/, built like bench/run.py builds (fresh process, wall time,
peak RSS), against the plain-Markdown twin (same navigation).

Changes:
  noprint  no print-site plugin (no one-page handout)
  (a "no mkdocs-macros" variant lived here while an MkDocs hook file could expand the pages' macro calls
  itself; the adapter is a plugin now, macros/plugin.py, and that variant went with the hook)

Three earlier candidates were measured here and then adopted (libyaml loader, support types grouped
in the navigation, interactive markup cloned from per-page templates): see the history of VARIANTS.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
from run import KB, build, log, mib, site_stats  # noqa: E402


def apply(project: Path, changes: set[str]) -> None:
    if "noprint" in changes:
        config = project / "mkdocs.yml"
        lines, out, skipping = config.read_text(encoding="utf-8").splitlines(), [], False
        for line in lines:
            if line.startswith("  - print-site"):
                skipping = True
                continue
            if skipping and (line.startswith("      ") or not line.strip()):
                continue
            skipping = False
            out.append(line)
        # drop the comment lines that introduced the plugin
        text = re.sub(
            r"\n  # The whole playbook on one printable page[^\n]*\n  # Must stay the last plugin\.",
            "",
            "\n".join(out) + "\n",
        )
        assert "print-site" not in text.split("hooks:")[0], "could not remove print-site from mkdocs.yml"
        config.write_text(text, encoding="utf-8")


VARIANTS = [  # (name, site, changes)
    ("ours", "ours", set()),
    ("ours − print-site", "ours", {"noprint"}),
    ("plain", "plain", set()),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3, help="builds per cell below 100×")
    parser.add_argument("--runs-100", type=int, default=1, help="builds per cell at 100× and above")
    parser.add_argument("--only", help="comma-separated variant names to run (default: all)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--output", type=Path, default=BENCH / "VARIANTS.md")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    chosen = [v for v in VARIANTS if not args.only or v[0] in args.only.split(",")]
    rows: dict[tuple[str, int], tuple] = {}
    work = Path(tempfile.mkdtemp(prefix="pb-variants-"))
    try:
        for scale in sizes:
            base = work / f"x{scale}" / "base"
            pb = generate.write_ours(scale, base)
            for name, kind, changes in chosen:
                project = work / f"x{scale}" / name.replace(" ", "_")
                if kind == "ours":
                    shutil.copytree(base, project)
                    apply(project, changes)
                else:
                    generate.write_plain(pb, project)
                times, cpu, peak = [], [], 0
                for _ in range(args.runs if scale < 100 else args.runs_100):
                    measured = build(project, project / "site", args.timeout)
                    times.append(measured.seconds)
                    cpu.append(measured.cpu_seconds)
                    peak = max(peak, measured.max_rss_kb)
                stats = site_stats(project / "site")
                rows[(name, scale)] = (statistics.median(times), peak, stats, statistics.median(cpu))
                log(
                    f"{scale:>4}× {name:42} {statistics.median(times):6.2f} s  CPU {statistics.median(cpu):6.2f} s  "
                    f"peak {peak / KB:5.0f} MiB  "
                    f"largest {mib(stats.largest[0])} {stats.largest[1]}  smallest {mib(stats.smallest[0])}  "
                    f"site {mib(stats.total_bytes)}"
                )
                shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(work / f"x{scale}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    out = [
        "# Build variants",
        "",
        "Made by `python bench/variants.py` (see its docstring for what each change is); "
        f"median of {args.runs} build(s) per cell below 100×, {args.runs_100} at 100×. Each cell: wall time (s), "
        "then the ratio to plain Markdown by CPU time (user + system, steadier than wall time on a shared "
        "machine).",
        "",
        "| variant | " + " | ".join(f"{s}× wall (s) | {s}× CPU / plain" for s in sizes) + " | largest page at "
        f"{sizes[-1]}× | smallest page at {sizes[-1]}× | site at {sizes[-1]}× | peak RSS at {sizes[-1]}× |",
        "|---|" + "---|---|" * len(sizes) + "---|---|---|---|",
    ]
    for name, _kind, _changes in chosen:
        cells = []
        for s in sizes:
            seconds, cpu = rows[(name, s)][0], rows[(name, s)][3]
            base = rows.get(("plain", s))
            cells.append(f"{seconds:.2f} | {cpu / base[3]:.2f}×" if base else f"{seconds:.2f} | –")
        _, peak, st, _ = rows[(name, sizes[-1])]
        out.append(
            f"| {name} | " + " | ".join(cells) + f" | {mib(st.largest[0])} `{st.largest[1]}` "
            f"| {mib(st.smallest[0])} | {mib(st.total_bytes)} | {peak / KB:.0f} MiB |"
        )
    args.output.write_text("\n".join(out) + "\n", encoding="utf-8")
    log("\n".join(out))


if __name__ == "__main__":
    main()
