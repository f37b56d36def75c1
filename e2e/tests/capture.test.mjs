// Capturing a page with the bookmarklet: an article served from a second origin, the bookmarklet's code run
// in it, and Sidenote opening that article (its chrome recognised from the markup) with the page's URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { useSidenote } from '../lib/fixture.mjs';
import { SidenotePage } from '../lib/sidenote-page.mjs';
import { storedRecords, waitForRecord } from '../lib/stored.mjs';

const ctx = useSidenote();

const ARTICLE = `<!DOCTYPE html><html><head><title>Merkel and Macron Meet</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>Merkel and Macron Meet in Paris</h1>
<p>German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday, officials said.</p>
<p>&ldquo;We have agreed on the next steps for the budget,&rdquo; Merkel told reporters after the meeting.</p></article>
<footer><a href="/about">About us</a> &copy; 2024 The Paper</footer></body></html>`;

/** A news site on another loopback port: another origin than Sidenote's. */
async function serveArticle() {
  const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/news/talks`, close: () => new Promise((r) => server.close(r)) };
}

/** The news site's page, and Sidenote opened by it in a window of its own (`window.sidenote` in the site's page). */
async function openFromSite(context, site) {
  const opener = await context.newPage();
  await opener.goto(site.url);
  const [sidenote] = await Promise.all([
    context.waitForEvent('page'),
    opener.evaluate((url) => { window.sidenote = window.open(url, 'sidenote'); }, ctx.server.url),
  ]);
  return { opener, sidenote };
}

test('the bookmarklet hands a page from another origin to Sidenote, which opens its article', async () => {
  const { page, context } = ctx;
  const site = await serveArticle();
  try {
    const href = await page.getByTestId('bookmarklet').getAttribute('href');
    assert.ok(href.startsWith('javascript:'));
    const code = decodeURIComponent(href.slice('javascript:'.length));

    const news = await context.newPage();
    await news.goto(site.url);
    const [sidenote] = await Promise.all([context.waitForEvent('page'), news.evaluate(code)]);
    await sidenote.locator('mark[data-kind=PERSON]', { hasText: 'Angela Merkel' }).waitFor();
    assert.equal(await sidenote.getByTestId('doc-title').textContent(), 'Merkel and Macron Meet');
    const text = await sidenote.getByTestId('article').evaluate((el) => el.textContent);
    assert.match(text, /^Home World Politics\nMerkel and Macron Meet in Paris\n\nGerman Chancellor/);
    // The navigation is page chrome, found through the markup's hints; the headline is the article's.
    assert.ok(await sidenote.locator('[data-testid=article] .clutter', { hasText: 'Home World Politics' }).count() > 0);
    assert.equal(await sidenote.locator('[data-testid=article] .clutter', { hasText: 'Merkel and Macron Meet' }).count(), 0);
    assert.match(await sidenote.getByTestId('notice-text').textContent(), new RegExp(`Captured .* from ${site.url}`));
  } finally {
    await site.close();
  }
});

test('a page sent by a window other than the opener is ignored', async () => {
  const { context } = ctx;
  const site = await serveArticle();
  try {
    // Sidenote opened by a page, which also holds a frame of its own origin: the frame is not the opener.
    const { opener, sidenote } = await openFromSite(context, site);
    await sidenote.locator('mark[data-testid=hl]').first().waitFor();
    const send = (title) => opener.evaluate((t) => window.sidenote.postMessage({ type: 'sidenote-capture', html: `<p>${t}: Angela Merkel met Emmanuel Macron in Paris.</p>`, url: location.href, title: t }, '*'), title);
    await send('First from the opener');
    await sidenote.getByTestId('doc-title').filter({ hasText: 'First from the opener' }).waitFor();
    await opener.evaluate(() => new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.srcdoc = `<script>parent.sidenote.postMessage({ type: 'sidenote-capture', html: '<p>Injected about Angela Merkel.</p>', url: 'x', title: 'Injected' }, '*');<\/script>`;
      frame.onload = resolve;
      document.body.append(frame);
    }));
    // Messages are handled in order: once the opener's next page is open, the frame's has been turned away.
    await send('Second from the opener');
    await sidenote.getByTestId('doc-title').filter({ hasText: 'Second from the opener' }).waitFor();
    await waitForRecord(sidenote, 'sidenote.v1.index', (v) => v?.includes('Second from the opener'));
    const saved = JSON.parse((await storedRecords(sidenote))['sidenote.v1.index'] ?? '{"entries":[]}').entries.map((e) => e.title);
    assert.ok(saved.includes('First from the opener'), saved.join(', '));
    assert.ok(!saved.includes('Injected'), saved.join(', '));
  } finally {
    await site.close();
  }
});

test('a second capture of an updated page offers the notes of the first, which land on the same words', async () => {
  const { context } = ctx;
  const site = await serveArticle();
  try {
    const { opener, sidenote } = await openFromSite(context, site);
    await sidenote.locator('mark[data-testid=hl]').first().waitFor();
    const page = (paragraphs) => `<html><head><title>Port strike</title></head><body><article><h1>Port strike ends</h1>${paragraphs}</article></body></html>`;
    const send = (html) => opener.evaluate((h) => window.sidenote.postMessage({ type: 'sidenote-capture', html: h, url: 'https://news.example/port/strike', title: 'Port strike' }, '*'), html);
    const app = new SidenotePage(sidenote, ctx.server.url);

    await send(page('<p>Dock workers in Rotterdam ended their strike on Friday after a night of talks.</p><p>The union said the deal raises wages by four percent over two years.</p>'));
    await sidenote.getByTestId('article').filter({ hasText: 'after a night of talks' }).waitFor();
    await app.selectWords('raises wages');
    await app.writeNote('check the figure', 'pay');
    await waitForRecord(sidenote, 'sidenote.v1.index', (v) => v?.includes('news.example/port/strike') && v.includes('"notes":1'));

    // The page was updated: a paragraph on top, a word changed above the noted sentence.
    await send(page('<p>Update: the port reopened on Saturday.</p><p>Dock workers in Rotterdam ended their strike on Friday after a long night of talks.</p><p>The union said the deal raises wages by four percent over two years.</p>'));
    await sidenote.getByTestId('article').filter({ hasText: 'the port reopened' }).waitFor();
    const banner = sidenote.getByTestId('earlier-banner');
    await banner.waitFor();
    assert.match(await banner.textContent(), /You have 1 note on another capture of this page/);
    await banner.getByTestId('bring-earlier').click();
    await sidenote.getByTestId('import-confirm').waitFor();
    assert.match(await sidenote.getByTestId('import-confirm-text').textContent(), /^The other capture of this page \(saved .*\) has another text than this one\. Its 1 annotation on words would find its words here\./);
    await sidenote.getByTestId('import-anchor').click();
    await banner.waitFor({ state: 'detached' });
    const cards = await app.noteCards();
    assert.deepEqual(cards.map((c) => [c.words, c.body, c.tags]), [['raises wages', 'check the figure', ['#pay']]]);
    assert.equal(await app.noteHighlightText(cards[0].id), 'raises wages');
  } finally {
    await site.close();
  }
});
