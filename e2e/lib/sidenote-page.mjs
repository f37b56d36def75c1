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
