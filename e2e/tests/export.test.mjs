// Export: a W3C Web Annotation collection whose every selector finds its words in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

function checkCollection(json) {
  assert.equal(json.type, 'AnnotationCollection');
  assert.ok(json['@context'].includes('http://www.w3.org/ns/anno.jsonld'));
  const text = json['sidenote:text'];
  const codePoints = [...text];
  const items = json.first.items;
  assert.ok(items.length > 0);
  for (const item of items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    // Positions are code points (W3C): cut from the text, the span equals the quoted words.
    assert.equal(codePoints.slice(position.start, position.end).join(''), quote.exact, JSON.stringify(item));
    assert.ok(text.includes(quote.prefix + quote.exact + quote.suffix));
  }
  return items;
}

test('the sample exports as JSON whose every span, cut from the text, equals its quoted text', async () => {
  const { name, json } = await ctx.app.exportJson();
  assert.match(name, /\.json$/);
  assert.equal(json['sidenote:text'], await ctx.app.articleText());
  const items = checkCollection(json);
  const lavrov = items.find((i) => i.target.selector[0].exact === 'Sergei Lavrov');
  assert.equal(lavrov.body.find((b) => b.purpose === 'classifying').value, 'PERSON');
  const quote = items.find((i) => i.body.some((b) => b.value === 'QUOTE'));
  assert.equal(quote.body.find((b) => b['sidenote:role'] === 'speaker').value, 'Sergei Lavrov');
});

test('an article with emoji and other non-BMP text exports code-point positions', async () => {
  const text = '🙂🙂 (𝒜) Angela Merkel said “we will manage this together” in Berlin on 31 August 2015.';
  await ctx.app.pasteText(text);
  await ctx.page.locator('mark[data-kind=PLACE]', { hasText: 'Berlin' }).waitFor();
  const { json } = await ctx.app.exportJson();
  assert.equal(json['sidenote:text'], text);
  const items = checkCollection(json);
  assert.ok(items.some((i) => i.target.selector[0].exact === 'Angela Merkel'));
});
