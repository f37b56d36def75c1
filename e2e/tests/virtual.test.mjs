// A long article is rendered in blocks, only those near the viewport in the DOM: selecting across a block
// boundary still gives the exact words, and searching finds words in a block not yet rendered and scrolls to
// them. A 5 MB document stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useSidenote } from '../lib/fixture.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';

const ctx = useSidenote();
const SAMPLE = await fs.readFile(new URL('../../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const ENDING = 'In a later statement, Chancellor Angela Merkel said in Berlin that the talks would resume in the spring.\n';
/** About `bytes` of the sample repeated, with a last paragraph naming someone the sample never does. */
const long = (bytes) => `${`${SAMPLE}\n\n`.repeat(Math.ceil(bytes / (SAMPLE.length + 2)))}${ENDING}`;

/** Scrolls to the bottom until the last paragraph (ENDING) is on screen, as a reader would: scrolling renders
 * the last blocks, whose measured heights may move the bottom again. */
const scrollToTheEnding = (page) => page.waitForFunction(() => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const block = [...document.querySelectorAll('[data-block]')].find((b) => b.textContent.includes('resume in the spring'));
  const rect = block?.getBoundingClientRect();
  return rect && rect.top < window.innerHeight && rect.bottom > 0;
}, null, { polling: 250 });

/** Whether an element is within the viewport. */
const inView = (locator) => locator.evaluate((el) => {
  const rect = el.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < window.innerHeight;
});

test('selecting across a block boundary, far into a long article, notes the exact words', async () => {
  const { app, page } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  assert.equal(Number(await app.article.getAttribute('data-text-length')), text.length);
  assert.ok((await app.articleText()).length < text.length / 10, 'most of the text is not in the DOM');
  // Halfway down, the blocks there are rendered and those above stand in as a spacer.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForFunction(() => {
    const blocks = [...document.querySelectorAll('[data-testid=article] [data-block]')];
    return blocks.some((b) => Number(b.dataset.blockStart) > 400_000 && b.getBoundingClientRect().top > 0);
  });
  // The last 30 characters of one rendered block and the first 30 of the next, selected as a drag would.
  const expected = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll('[data-testid=article] [data-block]')];
    const i = blocks.findIndex((b, k) => k + 1 < blocks.length && Number(b.dataset.blockStart) > 400_000
      && Number(blocks[k + 1].dataset.block) === Number(b.dataset.block) + 1);
    const [first, second] = [blocks[i], blocks[i + 1]];
    const point = (block, offset) => {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen + node.data.length >= offset) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('offset past the block');
    };
    const range = document.createRange();
    range.setStart(...point(first, first.textContent.length - 30));
    range.setEnd(...point(second, 30));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    first.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return { words: first.textContent.slice(-30) + second.textContent.slice(0, 30), boundary: Number(second.dataset.blockStart) };
  });
  // The block's start is a UTF-8 byte offset of the core; the same place in this JavaScript string:
  expected.start = Buffer.from(text).subarray(0, expected.boundary).toString().length - 30;
  assert.equal(expected.words, text.slice(expected.start, expected.start + 60), 'the rendered blocks are the text');
  await page.getByTestId('selection-bar').waitFor();
  await app.writeNote('across blocks');
  const { json } = await app.exportJson();
  const note = json.first.items.find((i) => i.body.some((b) => b.value === 'across blocks'));
  const quote = note.target.selector.find((s) => s.type === 'TextQuoteSelector');
  assert.equal(quote.exact, expected.words, 'the note quotes exactly the selected words');
  const position = note.target.selector.find((s) => s.type === 'TextPositionSelector');
  assert.equal([...text.slice(0, expected.start)].length, position.start, 'at exactly their place in the text');
  assert.deepEqual(ctx.errors, []);
});

test('a selection whose start scrolled out of view, extended past unrendered blocks, notes the exact words', async () => {
  const { app, page } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  // Start a selection 40 characters before the end of the first block.
  await page.evaluate(() => {
    const block = document.querySelector('[data-testid=article] [data-block="0"]');
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
    const range = document.createRange();
    range.setStart(last, Math.max(0, last.data.length - 1));
    range.collapse(true);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    getSelection().extend(last, last.data.length);
  });
  // Scroll a few screens down: the blocks in between become spacers, the selection's block stays.
  await page.evaluate(() => window.scrollTo(0, window.innerHeight * 6));
  await page.waitForFunction(() => {
    const article = document.querySelector('[data-testid=article]');
    const first = article.querySelector('[data-block="0"]');
    const spacer = article.querySelector('.spacer');
    const visible = [...article.querySelectorAll('[data-block]')].find((b) => b.dataset.block !== '0' && b.getBoundingClientRect().top > 0);
    return first && spacer && visible && (first.compareDocumentPosition(spacer) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  // Shift+click further down: the selection now runs from the first block over spacers to a rendered block.
  const ends = await page.evaluate(() => {
    const article = document.querySelector('[data-testid=article]');
    const first = article.querySelector('[data-block="0"]');
    const focusBlock = [...article.querySelectorAll('[data-block]')].find((b) => b.dataset.block !== '0' && b.getBoundingClientRect().top > 0);
    const walker = document.createTreeWalker(focusBlock, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    let seen = 0;
    while (seen + node.data.length < 5) { seen += node.data.length; node = walker.nextNode(); }
    const selection = getSelection();
    const anchor = { start: Number(first.dataset.blockStart), within: first.textContent.length - 1 };
    selection.extend(node, 5 - seen);
    article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return { anchor, focus: { start: Number(focusBlock.dataset.blockStart), within: 5 } };
  });
  const index = (byte) => Buffer.from(text).subarray(0, byte).toString().length;
  const from = index(ends.anchor.start) + ends.anchor.within;
  const to = index(ends.focus.start) + ends.focus.within;
  assert.ok(to - from > 5000, 'the selection spans unrendered blocks');
  await page.getByTestId('selection-bar').waitFor();
  await app.writeNote('long selection');
  const { json } = await app.exportJson();
  const note = json.first.items.find((i) => i.body.some((b) => b.value === 'long selection'));
  assert.equal(note.target.selector.find((s) => s.type === 'TextQuoteSelector').exact, text.slice(from, to));
  assert.deepEqual(ctx.errors, []);
});

test('a keyboard selection (Shift+arrows) grows across a block boundary and notes the exact words', async () => {
  const { app, page } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  // The highlight nearest the end of a block whose next block is rendered too.
  const start = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll('[data-testid=article] [data-block]')];
    let best = null;
    for (const [k, block] of blocks.entries()) {
      if (Number(blocks[k + 1]?.dataset.block) !== Number(block.dataset.block) + 1) continue;
      const marks = [...block.querySelectorAll('mark')];
      const mark = marks[marks.length - 1];
      if (!mark) continue;
      const gap = Number(block.dataset.blockEnd) - Number(mark.dataset.start);
      if (!best || gap < best.gap) best = { gap, start: Number(mark.dataset.start), end: Number(block.dataset.blockEnd) };
    }
    document.querySelector(`[data-testid=article] mark[data-start="${best.start}"]`).focus();
    return best;
  });
  const index = (byte) => Buffer.from(text).subarray(0, byte).toString().length;
  const from = index(start.start);
  const to = index(start.end) + 8;
  // One press per character (code point).
  for (const _ of text.slice(from, to)) await page.keyboard.press('Shift+ArrowRight');
  await page.getByTestId('selection-bar').waitFor();
  await app.writeNote('by keyboard');
  const { json } = await app.exportJson();
  const note = json.first.items.find((i) => i.body.some((b) => b.value === 'by keyboard'));
  assert.equal(note.target.selector.find((s) => s.type === 'TextQuoteSelector').exact, text.slice(from, to));
  assert.deepEqual(ctx.errors, []);
});

test('searching finds a name in a block not yet rendered, scrolls to it and highlights it', async () => {
  const { page, app } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  const merkel = page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' });
  assert.equal(await merkel.count(), 0, 'the last paragraph is not rendered yet');
  await page.getByTestId('search').fill('Merkel');
  await page.getByTestId('tab-entities').click();
  await page.locator('[data-testid=entity-row][data-name="Angela Merkel"] .entity-name').click();
  await merkel.first().waitFor();
  await page.waitForFunction(() => {
    const mark = [...document.querySelectorAll('mark[data-kind=PERSON]')].find((m) => m.textContent === 'Angela Merkel');
    const rect = mark?.getBoundingClientRect();
    return rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
  assert.ok(await inView(merkel.first()));
  assert.match(await merkel.first().getAttribute('class'), /flash/);
  assert.deepEqual(ctx.errors, []);
});

test('Ctrl+F goes to the app’s find, which finds any words in unrendered blocks, selects them and steps through', async () => {
  const { page, app } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  await page.getByTestId('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
  // Words that are no name, only in the last paragraph, never rendered so far, typed in another case.
  await page.keyboard.type('RESUME IN THE SPRING');
  await page.getByTestId('find-line').filter({ hasText: 'Enter: find in the article' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('find-count').filter({ hasText: '1 of 1 in the article' }).waitFor();
  await page.waitForFunction(() => {
    const selection = getSelection();
    if (selection.toString() !== 'resume in the spring' || selection.rangeCount === 0) return false;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
  // Words in every copy of the sample: Enter steps forward, Shift+Enter back, and the count follows.
  const copies = text.split('has lashed out').length - 1;
  await page.getByTestId('search').fill('has lashed out');
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: `1 of ${copies} in the article` }).waitFor();
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: `2 of ${copies}` }).waitFor();
  await page.waitForFunction(() => getSelection().toString() === 'has lashed out');
  await page.getByTestId('search').press('Shift+Enter');
  await page.getByTestId('search').press('Shift+Enter');
  await page.getByTestId('find-count').filter({ hasText: `${copies} of ${copies}` }).waitFor();
  // More matches than are held at once (10,000): Shift+Enter from the first goes to the very last, and the
  // count says how many there are once known.
  const every = text.normalize('NFD').replace(/\p{M}/gu, '').match(/e/gi).length;
  assert.ok(every > 10_000, `${every} matches`);
  await page.getByTestId('search').fill('e');
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: '1 of 10000+ in the article' }).waitFor();
  await page.getByTestId('search').press('Shift+Enter');
  await page.getByTestId('find-count').filter({ hasText: `${every} of ${every} in the article` }).waitFor();
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: `1 of ${every} in the article` }).waitFor();
  await page.getByTestId('search').fill('no such words anywhere');
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: 'No match in the article' }).waitFor();
  assert.deepEqual(ctx.errors, []);
});

test('find ignores accents and how they are written: “cafe” finds Café, cafe and a decomposed CAFE\u0301 whole', async () => {
  const { page, app } = ctx;
  await app.pasteText('At the Café de Flore, a cafe in Paris, Zoë ordered; later the CAFE\u0301 closed.\n');
  await app.extraction('done');
  await page.getByTestId('search').fill('cafe');
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('find-count').filter({ hasText: '1 of 3 in the article' }).waitFor();
  await page.waitForFunction(() => getSelection().toString() === 'Café');
  await page.getByTestId('search').press('Enter');
  await page.waitForFunction(() => getSelection().toString() === 'cafe');
  await page.getByTestId('search').press('Enter');
  // The match takes the combining mark after its last letter: the selection never splits a character.
  await page.getByTestId('find-count').filter({ hasText: '3 of 3' }).waitFor();
  await page.waitForFunction(() => getSelection().toString() === 'CAFE\u0301');
  await page.getByTestId('search').fill('zoe');
  await page.getByTestId('search').press('Enter');
  await page.waitForFunction(() => getSelection().toString() === 'Zoë');
  assert.deepEqual(ctx.errors, []);
});

test('in a short article Ctrl+F is left to the browser, which sees all of it', async () => {
  const { page, app } = ctx;
  await app.pasteText('Angela Merkel met Emmanuel Macron in Paris on Monday.');
  await page.getByTestId('article').click({ position: { x: 5, y: 5 } });
  // The listener is in place before the key is pressed (a listener added by an evaluate not yet run when the
  // key arrived would wait forever).
  await page.evaluate(() => {
    window.ctrlFPrevented = new Promise((resolve) => {
      window.addEventListener('keydown', (event) => setTimeout(() => resolve(event.defaultPrevented)), { once: true });
    });
  });
  await page.keyboard.press('Control+f');
  assert.equal(await page.evaluate(() => window.ctrlFPrevented), false);
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
});

test('one jump to the end of a long article (End, the scroll bar) shows its last paragraph, not a page short of it', async () => {
  const { page, app } = ctx;
  const text = long(1_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  // One jump, as End or a drag of the scroll bar does; nothing more from the reader.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => {
    const block = [...document.querySelectorAll('[data-block]')].find((b) => b.textContent.includes('resume in the spring'));
    const rect = block?.getBoundingClientRect();
    return rect && rect.bottom <= window.innerHeight + 4 && rect.bottom > 0;
  }, null, { timeout: 10_000 });
  // And it stays there once the last blocks are measured.
  await page.waitForTimeout(500);
  const bottom = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 4);
  assert.ok(bottom, 'still at the end');
});

test('a 5 MB article stays usable: its end can be reached, selected and noted', async () => {
  const { page, app } = ctx;
  const text = long(5_000_000);
  await ctx.app.pasteLong(text);
  await app.extraction('done');
  await scrollToTheEnding(page);
  assert.ok(await page.locator('[data-testid=article] mark').count() < 2000, 'only blocks near the viewport are rendered');
  await app.selectWords('resume in the spring');
  await app.writeNote('the end');
  const cards = await app.noteCards();
  assert.deepEqual(cards.map((c) => c.words), ['resume in the spring']);
  assert.deepEqual(ctx.errors, []);
});

test('the notes on an 8 MB article reach a colleague through its W3C file, on the same words', async () => {
  const { page, app } = ctx;
  const text = long(8_000_000);
  await app.pasteLong(text);
  await app.extraction('done');
  await app.selectWords('Russian Foreign Minister');
  await app.writeNote('the start');
  await scrollToTheEnding(page);
  await app.selectWords('resume in the spring');
  await app.writeNote('the end');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  const file = await download.path();
  // The file holds every suggestion on the article: more than the 80 MB an import once took.
  assert.ok((await fs.stat(file)).size > 80 * 1024 * 1024, 'an export larger than the old import limit');

  const colleague = new SidenotePage(await ctx.context.browser().newContext().then((c) => c.newPage()), ctx.server.url);
  await colleague.open();
  await colleague.pasteLong(text);
  await colleague.extraction('done');
  await colleague.page.getByTestId('import-input').setInputFiles(file);
  await colleague.notice.filter({ hasText: 'Imported 2 annotations: 2 exact' }).waitFor({ timeout: 150_000 });
  const cards = await colleague.noteCards();
  assert.deepEqual(cards.map((c) => [c.words, c.body]), [['Russian Foreign Minister', 'the start'], ['resume in the spring', 'the end']]);
  await colleague.page.context().close();
  assert.deepEqual(ctx.errors, []);
});

test('collapsing the clutter above a long article shows the article at once, with no scrolling by the reader', async () => {
  const { page, app } = ctx;
  // A long menu (page chrome: clutter) above an article long enough to be rendered in blocks.
  const menu = Array.from({ length: 6000 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
  const article = Array.from({ length: 400 }, (_, i) =>
    `<p>In part ${i} of the report, the council of Eastbrook said that the harbour bridge would reopen to traffic after the repairs.</p>`).join('');
  const html = `<!DOCTYPE html><html><head><title>Bridge</title></head><body><nav><ul>${menu}</ul></nav>
<article><h1>Harbour Bridge Reopens After Repairs</h1>${article}</article></body></html>`;
  await app.openFile('bridge.html', 'text/html', Buffer.from(html));
  await app.extraction('done');
  await page.getByTestId('hide-clutter').check();
  // The blocks are measured again: the article's first words come up under the reader, who has not scrolled.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-block]')].some((block) => {
    const rect = block.getBoundingClientRect();
    return rect.top < window.innerHeight && rect.bottom > 0 && block.textContent.includes('In part 0 of the report');
  }), null, { timeout: 5_000 });
  assert.deepEqual(ctx.errors, []);
});
