// Storage: saved data of the first format loads; unreadable records are set aside, listed and never
// overwritten; the library index is rebuilt; a start that did not finish opens in safe mode; saved spans
// that do not fit the text become orphans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();
const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'storage-v1');
const fixture = (name) => fs.readFile(path.join(FIXTURES, name), 'utf8');

/** Replaces the browser's storage with `items` and reloads, as if the app had been closed and reopened. */
async function restartWith(page, items) {
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  await page.reload();
  await page.locator('mark[data-testid=hl]').first().waitFor();
}

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

async function format1Storage() {
  const keys = JSON.parse(await fixture('keys.json'));
  return {
    keys,
    items: {
      [`sidenote.v1.doc.${keys.sample}`]: await fixture('sample.doc.json'),
      [`sidenote.v1.notes.${keys.sample}`]: await fixture('sample.notes.json'),
      [`sidenote.v1.doc.${keys.html}`]: await fixture('html.doc.json'),
      [`sidenote.v1.notes.${keys.html}`]: await fixture('html.notes.json'),
      'sidenote.v1.index': await fixture('index.json'),
      'sidenote.v1.last': keys.sample,
    },
  };
}

async function libraryTitles(page) {
  await page.getByTestId('tab-library').click();
  return page.getByTestId('library-entry').allTextContents();
}

test('data saved by the first storage format opens with every note, decision and added entity', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, items);
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body, c.status]), [
    ['has lashed out at the United States', 'Strong wording\nsecond line', 'exact'],
    ['INF Treaty', 'treaty “note” with émoji 🙂', 'exact'],
    ['words that are nowhere in this article at all', 'words from another copy', 'orphan'],
  ]);
  assert.deepEqual(cards[0].tags, ['#claim', '#russia']);
  // The added entity and the retag (Sergei Lavrov as an organisation) are applied.
  assert.ok((await app.namesOfKind('MISC')).includes('New START'));
  assert.ok((await app.namesOfKind('ORG')).includes('Sergei Lavrov'));
  const entries = await libraryTitles(page);
  assert.ok(entries.some((e) => /page\.html/.test(e) && /· 1 note(?!s)/.test(e)), entries.join(' | '));
  // The HTML document opens from the library with its note and its structure hints (chrome dimmed).
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await page.locator('mark[data-notes]').first().waitFor();
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['html note']);
  assert.ok(await page.locator('[data-testid=article] .clutter').count() > 0);
  // The next change is saved in the current format, with the notes that were there; nothing was set aside.
  await app.selectWords('Angela Merkel');
  await app.writeNote('a second note');
  await page.waitForFunction((key) => /^\{"format":2,.*a second note/.test(localStorage.getItem(key)), `sidenote.v1.notes.${keys.html}`);
  const stored = await storage(page);
  assert.match(stored[`sidenote.v1.notes.${keys.html}`], /html note/);
  assert.match(stored[`sidenote.v1.doc.${keys.html}`], /^\{"format":2,/);
  assert.deepEqual(Object.keys(stored).filter((k) => k.includes('unreadable')), []);
  assert.deepEqual(ctx.errors, []);
});

test('unreadable notes are set aside and listed, never overwritten, and can be exported raw or deleted', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  const broken = '{"notes":[{"id":"note-1","span":{"start":231,"end":266},"target":{"exact":"has lash';
  const newer = '{"format":99,"annotations":{"notes":[]},"sync":"somewhere"}';
  await restartWith(page, { ...items, [`sidenote.v1.notes.${keys.sample}`]: broken, [`sidenote.v1.notes.${keys.html}`]: newer });
  await app.notice.filter({ hasText: 'could not be read' }).waitFor();
  assert.match(await app.notice.textContent(), /not valid JSON.*kept aside in the Library/);
  // Work goes on: a new note is saved, and the unreadable record is still there, byte for byte.
  await app.selectWords('has lashed out');
  await app.writeNote('written after the failure');
  let stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.sample}`], broken);
  assert.match(stored[`sidenote.v1.notes.${keys.sample}`], /written after the failure/);
  // A record from a newer version is set aside too when its document is opened, not overwritten.
  await page.getByTestId('tab-library').click();
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await app.notice.filter({ hasText: 'newer version' }).waitFor();
  stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.html}`], newer);
  // Both are listed as "could not be read", with a raw export that gives back exactly what was stored.
  await page.getByTestId('tab-library').click();
  const unreadable = page.getByTestId('unreadable-entry');
  assert.equal(await unreadable.count(), 2);
  assert.match(await unreadable.first().textContent(), /could not be read/);
  const entry = unreadable.filter({ hasText: 'not valid JSON' });
  const [download] = await Promise.all([page.waitForEvent('download'), entry.getByTestId('unreadable-export').click()]);
  assert.equal(await fs.readFile(await download.path(), 'utf8'), broken);
  await entry.getByTestId('unreadable-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=unreadable-entry]').length === 1);
  assert.match(await page.getByTestId('unreadable-entry').textContent(), /newer version/);
  stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.sample}`], undefined);
  assert.deepEqual(ctx.errors, []);
});

test('a corrupted or missing library index is rebuilt from the saved documents', async () => {
  const { page } = ctx;
  const { items } = await format1Storage();
  await restartWith(page, { ...items, 'sidenote.v1.index': '[{"urn": "urn:sha256:cut sh' });
  const entries = await libraryTitles(page);
  assert.equal(entries.length, 2, entries.join(' | '));
  assert.ok(entries.some((e) => /Sample: Lavrov/.test(e) && /3 notes/.test(e)), entries.join(' | '));
  assert.ok(entries.some((e) => /page\.html/.test(e) && /· 1 note(?!s)/.test(e)), entries.join(' | '));
  // The unreadable index itself is kept aside and listed.
  assert.match(await page.getByTestId('unreadable-entry').textContent(), /library's list.*could not be read/);
  // A missing index is rebuilt the same way.
  const { 'sidenote.v1.index': _, ...withoutIndex } = items;
  await restartWith(page, withoutIndex);
  assert.equal((await libraryTitles(page)).length, 2);
});

test('a start that did not finish opens the sample and the library instead of the last document', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  // What a start that crashed leaves behind: the flag set before opening the last document.
  await restartWith(page, { ...items, 'sidenote.v1.last': keys.html, 'sidenote.v1.starting': '{"format":2}' });
  await app.notice.filter({ hasText: 'did not finish starting' }).waitFor();
  assert.match(await app.title.textContent(), /Sample: Lavrov/);
  assert.equal(await page.getByTestId('tab-library').getAttribute('aria-selected'), 'true');
  assert.equal(await page.getByTestId('library-entry').count(), 2);
  // This start finished, so the flag is gone and the next start opens the last document normally.
  assert.equal(await page.evaluate(() => localStorage.getItem('sidenote.v1.starting')), null);
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await page.locator('mark[data-notes]').first().waitFor();
  await page.reload();
  await page.locator('mark[data-notes]').first().waitFor();
  assert.match(await app.title.textContent(), /page\.html/);
  assert.equal(await app.notice.count(), 0);
});

test('opening a text again (here the Sample) brings back its saved notes instead of overwriting them', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, { ...items, 'sidenote.v1.last': keys.html });
  await page.getByTestId('sample-button').click();
  await app.notice.filter({ hasText: 'annotated before' }).waitFor();
  assert.equal((await app.noteCards()).length, 3);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `sidenote.v1.notes.${keys.sample}`), items[`sidenote.v1.notes.${keys.sample}`]);
});

test('saved notes whose positions do not fit the text become orphans, and Shift+arrows still work', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  const notes = JSON.parse(items[`sidenote.v1.notes.${keys.sample}`]);
  notes.notes[0].span = { start: 5, end: 999999 };
  notes.notes[1].span = { start: 2, end: 1 };
  await restartWith(page, { ...items, [`sidenote.v1.notes.${keys.sample}`]: JSON.stringify(notes) });
  await app.notice.filter({ hasText: 'orphan' }).waitFor();
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => c.status), ['orphan', 'orphan', 'orphan']);
  assert.deepEqual(cards.map((c) => c.words).slice(0, 2), ['has lashed out at the United States', 'INF Treaty']);
  await page.locator('mark.hl[data-kind=PLACE]', { hasText: 'Moscow' }).first().focus();
  await page.keyboard.press('Shift+Control+ArrowRight');
  assert.match(await page.getByTestId('selection-words').textContent(), /^Moscow/);
  assert.deepEqual(ctx.errors, []);
});
