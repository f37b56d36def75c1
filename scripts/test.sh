#!/usr/bin/env bash
# Sets up what is missing, then runs every test layer: format, lints, the core's architecture invariant,
# native tests (with the extractor's corpus floors), browser tests (wasm-bindgen-test in headless
# Chromium), the release build with its size report, and end-to-end tests of the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (warnings denied), native and wasm32"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p sidenote-app --all-targets --locked -- -D warnings
# The benchmarks' cases behind a feature (scripts/bench.sh builds them), so that a model change cannot break them unseen.
cargo clippy -p sidenote-wasm-bench --features anchor --all-targets --locked -- -D warnings

step "invariant: no crate under crates/ depends on yew, web-sys, js-sys or gloo"
for manifest in crates/*/Cargo.toml; do
  package=$(awk -F'"' '/^name = / {print $2; exit}' "$manifest")
  if cargo tree -p "$package" -e normal --prefix none --locked | grep -E '^(yew|web-sys|js-sys|gloo)[ -]'; then
    echo "FAIL: $package depends on a browser crate (see above)"; exit 1
  fi
  echo "ok: $package"
done
step "invariant: the pure core (sidenote-extract, sidenote-annotate) has no I/O, clock, environment or threads"
# Not caught by the wasm32 build: std::time::Instant and std::fs compile for wasm32 and fail only when run.
if grep -rnE 'std::(fs|time|env|net|process|thread)\b|\b(Instant|SystemTime)::' crates/extract/src crates/annotate/src; then
  echo "FAIL: the core reaches for the outside world (see above); that belongs to the app's services or the CLI"; exit 1
fi
echo "ok: no std::fs, std::time, std::env, std::net, std::process or std::thread in crates/extract/src or crates/annotate/src"
cargo build -p sidenote-extract -p sidenote-annotate --target wasm32-unknown-unknown --locked
step "invariant: the app's Wasm has no deflate of its own (share links use the browser's CompressionStream)"
if cargo tree -p sidenote-app --target wasm32-unknown-unknown -e normal --prefix none --locked | grep -E '^miniz_oxide '; then
  echo "FAIL: sidenote-app pulls miniz_oxide into the Wasm (see above)"; exit 1
fi
echo "ok: no miniz_oxide in sidenote-app's normal dependencies"

step "native tests (all crates; corpus floors read ../shared when present)"
cargo test --workspace --locked

step "Spark recipe: sidenote --jsonl under PySpark local[2] on 10,000 generated articles"
scripts/spark-test.sh

step "browser tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown -p sidenote-app --test web --locked

step "release build"
trunk build --release --offline
wasm=$(ls dist/*.wasm)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "release wasm: $raw bytes raw, $gz bytes gzip -9"

step "end-to-end tests: the built app in headless Chromium (playwright-core)"
# A per-test timeout, so that a hung browser fails its test instead of holding CI to its time limit.
(cd e2e && node --test --test-concurrency=1 --test-timeout=180000 tests/)
