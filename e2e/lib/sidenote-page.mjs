// Page object for Sidenote: every locator goes through a data-testid, so tests read as user steps.
import fs from 'node:fs/promises';

export class SidenotePage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.article = page.getByTestId('article');
    this.notice = page.getByTestId('notice-text');
    this.title = page.getByTestId('doc-title');
    this.dialogs = [];
    page.on('dialog', (dialog) => { this.dialogs.push(dialog.message()); dialog.dismiss(); });
  }

  async open() {
    await this.page.goto(this.baseUrl);
    // Storage read (the sample shows meanwhile), so what the test does next is saved.
    await this.page.locator('[data-testid=app][data-started=true]').waitFor();
    await this.page.locator('mark[data-testid=hl]').first().waitFor();
  }

  /** Waits until every save under way has landed (a page left before that may lose the last change). */
  async saved() {
    await this.page.waitForFunction(() => (document.body.dataset.savesPending ?? '0') === '0');
  }

  /** Reloads the page and waits as `open` does: until storage is read and the highlights are back (the sample
   * shows meanwhile, so a highlight seen before the start may be the sample's, not the restored document's). */
  async reload() {
    await this.page.reload();
    await this.page.locator('[data-testid=app][data-started=true]').waitFor();
    await this.page.locator('mark[data-testid=hl]').first().waitFor();
  }

  /** All highlights as {text, kind, tip}. */
  async highlights() {
    return this.page.locator('mark[data-testid=hl]').evaluateAll((marks) =>
      marks.map((m) => ({ text: m.textContent, kind: m.dataset.kind ?? null, quote: m.dataset.quote ?? null, tip: m.dataset.tip })));
  }

  async namesOfKind(kind) {
    return (await this.highlights()).filter((h) => h.kind === kind).map((h) => h.text);
  }

  async articleText() {
    return this.article.evaluate((el) => el.textContent);
  }

  async pasteText(text) {
    await this.page.getByTestId('paste-button').click();
    await this.page.getByTestId('paste-area').fill(text);
    await this.page.getByTestId('paste-open').click();
    // The panel closes at once and the text opens in the next task: wait until it is the article.
    const start = text.trimStart().slice(0, 40);
    await this.page.waitForFunction(
      (prefix) => document.querySelector('[data-testid=article]')?.textContent.trimStart().startsWith(prefix),
      start,
    );
  }

  async openFile(name, mimeType, buffer) {
    await this.page.getByTestId('file-input').setInputFiles({ name, mimeType, buffer });
  }

  /** Clicks Export and returns the parsed JSON of the downloaded file. */
  async exportJson() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-button').click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), json: JSON.parse(await fs.readFile(file, 'utf8')) };
  }

  /** UTF-16 offset of a highlight's first character within the article's text. */
  async offsetOfHighlight(text) {
    return this.article.evaluate((article, wanted) => {
      const mark = [...article.querySelectorAll('mark')].find((m) => m.textContent === wanted);
      if (!mark) return -1;
      const range = document.createRange();
      range.setStart(article, 0);
      range.setEnd(mark, 0);
      return range.toString().length;
    }, text);
  }
}

/** Pastes a long text as the clipboard would, all at once (typing megabytes with `fill` takes minutes). */
SidenotePage.prototype.pasteLong = async function pasteLong(text) {
  await this.page.getByTestId('paste-button').click();
  await this.pasteFromClipboard(text);
  if (text.length > 256 * 1024) {
    // A long paste is held by the panel and summarised, not put into the text area.
    await this.page.getByTestId('long-paste').waitFor();
  }
  await this.page.getByTestId('paste-open').click();
  // The text opens in the task after the click: wait until it is the article.
  await this.page.locator(`[data-testid=article][data-text-length="${text.length}"]`).waitFor({ timeout: 60_000 });
};

/**
 * Pastes `text` into the paste area as the clipboard does: a paste event carrying it (what a person's Ctrl+V
 * fires). A script's paste event does not insert text by itself, so a short text is put into the area as the
 * browser would; a long one the app takes from the event.
 */
SidenotePage.prototype.pasteFromClipboard = async function pasteFromClipboard(text) {
  await this.page.getByTestId('paste-area').evaluate((area, value) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', value);
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    if (area.dispatchEvent(event)) area.value = value;
  }, text);
};

/**
 * Scrolls a long article until a rendered block holding `words` is on screen, as a reader scrolls (only the
 * blocks near the viewport are in the page): down to the bottom, again while measured heights move it.
 */
SidenotePage.prototype.scrollToEnd = async function scrollToEnd(words) {
  await this.page.waitForFunction((wanted) => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const block = [...document.querySelectorAll('[data-block]')].find((b) => b.textContent.includes(wanted));
    const rect = block?.getBoundingClientRect();
    return rect && rect.top < window.innerHeight && rect.bottom > 0;
  }, words, { polling: 250, timeout: 60_000 });
};

/** Selects the n-th occurrence of `words` in the article as a user would, and releases the mouse. */
SidenotePage.prototype.selectWords = async function selectWords(words, occurrence = 0) {
  await this.article.evaluate((article, [wanted, nth]) => {
    const text = article.textContent;
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(wanted, at + 1);
    if (at < 0) throw new Error(`"${wanted}" (#${nth}) is not in the article`);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const point = (offset) => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen + node.data.length >= offset) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('offset past the end');
    };
    const [startNode, startOffset] = point(at);
    walker.currentNode = article;
    const [endNode, endOffset] = point(at + wanted.length);
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, [words, occurrence]);
  await this.page.getByTestId('selection-words').filter({ hasText: words.slice(0, 40) }).waitFor();
};

/** Adds a note on the selected words through the keyboard (N), with text and comma-separated tags. */
SidenotePage.prototype.writeNote = async function writeNote(text, tags = '') {
  await this.page.keyboard.press('n');
  const bar = this.page.getByTestId('selection-bar');
  await bar.getByTestId('note-text').fill(text);
  await bar.getByTestId('note-tags').fill(tags);
  await bar.getByTestId('note-save').click();
};

/** The note cards as {words, body, tags, status}. */
SidenotePage.prototype.noteCards = async function noteCards() {
  await this.page.getByTestId('tab-notes').click();
  return this.page.getByTestId('note-card').evaluateAll((cards) => cards.map((c) => ({
    id: c.dataset.noteId,
    words: c.querySelector('q')?.textContent ?? '',
    body: c.querySelector('[data-testid=note-body]')?.textContent ?? null,
    tags: [...c.querySelectorAll('[data-testid=note-tag]')].map((t) => t.textContent),
    status: c.dataset.status,
  })));
};

/** The text covered by highlights carrying a given note id, joined. */
SidenotePage.prototype.noteHighlightText = async function noteHighlightText(id) {
  return this.article.evaluate((article, noteId) =>
    [...article.querySelectorAll('mark[data-notes]')].filter((m) => m.dataset.notes.split(' ').includes(noteId)).map((m) => m.textContent).join(''), id);
};

/** Waits until the extractor's answer for the open document is in: 'done' (highlights shown) or 'failed'. */
SidenotePage.prototype.extraction = async function extraction(state = 'done') {
  await this.page.locator(`[data-testid=article][data-extraction=${state}]`).waitFor();
};

/** Imports an annotation file through the Import input. */
SidenotePage.prototype.importFile = async function importFile(name, contents, mimeType = 'application/json') {
  await this.page.getByTestId('import-input').setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
};

/** Answers "Anchor anyway" to the question asked before importing a file made for another document. */
SidenotePage.prototype.anchorAnyway = async function anchorAnyway() {
  await this.page.getByTestId('import-confirm').waitFor();
  await this.page.getByTestId('import-anchor').click();
};

/** Chooses an export format, clicks Export and returns every download as {name, bytes}. */
SidenotePage.prototype.exportAs = async function exportAs(format, files = 1) {
  await this.page.getByTestId('export-format').selectOption(format);
  const downloads = [];
  const all = new Promise((resolve) => {
    const onDownload = (download) => {
      downloads.push(download);
      if (downloads.length === files) { this.page.off('download', onDownload); resolve(); }
    };
    this.page.on('download', onDownload);
  });
  await this.page.getByTestId('export-button').click();
  await all;
  return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: await fs.readFile(await d.path()) })));
};
