// Notes: add, edit, tag, delete, undo and redo; overlapping notes; keyboard selection; reload restores all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

test('add, edit, tag, delete a note, and undo and redo every change', async () => {
  const { app, page } = ctx;
  await app.selectWords('has lashed out at the United States');
  await app.writeNote('Strong wording', 'claim, russia');
  let cards = await app.noteCards();
  assert.equal(cards.length, 1);
  assert.equal(cards[0].words, 'has lashed out at the United States');
  assert.equal(await app.noteHighlightText(cards[0].id), 'has lashed out at the United States');
  assert.equal(cards[0].body, 'Strong wording');
  // Clicking the card opens it for editing.
  await page.getByTestId('note-card').locator('q').click();
  await page.getByTestId('note-text').fill('Strong wording, edited');
  await page.getByTestId('note-tags').fill('claim, russia, inf');
  await page.getByTestId('note-save').click();
  cards = await app.noteCards();
  assert.equal(cards[0].body, 'Strong wording, edited');
  assert.deepEqual(cards[0].tags, ['#claim', '#russia', '#inf']);
  // Delete, then undo and redo with the keyboard.
  await page.getByTestId('note-card').locator('q').click();
  await page.getByTestId('note-delete').click();
  assert.equal((await app.noteCards()).length, 0);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  cards = await app.noteCards();
  assert.equal(cards.length, 1);
  assert.equal(cards[0].body, 'Strong wording, edited');
  await page.keyboard.press('Control+Shift+z');
  assert.equal((await app.noteCards()).length, 0);
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  cards = await app.noteCards();
  assert.equal(cards[0].body, 'Strong wording');
  assert.deepEqual(ctx.errors, []);
});

test('overlapping notes stay visible and clicking a highlight opens its card', async () => {
  const { app, page } = ctx;
  await app.selectWords('Washington withdrew from the INF Treaty');
  await app.writeNote('outer note');
  await app.selectWords('INF Treaty', 0);
  await app.writeNote('inner note');
  const cards = await app.noteCards();
  assert.equal(cards.length, 2);
  const [outer, inner] = cards;
  assert.equal(await app.noteHighlightText(outer.id), 'Washington withdrew from the INF Treaty');
  assert.equal(await app.noteHighlightText(inner.id), 'INF Treaty');
  // Where both notes cover the words, the highlight is deeper; clicking it opens the innermost note.
  const both = page.locator(`mark[data-notes="${outer.id} ${inner.id}"]`).first();
  assert.match(await both.getAttribute('class'), /note-depth-2/);
  await both.click();
  await page.locator(`[data-testid=note-card][data-note-id="${inner.id}"].active`).waitFor();
});

test('words can be selected with the keyboard (Shift+arrows) and noted', async () => {
  const { app, page } = ctx;
  const mark = page.locator('mark.hl:not(.clutter)[data-kind=PLACE]', { hasText: 'Moscow' }).first();
  await mark.focus();
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  const words = await page.getByTestId('selection-words').textContent();
  assert.match(words, /^Moscow\s+\S+/);
  await app.writeNote('typed without a mouse');
  const cards = await app.noteCards();
  assert.equal(cards[0].words, words);
});

test('reloading the page restores the document, its notes and decisions', async () => {
  const { app, page } = ctx;
  await app.pasteText('Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday. They spoke about Europe.');
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  await app.selectWords('met President Emmanuel Macron');
  await app.writeNote('A meeting', 'diplomacy');
  await page.reload();
  await page.locator('mark[data-notes]').first().waitFor();
  assert.match(await app.title.textContent(), /Angela Merkel/);
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body, c.tags]), [['met President Emmanuel Macron', 'A meeting', ['#diplomacy']]]);
  // The library lists it with its note count, and the sample (opened first) too.
  await page.getByTestId('tab-library').click();
  const entries = await page.getByTestId('library-entry').allTextContents();
  assert.ok(entries.some((e) => /Angela Merkel/.test(e) && /1 note/.test(e)), entries.join(' | '));
  assert.ok(entries.some((e) => /Sample/.test(e)), entries.join(' | '));
});
