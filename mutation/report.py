"""mutation/RESULTS.md from the three runs `make mutation` makes: generated mutants of the Python core
(results/python.json, mutation/python.py), of playbook.js (results/js.json, mutation/js.py) and the
hand-written list (results/hand.md, mutation/run.py). A run that has not been made is said to be missing.

    python mutation/report.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "mutation" / "results"
OUTPUT = ROOT / "mutation" / "RESULTS.md"


def load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def load_js() -> dict | None:
    """mutation/js.py's summary, its score (a percentage there) as a share, like the others."""
    result = load(RESULTS / "js.json")
    if result:
        result = {**result, "target": result["target"] / 100}
        result["score"] = (result["score"] or 0) / 100
        result["raw_score"] = (result.get("stryker_score") or 0) / 100
    return result


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def killed_of(result: dict) -> str:
    """mutmut counts time-outs among the killed; Stryker apart: both shown as killed, of those tested."""
    killed = result["killed"] + (0 if "checked" in result else result.get("timeout", 0))
    return f"{killed} of {result.get('checked', result['total'])}"


def scores(result: dict) -> str:
    """The score (reviewed equivalents left out: no test can tell them from the code), then the share of all."""
    share_of_all = result.get("raw_score", result["score"])
    return f"{result['score']:.1%} ({share_of_all:.1%} of all checked, equivalents included)"


def complete(result: dict) -> bool:
    """Whether every mutant was tested: a partial run's score is no verdict."""
    return result.get("complete", True) is not False and result.get("checked", result["total"]) == result["total"]


def verdict(result: dict) -> str:
    if not complete(result):
        return "not yet (partial run)"
    return "PASS" if result["score"] >= result["target"] else "FAIL"


def worst_case(result: dict) -> str:
    """The score should every mutant not checked survive: the floor a partial run already guarantees."""
    killable = result["total"] - result.get("equivalent", 0)
    return f" (were they all to survive, the score would be {result['killed'] / killable:.1%})" if killable else ""


def python_section(result: dict) -> list[str]:
    unchecked = result["total"] - result["checked"]
    lines = [
        "## Generated mutants: the Python core (mutmut)",
        "",
        f"`python mutation/python.py`: mutmut wrote {result['total']} mutants of the modules [tool.mutmut] names "
        "in pyproject.toml and ran each against the in-process tests that call the mutated function"
        + (f" (its last run: {result['minutes']:.0f} min)" if result.get("minutes") else "")
        + f". **{result['killed']} of {result['checked']} checked killed**, of which {result['timeout']} by a "
        f"time-out; {result.get('equivalent', 0)} survivors reviewed as equivalent (mutation/equivalent.yml) are left "
        f"out of the score: **{scores(result)}**; target ≥ {result['target']:.0%}: **{verdict(result)}**."
        + (f" **Partial run: {unchecked} mutants not checked**{worst_case(result)}." if unchecked else ""),
        "",
        "| module | mutants | killed | survived | no tests | not checked | score (of checked) |",
        "|---|---|---|---|---|---|---|",
    ]
    for path, counts in result["modules"].items():
        total = sum(counts.values())
        killed = counts.get("killed", 0) + counts.get("timeout", 0)
        checked = total - counts.get("not checked", 0)
        score = f"{killed / checked:.0%}" if checked else "—"
        lines.append(
            f"| `{path}` | {total} | {killed} | {counts.get('survived', 0)} | {counts.get('no tests', 0)} "
            f"| {counts.get('not checked', 0)} | {score} |"
        )
    lines += ["", "### Survivors", "", "| mutant | verdict | change | why it survives |", "|---|---|---|---|"]
    for s in result["survivors"]:
        why = s["why"] or "**no reason given: a test is missing**"
        lines.append(f"| `{s['mutant']}` | {s['verdict']} | `{cell(s['change'])}` | {cell(why)} |")
    return lines + [""]


def earlier_lines(earlier: dict) -> str:
    first, last = earlier["lines"]
    return f" Lines {first}–{last}: {earlier['note']}"


def js_section(result: dict) -> list[str]:
    lines = [
        "## Generated mutants: playbook.js (Stryker)",
        "",
        f"`python mutation/js.py`: Stryker's mutants of docs/assets/playbook.js, each run against the browser tests "
        f"whose pages reached it (its last run: {result.get('minutes') or '?'} min, "
        f"concurrency {result.get('concurrency') or '?'}). "
        f"**{result['killed'] + result.get('timeout', 0)} of {result['total']} killed**, "
        f"{result.get('timeout', 0)} of them by a time-out; {result.get('equivalent', 0)} survivors reviewed as "
        f'equivalent (mutation/js-equivalent.yml, reasons starting "Equivalent") are left out of the score: '
        f"**{scores(result)}**; target ≥ 80%: **{verdict(result)}**. Survived {result.get('survived', 0)}, "
        f"not reached by any test {result.get('no_coverage', 0)}"
        + (
            f"; {result['killed_by_later_runs']} of the run's survivors killed by reruns of their lines after new tests"
            if result.get("killed_by_later_runs")
            else ""
        )
        + "."
        + (" **Partial: not every line of playbook.js tested yet.**" if result.get("complete") is False else "")
        + (earlier_lines(result["earlier"]) if result.get("earlier") else ""),
        "",
        "| line | mutator | change | why it survives |",
        "|---|---|---|---|",
    ]
    for s in result.get("survivors", []):
        why = s.get("reason") or "**no reason given: a test is missing**"
        change = f"{s.get('original', '')} → {s.get('replacement', '')}"
        lines.append(f"| {s.get('line')} | {s.get('mutator')} | `{cell(change)}` | {cell(why)} |")
    return lines + [""]


def main() -> int:
    python, js = load(RESULTS / "python.json"), load_js()
    hand = RESULTS / "hand.md"
    lines = ["# Mutation testing", "", "Produced by `make mutation` (mutation/report.py joins the three runs).", ""]
    lines += ["| run | killed | score | target | verdict |", "|---|---|---|---|---|"]
    for name, result, target in [
        ("Python core, generated (mutmut)", python, 0.9),
        ("playbook.js, generated (Stryker)", js, 0.8),
    ]:
        if result is None:
            lines.append(f"| {name} | — | — | ≥ {target:.0%} | not run |")
        else:
            lines.append(
                f"| {name} | {killed_of(result)} | {scores(result)} | ≥ {target:.0%} | **{verdict(result)}** |"
            )
    lines.append("| hand-written (mutation/mutants.yml) | see below | | ≥ 90% | see below |")
    lines.append("")
    if python:
        lines += python_section(python)
    if js:
        lines += js_section(js)
    if hand.is_file():
        lines += ["## Hand-written mutants (mutation/run.py)", ""]
        lines += [
            "#" + line if line.startswith("#") else line for line in hand.read_text(encoding="utf-8").splitlines()[1:]
        ]
    OUTPUT.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
