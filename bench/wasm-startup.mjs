// The extractor's start-up in headless Chromium: loading and instantiating the wasm-bindgen "web" build of
// crates/wasm-bench, then its first extraction (which reads the word lists), each run in a fresh browser
// context, so nothing is cached between runs. Prints every run, the minimum and the median.
// Run from e2e/ (it uses e2e's playwright-core and server): node ../bench/wasm-startup.mjs PKG_DIR [RUNS]
// PKG_DIR holds sidenote_wasm_bench.js and sidenote_wasm_bench_bg.wasm (scripts/bench.sh builds one).
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist } from '../e2e/lib/server.mjs';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS } from '../e2e/lib/browser.mjs';

// e2e's playwright-core (this file is outside e2e/, so a bare import would not find it).
const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core');

const pkg = path.resolve(process.argv[2]);
const runs = Number(process.argv[3] ?? 9);
await fs.writeFile(path.join(pkg, 'index.html'), `<!doctype html><meta charset="utf-8"><script type="module">
import init, { extract_count } from './sidenote_wasm_bench.js';
const t0 = performance.now();
await init();
const loaded = performance.now();
extract_count('Sergei Lavrov spoke in Moscow on November 8.');
const first = performance.now();
extract_count('Maria Zakharova said in Washington that Reuters and the United Nations were wrong.');
window.startup = { load: loaded - t0, first: first - loaded, second: performance.now() - first };
</script>`);
const server = await serveDist(pkg);
// JS_FLAGS (optional) goes to V8, e.g. "--liftoff-only" to see what the same work costs without optimised code.
const args = process.env.JS_FLAGS ? [...CHROMIUM_ARGS, `--js-flags=${process.env.JS_FLAGS}`] : CHROMIUM_ARGS;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.startup);
  results.push(await page.evaluate(() => window.startup));
  await context.close();
}
await browser.close();
await server.close();
const stats = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  return `${key} min ${values[0].toFixed(1)} median ${values[Math.floor(values.length / 2)].toFixed(1)} ms`;
};
const total = results.map((r) => r.load + r.first).sort((a, b) => a - b);
console.log(`runs: ${results.map((r) => `${r.load.toFixed(1)}+${r.first.toFixed(1)}`).join(', ')}`);
console.log(`${stats('load')}; ${stats('first')}; ${stats('second')}; load+first min ${total[0].toFixed(1)} median ${total[Math.floor(total.length / 2)].toFixed(1)} ms`);
