// Two tabs, one document: two pages of one browser context (one localStorage, one BroadcastChannel) open the
// same article. Notes added in both at the same time end up in both; a note deleted in one while the other
// edits it keeps the edit; a reload of either shows every note.
//
// Both pages are opened with `?test-tabs` (services/tabs.rs), so the test can hold what each tab receives from
// the other while both change the document, then release it: the changes are made before either tab has heard
// of the other's, whatever the machine's load, and only the merge brings them together.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';

const ctx = {};

before(async () => { ctx.server = await serveDist(); ctx.browser = await launch(); });
after(async () => { await ctx.browser?.close(); await ctx.server?.close(); });
beforeEach(async () => {
  ctx.context = await ctx.browser.newContext();
  ctx.errors = [];
  const open = async () => {
    const page = await ctx.context.newPage();
    page.on('pageerror', (e) => ctx.errors.push(String(e)));
    const app = new SidenotePage(page, `${ctx.server.url}?test-tabs`);
    await app.open();
    await app.extraction();
    return app;
  };
  // The first tab opens the sample and saves it; the second opens the last document: the same one.
  ctx.a = await open();
  ctx.b = await open();
  assert.equal(await ctx.a.title.textContent(), await ctx.b.title.textContent());
});
afterEach(async () => { await ctx.context?.close(); });

/** Holds (or releases) what each page receives from the other tab. */
async function hold(apps, holding) {
  const event = holding ? 'sidenote-test-hold-tabs' : 'sidenote-test-release-tabs';
  await Promise.all(apps.map((app) => app.page.evaluate((name) => window.dispatchEvent(new Event(name)), event)));
}

/** The note cards' bodies, sorted, once the page shows `count` of them. */
async function bodiesWhen(app, count) {
  await app.page.getByTestId('tab-notes').click();
  await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid=note-card]').length === n, count,
    { timeout: 30_000 });
  return (await app.noteCards()).map((c) => c.body).sort();
}

test('two tabs add notes to one document at the same time and both have all of them', async () => {
  const { a, b } = ctx;
  await hold([a, b], true);
  await Promise.all([
    (async () => { await a.selectWords('has lashed out at the United States'); await a.writeNote('from tab A'); })(),
    (async () => { await b.selectWords('INF Treaty'); await b.writeNote('from tab B'); })(),
  ]);
  // Neither tab has heard of the other's note yet.
  assert.deepEqual(await bodiesWhen(a, 1), ['from tab A']);
  assert.deepEqual(await bodiesWhen(b, 1), ['from tab B']);
  await hold([a, b], false);
  const both = ['from tab A', 'from tab B'];
  assert.deepEqual(await bodiesWhen(a, 2), both);
  assert.deepEqual(await bodiesWhen(b, 2), both);
  const ids = (await a.noteCards()).map((c) => c.id);
  assert.notEqual(ids[0], ids[1], 'the two tabs made different ids');
  for (const id of ids) assert.match(id, /^note-\d+-[0-9a-z]{8}$/, 'a new id carries its tab’s tag');
  // Each tab's save merged what storage held, so a reload of either shows both notes.
  for (const app of [a, b]) {
    await app.page.reload();
    await app.extraction();
    assert.deepEqual(await bodiesWhen(app, 2), both);
  }
  assert.deepEqual(ctx.errors, []);
});

test('a note deleted in one tab while the other edits it keeps the edit, in both tabs and after a reload', async () => {
  const { a, b } = ctx;
  await a.selectWords('has lashed out at the United States');
  await a.writeNote('shared note');
  assert.deepEqual(await bodiesWhen(b, 1), ['shared note']);
  // Both open the note's card; then, at once, A deletes it and B saves an edit of the version it saw.
  await a.page.getByTestId('note-card').locator('q').click();
  await b.page.getByTestId('note-card').locator('q').click();
  await b.page.getByTestId('note-text').fill('edited in tab B');
  await hold([a, b], true);
  await Promise.all([
    a.page.getByTestId('note-delete').click(),
    b.page.getByTestId('note-save').click(),
  ]);
  assert.deepEqual(await bodiesWhen(a, 0), [], 'A deleted the version it had seen');
  assert.deepEqual(await bodiesWhen(b, 1), ['edited in tab B'], 'B edited it without knowing');
  await hold([a, b], false);
  // B's edit reaches A: the deletion only covered the version A had seen, so the edit comes back.
  await a.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=note-body]')]
    .some((p) => p.textContent === 'edited in tab B'), null, { timeout: 30_000 });
  assert.deepEqual(await bodiesWhen(a, 1), ['edited in tab B']);
  // B took in A's (older) deletion when released, and keeps the edit.
  assert.deepEqual(await bodiesWhen(b, 1), ['edited in tab B']);
  for (const app of [b, a]) {
    await app.page.reload();
    await app.extraction();
    assert.deepEqual(await bodiesWhen(app, 1), ['edited in tab B']);
  }
  assert.deepEqual(ctx.errors, []);
});

test('a deletion made after seeing the other tab’s version removes the note in both tabs', async () => {
  const { a, b } = ctx;
  await a.selectWords('INF Treaty');
  await a.writeNote('to be deleted');
  assert.deepEqual(await bodiesWhen(b, 1), ['to be deleted']);
  await b.page.getByTestId('note-card').locator('q').click();
  await b.page.getByTestId('note-delete').click();
  assert.deepEqual(await bodiesWhen(a, 0), []);
  await a.page.reload();
  await a.extraction();
  assert.deepEqual(await bodiesWhen(a, 0), []);
  assert.deepEqual(ctx.errors, []);
});

test('a document deleted in another tab while it is open here is saved again, with every note', async () => {
  const { a, b } = ctx;
  await a.pasteText('Amara Okafor spoke in Lagos on Monday about the new port. “It will open in May,” Okafor said.');
  await a.extraction('done');
  await a.selectWords('Amara Okafor');
  await a.writeNote('before the deletion');
  await a.saved();
  // Tab B deletes that document from the Library (B has the sample open).
  await b.page.getByTestId('tab-library').click();
  const entry = b.page.getByTestId('library-entry').filter({ hasText: 'Amara Okafor' });
  await entry.getByTestId('library-delete').click();
  await entry.getByTestId('library-delete-confirm').click();
  await entry.waitFor({ state: 'detached' });
  // Tab A is told, keeps the document open and saves it again; a note written afterwards is kept too.
  await a.notice.filter({ hasText: 'Another tab deleted this document' }).waitFor();
  await a.selectWords('Lagos');
  await a.writeNote('after the deletion');
  await a.saved();
  // Tab B lists it again when its Library is shown again.
  await b.page.getByTestId('tab-notes').click();
  await b.page.getByTestId('tab-library').click();
  await entry.waitFor();
  // The start shows the sample until storage is read: wait for it to have started.
  await a.reload();
  assert.match(await a.title.textContent(), /Amara Okafor/);
  assert.deepEqual(await bodiesWhen(a, 2), ['after the deletion', 'before the deletion']);
  assert.deepEqual(ctx.errors, []);
});

test('a tab that deletes a document another tab saves again says it is back, not that it was deleted', async () => {
  const { a, b } = ctx;
  await a.pasteText('Amara Okafor spoke in Lagos on Monday about the new port. “It will open in May,” Okafor said.');
  await a.extraction('done');
  await a.selectWords('Amara Okafor');
  await a.writeNote('kept by tab A');
  await a.saved();
  await b.page.getByTestId('tab-library').click();
  const entry = b.page.getByTestId('library-entry').filter({ hasText: 'Amara Okafor' });
  await entry.getByTestId('library-delete').click();
  await entry.getByTestId('library-delete-confirm').click();
  // Tab A had it open and saves it again: tab B's "Deleted …" gives way to what happened.
  await a.notice.filter({ hasText: 'Another tab deleted this document' }).waitFor();
  await b.notice.filter({ hasText: 'was open in another tab, which saved it again' }).waitFor();
  assert.doesNotMatch(await b.notice.textContent(), /Deleted/);
  assert.deepEqual(ctx.errors, []);
});
