// Stryker over docs/assets/playbook.js, its mutants killed by the browser tests (python mutation/js.py runs it).
// The test runner is ours (stryker/pytest-runner.mjs): pytest + Playwright on Chromium, one test process per
// runner kept up for the whole run, each mutant running only the tests whose pages reached it.
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const REPORTS = process.env.MUTATION_JS_REPORTS || "reports/mutation"; // not kept in git (.gitignore)

// The browser tests that exercise playbook.js on the site as built from the project, in reasonable time, and
// test_installed_app, the only one to reach the service worker's part (it builds sites of its own: slow, but
// otherwise those lines go untested). Left out: the others that build sites of their own (test_pdf, test_offline,
// test_preview, test_subpath) or test the build rather than the behaviour (test_csp, test_accessibility's axe runs).
// MUTATION_JS_TESTS (space-separated) replaces the list for a partial run.
const TESTS = [
  "tests/browser/test_personalizer.py",
  "tests/browser/test_checklists.py",
  "tests/browser/test_share.py",
  "tests/browser/test_objection_answers.py",
  "tests/browser/test_rep_on_a_call.py",
  "tests/browser/test_guide.py",
  "tests/browser/test_technique_browser.py",
  "tests/browser/test_phone_ergonomics.py",
  "tests/browser/test_search.py",
  "tests/browser/test_print.py",
  "tests/browser/test_hostile_content.py",
  "tests/browser/test_playbook_js_details.py",
  "tests/browser/test_installed_app.py",
];

export default {
  plugins: [path.join(HERE, "stryker", "pytest-runner.mjs")],
  testRunner: "pytest",
  pytest: {
    python: path.join(ROOT, ".venv", "bin", "python"),
    testFiles: process.env.MUTATION_JS_TESTS ? process.env.MUTATION_JS_TESTS.split(/\s+/).filter(Boolean) : TESTS,
    // The 47 "top 3" cases of test_search and test_rep_on_a_call measure the search index's ranking (Material's
    // lunr over the build's index), not playbook.js; each page they open reaches playbook.js's start-up code,
    // though, so every mutant there would run them all. The other tests of both files stay.
    pytestArgs: ["-k", "not top_3"],
    partialReport: `${REPORTS}/partial.jsonl`, // one line per mutant as it is tested (a run stopped early keeps them)
  },
  coverageAnalysis: "perTest",
  disableTypeChecks: false, // TypeScript's checks: there is no TypeScript here (and the HTML templates do not parse)
  mutate: ["docs/assets/playbook.js"],
  // The sandbox is a copy of what the build and the tests read; the rest stays out of it.
  ignorePatterns: [
    "/mutants", "/.venv", "/site", "/dist", "/audit", "/.cache", "/reports", "/bench", "/site.building-*",
    "/site.old-*", "/.build.lock", "/.stryker-tmp", "/mutation/results/js.json", "*.egg-info",
  ],
  // A mutant that hangs a page is stopped after its tests' own time x1.5 + 45 s: a Playwright wait is 10 s here
  // (pytest_stryker.py), and a test's first use of a session fixture that builds a site of its own (instant_server,
  // big_site, hostile_site) takes seconds in a runner restarted after a timeout. With 20 s, measured: timeouts
  // came in a row, each restart making the next mutant's tests late.
  timeoutMS: 45000,
  timeoutFactor: 1.5,
  dryRunTimeoutMinutes: 30,
  concurrency: Number(process.env.MUTATION_JS_CONCURRENCY || 2),
  reporters: ["json", "html", "progress", "partial"],
  jsonReporter: { fileName: `${REPORTS}/playbook-js.json` },
  htmlReporter: { fileName: `${REPORTS}/playbook-js.html` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
