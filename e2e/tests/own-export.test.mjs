// One's own export or share link, taken in again in the same browser, adds nothing ("N already here"), while a
// colleague's changed note is still added beside the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';
import { waitForRecord } from '../lib/stored.mjs';

const ctx = useSidenote();

async function bodies(app) {
  return (await app.noteCards()).map((c) => c.body).sort();
}

async function annotate(app, page) {
  await app.selectWords('has lashed out at the United States');
  await app.writeNote('the claim', 'claim');
  await app.selectWords('INF Treaty');
  await app.writeNote('which treaty');
  await page.getByTestId('add-document-note').click();
  const editor = page.getByTestId('document-note-editor');
  await editor.getByTestId('note-text').fill('read before the summit');
  await editor.getByTestId('note-save').click();
}

test('importing one’s own export adds nothing; a colleague’s changed note is added beside the original', async () => {
  const { app, page } = ctx;
  await annotate(app, page);
  const { json } = await app.exportJson();
  await app.importFile('mine.json', JSON.stringify(json));
  await app.notice.filter({ hasText: '3 already here, not added again' }).waitFor();
  assert.deepEqual(await bodies(app), ['the claim', 'which treaty']);
  assert.equal(await page.getByTestId('document-note').count(), 1);
  // The same file, one note changed by a colleague (who kept its id).
  const changed = structuredClone(json);
  const item = changed.first.items.find((i) => [i.body].flat().some((b) => b.value === 'which treaty'));
  [item.body].flat().find((b) => b.value === 'which treaty').value = 'the INF Treaty of 1987';
  await app.importFile('theirs.json', JSON.stringify(changed));
  await app.notice.filter({ hasText: '2 already here' }).waitFor();
  assert.deepEqual(await bodies(app), ['the INF Treaty of 1987', 'the claim', 'which treaty']);
  assert.equal(await page.getByTestId('document-note').count(), 1);
  assert.deepEqual(ctx.errors, []);
});

test('keeping one’s own share link in the same browser adds no copy of its notes', async () => {
  const { app, page } = ctx;
  await annotate(app, page);
  await waitForRecord(page, 'sidenote.v1.index', (v) => v?.includes('"notes":2'));
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto(link);
  await page.getByTestId('shared-banner').waitFor();
  await page.getByTestId('keep-shared').click();
  await app.notice.filter({ hasText: 'Kept' }).waitFor();
  assert.deepEqual(await bodies(app), ['the claim', 'which treaty']);
  assert.equal(await page.getByTestId('document-note').count(), 1);
  await app.reload();
  assert.deepEqual(await bodies(app), ['the claim', 'which treaty']);
  assert.equal(await page.getByTestId('document-note').count(), 1);
  assert.deepEqual(ctx.errors, []);
});
