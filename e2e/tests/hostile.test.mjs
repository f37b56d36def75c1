// Hostile content: notes carrying HTML, javascript: links and script tags are shown as text everywhere
// (note cards, tooltips, the Markdown export), nothing they carry ever runs, and the page's policy refuses
// inline scripts other than Trunk's bootstrap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

// Each would set window.__pwned if it were ever run as HTML, as a link or as Markdown rendered to HTML.
const HOSTILE = {
  image: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  link: '[click me](javascript:window.__pwned=1)',
  auto: '<javascript:window.__pwned=1>',
};
// An article whose own words are hostile too, so that tooltips and quoted words carry them.
const ARTICLE = `Boris Johnson spoke in London on Monday.\n${HOSTILE.image} was pasted here by ${HOSTILE.script} someone.\nThe end.`;

function annotation(id, exact, value, tags) {
  return {
    id, type: 'Annotation', motivation: 'commenting',
    body: [{ type: 'TextualBody', value, purpose: 'commenting' }, ...tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' }))],
    target: { selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
  };
}

test('notes carrying HTML, javascript: links and scripts are text in cards, tooltips and the Markdown export', async () => {
  const { app, page, context } = ctx;
  // Records any inline script or handler the policy had to refuse: there should be none to refuse.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.sample}`));
  });
  await page.reload();
  await app.pasteText(ARTICLE);
  await page.locator('mark[data-kind=PLACE]', { hasText: 'London' }).waitFor();
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
    first: { type: 'AnnotationCollectionPage', items: [
      annotation('a1', 'Boris Johnson', HOSTILE.image, ['<b>tag</b>']),
      annotation('a2', HOSTILE.image, `${HOSTILE.link}\n# heading\n${HOSTILE.auto}`, []),
      annotation('a3', HOSTILE.script, HOSTILE.script, ['[t](javascript:x)']),
      annotation('a4', 'words that are not in the article <i>at all</i>', HOSTILE.link, []),
    ] },
  };
  await page.getByTestId('import-input').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await app.notice.filter({ hasText: 'Imported 4' }).waitFor();

  // Note cards: every body, tag and quoted word exactly as written, and no element made from them.
  const cards = await app.noteCards();
  const byBody = Object.fromEntries(cards.map((c) => [c.body, c]));
  assert.deepEqual(byBody[HOSTILE.image].tags, ['#<b>tag</b>']);
  assert.equal(byBody[`${HOSTILE.link}\n# heading\n${HOSTILE.auto}`].words, HOSTILE.image);
  assert.equal(byBody[HOSTILE.script].words, HOSTILE.script);
  assert.deepEqual(byBody[HOSTILE.script].tags, ['#[t](javascript:x)']);
  assert.equal(byBody[HOSTILE.link].status, 'orphan');
  assert.equal(byBody[HOSTILE.link].words, 'words that are not in the article <i>at all</i>');
  const injected = 'img, script, a, b, i, iframe, object, embed, [onerror], [href^="javascript"]';
  // The bookmarklet link is the app's own `javascript:` link, made by the app, not from a note.
  assert.equal(await page.locator(`[data-testid=app] :is(${injected}):not([data-testid=bookmarklet])`).count(), 0);

  // Tooltips and accessible names of the highlights on the hostile words: text, as written.
  const mark = page.locator('mark[data-notes]', { hasText: '<img' }).first();
  assert.equal(await mark.textContent(), HOSTILE.image);
  assert.match(await mark.getAttribute('aria-label'), /^<img src=x onerror="window.__pwned=1"> \(.*1 note\)$/);
  assert.match(await mark.getAttribute('data-tip'), /1 note/);
  // The orphan's re-attach button names its words in a tooltip (title): still text.
  await page.locator(`[data-note-id="${byBody[HOSTILE.link].id}"] q`).click();
  await app.selectWords('The end');
  assert.equal(await page.getByTestId('reattach').getAttribute('title'), 'Re-attach the note on “words that are not in the article <i>at all</i>” here');

  // The Markdown export: everything escaped, one item per note.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-format').selectOption('markdown').then(() => page.getByTestId('export-button').click())]);
  const markdown = await fs.readFile(await download.path(), 'utf8');
  assert.equal(markdown.split('\n').filter((l) => l.startsWith('- ')).length, 4, markdown);
  // No unescaped `<` (HTML, autolinks) or `[` (links, images) anywhere, and no heading but the title.
  for (const unescaped of [/(?<!\\)</, /(?<!\\)\[/, /^\s*#(?! Notes on)/m]) {
    assert.doesNotMatch(markdown, unescaped, markdown);
  }
  assert.ok(markdown.includes('\\[click me\\]\\(javascript:window.\\_\\_pwned=1\\)'), markdown);
  assert.ok(markdown.includes('\\<script\\>window.\\_\\_pwned=1\\</script\\>'), markdown);

  // Nothing ran and nothing even tried.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(app.dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(ctx.errors, []);
});

test('the policy allows only the hashed bootstrap: other inline scripts and plugins are refused', async () => {
  const { page } = ctx;
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.doesNotMatch(policy, /unsafe-inline/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "'sha256-"]) {
    assert.ok(policy.includes(directive), `${directive} missing from ${policy}`);
  }
  // The app started (its bootstrap ran under the policy); an inline script added now is refused.
  const refused = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
  }));
  assert.match(refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
});
