// The extractor runs in a Web Worker: the text shows at once, highlights follow, a crash of the worker is
// survived (test-only trigger: the page URL has ?test-panic and the text contains the sentinel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useSidenote } from '../lib/fixture.mjs';
import { afterFirstVisit } from '../lib/first-visit.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';

const ctx = useSidenote();
const SENTINEL = '\u{E000}sidenote-test-panic\u{E000}';
const STOPPED = 'The extractor stopped on this document; your text and notes are kept. Highlights are off for it.';
const SAMPLE = await fs.readFile(new URL('../../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
// About 1 MB: the extractor works on it for seconds, well over the 200 ms after which the progress line shows.
const LONG = `${SAMPLE}\n\n`.repeat(Math.ceil(1_000_000 / SAMPLE.length));
// Large enough that the worker is still busy well after the 200 ms the progress line waits for, even on an idle
// machine (about 1.5 s of extraction), so the test does not race the extractor.
const LONGER = `${SAMPLE}\n\n`.repeat(Math.ceil(4_000_000 / SAMPLE.length));

test('a worker crash keeps the text and notes, says so, survives a reload, and the next document is highlighted', async () => {
  const { app, page } = ctx;
  await page.goto(`${ctx.server.url}?test-panic`);
  const text = `Angela Merkel met Emmanuel Macron in Paris. ${SENTINEL} They spoke about the budget.`;
  await app.pasteText(text);
  await app.notice.filter({ hasText: STOPPED }).waitFor();
  await app.extraction('failed');
  assert.equal(await app.articleText(), text);
  assert.equal(await page.locator('mark[data-kind]').count(), 0, 'no highlights from a crashed extractor');
  // The app still works on this document: a note can be written.
  await app.selectWords('They spoke about the budget.');
  await app.writeNote('Budget talk', 'crash');
  assert.deepEqual((await app.noteCards()).map((c) => c.words), ['They spoke about the budget.']);
  // At start-up the same document crashes the worker again; the app opens with its text and note all the same.
  await app.saved();
  await page.reload();
  await app.notice.filter({ hasText: STOPPED }).waitFor();
  assert.equal(await app.articleText(), text);
  assert.deepEqual((await app.noteCards()).map((c) => [c.words, c.body]), [['They spoke about the budget.', 'Budget talk']]);
  // The app goes on: the sample opens with its highlights, and a new worker extracts the next document.
  await page.getByTestId('sample-button').click();
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Sergei Lavrov' }).first().waitFor();
  assert.equal(await app.notice.count(), 0, 'the crash message went with its document');
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await app.extraction('done');
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
  assert.deepEqual(ctx.errors, []);
});

/** Runs `check` on a started app whose worker script does not load (404), with no page errors allowed. */
async function withoutWorker(check) {
  const context = await ctx.browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/extractor-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const app = new SidenotePage(page, ctx.server.url);
    await page.goto(ctx.server.url);
    await page.locator('[data-testid=app][data-started=true]').waitFor();
    await check({ page, app });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

test('a worker whose script does not load is reported as not starting, not as a fault of the document', () => withoutWorker(async ({ page, app }) => {
  // The built-in sample is extracted on the page; the next document needs the worker.
  const text = 'Angela Merkel met Emmanuel Macron in Paris on Monday.';
  await app.pasteText(text);
  const notice = page.getByTestId('notice-text');
  await notice.filter({ hasText: 'The extractor could not start' }).waitFor();
  assert.match(await notice.textContent(), /Reload the page to try again/);
  assert.doesNotMatch(await notice.textContent(), /this document/);
  await app.extraction('failed');
  assert.equal(await app.articleText(), text, 'the text is shown all the same');
}));

test('without ?test-panic the sentinel is ordinary text', async () => {
  const { app, page } = ctx;
  await app.pasteText(`Angela Merkel met Emmanuel Macron in Paris. ${SENTINEL}`);
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  await app.extraction('done');
  assert.deepEqual(ctx.errors, []);
});

test('a long document shows its text at once and the progress line until its highlights arrive', async () => {
  const { app, page } = ctx;
  await ctx.app.pasteLong(LONGER);
  await page.getByTestId('extraction-progress').filter({ hasText: 'Finding names and quotes…' }).waitFor();
  assert.equal(await page.getByTestId('article').getAttribute('data-extraction'), 'pending');
  assert.equal(await page.getByTestId('article').getAttribute('aria-busy'), 'true');
  // Only the blocks near the viewport are in the DOM: the article stands for the whole text, its start rendered.
  assert.equal(Number(await page.getByTestId('article').getAttribute('data-text-length')), LONGER.length);
  const rendered = await app.articleText();
  assert.ok(rendered.length > 1000 && LONGER.startsWith(rendered), 'the text is shown before its highlights');
  await app.extraction('done');
  await page.getByTestId('extraction-progress').waitFor({ state: 'detached' });
  assert.ok((await app.namesOfKind('PERSON')).includes('Sergei Lavrov'));
});

test('opening another document while one is being extracted stops that work and shows the new one, never the old answer', async () => {
  const { app, page } = ctx;
  // Counts the workers stopped: the busy one must be terminated, not left to finish work nobody will see.
  await page.evaluate(() => {
    window.__terminated = 0;
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function () { window.__terminated += 1; return terminate.call(this); };
  });
  // 4 MB: its extraction takes over a second, so the next document surely arrives while it runs.
  await ctx.app.pasteLong(LONGER);
  await app.extraction('pending');
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await app.extraction('done');
  assert.equal(await app.articleText(), 'Angela Merkel met Emmanuel Macron in Paris on Monday.');
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
  assert.ok(await page.evaluate(() => window.__terminated) >= 1, 'the busy worker was terminated');
});

test('offline, after one visit, a new document is still extracted in the worker', () => afterFirstVisit(async ({ server, context, page, app }) => {
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await app.extraction('done');
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
}));

/** Clicks Export, runs `meanwhile`, and returns the downloaded W3C file's JSON. A 4 MB document's export takes
 * the worker seconds, so what `meanwhile` does happens while it is in flight. */
async function exportWhile(page, meanwhile) {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-button').click();
  await meanwhile();
  return JSON.parse(await fs.readFile(await (await download).path(), 'utf8'));
}

test('an export asked for goes on while another document opens, and holds the document it was asked for', async () => {
  const { app, page } = ctx;
  await app.pasteLong(LONGER);
  await app.extraction('done');
  const other = 'Angela Merkel met Emmanuel Macron in Paris on Monday.';
  const file = await exportWhile(page, () => app.pasteText(other));
  assert.equal(file['sidenote:text'], LONGER, 'the long document, not the one opened after');
  assert.ok(file.first.items.length > 1000);
  await app.extraction('done');
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
  assert.deepEqual(ctx.errors, []);
});

test('a worker crash during an export says so, changes nothing, and the next export works', async () => {
  const { app, page } = ctx;
  await page.goto(`${ctx.server.url}?test-panic`);
  await app.pasteLong(LONGER);
  await app.extraction('done');
  await page.getByTestId('export-button').click();
  // The next document crashes the worker that was to write the export (it is sent again to the fresh one).
  const crashing = `Angela Merkel met Emmanuel Macron. ${SENTINEL}`;
  await app.pasteText(crashing);
  await app.notice.filter({ hasText: 'Export failed (the worker stopped' }).waitFor({ timeout: 120_000 });
  assert.match(await app.notice.textContent(), /Nothing was changed: try Export again/);
  assert.equal(await app.articleText(), crashing);
  const file = await exportWhile(page, async () => {});
  assert.equal(file['sidenote:text'], crashing);
  assert.deepEqual(ctx.errors, []);
});

test('when the worker cannot start, an export is written on the page', () => withoutWorker(async ({ page, app }) => {
  const text = 'Angela Merkel met Emmanuel Macron in Paris on Monday.';
  await app.pasteText(text);
  await app.extraction('failed');
  const file = await exportWhile(page, async () => {});
  assert.equal(file['sidenote:text'], text);
}));

test('an export asked for before the names are found waits for them: the file holds the suggestions and decisions', async () => {
  const { app, page } = ctx;
  await app.pasteLong(LONG);
  await app.extraction('pending');
  const file = await exportWhile(page, async () => {});
  assert.equal(file['sidenote:text'], LONG);
  assert.ok(file.first.items.length > 1000, `${file.first.items.length} items`);
  await app.extraction('done');
  assert.deepEqual(ctx.errors, []);
});
