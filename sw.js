// Sidenote's service worker: keeps the app's own files so that, after the first visit, Sidenote opens and
// works with the network off. Nothing else is cached, and nothing is fetched from other origins.
//
// The file list is read from index.html itself (Trunk gives the JS glue, the wasm and the CSS hashed
// names), so no build step has to write it here. Pages are fetched network first (a new build is seen at
// once when online), everything else cache first (hashed names never change content).
'use strict';

const CACHE = 'sidenote-app-v1';
const SHELL = new URL('./', self.registration.scope).href;

/** Same-origin files that a page of the app names in src/href attributes or in its module script. */
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/["']([^"'\s]+\.(?:js|wasm|css|svg|png|webmanifest))["']/g)) {
    const url = new URL(match[1], SHELL);
    if (url.origin === self.location.origin) found.add(url.href);
  }
  return [...found];
}

/** Caches the page and every file it names, then drops files an older build named. */
async function cacheShell(response) {
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  const assets = assetsOf(html);
  await Promise.all(assets.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url);
  }));
  await cache.put(SHELL, response);
  const keep = new Set([SHELL, ...assets]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(SHELL, { cache: 'no-cache' });
    if (response.ok) await cacheShell(response);
    await self.skipWaiting();
  })());
});

// Take control of the page that registered us at once, so that the first visit is already enough.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        // Past the HTTP cache too (revalidated): a server that sends no Cache-Control lets the browser keep
        // an old index.html for a while, and a tab opened after a deploy would start the old build. A
        // navigation request cannot be copied with other options, hence its URL (redirects left to the browser,
        // as a navigation's own fetch does).
        const response = await fetch(request.url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual' });
        // Only the app's own page is the shell; another path answering (a 404) is passed through.
        const shellPath = new URL(SHELL).pathname;
        if (response.ok && (url.pathname === shellPath || url.pathname === `${shellPath}index.html`)) {
          event.waitUntil(cacheShell(response.clone()).catch(() => {}));
        }
        return response;
      } catch (offline) {
        return (await caches.match(SHELL)) ?? Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {}));
    }
    return response;
  })());
});
