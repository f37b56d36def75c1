// Typing and saving at 10 KB, 1 MB and 5 MB in headless Chromium: the main thread's time for one key typed in
// the search box and in the note editor (from the input event until its work, re-render and a layout are
// done), for a selection in the article growing by one character (Shift+→, a phone's handle), for saving a note (from the click on Save until the work it started is done), and for jumping to a
// name at the end of the article (Entities tab; a key typed in the search box there too), with the longest
// main-thread task meanwhile.
// Medians of 5 fresh pages (20 keys per page, their median per page). Run from e2e/ after a release build:
//   node ../bench/interaction.mjs [bytes ...]      (default: 10000 1000000 5000000)
import fs from 'node:fs/promises';
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [10_000, 1_000_000, 5_000_000];
const sample = await fs.readFile(new URL('../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const ENDING = 'In a later statement, Chancellor Angela Merkel said in Berlin that the talks would resume in the spring.\n';
const RUNS = 5;

/** In the page: the time from now until every task and microtask queued by `act` is done, plus a layout. */
const PAGE_HELPERS = () => {
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()?.();
  window.__nextTask = () => new Promise((resolve) => { queue.push(resolve); channel.port2.postMessage(0); });
  window.__time = async (act) => {
    const start = performance.now();
    act();
    await window.__nextTask();
    document.body.getBoundingClientRect();
    return performance.now() - start;
  };
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
};

/** Types `keys` characters into a field through input events, one at a time; the median per key. */
const typeKeys = (page, selector, keys = 20) => page.evaluate(async ([selector, keys]) => {
  const field = document.querySelector(selector);
  const times = [];
  for (let i = 0; i < keys; i++) {
    times.push(await window.__time(() => {
      field.value += i % 5 === 4 ? ' ' : 'e';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'e', inputType: 'insertText' }));
    }));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}, [selector, keys]);

/** Extends a selection in the article by one character at a time, as Shift+→ or a phone's selection handle
 * does (no mouse button down, so the app reads it on `selectionchange`): the median time from the change until
 * the app's work for it, its re-render and a layout are done (a listener added after the app's runs after it). */
const extendSelection = (page, steps = 20) => page.evaluate(async (steps) => {
  const article = document.querySelector('[data-testid=article]');
  const node = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, { acceptNode: (n) => n.data.length > steps + 2 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP }).nextNode();
  const selection = getSelection();
  selection.removeAllRanges();
  selection.collapse(node, 0);
  await new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true }));
  const times = [];
  for (let i = 1; i <= steps; i++) {
    const changed = new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true }));
    const start = performance.now();
    selection.extend(node, i);
    await changed;
    await window.__nextTask();
    document.body.getBoundingClientRect();
    times.push(performance.now() - start);
  }
  // The figure counts only if the app took the selection as its own (its selection bar shows).
  if (!document.querySelector('[data-testid=selection-bar]')) throw new Error('the app did not read the extended selection');
  selection.removeAllRanges();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}, steps);

async function measure(browser, url, text) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid=article][data-extraction=done]').waitFor();
  await page.getByTestId('paste-button').click();
  await page.getByTestId('paste-area').evaluate((area, value) => { area.value = value; }, text);
  await page.getByTestId('paste-open').click();
  await page.locator('[data-testid=article][data-extraction=done]').waitFor({ timeout: 300_000 });
  await page.evaluate(PAGE_HELPERS);
  await page.waitForTimeout(300);
  const search = await typeKeys(page, '[data-testid=search]');
  await page.getByTestId('search').fill('');
  const extend = await extendSelection(page);
  // Select a few words in the first paragraph, open the note editor and type in it.
  await page.getByTestId('article').evaluate((article) => {
    const node = document.createTreeWalker(article, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.data.length, 12));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await page.getByTestId('selection-bar').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('n');
  await page.getByTestId('note-text').waitFor();
  const editor = await typeKeys(page, '[data-testid=note-text]');
  const save = await page.evaluate(() => window.__time(() => document.querySelector('[data-testid=note-save]').click()));
  await page.locator('mark[data-notes]').first().waitFor();
  // Jump to the name in the last paragraph from the Entities tab.
  await page.getByTestId('tab-entities').click();
  await page.getByTestId('entity-row').first().waitFor();
  // The search box again, now filtering the Entities tab's list.
  const entitySearch = await typeKeys(page, '[data-testid=search]');
  await page.getByTestId('search').fill('Merkel');
  await page.evaluate(() => { window.__longTasks = []; });
  const jump = await page.evaluate(() =>
    window.__time(() => document.querySelector('[data-testid=entity-row][data-name="Angela Merkel"] .entity-name').click()));
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).first().waitFor();
  await page.waitForTimeout(500);
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await context.close();
  return { search, extend, editor, save, entitySearch, jump, longest };
}

const server = await serveDist();
const browser = await launch();
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (values) => values.map((v) => v.toFixed(1)).join(', ');
for (const size of sizes) {
  const text = `${`${sample}\n\n`.repeat(Math.max(1, Math.round(size / (sample.length + 2))))}${ENDING}`;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url, text));
  console.log(`${(text.length / 1e6).toFixed(2)} MB`);
  for (const key of ['search', 'extend', 'editor', 'save', 'entitySearch', 'jump', 'longest']) {
    const values = runs.map((r) => r[key]);
    console.log(`  ${key.padEnd(12)} ${fmt(values)} ms; median ${median(values).toFixed(1)} ms`);
  }
}
await browser.close();
await server.close();
