// The playbook's service worker. macros/web_app.py writes it into a built site, with the list of this
// build's files (and a hash of each) in place of the placeholder below, and Workbox's runtime beside it.
//
// - On the first visit every page, asset and the search index are kept (Workbox's precache), so the site
//   opens and searches with no network.
// - A new build is a new sw.js: it waits until a page asks it to take over (the rep's "Actualizar", in
//   docs/assets/playbook.js); until then every page comes from the version the rep had, whole.
// - Addresses are relative to this file: the same build works at a host's root and under any sub-path.
// - Nothing is stored at run time: no request a rep makes, nothing a rep types.
importScripts("assets/javascripts/workbox-runtime.js");

const { core, precaching, routing, strategies } = self.workbox;

precaching.precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  // `tecnicas/?tipo=24-7`, `guia/?filtro=…`: the page is the same file whatever follows the `?`.
  ignoreURLParametersMatching: [/.*/],
});
precaching.cleanupOutdatedCaches();

// A page this build lacks, asked for with no network: the site's "this page does not exist" page, with its
// ways on, rather than the browser's "no internet". Online, the host answers as it always does.
routing.registerRoute(
  ({ request }) => request.mode === "navigate",
  new strategies.NetworkOnly({ plugins: [new precaching.PrecacheFallbackPlugin({ fallbackURL: "404.html" })] }),
);

// The first visit: this worker serves the page that installed it at once. Later versions wait for the rep.
core.clientsClaim();
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
