// Share links: the document and its notes travel in the link's fragment, open in a fresh browser, and are
// saved there only when kept (or changed); a damaged link says so and loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { useSidenote } from '../lib/fixture.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';
import { storedRecords, waitForRecord } from '../lib/stored.mjs';

const ctx = useSidenote();

/** A link made by a colleague in a browser of their own: a note "theirs" on "INF Treaty" of the sample. */
async function colleaguesLink(browser) {
  const other = await browser.newContext();
  const colleague = new SidenotePage(await other.newPage(), ctx.server.url);
  await colleague.open();
  await colleague.selectWords('INF Treaty');
  await colleague.writeNote('theirs');
  const link = await makeLink(colleague, colleague.page);
  await other.close();
  return link;
}

async function makeLink(app, page) {
  await page.getByTestId('share-button').click();
  return page.getByTestId('share-link').inputValue();
}

// The Library index's entries (a versioned record: { format, entries }).
const savedIndex = async (page) =>
  JSON.parse((await storedRecords(page))['sidenote.v1.index'] ?? '{"entries":[]}').entries;

test('a share link opens the document with its notes in another browser, unsaved until kept', async () => {
  const { app, page, browser, server } = ctx;
  await app.selectWords('has lashed out at the United States');
  await app.writeNote('the claim', 'shared, claim');
  await app.selectWords('a new arms race');
  await app.writeNote('second note');
  const link = await makeLink(app, page);
  assert.ok(link.startsWith(`${server.url}#share=v1.`), link.slice(0, 80));
  const title = await app.title.textContent();

  // A colleague's browser: nothing saved, nothing shared but the link.
  const other = await browser.newContext();
  const colleague = new SidenotePage(await other.newPage(), link);
  await colleague.open();
  assert.equal(await colleague.title.textContent(), title);
  const cards = await colleague.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body, c.tags, c.status]), [
    ['has lashed out at the United States', 'the claim', ['#shared', '#claim'], 'exact'],
    ['a new arms race', 'second note', [], 'exact'],
  ]);
  assert.equal(await colleague.noteHighlightText(cards[0].id), 'has lashed out at the United States');
  await colleague.page.getByTestId('shared-banner').waitFor();
  assert.deepEqual(await savedIndex(colleague.page), [], 'nothing is saved before Keep');
  assert.ok(!colleague.page.url().includes('#share='), 'the link is taken out of the address bar');

  await colleague.page.getByTestId('keep-shared').click();
  await colleague.page.getByTestId('shared-banner').waitFor({ state: 'detached' });
  await colleague.notice.filter({ hasText: 'Kept' }).waitFor();
  await waitForRecord(colleague.page, 'sidenote.v1.index', (v) => v?.includes(title));
  assert.deepEqual((await savedIndex(colleague.page)).map((e) => [e.title, e.notes]), [[title, 2]]);
  await other.close();
});

test('a note written on a shared article that was not kept keeps the article: it is there after a reload', async () => {
  const { app, page, browser } = ctx;
  await app.selectWords('has lashed out at the United States');
  await app.writeNote('theirs');
  const link = await makeLink(app, page);
  const other = await browser.newContext();
  const colleague = new SidenotePage(await other.newPage(), link);
  await colleague.open();
  await colleague.page.getByTestId('shared-banner').waitFor();
  // No Keep: the colleague writes a note at once, then reloads without waiting.
  await colleague.selectWords('Sergei Lavrov');
  await colleague.writeNote('mine, on the shared article');
  await colleague.page.getByTestId('shared-banner').waitFor({ state: 'detached' });
  await colleague.notice.filter({ hasText: 'kept once you change it' }).waitFor();
  await colleague.reload();
  assert.deepEqual((await colleague.noteCards()).map((c) => c.body).sort(), ['mine, on the shared article', 'theirs']);
  await other.close();
});

test('keeping a colleague’s link to an article already annotated here keeps both their notes and mine, after a reload', async () => {
  const { app, page, browser } = ctx;
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('mine');
  await waitForRecord(page, 'sidenote.v1.index', (v) => v?.includes('"notes":1'));

  // The colleague annotates their own copy of the same article and sends a link.
  const link = await colleaguesLink(browser);

  await page.goto(link);
  await page.getByTestId('shared-banner').waitFor();
  await page.getByTestId('keep-shared').click();
  await app.notice.filter({ hasText: 'Kept' }).waitFor();
  const bodies = async () => (await app.noteCards()).map((c) => c.body).sort();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=note-card]').length === 2);
  assert.deepEqual(await bodies(), ['mine', 'theirs'], 'the saved note is shown beside the kept ones');
  await waitForRecord(page, 'sidenote.v1.index', (v) => v?.includes('"notes":2'));
  await page.goto(ctx.server.url);
  await page.locator('[data-testid=app][data-started=true]').waitFor();
  await page.getByTestId('tab-notes').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=note-card]').length === 2);
  assert.deepEqual(await bodies(), ['mine', 'theirs']);
  assert.deepEqual(ctx.errors, []);
});

test('a damaged link says so and keeps what was open, on load and when pasted into an open tab', async () => {
  const { app, page, context } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('keep me');
  const link = await makeLink(app, page);
  const damaged = link.slice(0, Math.floor(link.length * 0.7));

  // Pasted into the address bar of the open tab: only the fragment changes.
  await page.goto(damaged);
  await app.notice.filter({ hasText: 'damaged' }).waitFor();
  assert.match(await app.notice.textContent(), /share link is damaged.*unchanged/);
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['keep me']);

  // Opened in a new tab of the same browser: the last document comes back with its note.
  const fresh = new SidenotePage(await context.newPage(), damaged);
  await fresh.open();
  await fresh.notice.filter({ hasText: 'damaged' }).waitFor();
  assert.deepEqual((await fresh.noteCards()).map((c) => c.body), ['keep me']);
  assert.equal(await fresh.page.getByTestId('shared-banner').count(), 0);
});

// Made by the app when deflate was compiled into its Wasm; opened now through the browser's DecompressionStream.
const OLD_LINK = (await fs.readFile(new URL('../../crates/annotate/tests/fixtures/share-link-v1.txt', import.meta.url), 'utf8')).trim();

test('a link made before the browser compressed links still opens, with its notes', async () => {
  const { browser, server } = ctx;
  const other = await browser.newContext();
  const colleague = new SidenotePage(await other.newPage(), `${server.url}#${OLD_LINK}`);
  await colleague.open();
  await colleague.page.getByTestId('shared-banner').waitFor();
  assert.equal(await colleague.title.textContent(), 'Lavrov on the treaty');
  const cards = await colleague.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body, c.tags, c.status]), [
    ['Sergei Lavrov', 'who spoke', ['#person', '#source'], 'exact'],
  ]);
  await other.close();
});

test('a link that inflates past what a link may hold is refused as damaged, and nothing changes', async () => {
  const { app, page, server } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('keep me');
  // 41 MB of text, past the 40 MB a payload may inflate to, in 40 KB of raw DEFLATE. Inflated whole, the
  // text would be refused as too long instead ("holds no usable article"): "damaged" is the limit's doing.
  const bomb = zlib.deflateRawSync(Buffer.from(`{"sidenote:text":"${'a'.repeat(41 * 1024 * 1024)}"}`), { level: 9 });
  await page.goto(`${server.url}#share=v1.${bomb.toString('base64url')}`);
  await app.notice.filter({ hasText: 'damaged' }).waitFor();
  assert.match(await app.notice.textContent(), /compressed data is incomplete or altered.*unchanged/);
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['keep me']);
  assert.deepEqual(ctx.errors, []);
});

test('a link to an article with notes saved here says they are not shown on the link, and Keep adds to them', async () => {
  const { app, page, browser } = ctx;
  await app.selectWords('Sergei Lavrov');
  await app.writeNote('mine');
  await waitForRecord(page, 'sidenote.v1.index', (v) => v?.includes('"notes":1'));
  const link = await colleaguesLink(browser);
  await page.goto(link);
  const banner = page.getByTestId('shared-banner');
  await banner.filter({ hasText: 'Your 1 note on this article is saved in this browser and not shown' }).waitFor();
  assert.match(await banner.textContent(), /Keep adds the link's notes to yours/);
  assert.deepEqual((await app.noteCards()).map((c) => c.body), ['theirs']);
  assert.deepEqual(ctx.errors, []);
});
