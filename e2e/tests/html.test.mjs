// HTML input: a .html file and a paste that carries text/html both open as the text a reader sees,
// with page chrome recognised from the markup; nothing in them runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSidenote } from '../lib/fixture.mjs';

const ctx = useSidenote();

const PAGE = `<!DOCTYPE html><html><head><title>Talks</title><script>window.__ran = true; alert('script ran')</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>Merkel and Macron Meet in Paris</h1>
<p>German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday, officials said.</p>
<p>&ldquo;We have agreed on the next steps for the budget,&rdquo; Merkel told reporters after the meeting.</p>
<img src="x" onerror="window.__ran = true"></article>
<footer><a href="/about">About us</a> &copy; 2024 The Paper</footer></body></html>`;

test('an .html file opens as text with chrome dimmed, highlights, and no script run', async () => {
  const { app, page } = ctx;
  await app.openFile('talks.html', 'text/html', Buffer.from(PAGE));
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  const text = await app.articleText();
  assert.match(text, /^Home World Politics\nMerkel and Macron Meet in Paris\n\nGerman Chancellor/);
  assert.doesNotMatch(text, /<|script ran/);
  const quote = (await app.highlights()).find((h) => h.quote !== null);
  assert.match(quote.tip, /Quote — Angela Merkel/);
  // The navigation line is clutter (from the markup), the headline is not.
  assert.ok(await page.locator('[data-testid=article] .clutter', { hasText: 'Home World Politics' }).count() > 0);
  assert.equal(await page.locator('[data-testid=article] .clutter', { hasText: 'Merkel and Macron Meet' }).count(), 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__ran ?? false), false);
  assert.deepEqual(app.dialogs, []);
});

test('a paste that carries text/html uses the markup for structure', async () => {
  const { page } = ctx;
  await page.getByTestId('paste-button').click();
  const plain = 'Home World Politics\nMerkel and Macron Meet in Paris\nGerman Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday, officials said.';
  await page.getByTestId('paste-area').evaluate((area, [html, text]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [PAGE, plain]);
  await page.getByTestId('paste-area').fill(plain);
  await page.getByTestId('paste-open').click();
  await page.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
  assert.match(await ctx.app.notice.textContent(), /from HTML/);
  assert.ok(await page.locator('[data-testid=article] .clutter', { hasText: 'About us' }).count() > 0);
});
