// One's own export or share link, taken in again in the same browser, adds nothing ("N already here"), while a
// colleague's changed note is still added beside the original. Two colleagues sending files back and forth keep
// one copy of each note: a newer version replaces the older one, an older file brings nothing back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';
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
  // Two notes on words and one on the whole article.
  await waitForRecord(page, 'sidenote.v1.index', (v) => v?.includes('"notes":3'));
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

/** Opens a note card for editing and saves new words for it. */
async function editNote(page, body, newBody) {
  await page.getByTestId('note-card').filter({ hasText: body }).locator('q').click();
  await page.getByTestId('note-text').fill(newBody);
  await page.getByTestId('note-save').click();
}

test('two colleagues sending files back and forth keep one copy of each note, each at its newest version', async () => {
  const { app, page } = ctx;
  await annotate(app, page);
  const bea = new SidenotePage(await ctx.context.browser().newContext().then((c) => c.newPage()), ctx.server.url);
  await bea.open();
  // Alice's file to Bea, who corrects one note and sends it back (after a reload: versions are stored).
  await bea.importFile('alice.json', JSON.stringify((await app.exportJson()).json));
  await bea.notice.filter({ hasText: 'Imported 2 annotations' }).waitFor();
  await editNote(bea.page, 'which treaty', 'the INF Treaty, signed 1987');
  await bea.reload();
  const fromBea = JSON.stringify((await bea.exportJson()).json);
  await app.importFile('bea.json', fromBea);
  await app.notice.filter({ hasText: "1 note was brought up to the file's newer version" }).waitFor();
  assert.deepEqual(await bodies(app), ['the INF Treaty, signed 1987', 'the claim']);
  // Alice edits the other note; Bea's file, sent again late, does not bring its old version back.
  await editNote(page, 'the claim', 'the claim, disputed');
  await app.importFile('bea-again.json', fromBea);
  await app.notice.filter({ hasText: "1 note was edited here since the file's version: yours kept" }).waitFor();
  assert.deepEqual(await bodies(app), ['the INF Treaty, signed 1987', 'the claim, disputed']);
  await bea.importFile('alice-2.json', JSON.stringify((await app.exportJson()).json));
  await bea.notice.filter({ hasText: '1 note was brought up' }).waitFor();
  assert.deepEqual(await bodies(bea), ['the INF Treaty, signed 1987', 'the claim, disputed']);
  // Alice deletes a note; Bea's file from before the deletion, imported after a reload, does not bring it back.
  const fromBeaBefore = JSON.stringify((await bea.exportJson()).json);
  await page.getByTestId('note-card').filter({ hasText: 'the claim, disputed' }).locator('q').click();
  await page.getByTestId('note-delete').click();
  await app.reload();
  assert.deepEqual(await bodies(app), ['the INF Treaty, signed 1987']);
  await app.importFile('bea-before.json', fromBeaBefore);
  await app.notice.filter({ hasText: '1 note was deleted here, as the file has it: not brought back' }).waitFor();
  assert.deepEqual(await bodies(app), ['the INF Treaty, signed 1987']);
  // Bea answers the deleted note with a reply: news, so the note comes back with it.
  await bea.page.getByTestId('note-card').filter({ hasText: 'the claim, disputed' }).locator('q').click();
  await bea.page.getByTestId('reply-input').fill('source?');
  await bea.page.getByTestId('reply-send').click();
  await app.importFile('bea-reply.json', JSON.stringify((await bea.exportJson()).json));
  await app.notice.filter({ hasText: 'Imported 1 annotation' }).waitFor();
  assert.deepEqual(await bodies(app), ['the INF Treaty, signed 1987', 'the claim, disputed']);
  await bea.page.context().close();
  assert.deepEqual(ctx.errors, []);
});
