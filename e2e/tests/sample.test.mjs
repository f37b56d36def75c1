// The app opens on the sample article with its highlights, a legend, and tooltips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

test('the sample opens with people, places, organisations, dates and the quote highlighted', async () => {
  const { app } = ctx;
  const persons = await app.namesOfKind('PERSON');
  assert.ok(persons.includes('Sergei Lavrov'), `persons: ${persons}`);
  assert.ok(persons.includes('Lavrov'), `persons: ${persons}`);
  const places = await app.namesOfKind('PLACE');
  for (const place of ['Moscow', 'Washington', 'Russia']) assert.ok(places.includes(place), `${place} in ${places}`);
  const orgs = await app.namesOfKind('ORG');
  for (const org of ['TASS', 'Interfax', 'RFE/RL']) assert.ok(orgs.includes(org), `${org} in ${orgs}`);
  assert.ok((await app.namesOfKind('DATE')).includes('November 8'));
  const quote = (await app.highlights()).find((h) => h.quote !== null && h.text.startsWith('We’ve been asking'));
  assert.ok(quote, 'the quotation is highlighted');
  assert.match(quote.tip, /Quote — Sergei Lavrov/);
  assert.deepEqual(ctx.errors, []);
});

test('the article shown is exactly the sample text, so offsets line up', async () => {
  const sample = await fs.readFile(path.resolve(import.meta.dirname, '..', '..', 'assets', 'rferl-lavrov-inf.txt'), 'utf8');
  assert.equal(await ctx.app.articleText(), sample);
});

test('focusing a highlight shows its kind, and the legend switches kinds off', async () => {
  const { page } = ctx;
  const mark = page.locator('mark[data-kind=PERSON]', { hasText: 'Sergei Lavrov' }).first();
  await mark.focus();
  const tip = await mark.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(tip, /PERSON/);
  await page.getByTestId('legend-person').click();
  assert.equal(await page.locator('mark[data-kind=PERSON]').count(), 0);
  await page.getByTestId('legend-person').click();
  assert.ok(await page.locator('mark[data-kind=PERSON]').count() > 0);
});

test('page clutter is dimmed and can be collapsed', async () => {
  const { page } = ctx;
  const clutter = page.locator('[data-testid=article] .clutter', { hasText: 'Accessibility links' }).first();
  assert.ok(await clutter.isVisible());
  await page.getByTestId('hide-clutter').check();
  assert.equal(await clutter.isVisible(), false);
  assert.ok(await page.locator('mark.hl:not(.clutter)[data-kind=PERSON]', { hasText: 'Sergei Lavrov' }).first().isVisible());
});
