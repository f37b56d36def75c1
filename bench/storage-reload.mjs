// Reopening a saved 1 MB document with notes: a 1 MB paste (the sample article repeated) gets 10 notes
// spread over it, then the page is reloaded 5 times; each time, the time from the navigation's start until
// the document is back (the article holds its whole text: `data-text-length`) and until its notes are back
// (highlighted in the text).
// Medians. Run from e2e/ after a release build: node ../bench/storage-reload.mjs [dist folder] [bytes]
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { SidenotePage } from '../e2e/lib/sidenote-page.mjs';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const size = Number(process.argv[3] ?? 1_000_000);
const sample = await fs.readFile(new URL('../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const text = `Bench opening line.\n\n${`${sample}\n\n`.repeat(Math.ceil(size / (sample.length + 2)))}`;

const server = await serveDist(dist);
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
const app = new SidenotePage(page, server.url);
await page.goto(server.url);
await page.locator('mark[data-testid=hl]').first().waitFor();
await page.getByTestId('paste-button').click();
await page.getByTestId('paste-area').evaluate((area, value) => { area.value = value; }, text);
await page.getByTestId('paste-open').click();
await page.locator(`[data-testid=article][data-text-length="${text.length}"][data-extraction=done]`).waitFor({ timeout: 120_000 });
// Only the blocks near the viewport are in the page: the notes go on the first rendered mentions.
for (let i = 0; i < 10; i++) {
  await app.selectWords('Lavrov', i);
  await app.writeNote(`bench note ${i}`);
}
await page.waitForTimeout(1000); // let the last save land

await context.addInitScript((length) => {
  const seen = {};
  window.__reload = seen;
  new MutationObserver(() => {
    const article = document.querySelector('[data-testid=article]');
    if (!seen.document && article?.dataset.textLength === String(length)) seen.document = performance.now();
    if (!seen.notes && document.querySelector('[data-testid=article] mark[data-notes]')) seen.notes = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}, text.length);
const runs = [];
for (let i = 0; i < 5; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__reload?.document && window.__reload?.notes, null, { timeout: 120_000 });
  runs.push(await page.evaluate(() => window.__reload));
}
await browser.close();
await server.close();
const median = (values) => values.slice().sort((a, b) => a - b)[2];
const fmt = (values) => values.map((v) => v.toFixed(0)).join(', ');
console.log(`${(text.length / 1e6).toFixed(2)} MB document, 10 notes, reload (from navigation start):`);
console.log(`  text back: ${fmt(runs.map((r) => r.document))} ms; median ${median(runs.map((r) => r.document)).toFixed(0)} ms`);
console.log(`  notes back: ${fmt(runs.map((r) => r.notes))} ms; median ${median(runs.map((r) => r.notes)).toFixed(0)} ms`);
