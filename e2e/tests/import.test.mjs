// Importing an annotation file runs in the worker: the page shows a busy line and stays usable while a large
// (or hostile) file is read and anchored, a newer import supersedes an older one, and a worker that dies
// during an import changes nothing (test-only trigger: ?test-panic and the sentinel in the file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();
const SENTINEL = '\u{E000}sidenote-test-panic\u{E000}';
const SAMPLE = await fs.readFile(new URL('../../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
// Over 1 MB.
const LONG = `${SAMPLE}\n\n`.repeat(Math.ceil(1_050_000 / SAMPLE.length));

/**
 * A W3C file of `count` notes on common words of LONG whose positions all point 3,000 characters too far, as
 * after an insertion at the top: each must be looked for among thousands of occurrences of its word, which
 * keeps the worker busy for seconds (about 4 s for 3,000 in headless Chromium on the loaded 2-core test machine). No source is
 * named, so nothing is asked before merging.
 */
function hostileFile(count) {
  const occurrences = [];
  for (const match of LONG.matchAll(/\b(the|said|and|of|to)\b/g)) occurrences.push(match.index);
  const items = [];
  for (let i = 0; i < count; i++) {
    const at = occurrences[Math.floor((i * occurrences.length) / count)];
    const word = LONG.slice(at).match(/^\w+/)[0];
    items.push({
      type: 'Annotation',
      id: `urn:example:note-${i}`,
      body: { type: 'TextualBody', purpose: 'commenting', value: `note ${i}` },
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: word, prefix: LONG.slice(Math.max(0, at - 32), at), suffix: LONG.slice(at + word.length, at + word.length + 32) },
          { type: 'TextPositionSelector', start: at + 3000, end: at + 3000 + word.length },
        ],
      },
    });
  }
  return JSON.stringify({ type: 'AnnotationCollection', total: count, first: { type: 'AnnotationPage', items } });
}

/** A W3C file of one note on `words`. */
function oneNote(words, body) {
  return JSON.stringify([{
    type: 'Annotation', id: 'urn:example:one', body,
    target: { selector: { type: 'TextQuoteSelector', exact: words } },
  }]);
}

test('a large import on a 1 MB document shows the busy line, the page stays usable, then the notes appear', async () => {
  const { app, page } = ctx;
  await ctx.app.pasteLong(LONG);
  await app.extraction('done');
  await app.importFile('hostile.json', hostileFile(6000));
  const busy = page.getByTestId('import-progress');
  await busy.filter({ hasText: 'Reading and anchoring the annotation file…' }).waitFor();
  // While the worker works, the page answers: a side tab switches and the search box takes typing (both are
  // rendered from the app's state, so the app's reducer and rendering ran).
  await page.getByTestId('tab-entities').click();
  assert.equal(await page.getByTestId('tab-entities').getAttribute('aria-selected'), 'true');
  await page.getByTestId('search').fill('Lavrov');
  assert.equal(await page.getByTestId('search').inputValue(), 'Lavrov');
  assert.equal(await busy.count(), 1, 'the import was still running during those interactions');
  await app.notice.filter({ hasText: 'Imported 6000 annotations' }).waitFor({ timeout: 150_000 });
  await busy.waitFor({ state: 'detached' });
  await page.getByTestId('search').fill('');
  const cards = await app.noteCards();
  assert.ok(cards.length > 0 && cards.every((c) => /^note \d+$/.test(c.body)), `${cards.length} note cards`);
  assert.deepEqual(ctx.errors, []);
});

test('a newer import supersedes one still running: only the newer file is merged', async () => {
  const { app, page } = ctx;
  await ctx.app.pasteLong(LONG);
  await app.extraction('done');
  await app.importFile('hostile.json', hostileFile(6000));
  await page.getByTestId('import-progress').waitFor();
  await app.importFile('one.json', oneNote('Sergei Lavrov', 'the newer file'));
  await app.notice.filter({ hasText: 'Imported 1 annotation:' }).waitFor();
  await page.getByTestId('import-progress').waitFor({ state: 'detached' });
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['the newer file']);
  // The older file's answer never comes back: its worker was stopped (and the page still extracts).
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await app.extraction('done');
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
  assert.deepEqual(ctx.errors, []);
});

test('an extraction still unanswered when a newer import stops the worker is sent again to the fresh one', async () => {
  const { app, page } = ctx;
  // The sample, then 3.6 MB of capitalised words (the extractor's slowest kind of text): seconds of work in
  // the worker, so both imports below are asked while the extraction is unanswered.
  const text = `${SAMPLE}\n\n${'Abcde '.repeat(600_000)}\n`;
  await app.pasteLong(text);
  await app.importFile('first.json', oneNote('Sergei Lavrov', 'the older file'));
  await app.importFile('second.json', oneNote('Sergei Lavrov', 'the newer file'));
  const article = page.getByTestId('article');
  assert.notEqual(await article.getAttribute('data-extraction'), 'done', 'the extraction was still unanswered');
  // The newer import stopped the worker (busy with the extraction, the older import waiting behind it); the
  // fresh worker gets the extraction again, and the highlights arrive.
  await app.notice.filter({ hasText: 'Imported 1 annotation:' }).waitFor({ timeout: 120_000 });
  await app.extraction('done');
  assert.ok((await app.namesOfKind('PERSON')).includes('Sergei Lavrov'));
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['the newer file']);
  assert.deepEqual(ctx.errors, []);
});

test('an annotation file opened (or dropped) like an article is imported onto the open article, not opened as one', async () => {
  const { app } = ctx;
  const title = await app.title.textContent();
  await app.openFile('Sample.annotations.json', 'application/json', Buffer.from(oneNote('Sergei Lavrov', 'opened, not imported')));
  await app.notice.filter({ hasText: 'Imported 1 annotation:' }).waitFor();
  assert.equal(await app.title.textContent(), title, 'the article stays the open one');
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['opened, not imported']);
  assert.deepEqual(ctx.errors, []);
});

test('a worker that dies during an import changes nothing, says so, and the next import works', async () => {
  const { app, page } = ctx;
  await page.goto(`${ctx.server.url}?test-panic`);
  await page.locator('mark[data-testid=hl]').first().waitFor();
  await app.selectWords('has lashed out');
  await app.writeNote('mine');
  const { json: before } = await app.exportJson();
  await app.importFile('crash.json', oneNote('Sergei Lavrov', `crash ${SENTINEL}`));
  await app.notice.filter({ hasText: 'Import failed: the importer stopped on this file' }).waitFor();
  assert.match(await app.notice.textContent(), /Nothing was changed/);
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['mine']);
  const { json: after } = await app.exportJson();
  assert.deepEqual(after.first.items, before.first.items);
  // A fresh worker takes the next import.
  await app.importFile('one.json', oneNote('Sergei Lavrov', 'after the crash'));
  await app.notice.filter({ hasText: 'Imported 1 annotation:' }).waitFor();
  assert.deepEqual((await app.noteCards()).map((c) => c.body).sort(), ['after the crash', 'mine']);
  assert.deepEqual(ctx.errors, []);
});

test('a file made on another article is named in the question, with how many of its notes would land here', async () => {
  const { app, page } = ctx;
  const source = 'https://www.news.example/2031/03/14/a-long-article-address-about-harbour-works.html';
  const file = JSON.stringify({ type: 'AnnotationCollection', label: 'Harbour works', first: { items: [
    { type: 'Annotation', body: 'found', target: { source, selector: { type: 'TextQuoteSelector', exact: 'Sergei Lavrov' } } },
    { type: 'Annotation', body: 'lost', target: { source, selector: { type: 'TextQuoteSelector', exact: 'Zorbania harbour' } } },
  ] } });
  await app.importFile('colleague.json', file);
  await page.getByTestId('import-confirm').waitFor();
  const asked = await page.getByTestId('import-confirm-text').textContent();
  assert.match(asked, /made for “Harbour works” \(news\.example\/2031\/03\/14\/…/);
  assert.match(asked, /Of its 2 annotations on words, \d would find their words here \(\d exactly\) and (\d would be orphans|1 would be an orphan)\./);
  assert.deepEqual(ctx.errors, []);
});

test('a colleague\'s file that carries its article offers to open it: the article opens with every note exact, and is saved', async () => {
  const { app, page } = ctx;
  const text = 'Harbour board backs dredging plan\n\nThe harbour board met in Port Ellery on Friday and agreed to dredge the eastern channel before the autumn storms.\n\n"We cannot wait another winter," said Marta Kowalczyk, who chairs the board.';
  const source = 'urn:example:harbour';
  const onWords = (id, exact, body) => ({ type: 'Annotation', id, motivation: 'commenting', body,
    target: { source, selector: { type: 'TextQuoteSelector', exact } } });
  const file = JSON.stringify({ type: 'AnnotationCollection', label: 'Harbour board backs dredging plan', 'sidenote:text': text,
    first: { items: [
      { type: 'Annotation', id: 'urn:example:whole', motivation: 'commenting', body: 'Follow up in spring', target: source },
      onWords('urn:example:who', 'Marta Kowalczyk', 'chair since 2029'),
      onWords('urn:example:where', 'eastern channel', 'the shallow one'),
      { type: 'Annotation', id: 'urn:example:reply', motivation: 'replying', body: 'checked', target: 'urn:example:who' },
    ] } });
  const before = await app.title.textContent();
  await app.importFile('harbour.annotations.json', file);
  await page.getByTestId('import-confirm').waitFor();
  const asked = await page.getByTestId('import-confirm-text').textContent();
  // Named as its article (its reply's target is no page), its note on the whole article counted.
  assert.match(asked, /made for another text \(“Harbour board backs dredging plan”\)/);
  assert.match(asked, /It also holds 1 note on the whole article, which would be an orphan here\./);
  const buttons = await page.getByTestId('import-confirm').locator('button').allTextContents();
  assert.deepEqual(buttons, ['Open its article', 'Anchor anyway', 'Cancel']);
  await page.getByTestId('import-open-article').click();
  await app.notice.filter({ hasText: 'Imported 2 annotations: 2 exact' }).waitFor();
  assert.equal(await app.title.textContent(), 'Harbour board backs dredging plan');
  assert.notEqual(before, await app.title.textContent());
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body, c.status]).sort(), [
    ['Marta Kowalczyk', 'chair since 2029', 'exact'],
    ['eastern channel', 'the shallow one', 'exact'],
  ]);
  assert.deepEqual(await page.getByTestId('document-note').allTextContents().then((notes) => notes.map((n) => /Follow up in spring/.test(n))), [true]);
  // Saved as any opened article: there after a reload, and in the Library.
  await app.saved();
  await app.reload();
  assert.equal(await app.title.textContent(), 'Harbour board backs dredging plan');
  assert.equal((await app.noteCards()).length, 2);
  await page.getByTestId('tab-library').click();
  const entries = await page.getByTestId('library-entry').allTextContents();
  assert.ok(entries.some((e) => /Harbour board backs dredging plan/.test(e)), entries.join(' | '));
  assert.deepEqual(ctx.errors, []);
});
