// A 1 MB paste (the sample article repeated) in headless Chromium: time from the click on Open to the first
// highlight, and the main thread's long tasks meanwhile (PerformanceObserver 'longtask', over 50 ms each).
// Medians of 5 fresh pages. Run from e2e/ after a release build: node ../bench/large-paste.mjs [bytes]
import fs from 'node:fs/promises';
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const size = Number(process.argv[2] ?? 1_000_000);
const sample = await fs.readFile(new URL('../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const text = `${sample}\n\n`.repeat(Math.ceil(size / (sample.length + 2)));

const server = await serveDist();
const browser = await launch();
const runs = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('[data-testid=article][data-extraction=done]').waitFor();
  await page.getByTestId('paste-button').click();
  // As a paste does (Ctrl+V): the whole text arrives at once, in a paste event. A long one is held by the
  // panel, not put into the text area (see src/components/paste_panel.rs).
  await page.getByTestId('paste-area').evaluate((area, value) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', value);
    if (area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))) area.value = value;
  }, text);
  // A person pastes, then clicks Open: the pasted text is painted before the click (two frames later).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate((length) => {
    window.__bench = { longTasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    document.querySelector('[data-testid=paste-open]').addEventListener('click', () => { window.__bench.clicked = performance.now(); }, { capture: true });
    new MutationObserver((_, observer) => {
      // The pasted text's own highlights (the article says how long its text is), not the sample's.
      const article = document.querySelector(`[data-testid=article][data-text-length="${length}"]`);
      if (article?.querySelector('mark[data-kind]') && window.__bench.clicked) {
        window.__bench.highlighted = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  }, text.length);
  await page.getByTestId('paste-open').click();
  await page.locator(`[data-testid=article][data-text-length="${text.length}"][data-extraction=done]`).waitFor({ timeout: 120_000 });
  // Long tasks are reported after they end: give the observer a moment to deliver the last one.
  await page.waitForTimeout(300);
  const run = await page.evaluate(() => {
    const { clicked, highlighted, longTasks } = window.__bench;
    const during = longTasks.filter((t) => t.start + t.duration >= clicked && t.start <= highlighted);
    return { firstHighlight: highlighted - clicked, longest: Math.max(0, ...during.map((t) => t.duration)), over200: during.filter((t) => t.duration > 200).length };
  });
  runs.push(run);
  await context.close();
}
await browser.close();
await server.close();
const median = (values) => values.slice().sort((a, b) => a - b)[2];
const fmt = (values) => values.map((v) => v.toFixed(0)).join(', ');
console.log(`${(text.length / 1e6).toFixed(2)} MB paste → first highlight: ${fmt(runs.map((r) => r.firstHighlight))} ms; median ${median(runs.map((r) => r.firstHighlight)).toFixed(0)} ms`);
console.log(`longest main-thread task meanwhile: ${fmt(runs.map((r) => r.longest))} ms; median ${median(runs.map((r) => r.longest)).toFixed(0)} ms; tasks over 200 ms per run: ${runs.map((r) => r.over200).join(', ')}`);
