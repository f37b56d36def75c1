#!/usr/bin/env bash
# Installs whatever Sidenote needs and this machine lacks; skips what is already there.
#   scripts/setup.sh          build tools: wasm32 target, wasm-bindgen-cli (= Cargo.lock), Trunk, wasm-opt
#   scripts/setup.sh --test   also Chromium, ChromeDriver and the end-to-end tests' node packages
# Safe to run any number of times. Source scripts/env.sh afterwards for PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
want_test_tools=false
[ "${1:-}" = "--test" ] && want_test_tools=true

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock, or the generated glue breaks.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$wbg_version"; then
  step "installing wasm-bindgen-cli $wbg_version (matches Cargo.lock)"
  # Without --locked: with it, one of its pinned dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 25 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  step "installing wasm-opt (npm binaryen@132)"
  npm ci --prefix tools --no-audit --no-fund
fi

if $want_test_tools; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Chromium and ChromeDriver (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  if [ ! -d e2e/node_modules/playwright-core ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    step "installing the end-to-end tests' node packages"
    npm ci --prefix e2e --no-audit --no-fund
  fi
fi
