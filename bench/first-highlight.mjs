// Time to first highlight of the sample, from navigation start, in headless Chromium: median of 5 loads.
// Run from e2e/ (it uses e2e's playwright-core and server): node ../bench/first-highlight.mjs
import { serveDist } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const server = await serveDist();
const browser = await launch();
const times = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('mark[data-kind=PERSON]').first().waitFor();
  const mark = await page.evaluate(() => performance.getEntriesByName('sidenote-first-highlight')[0]?.startTime ?? -1);
  times.push(mark);
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log(`first highlight after navigation start: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${times[2].toFixed(0)} ms`);
