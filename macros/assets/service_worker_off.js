// The service worker `mkdocs serve` offers (macros/web_app.py): a worker an earlier build left on this
// address would keep showing its own copy of the pages. This one takes over, removes itself, empties the
// caches that worker filled and reloads the open pages, which then come from the live preview.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await self.registration.unregister();
    const ours = (await caches.keys()).filter((name) => name.startsWith("workbox-"));
    await Promise.all(ours.map((name) => caches.delete(name)));
    const pages = await self.clients.matchAll({ type: "window" });
    await Promise.all(pages.map((page) => page.navigate(page.url)));
  })());
});
