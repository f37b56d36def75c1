// Notes on the whole article and reply threads in the Notes tab; importing a file made for another text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

/** A W3C collection made for `source`: a note on the page and a reply to it. */
const pageNoteFile = (source) => JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationCollection',
  first: { type: 'AnnotationCollectionPage', items: [
    { type: 'Annotation', id: 'urn:x:page', motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'About the whole piece', purpose: 'commenting' },
        { type: 'TextualBody', value: 'overview', purpose: 'tagging' }],
      target: source },
    { type: 'Annotation', id: 'urn:x:reply', motivation: 'replying', creator: { type: 'Person', name: 'Bea' },
      body: { type: 'TextualBody', value: 'Agreed, a good summary' }, target: 'urn:x:page' },
  ] },
});

test('a W3C file with a page note and a reply shows both at the top of the Notes tab', async () => {
  const { app, page } = ctx;
  // Made for the open article (its source as Sidenote exports it), so it is anchored without a question.
  const { json: own } = await app.exportJson();
  await app.importFile('page-note.json', pageNoteFile(own['sidenote:source']));
  await app.notice.filter({ hasText: 'Imported' }).waitFor();
  assert.match(await app.notice.textContent(), /1 note on the whole article\. 1 reply joined to their notes\./);
  const section = page.getByTestId('document-notes');
  assert.equal(await section.locator('h3').textContent(), 'On the whole article');
  const note = section.getByTestId('document-note');
  assert.equal(await note.count(), 1);
  assert.equal(await note.getByTestId('note-body').textContent(), 'About the whole piece');
  assert.deepEqual(await note.getByTestId('note-tag').allTextContents(), ['#overview']);
  assert.deepEqual(await note.getByTestId('reply-author').allTextContents(), ['Bea']);
  assert.deepEqual(await note.getByTestId('reply-text').allTextContents(), ['Agreed, a good summary']);
  assert.equal(await page.getByTestId('tab-notes').textContent(), 'Notes (1)');
  assert.deepEqual(ctx.errors, []);
});

test('"Note on the article" writes a note without a selection, exported as a page target', async () => {
  const { app, page } = ctx;
  await page.getByTestId('add-document-note').click();
  const editor = page.getByTestId('document-note-editor');
  await editor.getByTestId('note-text').fill('Read before the summit');
  await editor.getByTestId('note-tags').fill('todo');
  await editor.getByTestId('note-save').click();
  const note = page.getByTestId('document-note');
  assert.equal(await note.getByTestId('note-body').textContent(), 'Read before the summit');
  const { json } = await app.exportJson();
  const item = json.first.items.find((i) => [i.body].flat().some((b) => b.value === 'Read before the summit'));
  assert.ok(item, 'the note is exported');
  assert.equal(typeof item.target, 'string', `a page target, without a selector: ${JSON.stringify(item.target)}`);
  assert.deepEqual(ctx.errors, []);
});

test('importing a file made for another text asks first, and Cancel changes nothing', async () => {
  const { app, page } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('mine');
  const { json: mine } = await app.exportJson();
  // The same notes, as if made on another version of the article.
  const other = { ...mine, 'sidenote:text': `${mine['sidenote:text']}\nA line added later.` };
  await app.importFile('other.json', JSON.stringify(other));
  await page.getByTestId('import-confirm').waitFor();
  assert.match(await page.getByTestId('import-confirm-text').textContent(), /not for the open document|another text( \(“[^”]*”\))? than the open document \(“|another version of (the text|“)/);
  // Cancel has the focus, the choice that changes nothing.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'import-cancel');
  await page.getByTestId('import-cancel').click();
  await app.notice.filter({ hasText: 'Import cancelled' }).waitFor();
  assert.equal(await page.getByTestId('import-confirm').count(), 0);
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => c.body), ['mine']);
  const { json: after } = await app.exportJson();
  assert.deepEqual(after.first.items, mine.first.items);
  // Asked again, "Anchor anyway" merges the file.
  await app.importFile('other.json', JSON.stringify(other));
  await app.anchorAnyway();
  await app.notice.filter({ hasText: 'Imported' }).waitFor();
  assert.ok((await app.noteCards()).length >= 1);
  assert.deepEqual(ctx.errors, []);
});
