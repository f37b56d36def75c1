// A browser of its own with the built app served for it: the app opened once, its service worker in control
// (it has cached the app's files), for tests of what happens after a first visit (offline use, new builds).
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';
import { SidenotePage } from './sidenote-page.mjs';

/**
 * Runs `body({ server, context, page, app, errors })` after a first visit; `errors` collects the page's
 * uncaught errors from the start. Closes the browser and the server after, whatever happened.
 */
export async function afterFirstVisit(body) {
  const server = await serveDist();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const app = new SidenotePage(page, server.url);
    await app.open();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await body({ server, context, page, app, errors });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
