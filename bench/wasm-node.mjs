// Extractor throughput and start-up in WebAssembly under Node (see scripts/bench.sh, which builds pkg/).
// Usage: node bench/wasm-node.mjs PKG_DIR CORPUS_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [pkgDir, corpusDir] = process.argv.slice(2);
const t0 = performance.now();
const require = createRequire(import.meta.url);
const wasm = require(path.resolve(pkgDir, 'sidenote_wasm_bench.js'));
const loaded = performance.now();
wasm.extract_count('Sergei Lavrov spoke in Moscow on November 8.');
const firstCall = performance.now();

let unit = '';
if (corpusDir && fs.existsSync(corpusDir)) {
  for (const f of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) unit += fs.readFileSync(path.join(corpusDir, f), 'utf8') + '\n\n';
}
if (!unit) unit = fs.readFileSync(new URL('../assets/rferl-lavrov-inf.txt', import.meta.url), 'utf8');
let text = '';
while (Buffer.byteLength(text) < 1_000_000) text += unit;
const chars = [...text].length;
const runs = [];
let found = 0;
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  found = wasm.extract_count(text);
  runs.push(performance.now() - s);
}
runs.sort((a, b) => a - b);
const median = runs[3];
console.log(`wasm module load+instantiate: ${(loaded - t0).toFixed(1)} ms; first extract (start-up) ${(firstCall - loaded).toFixed(2)} ms`);
console.log(`wasm extract: ${chars} chars, ${found} entities+quotes, median ${median.toFixed(1)} ms = ${Math.round(chars / (median / 1000))} chars/s`);

// Re-anchoring 1,000 annotations on the 1 MB text after edits (a word inserted every ~5 KB).
const notes = wasm.make_notes(text, 1000);
let edited = '';
for (let i = 0; i < text.length; i += 5000) edited += text.slice(i, i + 5000) + ' reportedly';
const anchorRuns = [];
let anchored = 0;
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  anchored = wasm.anchor_all(notes, edited);
  anchorRuns.push(performance.now() - s);
}
anchorRuns.sort((a, b) => a - b);
console.log(`wasm re-anchor: 1,000 annotations on ${Buffer.byteLength(edited)} bytes with ${Math.floor(text.length / 5000)} insertions: median ${anchorRuns[2].toFixed(1)} ms, ${anchored} anchored`);

// Import and the adversarial re-anchoring cases at 1 MB (crates/wasm-bench/src/cases.rs), on the same text as
// above; the text is also written to UNIT_OUT, if given, for the native run of the same cases.
const unitOut = process.argv[4];
if (unitOut) fs.writeFileSync(unitOut, unit);
for (let number = 0; wasm.case_name(number) !== undefined; number++) {
  const bench = wasm.build_case(number, unit);
  const times = [];
  let outcome = '';
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    outcome = bench.run();
    times.push(performance.now() - s);
  }
  bench.free();
  times.sort((a, b) => a - b);
  console.log(`wasm ${wasm.case_name(number)}: median of 3 ${times[1].toFixed(0)} ms (${outcome})`);
}
