// Many notes on one document, in headless Chromium: a W3C file of N notes (1,200-character bodies, all on one
// word of the sample) is imported into the sample, then one more note is saved and the page reloaded.
// Reported per N: import (from the file input's change event until the "Imported" notice), the longest
// main-thread task during the import and the 2 s after it, saving one more note (from the click on Save until
// the work it started is done, as bench/interaction.mjs measures it) with its longest task, and the reload
// until the notes are back. The file is made in the page before the clock starts: Playwright's own
// `setInputFiles` of a 27 MB buffer takes seconds of the page's main thread, which an earlier probe mistook
// for the app's.
// Medians of 3 fresh pages. Run from e2e/ after a release build:
//   node ../bench/many-notes.mjs [count ...]      (default: 2000 20000)
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { SidenotePage } from '../e2e/lib/sidenote-page.mjs';

const counts = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [2_000, 20_000];
const RUNS = 3;

async function measure(browser, url, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new SidenotePage(page, url);
  await page.goto(url);
  await page.locator('[data-testid=article][data-extraction=done]').waitFor();
  const megabytes = await page.evaluate((count) => {
    const items = [];
    for (let i = 0; i < count; i++) {
      items.push({
        type: 'Annotation',
        id: `urn:bench:${i}`,
        body: { type: 'TextualBody', value: `note ${i} ${'x'.repeat(1200)}` },
        target: { selector: { type: 'TextQuoteSelector', exact: 'Moscow' } },
      });
    }
    const json = JSON.stringify(items);
    window.__file = new File([json], 'many.json', { type: 'application/json' });
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
    return json.length / 1e6;
  }, count);
  await page.waitForTimeout(500);
  const importMs = await page.evaluate(async () => {
    window.__longTasks = [];
    const start = performance.now();
    const input = document.querySelector('[data-testid=import-input]');
    const files = new DataTransfer();
    files.items.add(window.__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (/Imported/.test(document.querySelector('[data-testid=notice-text]')?.textContent ?? '')) break;
    }
    return performance.now() - start;
  });
  await page.waitForTimeout(2000);
  const importLongest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await page.waitForFunction(() => document.body.dataset.savesPending === '0' || !document.body.dataset.savesPending, null, { timeout: 120_000 });

  await app.selectWords('Lavrov');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('n');
  await page.getByTestId('note-text').fill('one more note');
  const saveMs = await page.evaluate(async () => {
    window.__longTasks = [];
    const channel = new MessageChannel();
    const done = new Promise((resolve) => { channel.port1.onmessage = resolve; });
    const start = performance.now();
    document.querySelector('[data-testid=note-save]').click();
    channel.port2.postMessage(0);
    await done;
    document.body.getBoundingClientRect();
    return performance.now() - start;
  });
  await page.waitForTimeout(1000);
  const saveLongest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await page.waitForFunction(() => document.body.dataset.savesPending === '0' || !document.body.dataset.savesPending, null, { timeout: 120_000 });

  const reloadStart = Date.now();
  await page.reload();
  await page.locator('[data-testid=article] mark[data-notes]').first().waitFor({ timeout: 120_000 });
  const reloadMs = Date.now() - reloadStart;
  await context.close();
  return { megabytes, importMs, importLongest, saveMs, saveLongest, reloadMs };
}

const server = await serveDist();
const browser = await launch();
try {
  for (const count of counts) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url, count));
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)].toFixed(0);
    console.log(`${count} notes (${runs[0].megabytes.toFixed(1)} MB file): import ${median('importMs')} ms, `
      + `longest task ${median('importLongest')} ms; one more note saved ${median('saveMs')} ms, `
      + `longest task ${median('saveLongest')} ms; reload until the notes are back ${median('reloadMs')} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
