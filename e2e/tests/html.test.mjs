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

// A page as a browser saves it ("Save page as…"): named and numeric references (Windows-1252 ones among
// them), a search form, a frame's fallback text, a centred block and a double line break.
const SAVED_PAGE = `<!DOCTYPE html>
<!-- saved from url=(0040)https://news.example.com/2024/merkel.html -->
<html lang="fr"><head><meta charset="utf-8"><title>Merkel – Le Monde</title></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<form action="/search"><input name=q value="search"><select><option>Français<option>English</select><button>Chercher</button><textarea>Typed draft</textarea></form>
<iframe src="https://ads.example.com/x">Your browser does not support iframes</iframe>
<article><h1>Angela Merkel &agrave; Paris</h1>
<p>Le pr&eacute;sident Fran&ccedil;ois Hollande a re&ccedil;u la chanceli&egrave;re &agrave; l&#146;&Eacute;lys&eacute;e. &laquo;&nbsp;C&rsquo;est un honneur&nbsp;&raquo;, a-t-il dit.</p>
<p>Mar&iacute;a Jos&eacute; Garc&iacute;a vit &agrave; S&atilde;o Paulo&nbsp;: 20&deg;C, &frac12; &times; 3, &Scaron;koda.</p>
<p>&#147;Wir schaffen das&#148; &#150; Merkel&#133;<br>Second line<br><br>New paragraph</p>
<center>Centered</center>After center
</article><footer>&copy; 2024</footer></body></html>`;

const SAVED_TEXT = 'Accueil Monde\nAngela Merkel à Paris\n\n'
  + 'Le président François Hollande a reçu la chancelière à l’Élysée. «\u00a0C’est un honneur\u00a0», a-t-il dit.\n\n'
  + 'María José García vit à São Paulo\u00a0: 20°C, ½ × 3, Škoda.\n\n'
  + '“Wir schaffen das” – Merkel…\nSecond line\n\nNew paragraph\n\n'
  + 'Centered\nAfter center\n© 2024';

test('a saved page shows its references decoded, no form or frame text, and its line breaks', async () => {
  const { app, page } = ctx;
  await app.openFile('merkel.html', 'text/html', Buffer.from(SAVED_PAGE));
  await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.textContent.includes('New paragraph'));
  assert.equal(await app.articleText(), SAVED_TEXT);
  // Named by its own title, not its file name.
  assert.match(await app.notice.textContent(), /Opened “Merkel – Le Monde” \(from merkel\.html\)/);
  assert.equal(await page.getByTestId('doc-title').textContent(), 'Merkel – Le Monde');
  assert.deepEqual(ctx.errors, []);
});

test('a saved page opens as HTML whatever its name, and an RTF file is refused with a message', async () => {
  const { app, page } = ctx;
  // A byte-order mark, then the doctype and the "saved from" comment: HTML, though named .txt.
  await app.openFile('merkel.txt', 'text/plain', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAVED_PAGE)]));
  await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.textContent.includes('New paragraph'));
  assert.equal(await app.articleText(), SAVED_TEXT);
  const rtf = '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639\n{\\fonttbl\\f0\\fswiss Helvetica;}\n\\f0\\fs24 Angela Merkel met Emmanuel Macron.}';
  await app.openFile('notes.rtf', 'application/rtf', Buffer.from(rtf));
  await page.locator('[data-testid=notice-text]', { hasText: 'RTF' }).waitFor();
  assert.match(await app.notice.textContent(), /RTF \(rich text\).*Save it as plain text or as a web page \(HTML\).*unchanged/);
  assert.equal(await app.articleText(), SAVED_TEXT);
});
