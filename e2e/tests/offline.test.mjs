// Offline: after one visit the service worker has the app's files, and Sidenote opens and works with the
// network off and its server gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFirstVisit } from '../lib/first-visit.mjs';

test('after the first visit Sidenote opens and annotates with the network off', () => afterFirstVisit(async ({ server, context, page, app, errors }) => {
  // The worker has cached the app's files once it controls the page (it caches them while installing).
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length > 0 && manifest.start_url);

  await context.setOffline(true);
  await server.close();
  await app.reload();
  assert.ok((await app.namesOfKind('PERSON')).includes('Sergei Lavrov'));
  await app.selectWords('has lashed out');
  await app.writeNote('written offline');
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['written offline']);
  assert.deepEqual(errors, []);
}));

test('each visit online keeps the files this build names and drops those an older build named', () => afterFirstVisit(async ({ server, page, app }) => {
  // What an older build left in the cache: its hashed wasm, under the same cache.
  const stale = `${server.url}/sidenote-app-0123456789abcdef_bg.wasm`;
  await page.evaluate(async (url) => {
    const cache = await caches.open('sidenote-app-v1');
    await cache.put(url, new Response('an older build'));
  }, stale);
  const cachedNow = () => page.evaluate(async () => (await (await caches.open('sidenote-app-v1')).keys()).map((r) => r.url));
  assert.ok((await cachedNow()).includes(stale));
  // The next visit fetches the page from the network and re-caches what it names.
  await app.reload();
  await page.waitForFunction(async (url) => {
    const keys = await (await caches.open('sidenote-app-v1')).keys();
    return !keys.some((r) => r.url === url);
  }, stale);
  const named = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')]
    .map((e) => e.src || e.href).filter((u) => /\.(js|wasm|css)$/.test(u) && u.startsWith(location.origin)));
  assert.ok(named.some((u) => u.endsWith('.wasm')) && named.some((u) => u.endsWith('.js')), named.join(' '));
  const cached = await cachedNow();
  for (const url of named) assert.ok(cached.includes(url), `${url} is cached`);
}));
