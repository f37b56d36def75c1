#!/usr/bin/env bash
# Streaming figures (a benchmark, not a test): `sidenote extract --jsonl` throughput on 1 and 2 threads over
# a generated corpus of at least 100 MB (the sample article, varied), its peak memory on a stream of at least
# 1 GB, and the Spark recipe's throughput in local[2] on the same corpus against plain --jsonl on 2 threads.
# Throughput counts characters (code points) of article text or HTML per second of wall time, end to end:
# reading, parsing, extraction, serialising, writing. Files go to $BENCH_DIR (default /tmp/sidenote-bench).
#   bash bench/jsonl.sh [MIN_BYTES] [STREAM_COPIES]      # defaults: 100000000 and 10 (10 copies >= 1 GB)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
min_bytes=${1:-100000000}
copies=${2:-10}
dir=${BENCH_DIR:-/tmp/sidenote-bench}
mkdir -p "$dir"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
cargo build --profile native -p sidenote-cli --locked --quiet
sidenote=target/native/sidenote

corpus="$dir/corpus-$min_bytes.jsonl"
if [ ! -s "$corpus.done" ]; then
  python3 scripts/spark/make_corpus.py --min-bytes "$min_bytes" --out "$corpus" > "$corpus.done"
fi
cat "$corpus.done"
chars=$(sed -E 's/.* ([0-9]+) chars.*/\1/' "$corpus.done")
bytes=$(stat -c %s "$corpus")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"

# Prints "wall_seconds user_seconds sys_seconds max_rss_kb" of the fastest of $runs runs of a command (the
# machine is shared, so the fastest run is the one least disturbed), its stdout to $out.
runs=${RUNS:-3}
# Waits (up to two minutes) until the machine has been at least 90% idle for two seconds.
wait_quiet() {
  local u n s i w t1 i1 t2
  for _ in $(seq 60); do
    read -r _ u n s i w _ < /proc/stat; t1=$((u + n + s + i + w)); i1=$i
    sleep 2
    read -r _ u n s i w _ < /proc/stat; t2=$((u + n + s + i + w))
    [ $((100 * (i - i1) / (t2 - t1))) -ge 90 ] && return 0
  done
  echo "(the machine stayed busy; measuring anyway)" >&2
}
measure() {
  local out=$1; shift
  for _ in $(seq "$runs"); do
    wait_quiet
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$@" < "$corpus" > "$out" 2>/dev/null || true
    # The last line: /usr/bin/time first says "Command exited with non-zero status 1", as it should for the
    # corpus's few bad lines.
    tail -1 "$dir/time"
  done | sort -n | head -1
}
rate() { awk -v c="$chars" -v s="$1" 'BEGIN { printf "%.2f", c / s / 1e6 }'; }

echo "== sidenote extract --jsonl, native profile (fastest of $runs runs)"
read -r wall1 user1 sys1 rss1 < <(measure "$dir/plain-1.jsonl" "$sidenote" extract --jsonl --threads 1)
echo "1 thread:  ${wall1} s wall (${user1} s user, ${sys1} s sys), $(rate "$wall1") M chars/s, peak ${rss1} KB"
read -r wall2 user2 sys2 rss2 < <(measure "$dir/plain-2.jsonl" "$sidenote" extract --jsonl --threads 2)
echo "2 threads: ${wall2} s wall (${user2} s user, ${sys2} s sys), $(rate "$wall2") M chars/s, peak ${rss2} KB"
cmp -s "$dir/plain-1.jsonl" "$dir/plain-2.jsonl" || { echo "FAIL: 1 and 2 threads differ"; exit 1; }
echo "speed-up 2 threads / 1 thread: $(awk -v a="$wall1" -v b="$wall2" 'BEGIN { printf "%.2f", a / b }')x"

echo "== peak memory on a stream of $copies copies of the corpus ($(awk -v b="$bytes" -v n="$copies" 'BEGIN { printf "%.2f", b * n / 1e9 }') GB), 2 threads"
stream() { for _ in $(seq "$copies"); do cat "$corpus"; done; }
wait_quiet
stream | /usr/bin/time -f '%e %M' -o "$dir/time" "$sidenote" extract --jsonl --threads 2 2>/dev/null | wc -l > "$dir/lines" || true
read -r wall_stream rss_stream < <(tail -1 "$dir/time")
echo "$(cat "$dir/lines") lines in ${wall_stream} s, $(awk -v c="$chars" -v n="$copies" -v s="$wall_stream" 'BEGIN { printf "%.2f", c * n / s / 1e6 }') M chars/s, peak ${rss_stream} KB"

echo "== Spark local[2] (scripts/spark/sidenote_spark.py), same corpus"
scripts/spark/setup.sh
rm -rf "$dir/spark"
wait_quiet
started=$(date +%s.%N)
summary=$(.venv-spark/bin/python scripts/spark/sidenote_spark.py --sidenote "$sidenote" --input "$corpus" \
  --output "$dir/spark" --master 'local[2]' 2>/dev/null | tail -1)
total=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
job=$(echo "$summary" | sed -E 's/.*"job_seconds": ([0-9.]+).*/\1/')
echo "$summary"
cat "$dir"/spark/part-* | cmp -s - "$dir/plain-2.jsonl" && echo "output identical to plain --jsonl" || { echo "FAIL: Spark's output differs"; exit 1; }
echo "Spark job ${job} s ($(rate "$job") M chars/s); with JVM start-up and line counts ${total} s ($(rate "$total") M chars/s)"
echo "Spark / plain --jsonl on 2 threads: $(awk -v p="$wall2" -v s="$job" 'BEGIN { printf "%.2f", p / s }')x (job), $(awk -v p="$wall2" -v s="$total" 'BEGIN { printf "%.2f", p / s }')x (whole run)"
