// Stryker test-runner plugin "pytest": Stryker's mutants of docs/assets/playbook.js, killed by our Python browser tests.
//
// Stryker instruments playbook.js with every mutant at once (mutant schemata), so the site is built once, in the
// dry run, from Stryker's sandbox, and served unchanged to every mutant run (PLAYBOOK_BUILT_SITE, tests/conftest.py).
// One pytest process per test runner stays up for the whole run (pytest_stryker.py, beside this file): its
// session collects the tests once, launches Chromium once, then runs each batch asked for on a pipe, so a mutant
// costs only the tests that reach it (Stryker's `perTest` coverage, recorded by the pages themselves) and stops at
// the first that fails. Options (stryker.config.mjs, "pytest"): python, testFiles, pytestArgs.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import { DryRunStatus, MutantRunStatus, TestStatus } from "@stryker-mutator/api/test-runner";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITE = ".stryker-site"; // in the sandbox: the site built from the instrumented playbook.js
const TAIL = 20000; // characters of pytest's own output kept for error messages

class PytestWorker {
  constructor(settings, cwd, log) {
    const env = {
      ...process.env,
      PYTHONPATH: [HERE, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
      STRYKER_PYTEST_FDS: "3,4",
      PLAYBOOK_BUILT_SITE: path.join(cwd, SITE),
      NO_MKDOCS_2_WARNING: "1",
    };
    const args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_stryker", ...settings.pytestArgs,
      ...settings.testFiles];
    this.log = log;
    this.output = "";
    this.pending = [];
    this.process = spawn(settings.python, args, { cwd, env, stdio: ["ignore", "pipe", "pipe", "pipe", "pipe"] });
    const keep = (chunk) => { this.output = (this.output + chunk.toString()).slice(-TAIL); };
    this.process.stdout.on("data", keep);
    this.process.stderr.on("data", keep);
    this.commands = this.process.stdio[3];
    createInterface({ input: this.process.stdio[4] }).on("line", (line) => {
      const waiting = this.pending.shift();
      if (waiting) waiting.resolve(JSON.parse(line));
    });
    this.exited = new Promise((resolve) => this.process.on("exit", resolve));
    this.exited.then((code) => {
      this.dead = true;
      const error = new Error(`pytest ended (exit ${code}):\n${this.output}`);
      this.pending.splice(0).forEach((waiting) => waiting.reject(error));
    });
    this.ready = this.next();
  }

  next() {
    if (this.dead) return Promise.reject(new Error(`pytest has ended:\n${this.output}`));
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  async run(command) {
    const hello = await this.ready;
    if (hello.error) throw new Error(`${hello.error}\n${this.output}`);
    const answer = this.next();
    this.commands.write(`${JSON.stringify(command)}\n`);
    const result = await answer;
    if (result.error) throw new Error(`${result.error}\n${this.output}`);
    return result;
  }

  async stop() {
    if (this.dead) return;
    this.commands.end(`${JSON.stringify({ exit: true })}\n`);
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 30000);
    await this.exited;
    clearTimeout(timer);
  }
}

export class PytestTestRunner {
  static inject = tokens(commonTokens.logger, commonTokens.options);

  constructor(log, options) {
    this.log = log;
    const settings = options.pytest ?? {};
    this.settings = {
      python: settings.python ?? "python3",
      testFiles: settings.testFiles ?? ["tests/browser"],
      pytestArgs: settings.pytestArgs ?? [],
    };
    this.cwd = process.cwd();
    this.killers = []; // tests that killed mutants, most recent first: tried first on the next mutants
  }

  capabilities() {
    return { reloadEnvironment: true }; // every test opens fresh browser contexts: a mutant is active from the start
  }

  async init() {
    // A runner started after the dry run (or again after a timeout) has pytest and Chromium up before its first
    // mutant, whose time limit then covers the tests only.
    if (existsSync(path.join(this.cwd, SITE))) await this.workerReady().ready;
  }

  async build() {
    const site = path.join(this.cwd, SITE);
    const started = Date.now();
    await new Promise((resolve, reject) => {
      let output = "";
      const build = spawn(this.settings.python, ["-m", "mkdocs", "build", "--strict", "--site-dir", site], {
        cwd: this.cwd,
        env: { ...process.env, NO_MKDOCS_2_WARNING: "1", SITE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      build.stdout.on("data", (chunk) => { output += chunk; });
      build.stderr.on("data", (chunk) => { output += chunk; });
      build.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`mkdocs build failed:\n${output}`))));
    });
    this.log.info("Site built from the instrumented playbook.js in %ss", ((Date.now() - started) / 1000).toFixed(1));
  }

  workerReady() {
    if (!this.worker || this.worker.dead) this.worker = new PytestWorker(this.settings, this.cwd, this.log);
    return this.worker;
  }

  async dryRun({ coverageAnalysis }) {
    try {
      if (!existsSync(path.join(this.cwd, SITE))) await this.build();
      const result = await this.workerReady().run({ tests: null, mutant: null, bail: false,
        coverage: coverageAnalysis !== "off" });
      const tests = result.tests.map((test) => ({
        id: test.id,
        name: test.id,
        fileName: test.id.split("::")[0],
        timeSpentMs: Math.round(test.timeSpentMs),
        ...(test.status === "failed"
          ? { status: TestStatus.Failed, failureMessage: test.failureMessage }
          : { status: test.status === "skipped" ? TestStatus.Skipped : TestStatus.Success }),
      }));
      const mutantCoverage = result.coverage ? { static: {}, perTest: result.coverage } : undefined;
      return { status: DryRunStatus.Complete, tests, mutantCoverage };
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: String(error.stack ?? error) };
    }
  }

  async mutantRun({ activeMutant, testFilter, disableBail }) {
    const rank = (id) => { const at = this.killers.indexOf(id); return at === -1 ? this.killers.length : at; };
    const tests = testFilter ? [...testFilter].sort((a, b) => rank(a) - rank(b)) : null;
    let result;
    try {
      result = await this.workerReady().run({ tests, mutant: activeMutant.id, bail: !disableBail, coverage: false });
    } catch (error) {
      // A crashed worker (a mutant can take Chromium down with it): once more on a fresh one, then an error.
      try {
        this.log.warn("pytest worker failed on mutant %s, restarting it: %s", activeMutant.id, String(error).slice(0, 500));
        this.worker = undefined;
        result = await this.workerReady().run({ tests, mutant: activeMutant.id, bail: !disableBail, coverage: false });
      } catch (again) {
        return { status: MutantRunStatus.Error, errorMessage: String(again.stack ?? again) };
      }
    }
    const failed = result.tests.filter((test) => test.status === "failed");
    if (failed.length) {
      const killedBy = failed.map((test) => test.id);
      this.killers = [...killedBy, ...this.killers.filter((id) => !killedBy.includes(id))];
      return {
        status: MutantRunStatus.Killed,
        killedBy,
        failureMessage: failed[0].failureMessage,
        nrOfTests: result.tests.length,
        duration: result.ms,
      };
    }
    return { status: MutantRunStatus.Survived, nrOfTests: result.tests.length, duration: result.ms };
  }

  async dispose() {
    if (this.worker) await this.worker.stop();
  }
}

// Reporter "partial": one JSON line per mutant as soon as it is tested (Stryker writes its own reports only at the
// end), so a run stopped early still has its numbers (python mutation/js.py --summary reads them).
export class PartialReporter {
  static inject = tokens(commonTokens.options);

  constructor(options) {
    this.file = path.resolve(options.pytest?.partialReport ?? "reports/mutation/partial.jsonl");
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, "");
  }

  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, killedBy, testsCompleted, duration } = result;
    const line = { id, fileName: path.relative(process.cwd(), fileName), mutatorName, replacement, location, status,
      killedBy, coveredBy: result.coveredBy?.length, testsCompleted, duration, at: new Date().toISOString() };
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.TestRunner, "pytest", PytestTestRunner),
  declareClassPlugin(PluginKind.Reporter, "partial", PartialReporter),
];

export const strykerValidationSchema = {
  $schema: "http://json-schema.org/draft-07/schema",
  type: "object",
  properties: {
    pytest: {
      description: "The pytest test runner (mutation/stryker/pytest-runner.mjs).",
      type: "object",
      properties: {
        python: { type: "string", description: "The Python that runs pytest and mkdocs." },
        testFiles: { type: "array", items: { type: "string" }, description: "Test files or folders, from the root." },
        pytestArgs: { type: "array", items: { type: "string" }, description: "More pytest arguments." },
        partialReport: { type: "string", description: "Where the partial reporter writes, from the root." },
      },
      additionalProperties: false,
    },
  },
};
