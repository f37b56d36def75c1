#!/usr/bin/env bash
# Scores the extractor on ../shared/corpus three ways: all pages, the pages rules were tuned on, and the
# pages held out while tuning (never looked at page by page). Not a test: it prints the scorer's tables.
#   bash scripts/score.sh [--per-file]   (per-page lines for the tuning pages only)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
scorer=../shared/eval/score.py
[ -d "$corpus" ] && [ -f "$scorer" ] || { echo "../shared/corpus or its scorer is missing"; exit 1; }

# Held out while tuning: every other page of the nine added with the second corpus (alphabetical order),
# so that the held-out set mixes sites and regions the first nine pages never showed.
HELD_OUT="albawaba-settlements cityam-alibaba-listing indiewire-wild-rose paradigm-saraki-igp sportsnet-davis-cup"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --profile native -p sidenote-cli --quiet
cli=target/native/sidenote
"$cli" extract --out "$work/pred" "$corpus" >/dev/null
mkdir -p "$work/tune" "$work/held"
for txt in "$corpus"/*.txt; do
  name=$(basename "$txt" .txt)
  set="tune"
  for held in $HELD_OUT; do [ "$name" = "$held" ] && set="held"; done
  ln -s "$(realpath "$txt")" "$work/$set/"
  ln -s "$(realpath "$corpus/$name.gold.json")" "$work/$set/"
done
echo "== all pages ($(ls "$corpus"/*.txt | wc -l))"
# --per-file goes to the tuning pages only: a per-page line of a held-out page would show what must stay unseen.
python3 "$scorer" "$corpus" "$work/pred"
echo; echo "== tuning pages ($(ls "$work/tune"/*.txt | wc -l))"
python3 "$scorer" "$work/tune" "$work/pred" "$@"
echo; echo "== held-out pages ($(ls "$work/held"/*.txt | wc -l)): $HELD_OUT"
python3 "$scorer" "$work/held" "$work/pred"
