// The words a note goes on are the words the user sees selected, however the selection was made: a drag released
// beyond the article (past its right edge, or over the side panel), or the browser's own selection keys
// (Shift+End), after other words were selected first. The selection was read only on a release over the
// article, so the earlier words stayed selected for the app and N put the note on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

/** The screen point of the first character of `words` in the article. */
const pointOf = (page, words) => page.getByTestId('article').evaluate((article, wanted) => {
  const at = article.textContent.indexOf(wanted);
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (seen + node.data.length > at) {
      const range = document.createRange();
      range.setStart(node, at - seen);
      range.setEnd(node, at - seen + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    }
    seen += node.data.length;
  }
  throw new Error(`"${wanted}" is not in the article`);
}, words);

/** Writes a note with N on whatever is selected and gives back the words its highlight covers. */
async function noteOnSelection(app, page, text) {
  await page.keyboard.press('n');
  const bar = page.getByTestId('selection-bar');
  await bar.getByTestId('note-text').fill(text);
  await bar.getByTestId('note-save').click();
  const [card] = await app.noteCards();
  return app.noteHighlightText(card.id);
}

for (const end of ['past the article', 'over the side panel']) {
  test(`a drag released ${end} notes the dragged words, not the words selected before`, async () => {
    const { app, page } = ctx;
    await page.locator('mark[data-testid=hl]', { hasText: 'Washington' }).first().click();
    await page.getByTestId('selection-words').filter({ hasText: 'Washington' }).waitFor();
    const start = await pointOf(page, 'Earlier this year');
    const article = await page.getByTestId('article').boundingBox();
    const panel = await page.getByTestId('side-panel').boundingBox();
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end === 'past the article' ? article.x + article.width + 40 : panel.x + 30, start.y + 2, { steps: 12 });
    await page.mouse.up();
    const seen = await page.evaluate(() => getSelection().toString());
    assert.ok(seen.startsWith('Earlier this year'), seen.slice(0, 60));
    await page.getByTestId('selection-words').filter({ hasText: 'Earlier this year' }).waitFor();
    const noted = await noteOnSelection(app, page, 'dragged');
    assert.ok(noted.startsWith('Earlier this year'), noted.slice(0, 60));
    // What the note covers is the selection's part in the article (a drag past the edge selects on to the
    // article's end, as the page shows it), compared without white space (blocks join with line breaks).
    const bare = (words) => words.replace(/\s+/g, '');
    assert.ok(bare(seen).startsWith(bare(noted)), `${noted.length}: ${JSON.stringify(noted.slice(-60))} | ${seen.length}: ${JSON.stringify(seen.slice(-60))}`);
  });
}

test('Shift+End after selecting a highlight notes the words selected up to the end of the line', async () => {
  const { app, page } = ctx;
  const mark = page.locator('mark[data-testid=hl]', { hasText: 'Washington' }).first();
  await mark.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('selection-words').filter({ hasText: 'Washington' }).waitFor();
  await page.keyboard.press('Shift+End');
  const seen = await page.evaluate(() => getSelection().toString());
  assert.ok(seen.length > 'Washington'.length + 10, seen);
  await page.getByTestId('selection-words').filter({ hasText: seen.trim().slice(0, 30) }).waitFor();
  const noted = await noteOnSelection(app, page, 'extended by keyboard');
  assert.equal(noted.trim(), seen.trim());
});
