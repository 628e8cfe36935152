// The console's service worker: keeps the app's own files (index.html and
// the hashed /assets/) so the check-in page opens again without a network.
// API answers are never cached here — they stay on the server.
const CACHE = "huigui-shell-v2";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(["/", "/favicon.svg"])).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page names the hashed files it loaded before this worker controlled it.
self.addEventListener("message", (event) => {
  const files = event.data && Array.isArray(event.data.precache) ? event.data.precache : [];
  const own = files.filter((f) => typeof f === "string" && f.startsWith("/assets/"));
  if (own.length) event.waitUntil(caches.open(CACHE).then((c) => c.addAll(own)));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // The server's own pages and the API are never handled here.
  if (/^\/(api|docs|openapi\.json|problems|health|ready|metrics)(\/|$)/.test(url.pathname)) return;
  if (event.request.mode === "navigate") {
    // Network first for pages; offline, the cached shell (the app routes itself).
    event.respondWith(
      fetch(event.request)
        .then((r) => {
          const copy = r.clone();
          if (r.ok) void caches.open(CACHE).then((c) => c.put("/", copy));
          return r;
        })
        .catch(() => caches.match("/")),
    );
  } else if (url.pathname.startsWith("/assets/") || url.pathname === "/favicon.svg") {
    // Hashed file names never change: cache first.
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ??
          fetch(event.request).then((r) => {
            const copy = r.clone();
            if (r.ok) void caches.open(CACHE).then((c) => c.put(event.request, copy));
            return r;
          }),
      ),
    );
  }
});
