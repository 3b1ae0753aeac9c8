"""Issue 31: playbook.js's mutation campaign is done in parts, over sessions and machines; each part's results are
kept in git (mutation/results/js-mutants.json), so what a finished part found is never lost and the summary adds
the parts up: a survivor a later run killed counts as killed, records of another playbook.js start again."""

from __future__ import annotations

import importlib.util
import json

import pytest

from helpers import ROOT


@pytest.fixture()
def js(tmp_path, monkeypatch):
    """mutation/js.py working on a copy of playbook.js, its records and summary in tmp_path."""
    spec = importlib.util.spec_from_file_location("mutation_js", ROOT / "mutation" / "js.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = tmp_path / module.SOURCE
    source.parent.mkdir(parents=True)
    source.write_text("\n".join(f"const line{n} = {n};" for n in range(1, 11)) + "\n", encoding="utf-8")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "RECORDS", tmp_path / "js-mutants.json")
    monkeypatch.setattr(module, "RESULTS", tmp_path / "js.json")
    monkeypatch.setattr(module, "EQUIVALENT", tmp_path / "none.yml")
    return module


def mutant(line: int, status: str, replacement: str = "0") -> dict:
    where = {"start": {"line": line, "column": 15}, "end": {"line": line, "column": 16}}  # the number
    return {
        "fileName": "docs/assets/playbook.js",
        "mutatorName": "NumberLiteral",
        "replacement": replacement,
        "location": where,
        "status": status,
        "killedBy": ["test_x"] if status == "Killed" else [],
    }


def run(tmp_path, name: str, mutants: list[dict], finished: bool = True):
    folder = tmp_path / "reports" / name
    folder.mkdir(parents=True)
    (folder / "partial.jsonl").write_text("".join(json.dumps(m) + "\n" for m in mutants), encoding="utf-8")
    if finished:
        (folder / "playbook-js.json").write_text("{}", encoding="utf-8")
    return folder / "partial.jsonl"


def test_parts_add_up_and_a_survivor_killed_later_counts_as_killed(js, tmp_path):
    records = js.load_records()
    js.fold_report(records, run(tmp_path, "lines-1-5", [mutant(2, "Killed"), mutant(4, "Survived")]))
    js.fold_report(records, run(tmp_path, "lines-6-10", [mutant(7, "Survived"), mutant(9, "Timeout")]))
    js.save_records(records)
    js.fold_report(records, run(tmp_path, "lines-4", [mutant(4, "Killed")]))  # a test added for line 4
    summary = js.summarise(None, None, records)
    assert (summary["total"], summary["killed"], summary["timeout"], summary["survived"]) == (4, 2, 1, 1)
    assert [s["line"] for s in summary["survivors"]] == [7]
    assert summary["complete"] and summary["score"] == 75.0


def test_what_a_run_found_outlives_its_reports(js, tmp_path):
    records = js.load_records()
    js.fold_report(records, run(tmp_path, "lines-1-10", [mutant(3, "Killed"), mutant(8, "Survived")]))
    js.save_records(records)
    for report in (tmp_path / "reports").rglob("*"):
        if report.is_file():
            report.unlink()
    summary = js.summarise(None, None, js.load_records())
    assert (summary["total"], summary["killed"], summary["survived"]) == (2, 1, 1)


def test_lines_not_every_part_reached_leave_the_summary_partial(js, tmp_path):
    records = js.load_records()
    js.fold_report(records, run(tmp_path, "lines-1-5", [mutant(2, "Killed")]))
    js.fold_report(records, run(tmp_path, "lines-6-10", [mutant(7, "Killed")], finished=False))
    assert not js.summarise(None, None, records)["complete"]


def test_records_of_another_playbook_js_start_again(js, tmp_path, capsys):
    records = js.load_records()
    js.fold_report(records, run(tmp_path, "lines-1-10", [mutant(3, "Killed")]))
    js.save_records(records)
    source = tmp_path / js.SOURCE
    source.write_text(source.read_text(encoding="utf-8") + "const added = 11;\n", encoding="utf-8")
    assert js.load_records()["mutants"] == []
    assert "playbook.js has changed" in capsys.readouterr().out


def test_lines_counted_from_an_earlier_summary_join_the_parts(js, tmp_path):
    records = js.load_records()
    earlier_survivor = {
        "status": "Survived",
        "mutator": "NumberLiteral",
        "line": 4,
        "original": "4",
        "replacement": "0",
    }
    records["earlier"] = {
        "lines": [1, 5],
        "note": "counted before records were kept",
        "killed": 6,
        "timeout": 1,
        "survivors": [earlier_survivor],
    }
    js.fold_report(records, run(tmp_path, "lines-6-10", [mutant(7, "Survived"), mutant(9, "Killed")]))
    summary = js.summarise(None, None, records)
    assert (summary["total"], summary["killed"], summary["survived"]) == (10, 7, 2)
    assert summary["complete"]
    js.fold_report(records, run(tmp_path, "lines-4", [mutant(4, "Killed")]))  # its line tested again
    summary = js.summarise(None, None, records)
    assert (summary["total"], summary["killed"], summary["survived"]) == (10, 8, 1)
    assert [s["line"] for s in summary["survivors"]] == [7]
