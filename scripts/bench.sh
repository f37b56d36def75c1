#!/usr/bin/env bash
# Speed and size figures (benchmarks, not tests): native and Wasm extraction throughput on the corpus
# repeated to >= 1 MB, Wasm start-up, import and adversarial re-anchoring at 1 MB in Wasm and natively, the
# extractor's share of a gzipped wasm, and the app's release wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
out=bench-out
mkdir -p "$out"

echo "== native throughput"
cargo bench -p sidenote-extract --bench throughput 2>/dev/null | tail -2

echo "== every export format at 1 MB and 4 MB, every entity accepted (native)"
cargo bench -p sidenote-annotate --bench export 2>/dev/null | tail -9

echo "== wasm throughput and start-up (Node $(node --version))"
cargo build --release -p sidenote-wasm-bench --target wasm32-unknown-unknown --features anchor --quiet
wasm-bindgen --target nodejs --out-dir "$out/node" target/wasm32-unknown-unknown/release/sidenote_wasm_bench.wasm
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue -o "$out/node/sidenote_wasm_bench_bg.wasm" "$out/node/sidenote_wasm_bench_bg.wasm"
node bench/wasm-node.mjs "$out/node" ../shared/corpus "$out/unit.txt"

echo "== the same import and re-anchoring cases, native (bench profile: opt-level 3)"
cargo run --profile bench -p sidenote-wasm-bench --features anchor --example native --quiet -- "$out/unit.txt"

echo "== size: the extractor alone (wasm-bindgen glue included), release opt-level z + wasm-opt -Oz"
cargo build --release -p sidenote-wasm-bench --target wasm32-unknown-unknown --quiet
wasm-bindgen --target web --out-dir "$out/web" target/wasm32-unknown-unknown/release/sidenote_wasm_bench.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue -o "$out/extractor.wasm" "$out/web/sidenote_wasm_bench_bg.wasm"
echo "extractor wasm: $(stat -c %s "$out/extractor.wasm") bytes raw, $(gzip -9 -c "$out/extractor.wasm" | wc -c) bytes gzip -9"

echo "== the extractor's start-up in headless Chromium: load, first extraction (word lists decoded), fresh context per run"
(cd e2e && node ../bench/wasm-startup.mjs "../$out/web" 9)

echo "== size: the whole app (trunk release build)"
trunk build --release --offline >/dev/null 2>&1
wasm=$(ls dist/*.wasm)
echo "app wasm: $(stat -c %s "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip -9"

echo "== time to first highlight of the sample in headless Chromium (median of 5 loads)"
(cd e2e && node ../bench/first-highlight.mjs)

echo "== reopening a saved 1 MB document with 10 notes (IndexedDB), median of 5 reloads"
(cd e2e && node ../bench/storage-reload.mjs)
echo "== typing, saving a note and jumping to a name at 10 KB, 1 MB and 5 MB (medians of 5 pages)"
(cd e2e && node ../bench/interaction.mjs)
echo "== many notes: importing 2,000 and 20,000, saving one more, reloading (medians of 3 pages)"
(cd e2e && node ../bench/many-notes.mjs)
