// Offline: after one visit the service worker has the app's files, and Sidenote opens and works with the
// network off and its server gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';

test('after the first visit Sidenote opens and annotates with the network off', async () => {
  const server = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const app = new SidenotePage(page, server.url);
    await app.open();
    // The worker has cached the app's files once it controls the page (it caches them while installing).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
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
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
