#!/usr/bin/env bash
# Honest figures for the extractor's typer (crates/extract/src/typer.rs), printed, never asserted:
#  (a) leave-one-page-out on the 13 tuning pages: each page is extracted with a typer trained on the other 12,
#      and the 13 predictions are scored together, beside the rules alone on the same pages;
#  (b) a typer trained on the 13 tuning pages, on the 5 held-out pages: scored IN AGGREGATE ONLY (no per-page
#      output is printed or kept), beside the rules alone;
#  (c) the same typer on all 18 pages (13 of them seen in training), beside the rules alone.
#   bash scripts/lopo.sh [--margin N] [--epochs N] [--bits N]    (passed to train-typer)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
scorer=../shared/eval/score.py
[ -d "$corpus" ] && [ -f "$scorer" ] || { echo "../shared/corpus or its scorer is missing"; exit 1; }
# The held-out pages of scripts/score.sh (one list: read from there).
HELD_OUT=$(sed -n 's/^HELD_OUT="\(.*\)"$/\1/p' scripts/score.sh)
[ -n "$HELD_OUT" ] || { echo "no HELD_OUT list in scripts/score.sh"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --profile native -p sidenote-cli --quiet
cli=target/native/sidenote
mkdir -p "$work/tune" "$work/held" "$work/all"
tune=()
for txt in "$corpus"/*.txt; do
  name=$(basename "$txt" .txt)
  set="tune"
  for held in $HELD_OUT; do [ "$name" = "$held" ] && set="held"; done
  [ "$set" = "tune" ] && tune+=("$name")
  for dir in "$set" all; do
    ln -s "$(realpath "$txt")" "$work/$dir/"
    ln -s "$(realpath "$corpus/$name.gold.json")" "$work/$dir/"
  done
done
[ "${#tune[@]}" -eq 13 ] || echo "warning: ${#tune[@]} tuning pages, not 13"

entity_table() { python3 "$scorer" "$1" "$2" | grep -E '^(PERSON|ORG|PLACE|MISC|core|all|quotes) '; }

"$cli" extract --typer off --out "$work/rules" "$work/all" >/dev/null
for page in "${tune[@]}"; do
  others=$(printf '%s\n' "${tune[@]}" | grep -vx "$page" | paste -sd, -)
  "$cli" train-typer --corpus "$corpus" --pages "$others" --out "$work/$page.typer" "$@" 2>/dev/null
  "$cli" extract --typer "$work/$page.typer" --out "$work/lopo" "$work/tune/$page.txt" >/dev/null
done
all_tune=$(printf '%s\n' "${tune[@]}" | paste -sd, -)
"$cli" train-typer --corpus "$corpus" --pages "$all_tune" --out "$work/all13.typer" "$@"
"$cli" extract --typer "$work/all13.typer" --out "$work/model" "$work/all" >/dev/null

echo "== (a) leave-one-page-out, 13 tuning pages: rules alone"
entity_table "$work/tune" "$work/rules"
echo "== (a) leave-one-page-out, 13 tuning pages: with the typer trained on the other 12"
entity_table "$work/tune" "$work/lopo"
echo; echo "== (b) 5 held-out pages, in aggregate: rules alone"
entity_table "$work/held" "$work/rules"
echo "== (b) 5 held-out pages, in aggregate: with the typer trained on the 13 tuning pages"
entity_table "$work/held" "$work/model"
echo; echo "== (c) all 18 pages: rules alone"
entity_table "$work/all" "$work/rules"
echo "== (c) all 18 pages: with the typer trained on the 13 tuning pages"
entity_table "$work/all" "$work/model"
