#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it on http://127.0.0.1:8080 (sample open).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
echo "Serving Sidenote on http://127.0.0.1:8080 (Ctrl+C to stop)"
# No auto-reload: Trunk rewrites its reload script when serving, so its hash could never be in the CSP.
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
