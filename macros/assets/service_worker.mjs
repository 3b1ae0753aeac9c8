// The site's service worker, written by Workbox into a built site: every page, asset and the search index
// kept on the first visit, so the playbook opens and searches with no network after one visit.
//
//   node macros/assets/service_worker.mjs <site dir> <search language>...      (run by macros/web_app.py)
//
// - Versioned by the build: each file's revision is a hash of its bytes, so a new build is a new sw.js, which
//   waits until the page asks it to take over (the page offers "Actualizar"; skipWaiting is not automatic).
// - Addresses are relative to sw.js: the same build works at a host's root or under any sub-path.
// - Nothing at run time but the precache: no request a rep makes is stored.
// Prints one JSON line: {count, size, warnings}; or, on failure, Workbox's message as the last line of stderr.
import { readdirSync } from "node:fs";
import { generateSW } from "workbox-build";

const [siteDir, ...languages] = process.argv.slice(2);
// Material ships lunr for every language; the search worker loads the support file and the site's own.
const LUNR = "assets/javascripts/lunr/min";
const wanted = new Set(["stemmer.support", ...languages].map((name) => `lunr.${name}.min.js`));
const otherLanguages = readdirSync(`${siteDir}/${LUNR}`).filter((name) => !wanted.has(name)).map((name) => `${LUNR}/${name}`);

let result;
try {
  result = await generateSW({
    globDirectory: siteDir,
    swDest: `${siteDir}/sw.js`,
    globPatterns: ["**/*.{html,css,js,json,png,svg,ico,webmanifest,xml,woff2}"],
    globIgnores: [
      "sw.js",
      "workbox-*.js",
      "**/*.map",
      ...otherLanguages,
      "assets/javascripts/lunr/{tinyseg,wordcut}.js",
    ],
    // Material's bundles carry a hash in their names: the browser's cache may serve them, no need to re-fetch.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
    // `tecnicas/?tipo=24-7`, `guia/?filtro=…`: the page is the same file whatever follows the `?`.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: "index.html",
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    // A page this build lacks, asked for with no network: the site's "this page does not exist" page, with
    // its ways on, rather than the browser's own "no internet". Online, the host answers as it always does.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: "NetworkOnly",
        options: { precacheFallback: { fallbackURL: "404.html" } },
      },
    ],
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: false,
    sourcemap: false,
    mode: "production",
  });
} catch (error) {
  console.error(String(error.message || error).split("\n")[0]);
  process.exit(1);
}
console.log(JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings }));
