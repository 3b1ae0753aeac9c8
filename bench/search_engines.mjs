/* Issue 25: the browser search engines the team considered, on one built site's search index (build and query
 * time in Node). Not part of `make test`; its packages are not the project's:
 *   npm install --no-save lunr@2.3.9 lunr-languages minisearch flexsearch@0.7 @orama/orama @orama/stemmers
 *   node bench/search_engines.mjs SITE/search/search_index.json
 * Figures measured with it are in the note of issue 25 (bench/RESULTS.md has the in-browser latency). */
import fs from "fs";
import { createRequire } from "module";
const require = createRequire(import.meta.url);
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support")(lunr);
require("lunr-languages/lunr.es")(lunr);
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";
import { create, insertMultiple, search } from "@orama/orama";
import { stemmer as spanish } from "@orama/stemmers/spanish";

const index = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const docs = index.docs.map((d, i) => ({ id: i, location: d.location, title: d.title, text: d.text.replace(/<[^>]+>/g, " ") }));
const fold = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const queries = ["escalacion", "devolucion del dinero", "cliente furioso grita", "priorizacion inteligente", "garnatia vencida", "sistema caido"];
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, n = 20) => { const ts = []; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); ts.push(performance.now() - t); } return median(ts); };
const mem = () => Math.round(process.memoryUsage().heapUsed / 1e6);

let t = performance.now();
const l = lunr(function () { this.use(lunr.es); this.ref("id"); this.field("title", { boost: 1000 }); this.field("text"); docs.forEach((d) => this.add(d)); });
const lunrBuild = performance.now() - t;
console.log(`docs ${docs.length}`);
console.log(`lunr+es (Material's): build ${lunrBuild.toFixed(0)} ms; query median ${(time(() => queries.forEach((q) => l.search(q.split(" ").map((w) => w + "*").join(" ")))) / queries.length).toFixed(2)} ms/query (wildcards)`);

t = performance.now();
const ms = new MiniSearch({ fields: ["title", "text"], storeFields: ["location"], processTerm: (term) => fold(term), searchOptions: { boost: { title: 3 }, fuzzy: 0.2, prefix: true } });
ms.addAll(docs);
console.log(`MiniSearch: build ${(performance.now() - t).toFixed(0)} ms; query median ${(time(() => queries.forEach((q) => ms.search(q))) / queries.length).toFixed(1)} ms/query (fuzzy 0.2 + prefix)`);
console.log(`  serialized index ${(JSON.stringify(ms).length / 1024).toFixed(0)} KiB vs search_index.json ${(fs.statSync(process.argv[2]).size / 1024).toFixed(0)} KiB`);

t = performance.now();
const fx = new FlexSearch.Document({ document: { id: "id", index: ["title", "text"] }, tokenize: "forward", encode: (s) => fold(s).split(/\W+/) });
docs.forEach((d) => fx.add(d));
console.log(`FlexSearch 0.7: build ${(performance.now() - t).toFixed(0)} ms; query median ${(time(() => queries.forEach((q) => fx.search(q))) / queries.length).toFixed(2)} ms/query (no stemming, no typo tolerance)`);

t = performance.now();
const db = await create({ schema: { title: "string", text: "string", location: "string" }, components: { tokenizer: { language: "spanish", stemming: true, stemmer: spanish } } });
await insertMultiple(db, docs.map(({ id, ...d }) => d), 500);
const oramaBuild = performance.now() - t;
const ts = [];
for (let i = 0; i < 10; i++) { const t0 = performance.now(); for (const q of queries) await search(db, { term: q, tolerance: 1 }); ts.push((performance.now() - t0) / queries.length); }
console.log(`Orama: build ${oramaBuild.toFixed(0)} ms; query median ${median(ts).toFixed(1)} ms/query (tolerance 1)`);
