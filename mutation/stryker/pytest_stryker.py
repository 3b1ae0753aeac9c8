"""Stryker's side of a pytest session: the browser tests run again and again in one process, one mutant at a time.

Loaded by mutation/stryker/pytest-runner.mjs (`python -m pytest -p pytest_stryker …`), never by a normal run: without
STRYKER_PYTEST_FDS in the environment this plugin does nothing.

Stryker instruments docs/assets/playbook.js with every mutant at once ("mutant schemata"): the code asks
`globalThis.__stryker__.activeMutant` which one to be, and counts in `__stryker__.mutantCoverage` the mutants it
passed by. Here:

- every browser context the tests open (Playwright's `Browser.new_context` and `Browser.new_page`, patched) gets an
  init script that sets `__stryker__.activeMutant` before any page script runs;
- when coverage is wanted (the dry run), the init script gives the instrumented code its counts object, which tells
  Python (an exposed binding, at the end of the task) each mutant a page reaches for the first time; the tests read
  and write the pages' storage, so nothing goes there. Reading the counts only when a page goes away loses them:
  measured, an exposed binding called on `pagehide` is dropped once the page is gone, and `window.name` written
  then reaches the next page one navigation late («Borrar mis datos», which reloads, showed as never reached).
  The counts are read again from every open page when a test ends or closes a page or context;
- the session collects the tests once, then runs the batches the runner asks for on the first file descriptor of
  STRYKER_PYTEST_FDS (a JSON line: {"tests": [node ids] or null for all, "mutant": id or null, "bail": bool,
  "coverage": bool}) and answers on the second (a JSON line per batch: each test's outcome and, with coverage, the
  mutants it reached).
  Session-scoped fixtures (the browser, the served site) stay up between batches; the rest is torn down after each.
"""

from __future__ import annotations

import contextlib
import json
import os
import time

import pytest

_ENV = "STRYKER_PYTEST_FDS"
WAIT_MS = 10_000

INIT_SCRIPT = """(() => {
  const ns = (globalThis.__stryker__ = globalThis.__stryker__ || {});
  const mutant = %s;
  if (mutant !== null) ns.activeMutant = mutant;
  if (!%s) return;
  // The instrumented code counts into mutantCoverage.static (no currentTestId here): each mutant reached for the
  // first time is told to Python at the end of the current task, before any navigation it starts takes the page.
  let pending = [];
  const flush = () => {
    const ids = pending;
    pending = [];
    globalThis.__strykerCoverage(ids.join(","));
  };
  const counts = new Proxy({}, {
    set(target, id, hits) {
      if (!(id in target)) {
        if (!pending.length) queueMicrotask(flush);
        pending.push(id);
      }
      target[id] = hits;
      return true;
    },
  });
  ns.mutantCoverage = { static: counts, perTest: {} };
})();"""

READ_COVERAGE = """() => {
  const cov = globalThis.__stryker__ && globalThis.__stryker__.mutantCoverage;
  return cov ? [cov.static, ...Object.values(cov.perTest)].flatMap((counts) => Object.keys(counts)).join(",") : "";
}"""


class _State:
    mutant: str | None = None
    coverage_wanted = False
    current: dict[str, int] | None = None  # the running test's mutants (id -> hits)
    contexts: list = []


STATE = _State()


def _merge(ids: str | None) -> None:
    """Add mutants a page reached (ids, comma-separated) to the running test's."""
    if not ids or STATE.current is None:
        return
    for mutant in ids.split(","):
        STATE.current[mutant] = STATE.current.get(mutant, 0) + 1


def _collect_page(page) -> None:
    if not STATE.coverage_wanted or page.is_closed():
        return
    for frame in page.frames:
        with contextlib.suppress(Exception):  # a frame detached or navigating away: it told its mutants already
            _merge(frame.evaluate(READ_COVERAGE))


def _collect_context(context) -> None:
    for page in list(context.pages):
        _collect_page(page)


def _instrument(context) -> None:
    if getattr(context, "_stryker", False):
        return
    context._stryker = True
    if STATE.coverage_wanted:
        context.expose_binding("__strykerCoverage", lambda _source, ids: _merge(ids))
    # A mutant that breaks the page fails its test at the first wait: 10 s rather than Playwright's 30 (the dry run
    # passes with the same limit, so a page that works is never cut short by it).
    context.set_default_timeout(WAIT_MS)
    context.add_init_script(INIT_SCRIPT % (json.dumps(STATE.mutant), "true" if STATE.coverage_wanted else "false"))
    STATE.contexts.append(context)


def _patch_playwright() -> None:
    from playwright.sync_api import Browser, BrowserContext, Page

    new_context, new_page = Browser.new_context, Browser.new_page
    close_context, close_page = BrowserContext.close, Page.close

    def patched_new_context(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        _instrument(context)
        return context

    def patched_new_page(self, *args, **kwargs):
        page = new_page(self, *args, **kwargs)
        _instrument(page.context)
        return page

    def patched_close_context(self, *args, **kwargs):
        _collect_context(self)
        return close_context(self, *args, **kwargs)

    def patched_close_page(self, *args, **kwargs):
        _collect_page(self)
        return close_page(self, *args, **kwargs)

    Browser.new_context, Browser.new_page = patched_new_context, patched_new_page
    BrowserContext.close, Page.close = patched_close_context, patched_close_page


def pytest_configure(config):
    if os.environ.get(_ENV):
        _patch_playwright()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    """Read what the test's open pages reached before its fixtures close them."""
    if os.environ.get(_ENV):
        for context in list(STATE.contexts):
            with contextlib.suppress(Exception):  # closed already
                _collect_context(context)
    yield


class _Batch:
    def __init__(self):
        self.outcomes: dict[str, dict] = {}

    def pytest_runtest_logreport(self, report):
        outcome = self.outcomes.setdefault(
            report.nodeid, {"id": report.nodeid, "status": "success", "timeSpentMs": 0.0, "failureMessage": ""}
        )
        outcome["timeSpentMs"] += report.duration * 1000
        if report.failed and outcome["status"] != "failed":
            outcome["status"] = "failed"
            outcome["failureMessage"] = f"{report.when}: {report.longreprtext[-3000:]}"
        elif report.skipped and outcome["status"] == "success":
            outcome["status"] = "skipped"


def _run_batch(session, items: dict, command: dict) -> dict:
    wanted = command.get("tests")
    if wanted is None:
        selected = list(items.values())
    else:
        unknown = [nodeid for nodeid in wanted if nodeid not in items]
        if unknown:
            return {"error": f"unknown tests: {unknown[:5]}"}
        selected = [items[nodeid] for nodeid in wanted]
    STATE.mutant = command.get("mutant")
    STATE.coverage_wanted = bool(command.get("coverage"))
    batch = _Batch()
    session.config.pluginmanager.register(batch, "stryker-batch")
    coverage: dict[str, dict[str, int]] = {}
    started = time.monotonic()
    try:
        for index, item in enumerate(selected):
            nextitem = selected[index + 1] if index + 1 < len(selected) else session
            STATE.current = coverage.setdefault(item.nodeid, {})
            item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            STATE.current = None
            failed = batch.outcomes.get(item.nodeid, {}).get("status") == "failed"
            if failed and command.get("bail"):
                break
    finally:
        STATE.current = None
        with contextlib.suppress(Exception):  # a fixture's own teardown failing has been reported already
            session._setupstate.teardown_exact(session)  # back to the session's fixtures only
        STATE.contexts = [context for context in STATE.contexts if context.pages]  # closed ones have none
        session.config.pluginmanager.unregister(batch)
        session.shouldfail = session.shouldstop = False
    result = {"tests": list(batch.outcomes.values()), "ms": (time.monotonic() - started) * 1000}
    if STATE.coverage_wanted:
        result["coverage"] = coverage
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    fds = os.environ.get(_ENV)
    if not fds:
        return None
    read_fd, write_fd = (int(fd) for fd in fds.split(","))
    with os.fdopen(read_fd, "r", encoding="utf-8") as commands, os.fdopen(write_fd, "w", encoding="utf-8") as answers:

        def answer(message: dict) -> None:
            answers.write(json.dumps(message) + "\n")
            answers.flush()

        if session.testsfailed:
            answer({"error": f"{session.testsfailed} errors during collection"})
            return True
        items = {item.nodeid: item for item in session.items}
        answer({"ready": True, "tests": list(items)})
        for line in commands:
            if not line.strip():
                continue
            command = json.loads(line)
            if command.get("exit"):
                break
            answer(_run_batch(session, items, command))
    return True
