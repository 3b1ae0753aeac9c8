// Writes the playbook's service worker into a built site with Workbox's build tools (npm's workbox-build):
//
//   node macros/assets/service_worker.mjs <site dir> <search language>...      (run by macros/web_app.py)
//
// - sw.js: macros/assets/sw.js with the list of this build's files to keep, each with a hash of its bytes
//   (injectManifest), so any change to the site is a new sw.js, which the browser finds on its next check.
// - Workbox's runtime (the four modules sw.js uses, as one script) and the page-side library (workbox-window).
// injectManifest rather than generateSW: the same Workbox modules, without bundling them anew on every build
// (generateSW's rollup took 1.2 s of each build's 1.8 s here).
// Prints one JSON line: {count, size, warnings}; or, on failure, Workbox's message as the last line of stderr.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { injectManifest } from "workbox-build";

const require = createRequire(import.meta.url);
const [siteDir, ...languages] = process.argv.slice(2);
const SCRIPTS = "assets/javascripts";
const RUNTIME = `${SCRIPTS}/workbox-runtime.js`;
const WINDOW = `${SCRIPTS}/workbox-window.prod.umd.js`;

// Material ships lunr for every language; the search worker loads the support file and the site's own.
const LUNR = `${SCRIPTS}/lunr/min`;
const wanted = new Set(["stemmer.support", ...languages].map((name) => `lunr.${name}.min.js`));
const otherLanguages = readdirSync(`${siteDir}/${LUNR}`).filter((name) => !wanted.has(name)).map((name) => `${LUNR}/${name}`);

let result;
try {
  const runtime = ["core", "routing", "strategies", "precaching"]
    .map((name) => readFileSync(require.resolve(`workbox-${name}/build/workbox-${name}.prod.js`), "utf8"));
  writeFileSync(`${siteDir}/${RUNTIME}`, runtime.join("\n"));
  copyFileSync(require.resolve("workbox-window"), `${siteDir}/${WINDOW}`);
  result = await injectManifest({
    swSrc: new URL("sw.js", import.meta.url).pathname,
    swDest: `${siteDir}/sw.js`,
    globDirectory: siteDir,
    globPatterns: ["**/*.{html,css,js,json,png,svg,ico,webmanifest,xml,woff2}"],
    // The worker's own scripts are kept by the browser with the worker.
    globIgnores: ["sw.js", RUNTIME, "**/*.map", "assets/javascripts/lunr/{tinyseg,wordcut}.js", ...otherLanguages],
    // Material's bundles carry a hash in their names: the browser's cache may serve them, no need to re-fetch.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  });
} catch (error) {
  console.error(String(error.message || error).split("\n")[0]);
  process.exit(1);
}
console.log(JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings }));
