// Review of suggestions: accept, reject, retag an entity; add a missed one; decisions survive reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

function row(page, name) {
  return page.locator(`[data-testid=entity-row][data-name="${name}"]`);
}

test('the entity panel groups mentions with counts, and rejecting an entity hides it everywhere', async () => {
  const { app, page } = ctx;
  await page.getByTestId('tab-entities').click();
  const label = await row(page, 'Sergei Lavrov').getByTestId('entity-label').textContent();
  const count = Number(label.split('—')[1]);
  assert.ok(count >= 5, label); // "Sergei Lavrov" and "Lavrov" are one entity
  const persons = (await app.namesOfKind('PERSON')).filter((n) => /Lavrov/.test(n));
  assert.equal(persons.length, count);
  await row(page, 'Sergei Lavrov').getByTestId('entity-reject').click();
  assert.equal((await app.namesOfKind('PERSON')).filter((n) => /Lavrov/.test(n)).length, 0);
  await page.keyboard.press('Control+z');
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Sergei Lavrov' }).first().waitFor();
  await row(page, 'Sergei Lavrov').getByTestId('entity-reject').click();
  await app.saved();
  await app.reload();
  assert.equal((await app.namesOfKind('PERSON')).filter((n) => /Lavrov/.test(n)).length, 0, 'rejected stays rejected');
});

test('changing the kind of an entity changes all its mentions; accepting marks them reviewed', async () => {
  const { app, page } = ctx;
  await page.getByTestId('tab-entities').click();
  await row(page, 'Interfax').getByTestId('entity-retag').selectOption('MISC');
  const misc = await app.namesOfKind('MISC');
  assert.equal(misc.filter((n) => n === 'Interfax').length, 2, misc.join(','));
  assert.equal((await app.namesOfKind('ORG')).filter((n) => n === 'Interfax').length, 0);
  await row(page, 'Moscow').getByTestId('entity-accept').click();
  const classes = await page.locator('mark[data-kind=PLACE]', { hasText: 'Moscow' }).first().getAttribute('class');
  assert.match(classes, /reviewed/);
});

test('an entity the extractor missed can be added by selecting words and pressing a key', async () => {
  const { app, page } = ctx;
  await app.selectWords('New START');
  await page.keyboard.press('m');
  await page.locator('mark[data-kind=MISC]', { hasText: 'New START' }).waitFor();
  const { json } = await app.exportJson();
  const added = json.first.items.find((i) => i.target.selector[0].exact === 'New START');
  assert.equal(added['sidenote:decision'], 'added');
  assert.equal(added.creator.type, 'Person');
  assert.equal(added.generator, undefined);
  const suggested = json.first.items.find((i) => i.target.selector[0].exact === 'TASS');
  assert.equal(suggested.generator.type, 'Software');
  assert.equal(suggested.creator, undefined);
});

test('clicking one highlight reviews just that mention: reject it, or give it another kind', async () => {
  const { app, page } = ctx;
  const before = (await app.namesOfKind('PLACE')).filter((n) => n === 'Moscow').length;
  await page.locator('mark.hl:not(.clutter)[data-kind=PLACE]', { hasText: 'Moscow' }).first().click();
  await page.getByTestId('mention-reject').click();
  assert.equal((await app.namesOfKind('PLACE')).filter((n) => n === 'Moscow').length, before - 1);
  await page.locator('mark.hl:not(.clutter)[data-kind=ORG]', { hasText: 'TASS' }).first().click();
  await page.getByTestId('add-entity-misc').click();
  assert.ok((await app.namesOfKind('MISC')).includes('TASS'));
  const quote = page.locator('mark.hl-quote').first();
  await quote.click();
  await page.getByTestId('mention-reject').click();
  assert.equal(await page.locator('mark.hl-quote').count(), 0, 'a rejected quotation is no longer highlighted');
});

test('Ctrl+Z in an entity\'s kind menu undoes the change, as outside text fields; its letters are no shortcuts', async () => {
  const { app, page } = ctx;
  await page.getByTestId('tab-entities').click();
  await row(page, 'Interfax').getByTestId('entity-retag').selectOption('MISC');
  assert.equal((await app.namesOfKind('MISC')).filter((n) => n === 'Interfax').length, 2);
  await row(page, 'Interfax').getByTestId('entity-retag').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('mark[data-kind=MISC]')].some((m) => m.textContent === 'Interfax'));
  assert.equal((await app.namesOfKind('MISC')).filter((n) => n === 'Interfax').length, 0);
  assert.deepEqual(ctx.errors, []);
});

test('A and R accept or reject the suggestion whose highlight Enter selected, but not while typing', async () => {
  const { app, page } = ctx;
  const places = async () => (await app.namesOfKind('PLACE')).filter((n) => n === 'Moscow').length;
  const before = await places();
  const moscow = page.locator('mark.hl:not(.clutter)[data-kind=PLACE]', { hasText: 'Moscow' });
  await moscow.first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('selection-words').filter({ hasText: 'Moscow' }).waitFor();
  // Typed in a menu (or a text field), the letter is no shortcut.
  await page.getByTestId('tag-filter').focus();
  await page.keyboard.press('r');
  assert.equal(await places(), before);
  await moscow.first().focus();
  await page.keyboard.press('r');
  await page.waitForFunction((n) => [...document.querySelectorAll('mark.hl[data-kind=PLACE]')].filter((m) => m.textContent === 'Moscow').length < n, before);
  const tass = page.locator('mark.hl:not(.clutter)[data-kind=ORG]', { hasText: 'TASS' }).first();
  await tass.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('selection-words').filter({ hasText: 'TASS' }).waitFor();
  await page.keyboard.press('a');
  await page.waitForFunction(() => [...document.querySelectorAll('mark')].some((m) => m.textContent === 'TASS' && /reviewed/.test(m.className)));
  // Enter selects a highlight, Tab moves the focus on: R decides on the highlight with the focus, not on the
  // words selected before (the bar may still show those).
  const orgs = async (name) => (await app.namesOfKind('ORG')).filter((n) => n === name).length;
  const [interfaxBefore, tassBefore] = [await orgs('Interfax'), await orgs('TASS')];
  await tass.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('selection-words').filter({ hasText: 'TASS' }).waitFor();
  await page.locator('mark.hl:not(.clutter)[data-kind=ORG]', { hasText: 'Interfax' }).first().focus();
  await page.keyboard.press('r');
  await page.waitForFunction((n) => [...document.querySelectorAll('mark.hl[data-kind=ORG]')].filter((m) => m.textContent === 'Interfax').length < n, interfaxBefore);
  assert.equal(await orgs('TASS'), tassBefore, 'the selected TASS is left as it was');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('mark')].some((m) => m.textContent === 'TASS' && m.dataset.kind === 'ORG')), 'the selected TASS is still an organisation');
  assert.deepEqual(ctx.errors, []);
});
