// Sharing: export with notes, import into a changed copy, broken files, full storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

async function importFile(page, name, contents) {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

test('notes exported from one copy land on the right words in a changed copy, each with its anchoring', async () => {
  const { app, page } = ctx;
  const notes = [
    ['has lashed out at the United States', 'unchanged words'],
    ['a new arms race', 'words that will move'],
    ['several years to present concrete facts', 'words that will change a little'],
    ['If you are in Russia', 'words that will be removed'],
    ['expire in 2021 unless Moscow', 'a fact that will be corrected'],
  ];
  for (const [words, body] of notes) {
    await app.selectWords(words);
    await app.writeNote(body, 'shared');
  }
  const { json } = await app.exportJson();
  const original = json['sidenote:text'];
  // A colleague's copy: a paragraph added on top (everything moves), one phrase reworded, a blurb removed.
  const changed = `Editor's note: this article was updated.\n\n${original}`
    .replace('several years to present concrete facts', 'several years to present some concrete facts')
    .replace(/If you are in Russia[^\n]*\n/, '')
    .replace('expire in 2021 unless Moscow', 'expire in 2026 unless Moscow');
  await page.getByTestId('sample-button').click();
  await app.pasteText(changed);
  await page.locator('mark[data-kind=PERSON]').first().waitFor();
  await importFile(page, 'shared.json', JSON.stringify(json));
  // The copy's text differs from the file's: Sidenote asks before anchoring.
  await app.anchorAnyway();
  await app.notice.filter({ hasText: 'Imported' }).waitFor();
  assert.match(await app.notice.textContent(), /Imported 5 annotations: 0 exact, 2 moved, 1 fuzzy, 2 orphan/);
  const cards = await app.noteCards();
  const byBody = Object.fromEntries(cards.map((c) => [c.body, c]));
  assert.equal(byBody['unchanged words'].status, 'moved');
  assert.equal(await app.noteHighlightText(byBody['unchanged words'].id), 'has lashed out at the United States');
  assert.equal(byBody['words that will move'].status, 'moved');
  assert.equal(byBody['words that will change a little'].status, 'fuzzy');
  assert.equal(await app.noteHighlightText(byBody['words that will change a little'].id), 'several years to present some concrete facts');
  // The card says which words the note was written on, since its quote shows the similar words it is on now.
  assert.equal(
    await page.locator(`[data-note-id="${byBody['words that will change a little'].id}"] [data-testid=written-on]`).textContent(),
    'Written on “several years to present concrete facts”',
  );
  assert.equal(await page.locator(`[data-note-id="${byBody['unchanged words'].id}"] [data-testid=written-on]`).count(), 0);
  // Similar words that say something else (another year) are no place for the note: an orphan, not the new fact.
  assert.equal(byBody['a fact that will be corrected'].status, 'orphan');
  assert.equal(byBody['words that will be removed'].status, 'orphan');
  assert.equal(byBody['words that will be removed'].words, 'If you are in Russia');
  // The orphan is listed, not dropped, and can be re-attached to selected words.
  await page.locator(`[data-note-id="${byBody['words that will be removed'].id}"] q`).click();
  await app.selectWords('Russia would deploy');
  await page.getByTestId('reattach').click();
  const reattached = (await app.noteCards()).find((c) => c.body === 'words that will be removed');
  assert.equal(reattached.status, 'exact');
  assert.equal(reattached.words, 'Russia would deploy');
});

test('a broken or foreign file gets a clear message and changes nothing', async () => {
  const { app, page } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('keep me');
  await importFile(page, 'broken.json', '{"type": "AnnotationCollection", "first": {"items": [');
  await app.notice.filter({ hasText: 'Import failed' }).waitFor();
  assert.match(await app.notice.textContent(), /not valid JSON.*Nothing was changed/);
  await importFile(page, 'foreign.json', '{"name": "package.json", "version": "1.0.0"}');
  await app.notice.filter({ hasText: 'not an annotation file' }).waitFor();
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => c.body), ['keep me']);
});

test('a Hypothesis export imports as notes', async () => {
  const { app, page } = ctx;
  const hypothesis = [{
    id: 'h1', text: 'From Hypothesis', tags: ['hyp'], uri: 'https://www.rferl.org/a/lavrov',
    target: [{ source: 'https://www.rferl.org/a/lavrov', selector: [
      { type: 'TextQuoteSelector', exact: 'nuclear nonproliferation conference', prefix: 'Lavrov told a ', suffix: ' in Moscow' },
    ] }],
  }];
  await importFile(page, 'hypothesis.json', JSON.stringify(hypothesis));
  // Made for the article's page, not for the pasted sample: asked first.
  await app.anchorAnyway();
  await app.notice.filter({ hasText: 'Imported 1' }).waitFor();
  const cards = await app.noteCards();
  assert.equal(cards[0].words, 'nuclear nonproliferation conference');
  assert.deepEqual(cards[0].tags, ['#hyp']);
});

test('when storage is full the app says so, keeps working and still exports', async () => {
  const { browser, server } = ctx;
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    // Every write refused as a full disk would: IndexedDB's (where work is saved) and localStorage's.
    const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = full;
    Storage.prototype.setItem = full;
  });
  const page = await context.newPage();
  const { SidenotePage } = await import('../lib/sidenote-page.mjs');
  const app = new SidenotePage(page, server.url);
  await app.open();
  await app.notice.filter({ hasText: 'Saving in this browser failed' }).waitFor();
  assert.match(await app.notice.textContent(), /storage is full.*Export/);
  await app.selectWords('has lashed out');
  await app.writeNote('in memory only');
  assert.equal((await app.noteCards()).length, 1);
  const { json } = await app.exportJson();
  assert.ok(json.first.items.some((i) => i.body.some((b) => b.value === 'in memory only')));
  await context.close();
});
