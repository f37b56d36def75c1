// Storage: data an older version left in localStorage (first format) is moved into IndexedDB and loads;
// unreadable records are set aside, named, listed and never overwritten; the library index is rebuilt; a
// start that did not finish opens in safe mode; saved spans that do not fit the text become orphans; a 5 MB
// document keeps notes at both ends across a reload, its text written once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useSidenote } from '../lib/fixture.mjs';
import { localRecords, putRecords, restartWith as restart, started, storedRecords } from '../lib/stored.mjs';

const ctx = useSidenote();
const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'storage-v1');
const fixture = (name) => fs.readFile(path.join(FIXTURES, name), 'utf8');

/** Empties storage, leaves `items` in localStorage as an older version did, and reloads. */
const restartWith = (page, items) => restart(page, { local: items });

const storage = storedRecords;

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

/** Waits until the record under `key` in IndexedDB matches `pattern`. */
async function waitForStored(page, key, pattern) {
  for (let i = 0; i < 100; i++) {
    const value = (await storage(page))[key];
    if (typeof value === 'string' && pattern.test(value)) return value;
    await page.waitForTimeout(50);
  }
  assert.fail(`${key} never matched ${pattern}`);
}

async function libraryTitles(page) {
  await page.getByTestId('tab-library').click();
  return page.getByTestId('library-entry').allTextContents();
}

test('data saved by the first storage format opens with every note, decision and added entity', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, items);
  // Moved into IndexedDB as they were, byte for byte, and gone from localStorage (but the start-up flag's key).
  const moved = await storage(page);
  // (All but the pointer to the last document, which the start rewrites in the current format.)
  for (const [key, value] of Object.entries(items)) if (key !== 'sidenote.v1.last') assert.equal(moved[key], value, key);
  assert.deepEqual(Object.keys(await localRecords(page)).filter((k) => k.startsWith('sidenote.')), []);
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
  await waitForStored(page, `sidenote.v1.notes.${keys.html}`, /^\{"format":2,.*a second note/);
  const stored = await storage(page);
  assert.match(stored[`sidenote.v1.notes.${keys.html}`], /html note/);
  // The text is written once: a text already stored (here in the first format) is read, never rewritten.
  assert.equal(stored[`sidenote.v1.doc.${keys.html}`], items[`sidenote.v1.doc.${keys.html}`]);
  assert.deepEqual(Object.keys(stored).filter((k) => k.includes('unreadable')), []);
  assert.deepEqual(ctx.errors, []);
});

test('unreadable notes are set aside at start, named, listed, never overwritten, and can be exported raw or deleted', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  const broken = '{"notes":[{"id":"note-1","span":{"start":231,"end":266},"target":{"exact":"has lash';
  const newer = '{"format":99,"annotations":{"notes":[]},"sync":"somewhere"}';
  await restartWith(page, { ...items, [`sidenote.v1.notes.${keys.sample}`]: broken, [`sidenote.v1.notes.${keys.html}`]: newer });
  await app.notice.filter({ hasText: 'could not be read' }).waitFor();
  // Both are named (by their document's title) with why, and where they are kept.
  const notice = await app.notice.textContent();
  assert.match(notice, /2 saved records could not be read/);
  assert.match(notice, /notes and decisions of “Sample: Lavrov[^”]*” \(it is not valid JSON/);
  assert.match(notice, /notes and decisions of “page\.html” \(it was saved by a newer version/);
  assert.match(notice, /kept aside in the Library/);
  let stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.sample}`], broken);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.html}`], newer);
  // Work goes on: a new note is saved, and the unreadable records are still there, byte for byte.
  await app.selectWords('has lashed out');
  await app.writeNote('written after the failure');
  await waitForStored(page, `sidenote.v1.notes.${keys.sample}`, /written after the failure/);
  stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.sample}`], broken);
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
  assert.equal((await localRecords(page))['sidenote.v1.starting'], undefined);
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await page.locator('mark[data-notes]').first().waitFor();
  // Saving is asynchronous: reload once the document is recorded as the last one opened.
  // (The safe start pointed it at the sample; the click writes it again, in the current format.)
  const escaped = keys.html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await waitForStored(page, 'sidenote.v1.last', new RegExp(`"urn":"${escaped}"`));
  await page.reload();
  await started(page);
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
  assert.equal((await storage(page))[`sidenote.v1.notes.${keys.sample}`], items[`sidenote.v1.notes.${keys.sample}`]);
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

test('a corrupted IndexedDB entry leaves the app usable: named in a message, the other documents listed', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, items);
  // Another program (or a bug) damages two records: the last document's text becomes an object, and the
  // other document's notes are cut short.
  await putRecords(page, {
    [`sidenote.v1.doc.${keys.sample}`]: { damaged: true },
    [`sidenote.v1.notes.${keys.html}`]: '{"format":2,"annotations":{"notes":[{"id":"n',
  });
  await page.reload();
  await started(page);
  // The app starts (on the built-in sample), says which records could not be read, and lists the others.
  await app.notice.filter({ hasText: 'could not be read' }).waitFor();
  const notice = await app.notice.textContent();
  assert.match(notice, /article open last time could not be read/);
  assert.match(notice, /notes and decisions of “page\.html” \(it is not valid JSON/);
  const entries = await libraryTitles(page);
  assert.ok(entries.some((e) => /page\.html/.test(e)), entries.join(' | '));
  const unreadable = await page.getByTestId('unreadable-entry').allTextContents();
  assert.equal(unreadable.length, 2, unreadable.join(' | '));
  // The other document still opens, and a note written on it is saved.
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await page.getByTestId('doc-title').filter({ hasText: 'page.html' }).waitFor();
  await app.selectWords('Angela Merkel');
  await app.writeNote('after the damage');
  await waitForStored(page, `sidenote.v1.notes.${keys.html}`, /after the damage/);
  const stored = await storage(page);
  // Set aside with its content, marked as not text (it was an object, not a record's text).
  assert.equal(stored[`sidenote.v1.unreadable.doc.${keys.sample}`], '[not text: Object]\n{"damaged":true}');
  assert.deepEqual(ctx.errors, []);
});

test('a notes record with one unreadable note is set aside whole, and the notes that can be read come back', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, items);
  await page.getByTestId('doc-title').filter({ hasText: 'Sample' }).waitFor();
  const key = `sidenote.v1.notes.${keys.sample}`;
  const saved = JSON.parse((await storage(page))[key]);
  const notes = (saved.annotations ?? saved).notes;
  assert.ok(notes.length >= 2, `the fixture has ${notes.length} notes`);
  // One note's text becomes a number: before, every note of the document was hidden (kept aside, nothing shown).
  notes[0].text = 7;
  const damaged = JSON.stringify(saved);
  await putRecords(page, { [key]: damaged });
  await page.reload();
  await started(page);
  await app.notice.filter({ hasText: 'is back' }).waitFor();
  const notice = await app.notice.textContent();
  assert.match(notice, /notes and decisions of “Sample: Lavrov[^”]*” \(/);
  assert.match(notice, /What could be read of the notes and decisions of “Sample: Lavrov[^”]*” is back \(1 item was left out\)/);
  await page.getByTestId('tab-notes').click();
  const cards = await app.noteCards();
  assert.equal(cards.length, notes.length - 1, JSON.stringify(cards));
  // The record as it was saved is kept aside, byte for byte, and listed.
  const stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.sample}`], damaged);
  assert.doesNotThrow(() => JSON.parse(stored[key]));
  await page.getByTestId('tab-library').click();
  assert.equal(await page.getByTestId('unreadable-entry').count(), 1);
  assert.deepEqual(ctx.errors, []);
});

test('a notes record that is not text (a Blob) is set aside with its content and named after its document; a text set aside says so when opened again', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  await restartWith(page, items);
  // A foreign program stores a Blob as the open document's notes.
  const content = '{"format":2,"annotations":{"notes":[{"id":"from elsewhere"}]}}';
  await page.evaluate(async ([key, text]) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('sidenote', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put(new Blob([text], { type: 'application/json' }), key);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
  }, [`sidenote.v1.notes.${keys.sample}`, content]);
  await page.reload();
  await started(page);
  // Named at the start, after its document, with why; never read as an empty record.
  await app.notice.filter({ hasText: 'could not be read' }).waitFor();
  assert.match(await app.notice.textContent(), /notes and decisions of “Sample: Lavrov[^”]*” \(its content is not what was expected \(a stored Blob, not text\)\)/);
  await page.getByTestId('tab-library').click();
  const unreadable = page.getByTestId('unreadable-entry');
  await unreadable.first().waitFor();
  assert.match((await unreadable.allTextContents()).join(' | '), /Notes and decisions of “Sample: Lavrov/);
  // A note written on the document is saved, and the Blob's content is still kept.
  await app.selectWords('has lashed out');
  await app.writeNote('after the blob');
  await waitForStored(page, `sidenote.v1.notes.${keys.sample}`, /after the blob/);
  assert.equal((await storage(page))[`sidenote.v1.unreadable.notes.${keys.sample}`], `[not text: Blob]\n${content}`);
  // Another program cuts a document's text short: set aside when opened; opening its Library line again
  // says it could not be read, not that it is gone.
  await putRecords(page, { [`sidenote.v1.doc.${keys.html}`]: '{"format":2,"title":"page.html","text":"cut sh' });
  await page.getByTestId('tab-library').click();
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await app.notice.filter({ hasText: 'could not be read' }).waitFor();
  await page.getByTestId('tab-library').click();
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await app.notice.filter({ hasText: 'opened before' }).waitFor();
  assert.doesNotMatch(await app.notice.textContent(), /no longer/);
  await page.getByTestId('tab-library').click();
  assert.match((await unreadable.allTextContents()).join(' | '), /Text of “page\.html”/);
  assert.deepEqual(ctx.errors, []);
});

test('a 5 MB document opens, notes near its start and its end survive a reload, and the text is written once', async () => {
  const { app, page } = ctx;
  // Counts the writes of each key, from the page's first script on.
  await page.addInitScript(() => {
    window.__puts = {};
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function countedPut(value, key) {
      window.__puts[key] = (window.__puts[key] ?? 0) + 1;
      if (typeof value === 'string' && value.length > 5e6) window.__large = key;
      return put.call(this, value, key);
    };
  });
  await page.reload();
  await started(page);
  const sample = await fs.readFile(new URL('../../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
  const filler = `${sample}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (sample.length + 2)));
  const text = `Opening remark about Angela Merkel.\n\n${filler}Closing remark about Emmanuel Macron.`;
  assert.ok(text.length >= 5 * 1024 * 1024);
  await page.getByTestId('paste-button').click();
  // As a paste does: the whole text arrives at once.
  await page.getByTestId('paste-area').evaluate((area, value) => { area.value = value; }, text);
  await page.getByTestId('paste-open').click();
  // Open once the article holds the whole text (its title is the headline of the pasted page, not its first line).
  await page.locator(`[data-testid=article][data-text-length="${text.length}"]`).waitFor({ timeout: 60_000 });
  await app.selectWords('Opening remark');
  await app.writeNote('near the start');
  await app.scrollToEnd('Closing remark');
  await app.selectWords('Closing remark');
  await app.writeNote('near the end');
  const urnKey = await page.waitForFunction(() => window.__large);
  const documentKey = await urnKey.jsonValue();
  await waitForStored(page, documentKey.replace('.doc.', '.notes.'), /near the end/);
  // Two notes saved; the 5 MB text was written once, when the document opened.
  const puts = await page.evaluate(() => window.__puts);
  assert.equal(puts[documentKey], 1, JSON.stringify(puts));
  assert.ok(puts[documentKey.replace('.doc.', '.notes.')] >= 2, JSON.stringify(puts));

  await page.reload();
  await started(page);
  // Open once the article holds the whole text (its title is the headline of the pasted page, not its first line).
  await page.locator(`[data-testid=article][data-text-length="${text.length}"]`).waitFor({ timeout: 60_000 });
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body]).sort(), [['Closing remark', 'near the end'], ['Opening remark', 'near the start']]);
  // Only the blocks near the viewport are in the page; the article says how long its whole text is.
  assert.equal(Number(await app.article.getAttribute('data-text-length')), text.length);
  // Reopening read the text and wrote nothing over it.
  assert.equal((await page.evaluate(() => window.__puts))[documentKey], undefined);
  assert.deepEqual(ctx.errors, []);
});

test('the Library says where work is saved, how much space it takes and whether the browser keeps it', async () => {
  const { page } = ctx;
  await page.getByTestId('tab-library').click();
  const usage = page.getByTestId('storage-usage');
  await usage.waitFor();
  assert.match(await usage.textContent(), /^Saved in IndexedDB · .*(used|unknown).* · (persistent|not persistent|the browser does not say)/);
});

test('when IndexedDB cannot take the records over, they stay in localStorage and work is saved there', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  // IndexedDB refuses every write, as a full disk would.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await restartWith(page, items);
  await app.notice.filter({ hasText: 'could not be moved into IndexedDB' }).waitFor();
  assert.match(await app.notice.textContent(), /storage is full.*stays in localStorage/);
  // Every record is still in localStorage, as it was; nothing went into IndexedDB.
  const local = await localRecords(page);
  for (const [key, value] of Object.entries(items)) if (key !== 'sidenote.v1.last') assert.equal(local[key], value, key);
  assert.deepEqual(await storage(page), {});
  assert.equal((await libraryTitles(page)).length, 2);
  assert.equal((await app.noteCards()).length, 3);
  await app.selectWords('a new arms race');
  await app.writeNote('saved in localStorage');
  await page.waitForFunction((key) => /saved in localStorage/.test(localStorage.getItem(key) ?? ''), `sidenote.v1.notes.${keys.sample}`);
  assert.match((await localRecords(page))[`sidenote.v1.notes.${keys.sample}`], /Strong wording/);
  await page.getByTestId('tab-library').click();
  assert.match(await page.getByTestId('storage-usage').textContent(), /^Saved in localStorage/);
  assert.deepEqual(ctx.errors, []);
});

test('while saving fails, the page says the work is not saved for as long as it lasts, not only once', async () => {
  const { app, page } = ctx;
  // Every write refused, as a full disk would: IndexedDB and localStorage alike.
  await page.addInitScript(() => {
    const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = full;
    Storage.prototype.setItem = full;
  });
  await app.reload();
  await app.selectWords('has lashed out');
  await app.writeNote('kept in memory');
  await app.notice.filter({ hasText: 'Saving in this browser failed' }).waitFor();
  const unsaved = page.getByTestId('unsaved');
  await unsaved.waitFor();
  assert.match(await unsaved.textContent(), /Not saved in this browser.*Export/);
  // Another article replaces the message; the warning stays.
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await app.extraction('done');
  await unsaved.waitFor();
  assert.deepEqual(ctx.errors, []);
});

test('when IndexedDB never answers, the app stops waiting and works from localStorage', async () => {
  const { app, page } = ctx;
  const { items } = await format1Storage();
  // An open request that never succeeds nor fails, as some browsers have left them.
  await page.addInitScript(() => { IDBFactory.prototype.open = () => ({}); });
  await restartWith(page, items);
  assert.deepEqual((await app.noteCards()).map((c) => c.status), ['exact', 'exact', 'orphan']);
  assert.equal((await libraryTitles(page)).length, 2);
  assert.match(await page.getByTestId('storage-usage').textContent(), /^Saved in localStorage/);
  assert.deepEqual(ctx.errors, []);
});

test('deleting a document asks first; deleting the open one opens the sample, and nothing of it is saved again', async () => {
  const { app, page } = ctx;
  await app.pasteText('A report. Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget.');
  await app.extraction('done');
  await app.selectWords('Angela Merkel');
  await app.writeNote('on the report');
  await app.saved();
  const report = page.getByTestId('library-entry').filter({ hasText: 'A report' });
  await page.getByTestId('tab-library').click();
  await report.waitFor();
  // The first click only asks; "Keep it" leaves everything as it was.
  await report.getByTestId('library-delete').click();
  assert.match(await report.textContent(), /Delete “A report.*” and its 1 note from this browser\? This cannot be undone/);
  await report.getByTestId('library-delete-cancel').click();
  assert.equal(await report.getByTestId('library-delete').count(), 1);
  // Deleted for good: the open document was that one, so the sample opens instead.
  await report.getByTestId('library-delete').click();
  await report.getByTestId('library-delete-confirm').click();
  await app.notice.filter({ hasText: 'the sample is open instead' }).waitFor();
  assert.match(await app.title.textContent(), /Sample: Lavrov/);
  await report.waitFor({ state: 'detached' });
  // A change now is the sample's; the report stays deleted, after a reload too.
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('on the sample');
  await app.saved();
  await app.reload();
  const titles = await libraryTitles(page);
  assert.ok(!titles.some((t) => /A report/.test(t)), titles.join(' | '));
  const stored = Object.keys(await storedRecords(page));
  assert.equal(stored.filter((k) => k.startsWith('sidenote.v1.doc.')).length, 1, stored.join(' '));
  assert.deepEqual(ctx.errors, []);
});

test('a record another tab left unreadable while this one had the document open is set aside by the next save, not written over', async () => {
  const { app, page } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('first');
  await app.saved();
  const key = Object.keys(await storage(page)).find((k) => k.startsWith('sidenote.v1.notes.'));
  assert.ok(key, 'the notes record is stored');
  // What a newer version of Sidenote (or a damaged disk) might leave under the same key meanwhile.
  const foreign = '{"format": 99, "annotations": "from the future"';
  await putRecords(page, { [key]: foreign });
  await app.selectWords('Washington');
  await app.writeNote('second');
  await app.saved();
  const stored = await waitForStored(page, key, /second/);
  assert.match(stored, /first/, 'the record written holds every note of this tab');
  const aside = Object.entries(await storage(page)).filter(([k]) => k.includes('unreadable'));
  assert.deepEqual(aside.map(([, v]) => v), [foreign], 'the unreadable record is kept aside, byte for byte');
  assert.deepEqual(ctx.errors, []);
});

test('notes whose text record is gone are set aside and listed for a raw export, not left where nothing reaches them', async () => {
  const { app, page } = ctx;
  const { keys, items } = await format1Storage();
  const notes = items[`sidenote.v1.notes.${keys.html}`];
  const withoutText = { ...items };
  delete withoutText[`sidenote.v1.doc.${keys.html}`];
  await restartWith(page, withoutText);
  await page.getByTestId('tab-library').click();
  await page.getByTestId('library-entry').filter({ hasText: 'page.html' }).locator('.library-open').click();
  await app.notice.filter({ hasText: 'text is missing from storage' }).waitFor();
  assert.match(await app.notice.textContent(), /kept aside in the Library/);
  const stored = await storage(page);
  assert.equal(stored[`sidenote.v1.unreadable.notes.${keys.html}`], notes, 'kept aside byte for byte');
  assert.equal(stored[`sidenote.v1.notes.${keys.html}`], undefined);
  const entry = page.getByTestId('unreadable-entry');
  await entry.first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), entry.first().getByTestId('unreadable-export').click()]);
  assert.equal(await fs.readFile(await download.path(), 'utf8'), notes);
  // The open article is the one that was open, with its notes.
  assert.ok((await app.noteCards()).length > 0);
  assert.deepEqual(ctx.errors, []);
});
