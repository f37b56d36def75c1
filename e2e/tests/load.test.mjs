// Loading articles: paste, file, and every kind of bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();
const SAMPLE_TITLE = /Sample: Lavrov/;

test('pasting a new text replaces the document and highlights it', async () => {
  const { app } = ctx;
  await app.pasteText('German Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday.');
  await ctx.page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  assert.deepEqual(await app.namesOfKind('PERSON'), ['Angela Merkel', 'Emmanuel Macron']);
  assert.deepEqual(await app.namesOfKind('PLACE'), ['Paris']);
  assert.equal(await app.articleText(), 'German Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday.');
  assert.doesNotMatch(await app.articleText(), /Lavrov/);
});

test('a file with emoji before a name keeps the highlight on the right characters', async () => {
  const { app, page } = ctx;
  const text = '👩‍🔬🙂🇫🇷 e\u0301te\u0301 — soft\u00ADhyphen and\u00A0nbsp, 北京: Angela Merkel met Emmanuel Macron in Paris.';
  await app.openFile('emoji.txt', 'text/plain', Buffer.from(text, 'utf8'));
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  assert.equal(await app.articleText(), text);
  // The highlight starts where JavaScript (UTF-16) finds the name in the text.
  assert.equal(await app.offsetOfHighlight('Angela Merkel'), text.indexOf('Angela Merkel'));
  assert.equal(await app.offsetOfHighlight('Paris'), text.indexOf('Paris'));
  assert.match(await ctx.app.title.textContent(), /emoji\.txt/);
});

test('a paste of several MB is held and summarised instead of filling the text area, and opens whole', async () => {
  const { app, page } = ctx;
  const line = 'Angela Merkel met Emmanuel Macron in Paris on Monday, and they spoke at length.\n';
  const text = line.repeat(Math.ceil(3_000_000 / line.length));
  await page.getByTestId('paste-button').click();
  await app.pasteFromClipboard(text);
  const summary = page.getByTestId('long-paste');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Pasted 2\.9 MB of text, 37,500 lines, starting “Angela Merkel met/);
  assert.equal(await page.getByTestId('paste-area').evaluate((area) => area.value.length), 0, 'the area holds none of it');
  assert.equal(await page.getByTestId('paste-area').isVisible(), false);
  // Changing one's mind brings the text area back, empty; a second paste is held again.
  await page.getByTestId('long-paste-discard').click();
  await page.getByTestId('paste-area').waitFor({ state: 'visible' });
  await app.pasteFromClipboard(text);
  await summary.waitFor();
  await page.getByTestId('paste-open').click();
  await page.locator(`[data-testid=article][data-text-length="${text.length}"][data-extraction=done]`).waitFor({ timeout: 60_000 });
  assert.ok((await app.namesOfKind('PERSON')).includes('Angela Merkel'));
});

async function expectRefused(app, pattern) {
  await app.notice.waitFor();
  assert.match(await app.notice.textContent(), pattern);
  assert.match(await app.notice.textContent(), /unchanged/);
  assert.match(await app.title.textContent(), SAMPLE_TITLE);
  assert.ok((await app.namesOfKind('PERSON')).includes('Sergei Lavrov'), 'the sample is still open and highlighted');
}

test('an empty paste is refused with a message and the open article stays', async () => {
  await ctx.app.pasteText('   \n  ');
  await expectRefused(ctx.app, /empty/);
});

test('a paste that is refused keeps the paste panel open with its text; one stray NUL is no reason to refuse', async () => {
  const { app, page } = ctx;
  await page.getByTestId('paste-button').click();
  const pasted = 'Binary\u0001\u0002\u0003 bytes';
  await page.getByTestId('paste-area').fill(pasted);
  await page.getByTestId('paste-open').click();
  await app.notice.filter({ hasText: 'The pasted text is full of control characters' }).waitFor();
  assert.equal(await page.getByTestId('paste-area').inputValue(), pasted, 'the pasted text is still there');
  assert.match(await app.title.textContent(), SAMPLE_TITLE);
  // Corrected in the panel and opened: a single NUL shows as U+FFFD.
  await page.getByTestId('paste-area').fill('Short\u0000 paste about Angela Merkel in Paris.');
  await page.getByTestId('paste-open').click();
  await page.getByTestId('paste-area').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.textContent.includes('Short\uFFFD paste'));
});

test('a binary file is refused with a message and the open article stays', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  await ctx.app.openFile('photo.png', 'image/png', png);
  await expectRefused(ctx.app, /not text/);
});

test('a text file in Windows-1252 or UTF-16 opens with its letters right, and the message says how it was read', async () => {
  // Windows-1252 (what many Windows editors save) and UTF-16 with its byte-order mark (Notepad's "Unicode").
  await ctx.app.openFile('cafe-latin1.txt', 'text/plain', Buffer.from('Caf\xe9 owner Angela Merkel met Emmanuel Macron.', 'latin1'));
  await ctx.app.notice.filter({ hasText: 'read as Windows-1252' }).waitFor();
  assert.match(await ctx.app.articleText(), /Café owner Angela Merkel/);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Angela Merkel met Emmanuel Macron in Zürich.', 'utf16le')]);
  await ctx.app.openFile('notepad-unicode.txt', 'text/plain', utf16);
  await ctx.app.notice.filter({ hasText: 'read as UTF-16' }).waitFor();
  assert.match(await ctx.app.articleText(), /Macron in Zürich\./);
  await ctx.app.extraction('done');
  assert.ok((await ctx.app.namesOfKind('PERSON')).includes('Angela Merkel'));
});

test('a text file over 20 MB is refused with a message naming its size, and the open article stays', async () => {
  const big = Buffer.alloc(21 * 1024 * 1024, 'Lorem ipsum dolor sit amet. ');
  await ctx.app.openFile('huge.txt', 'text/plain', big);
  await expectRefused(ctx.app, /21\.0 MB.*up to 20 MB/);
});

test('a paste over 20 MB is refused with a message naming its size, and the open article stays', async () => {
  const { app, page } = ctx;
  await page.getByTestId('paste-button').click();
  // As a paste does: the whole text arrives at once (typing 21 MB would take hours); the panel holds it.
  await app.pasteFromClipboard('Lorem ipsum dolor sit amet. '.repeat(786432));
  await page.getByTestId('long-paste').waitFor();
  await page.getByTestId('paste-open').click();
  await expectRefused(ctx.app, /21\.0 MB.*up to 20 MB/);
  // The panel still holds the paste, as it holds a short refused one: nothing the user gave is thrown away.
  assert.match(await page.getByTestId('long-paste').textContent(), /21\.0 MB/);
});

test('text that looks like HTML or script is shown as text and never run', async () => {
  const { app, page } = ctx;
  const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> Boris Johnson spoke in London.';
  await app.pasteText(hostile);
  await page.locator('mark[data-kind=PLACE]', { hasText: 'London' }).waitFor();
  assert.equal(await app.articleText(), hostile);
  assert.equal(await page.locator('[data-testid=article] img, [data-testid=article] script').count(), 0);
  await page.waitForTimeout(200); // give a (wrongly) injected onerror handler the chance to fire
  assert.deepEqual(app.dialogs, []);
});
