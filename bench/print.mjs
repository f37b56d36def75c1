// Printing a long article: from `beforeprint` (what Ctrl+P fires) to every block in the page with the printed
// notes after them, the longest main-thread task meanwhile, and Chromium's own print layout (`page.pdf`, the
// pages a printer would get). Medians of 3 fresh pages. Run from e2e/ after a release build:
// node ../bench/print.mjs [bytes…] (default 1 MB and 5 MB)
import fs from 'node:fs/promises';
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { SidenotePage } from '../e2e/lib/sidenote-page.mjs';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1_000_000, 5_000_000];
const sample = await fs.readFile(new URL('../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const RUNS = 3;

async function measure(browser, url, text) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new SidenotePage(page, url);
  await app.open();
  await app.pasteLong(text);
  await page.locator(`[data-testid=article][data-text-length="${text.length}"][data-extraction=done]`).waitFor({ timeout: 300_000 });
  await app.selectWords('Russian Foreign Minister');
  await app.writeNote('A note to print');
  await page.locator('[data-testid=article] mark[data-notes]').first().waitFor();
  await page.evaluate(() => {
    window.__bench = { longTasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.emulateMedia({ media: 'print' });
  const started = await page.evaluate(() => { const t = performance.now(); window.dispatchEvent(new Event('beforeprint')); return t; });
  await page.waitForFunction(() => document.querySelector('[data-testid=print-notes]') && !document.querySelector('[data-testid=article] .spacer'), null, { timeout: 300_000, polling: 50 });
  const rendered = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks));
  const layoutStart = Date.now();
  const pdf = await page.pdf({ format: 'A4' });
  const layout = Date.now() - layoutStart;
  await context.close();
  return { rendered: rendered - started, longest, layout, pdfBytes: pdf.length };
}

const server = await serveDist();
const browser = await launch();
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (values) => values.map((v) => v.toFixed(0)).join(', ');
for (const size of sizes) {
  const text = `${sample}\n\n`.repeat(Math.ceil(size / (sample.length + 2)));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url, text));
  const mb = (text.length / 1e6).toFixed(2);
  console.log(`print ${mb} MB: beforeprint → whole article in the page: ${fmt(runs.map((r) => r.rendered))} ms; median ${median(runs.map((r) => r.rendered)).toFixed(0)} ms`);
  console.log(`  longest main-thread task: median ${median(runs.map((r) => r.longest)).toFixed(0)} ms; Chromium's print layout (page.pdf): median ${median(runs.map((r) => r.layout)).toFixed(0)} ms, ${(runs[0].pdfBytes / 1e6).toFixed(1)} MB of PDF`);
}
await browser.close();
await server.close();
