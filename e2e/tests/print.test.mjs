// Printing an annotated article: the whole text (a long one is otherwise in the page only near the viewport),
// without the toolbar and side panel, and the notes after it with their words, tags and replies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();
const SAMPLE = await fs.readFile(new URL('../../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
const ENDING = 'In a later statement, the harbour master of Tromsø said the ferries would run again in March.\n';

/** What printing shows: the blocks (and spacers) in the article, the printed notes, and whether the toolbar
 * and side panel are displayed under the print media. */
const printed = (page) => page.evaluate(() => ({
  spacers: document.querySelectorAll('[data-testid=article] .spacer').length,
  text: document.querySelector('[data-testid=article]').textContent,
  notes: [...document.querySelectorAll('[data-testid=print-note]')].map((n) => ({
    words: n.querySelector('q')?.textContent, text: n.querySelector('.print-note-text')?.textContent,
    tags: [...n.querySelectorAll('.tag')].map((t) => t.textContent) })),
  title: document.querySelector('.print-title')?.textContent,
  toolbar: getComputedStyle(document.querySelector('.toolbar')).display,
  sidebar: getComputedStyle(document.querySelector('.sidebar')).display,
}));

test('printing a long article prints all of its text and the notes after it, without the side panel', async () => {
  const { app, page } = ctx;
  const text = `${`${SAMPLE}\n\n`.repeat(Math.ceil(200_000 / (SAMPLE.length + 2)))}${ENDING}`;
  await app.pasteLong(text);
  await app.extraction('done');
  // A note near the start, then one on the last paragraph's words (scrolled to, as a reader would).
  await app.selectWords('Russian Foreign Minister');
  await app.writeNote('Title used throughout', 'roles, "Zürich, Switzerland"');
  await app.scrollToEnd('harbour master of Tromsø');
  await app.selectWords('harbour master of Tromsø');
  await app.writeNote('Who is this?');
  await page.locator('[data-testid=article] mark[data-notes]').nth(1).waitFor({ state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  const screen = await printed(page);
  assert.ok(screen.spacers > 0, 'on screen, a long article stands partly as spacers');
  assert.deepEqual(screen.notes, [], 'no printed notes on screen');

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.getByTestId('print-notes').waitFor({ state: 'attached' });
  const paper = await printed(page);
  assert.equal(paper.spacers, 0, 'every block is printed');
  assert.equal(paper.text.length, text.length, 'the whole text is printed');
  assert.equal(paper.title, await app.title.textContent(), 'the title heads the printed article');
  assert.equal(paper.toolbar, 'none');
  assert.equal(paper.sidebar, 'none');
  assert.equal(paper.notes.length, 2);
  assert.deepEqual(paper.notes, [
    { words: 'Russian Foreign Minister', text: 'Title used throughout', tags: ['#roles', '#Zürich, Switzerland'] },
    { words: 'harbour master of Tromsø', text: 'Who is this?', tags: [] },
  ]);

  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => !document.querySelector('[data-testid=print-notes]'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=article] .spacer').length > 0);
  assert.deepEqual(ctx.errors, []);
});
