// Correcting a quotation's speaker; export formats and importing brat/doccano/Label Studio files back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

test('a corrected speaker shows in the Quotes tab and travels in the W3C export', async () => {
  const { app, page } = ctx;
  await page.getByTestId('tab-quotes').click();
  const item = page.locator('[data-testid=speaker-group][data-speaker="Sergei Lavrov"] [data-testid=quote-item]').first();
  const words = await item.locator('q').textContent();
  await item.getByTestId('speaker-edit').click();
  const input = item.getByTestId('speaker-input');
  assert.equal(await input.inputValue(), 'Sergei Lavrov');
  await input.fill('Dmitry Peskov');
  await input.press('Enter');
  const group = page.locator('[data-testid=speaker-group][data-speaker="Dmitry Peskov"]');
  await group.waitFor();
  assert.equal(await group.locator('q').first().textContent(), words);
  assert.equal(await group.getByTestId('speaker-corrected').count(), 1);
  const { json } = await app.exportJson();
  const quote = json.first.items.find((i) => i.target.selector?.[0]?.exact?.startsWith(words.slice(0, 30))
    && i.body.some((b) => b['sidenote:role'] === 'speaker'));
  assert.ok(quote, 'the quotation is exported');
  assert.equal(quote.body.find((b) => b['sidenote:role'] === 'speaker').value, 'Dmitry Peskov');
  // Undo brings the extractor's speaker back.
  await page.getByTestId('undo').click();
  await page.locator('[data-testid=speaker-group][data-speaker="Dmitry Peskov"]').waitFor({ state: 'detached' });
  assert.deepEqual(ctx.errors, []);
});

test('the speaker editor by keyboard: typing replaces the name, Enter on Cancel cancels, focus returns', async () => {
  const { page } = ctx;
  await page.getByTestId('tab-quotes').click();
  const item = page.locator('[data-testid=speaker-group][data-speaker="Sergei Lavrov"] [data-testid=quote-item]').first();
  const edit = item.getByTestId('speaker-edit');
  await edit.focus();
  await page.keyboard.press('Enter');
  const input = item.getByTestId('speaker-input');
  await input.waitFor();
  // The old name is selected: what is typed replaces it.
  await page.keyboard.type('Maria Zakharova');
  assert.equal(await input.inputValue(), 'Maria Zakharova');
  // Enter on Cancel cancels: nothing is saved.
  await item.getByTestId('speaker-cancel').focus();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid=speaker-group][data-speaker="Maria Zakharova"]').count(), 0);
  assert.equal(await page.getByTestId('speaker-corrected').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'speaker-edit', 'focus is back on the button');
  // Enter on "Unknown speaker" makes it unknown, not the typed name.
  await page.keyboard.press('Enter');
  await input.fill('Somebody Typed');
  await item.getByTestId('speaker-unknown').focus();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid=speaker-group][data-speaker="Somebody Typed"]').count(), 0);
  assert.deepEqual(ctx.errors, []);
});

test('exporting CSV downloads the notes as a file that starts with a byte-order mark', async () => {
  const { app } = ctx;
  await app.selectWords('has lashed out');
  await app.writeNote('a note, with "quotes"', 'claim');
  const [csv] = await app.exportAs('csv');
  assert.match(csv.name, /\.notes\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString('utf8').slice(1);
  assert.ok(text.startsWith('id,'), text.slice(0, 80));
  assert.ok(text.includes('"a note, with ""quotes"""'), text);
  assert.deepEqual(ctx.errors, []);
});

test('a CoNLL or CSV export with nothing of the user’s in it says so', async () => {
  const { app } = ctx;
  const [conll] = await app.exportAs('conll');
  assert.doesNotMatch(conll.bytes.toString('utf8'), /\t[BI]-/, 'nothing reviewed: every token O');
  await app.notice.filter({ hasText: 'A CoNLL export holds the entities you reviewed, and there are none yet' }).waitFor();
  await app.exportAs('csv');
  await app.notice.filter({ hasText: 'A CSV export holds your notes, and there are none yet' }).waitFor();
  assert.deepEqual(ctx.errors, []);
});

test('brat exports an .ann and a .txt, and the .ann imports back as added entities', async () => {
  const { app, page } = ctx;
  await app.selectWords('New START');
  await page.keyboard.press('m');
  const files = await app.exportAs('brat', 2);
  const ann = files.find((f) => f.name.endsWith('.ann'));
  assert.ok(ann && files.some((f) => f.name.endsWith('.txt')), files.map((f) => f.name).join(', '));
  assert.match(ann.bytes.toString('utf8'), /^T1\tMISC \d+ \d+\tNew START$/m);
  // Undone, "New START" is a suggestion again; the .ann makes it the user's own.
  const reviewed = page.locator('mark[data-kind=MISC]:not([data-tip*=suggested])', { hasText: 'New START' });
  await page.getByTestId('undo').click();
  await reviewed.first().waitFor({ state: 'detached' });
  await app.importFile('sample.ann', ann.bytes, 'text/plain');
  await app.notice.filter({ hasText: 'Imported 1 entity' }).waitFor();
  await reviewed.first().waitFor();
  // brat's notes on an entity (AnnotatorNotes) become notes on its words.
  const withNote = `${ann.bytes.toString('utf8')}#1\tAnnotatorNotes T1\tthe 2010 treaty\n`;
  await app.importFile('noted.ann', withNote, 'text/plain');
  await app.notice.filter({ hasText: 'Imported 0 entities and 1 note; 1 already here' }).waitFor();
  assert.deepEqual((await app.noteCards()).map((c) => [c.words, c.body]), [['New START', 'the 2010 treaty']]);
  assert.deepEqual(ctx.errors, []);
});

test('a Label Studio export is one task of the reviewed entities, and imports back as a .json', async () => {
  const { app, page } = ctx;
  await app.selectWords('New START');
  await page.keyboard.press('m');
  const [file] = await app.exportAs('label-studio');
  assert.match(file.name, /\.label-studio\.json$/);
  const [task] = JSON.parse(file.bytes.toString('utf8'));
  const regions = task.annotations[0].result.map((r) => [r.value.text, r.value.labels.join()]);
  assert.deepEqual(regions, [['New START', 'MISC']]);
  const reviewed = page.locator('mark[data-kind=MISC]:not([data-tip*=suggested])', { hasText: 'New START' });
  await page.getByTestId('undo').click();
  await reviewed.first().waitFor({ state: 'detached' });
  await app.importFile('project-1.json', file.bytes);
  await app.notice.filter({ hasText: 'Imported 1 entity' }).waitFor();
  await reviewed.first().waitFor();
  assert.deepEqual(ctx.errors, []);
});

test('an .ann of entities already confirmed here adds nothing, says so, and the Entities tab counts them', async () => {
  const { app, page } = ctx;
  await page.getByTestId('tab-entities').click();
  // The tab counts the legend's highlights and those still to review.
  const label = async () => (await page.getByTestId('tab-entities').textContent()).trim();
  assert.match(await label(), /^Entities \((\d+), \1 to review\)$/);
  await page.getByTestId('entity-row').filter({ hasText: 'Moscow' }).first().getByTestId('entity-accept').click();
  await page.waitForFunction(() => !/\((\d+), \1 to review/.test(document.querySelector('[data-testid=tab-entities]').textContent));
  const ann = (await app.exportAs('brat', 2)).find((f) => f.name.endsWith('.ann'));
  const entities = ann.bytes.toString('utf8').trim().split('\n').length;
  const items = async () => JSON.parse((await app.exportAs('w3c', 1))[0].bytes.toString('utf8')).first.items.length;
  const before = await items();
  await app.importFile('again.ann', ann.bytes, 'text/plain');
  const were = entities === 1 ? '1 entity was' : `${entities} entities were`;
  await app.notice.filter({ hasText: `Nothing new was imported: the file's ${were} already here.` }).waitFor();
  assert.equal(await items(), before, 'no copy of an entity in the next export');
  assert.deepEqual(ctx.errors, []);
});
