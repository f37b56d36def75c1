// No change lost to a reload or a closed tab: every change is kept synchronously in a write-ahead journal
// (localStorage) until IndexedDB has committed it, and the next start merges what is left back in. These tests
// reload or close the page the moment a note is added, never waiting for the save (no `app.saved()`), and a
// corrupted journal entry is named while everything else opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';
import { localRecords, storedRecords } from '../lib/stored.mjs';

const ctx = useSidenote();

/** Words of the sample to put notes on, one per round. */
const WORDS = [
  'Sergei Lavrov', 'United States', 'INF Treaty', 'Washington', 'Moscow',
  'has lashed out', 'Russia', 'Lavrov', 'missile', 'nuclear',
];

async function bodies(app) {
  return (await app.noteCards()).map((c) => c.body).sort();
}

async function journalKeys(page) {
  return Object.keys(await localRecords(page)).filter((k) => k.startsWith('sidenote.journal.'));
}

/** The content URN of the document this page saved (the only one stored). */
async function storedUrn(page) {
  const records = await storedRecords(page);
  return Object.keys(records).find((k) => k.startsWith('sidenote.v1.doc.')).slice('sidenote.v1.doc.'.length);
}

/** A journal entry as a page closed the moment after a change leaves it: one orphan note. */
function journalEntry(number, text) {
  return JSON.stringify({
    format: 2, saved: '',
    annotations: {
      notes: [{ id: `note-${number}-zz`, span: null, target: { exact: 'words of another time' }, status: 'orphan', text }],
      next_id: number,
    },
  });
}

async function leaveJournalEntry(page, urn, entry) {
  await page.evaluate(([u, e]) => localStorage.setItem(`sidenote.journal.${u}.zz`, e), [urn, entry]);
}

/**
 * The open tab hears of a note recovered by another tab (its Notes tab shows two cards), then writes one more
 * and saves it: that save must keep the recovered note (a tab merges only with what it wrote itself otherwise).
 */
async function addAfterHearingOfTheRecovery(app, page) {
  await page.getByTestId('tab-notes').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=note-card]').length === 2, null,
    { timeout: 30_000 });
  await app.selectWords('Washington');
  await app.writeNote('mine after');
  await app.saved();
}

test('a note added the moment before a reload is back, round after round', async () => {
  const { app, page } = ctx;
  const written = [];
  for (const [round, words] of WORDS.entries()) {
    await app.selectWords(words);
    await app.writeNote(`round ${round}`);
    written.push(`round ${round}`);
    // No wait at all: the page goes while the IndexedDB transaction may still be under way.
    await app.reload();
    assert.deepEqual(await bodies(app), [...written].sort(), `after round ${round}`);
  }
  // Once the saves have landed, the journal is empty again.
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('sidenote.journal.')));
  assert.deepEqual(ctx.errors, []);
});

test('a note added the moment before the tab is closed is there in a new tab', async () => {
  const { context } = ctx;
  let { app, page } = ctx;
  const written = [];
  for (const [round, words] of WORDS.slice(0, 5).entries()) {
    await app.selectWords(words);
    await app.writeNote(`closed ${round}`);
    written.push(`closed ${round}`);
    await page.close();
    page = await context.newPage();
    app = new SidenotePage(page, ctx.server.url);
    await app.open();
    assert.deepEqual(await bodies(app), [...written].sort(), `after round ${round}`);
  }
});

test('a journal entry that cannot be read is named, set aside, and the rest recovered', async () => {
  const { app, page } = ctx;
  const urn = await storedUrn(page);
  const kept = journalEntry(90, 'from the journal');
  await page.evaluate(([u, good]) => {
    localStorage.setItem(`sidenote.journal.${u}.yy`, '{"format":2,"annotations":{"notes":[');
    localStorage.setItem(`sidenote.journal.${u}.zz`, good);
  }, [urn, kept]);
  await app.reload();
  assert.match(await app.notice.textContent(), /could not be read: the last changes to .*kept while they were being saved \(it is not valid JSON/);
  // The readable entry is merged in and saved; both entries have left localStorage.
  assert.deepEqual(await bodies(app), ['from the journal']);
  assert.deepEqual(await journalKeys(page), []);
  const stored = await storedRecords(page);
  assert.match(stored[`sidenote.v1.notes.${urn}`], /from the journal/);
  assert.equal(stored[`sidenote.v1.unreadable.journal.${urn}.yy`], '{"format":2,"annotations":{"notes":[');
  await page.getByTestId('tab-library').click();
  assert.match(await page.getByTestId('side-panel').textContent(), /Changes made just before a page closed/);
  // The app is usable: a new note is added and kept.
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('after the recovery');
  await app.reload();
  assert.deepEqual(await bodies(app), ['after the recovery', 'from the journal']);
  assert.deepEqual(ctx.errors, []);
});

test('while IndexedDB is held up the change waits in the journal, and a reload then keeps it', async () => {
  const { app, page } = ctx;
  // Another connection holds a read-write transaction on the app's store (kept alive by a chain of reads), so
  // the app's save cannot commit until it ends: the deterministic form of "reloaded before the commit".
  await page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.open('sidenote', 1);
    request.onsuccess = () => {
      const store = request.result.transaction('records', 'readwrite').objectStore('records');
      const until = Date.now() + 5000;
      const again = () => { if (Date.now() < until) store.get('held').onsuccess = again; };
      again();
      resolve();
    };
  }));
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('held up');
  const journal = await localRecords(page);
  const entries = Object.entries(journal).filter(([k]) => k.startsWith('sidenote.journal.'));
  assert.equal(entries.length, 1, JSON.stringify(Object.keys(journal)));
  assert.match(entries[0][1], /"text":"held up"/);
  await app.reload();
  assert.deepEqual(await bodies(app), ['held up']);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('sidenote.journal.')));
});

test('changes recovered at start reach a tab that has the document open, and its next save keeps them', async () => {
  const { app, page, context } = ctx;
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('mine before');
  await app.saved();
  // What a tab closed the moment after a change leaves behind: its entry, not yet in IndexedDB.
  await leaveJournalEntry(page, await storedUrn(page), journalEntry(91, 'from a closed tab'));
  // A new tab recovers it at start; the tab still open hears of it and takes it in.
  const second = await context.newPage();
  const other = new SidenotePage(second, ctx.server.url);
  await other.open();
  assert.deepEqual(await bodies(other), ['from a closed tab', 'mine before']);
  await addAfterHearingOfTheRecovery(app, page);
  await other.reload();
  assert.deepEqual(await bodies(other), ['from a closed tab', 'mine after', 'mine before']);
  assert.deepEqual(ctx.errors, []);
});

test('changes recovered by a tab that opens another article still reach the tab that has theirs open', async () => {
  const { app, page, context } = ctx;
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('mine before');
  await app.saved();
  const urn = await storedUrn(page);
  // Another tab opens another article and closes: that article is the one the next tab opens.
  const third = new SidenotePage(await context.newPage(), ctx.server.url);
  await third.open();
  await third.pasteText('Another article. Mary Okafor spoke in Lagos on Monday about the new port.');
  await third.saved();
  await third.page.close();
  await leaveJournalEntry(page, urn, journalEntry(92, 'from a closed tab'));
  // The new tab shows the other article; only the announcement of what it recovered tells the first tab.
  const other = new SidenotePage(await context.newPage(), ctx.server.url);
  await other.open();
  assert.match(await other.articleText(), /Mary Okafor/);
  await addAfterHearingOfTheRecovery(app, page);
  const stored = (await storedRecords(page))[`sidenote.v1.notes.${urn}`];
  for (const body of ['mine before', 'from a closed tab', 'mine after']) assert.ok(stored.includes(body), body);
  assert.deepEqual(ctx.errors, []);
});

test('a journal entry waits through a safe start (after a start that did not finish) and the next start recovers it', async () => {
  const { app, page } = ctx;
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('mine');
  await app.saved();
  const urn = await storedUrn(page);
  const entry = journalEntry(93, 'from a closed tab');
  await leaveJournalEntry(page, urn, entry);
  // What a start that crashed leaves behind: the flag set before opening the last document.
  await page.evaluate(() => localStorage.setItem('sidenote.v1.starting', '{"format":2}'));
  await app.reload();
  await app.notice.filter({ hasText: 'did not finish starting' }).waitFor();
  // Safe mode touches no entry: the one left is still there, exactly as it was.
  const left = await localRecords(page);
  assert.equal(left[`sidenote.journal.${urn}.zz`], entry);
  assert.ok(!(await storedRecords(page))[`sidenote.v1.notes.${urn}`].includes('from a closed tab'));
  // The next, normal start merges it in and removes it.
  await app.reload();
  assert.deepEqual(await bodies(app), ['from a closed tab', 'mine']);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('sidenote.journal.')));
  assert.deepEqual(ctx.errors, []);
});

test('when localStorage refuses the journal, a note still reaches IndexedDB and is back after a reload, with no error', async () => {
  const { app, page } = ctx;
  // localStorage full (or switched off for this site) for the journal only: IndexedDB still takes writes.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('sidenote.journal.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await app.reload();
  await app.selectWords('has lashed out');
  await app.writeNote('kept without a journal');
  await app.saved();
  assert.deepEqual(await journalKeys(page), [], 'no journal entry could be written');
  await app.reload();
  assert.deepEqual(await bodies(app), ['kept without a journal']);
  assert.equal(await page.getByTestId('unsaved').count(), 0, 'nothing says the work is not saved');
  assert.deepEqual(ctx.errors, []);
});
