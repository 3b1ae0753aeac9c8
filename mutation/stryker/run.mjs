// Runs Stryker with mutation/stryker.config.mjs through its API: `node mutation/stryker/run.mjs '{"concurrency": 1}'`
// (a JSON object of options that override the config's; python mutation/js.py is the usual way in).
//
// Stryker 10's command line refuses Node.js older than 22, and Debian's is 20: its API has no such check and runs
// fine on 20 here (measured), so this imports the engine directly rather than going through `npx stryker run`.
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Stryker } from "../../node_modules/@stryker-mutator/core/dist/src/stryker.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const overrides = process.argv[2] ? JSON.parse(process.argv[2]) : {};
const stryker = new Stryker({ configFile: path.join(HERE, "..", "stryker.config.mjs"), ...overrides });
const results = await stryker.runMutationTest();
console.log(`stryker: ${results.length} mutants`);
