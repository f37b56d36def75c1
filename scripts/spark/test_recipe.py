"""The Spark recipe's test: on a generated corpus, `sidenote_spark.py` in local mode must write exactly the lines a
single `sidenote extract --jsonl` process writes, in the same order; and it must fail when a process loses lines.

    python test_recipe.py --sidenote target/native/sidenote --articles 10000 --master 'local[2]'
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sidenote", required=True)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sidenote-spark-") as work:
        corpus, plain, spark_out = Path(work, "corpus.jsonl"), Path(work, "plain.jsonl"), Path(work, "spark")
        subprocess.run([sys.executable, HERE / "make_corpus.py", "--articles", str(args.articles), "--out", corpus],
                       check=True)

        started = time.monotonic()
        with open(corpus, "rb") as stdin, open(plain, "wb") as stdout:
            # Exit code 1 is expected: the corpus has a few bad lines on purpose.
            done = subprocess.run([args.sidenote, "extract", "--jsonl"], stdin=stdin, stdout=stdout,
                                  stderr=subprocess.DEVNULL)
        plain_seconds = time.monotonic() - started
        if done.returncode not in (0, 1):
            sys.exit(f"FAIL: the single-process run exited with {done.returncode}")

        started = time.monotonic()
        subprocess.run([sys.executable, HERE / "sidenote_spark.py", "--sidenote", args.sidenote, "--input", corpus,
                        "--output", spark_out, "--master", args.master], check=True)
        spark_seconds = time.monotonic() - started

        expected = plain.read_bytes().splitlines()
        parts = sorted(spark_out.glob("part-*"))
        got = [line for part in parts for line in part.read_bytes().splitlines()]
        errors = sum(1 for line in expected if b'"error"' in line and "error" in json.loads(line))
        print(f"{len(expected)} lines ({errors} error lines on purpose), {len(parts)} part files; "
              f"single process {plain_seconds:.1f} s, Spark {args.master} {spark_seconds:.1f} s incl. start-up")
        if len(expected) != args.articles or errors == 0:
            sys.exit(f"FAIL: the single-process run wrote {len(expected)} lines ({errors} errors)")
        if got != expected:
            first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            sys.exit(f"FAIL: Spark's output differs from the single-process run at line {first + 1} "
                     f"({len(got)} lines against {len(expected)})")
        print("ok: Spark's output equals the single-process run, line for line")

        # A process that loses lines (here: reads everything, writes one line) must fail the recipe.
        lossy = Path(work, "lossy-sidenote")
        lossy.write_text("#!/bin/sh\ncat >/dev/null\necho '{}'\n")
        lossy.chmod(0o755)
        small = Path(work, "small.jsonl")
        small.write_bytes(b"".join(corpus.read_bytes().splitlines(keepends=True)[:50]))
        done = subprocess.run([sys.executable, HERE / "sidenote_spark.py", "--sidenote", lossy, "--input", small,
                               "--output", Path(work, "lossy"), "--master", args.master], capture_output=True, text=True)
        if done.returncode == 0 or "50 lines in but" not in done.stderr:
            sys.exit(f"FAIL: a process that lost lines went unnoticed: {done.stdout} {done.stderr[-500:]}")
        print("ok: a process that loses lines fails the recipe")


if __name__ == "__main__":
    main()
