"""Runs `sidenote extract --jsonl` (or `export --jsonl`) over a JSON Lines dataset on Apache Spark.

Spark does the fan-out (partitions, tasks, retries, a cluster when one machine is not enough); Sidenote's own
binary does the work, unchanged: each partition's lines are piped through one `sidenote … --jsonl` process
(`RDD.pipe`), and the result lines are written as JSON Lines, one `part-NNNNN` file per partition.

    python sidenote_spark.py --sidenote target/native/sidenote --input corpus.jsonl --output out/ --master 'local[2]'

Order: a text file's partitions are consecutive byte ranges, numbered in file order; `pipe` keeps the order of
lines within a partition and `sidenote --jsonl` writes one line per input line in input order. So the part
files, concatenated by name, are the lines a single `sidenote extract --jsonl < corpus.jsonl` writes, in the
same order. (A job that repartitions or shuffles loses that order; its lines still carry their `id`.)

The input must be UTF-8: Spark decodes text lines before piping them, so a line that is not UTF-8 reaches
`sidenote` altered, where a plain `sidenote --jsonl` run would report it as an error line.

On a cluster, the binary must exist at the same path on every executor (or be shipped with `--files`); a
`sidenote` built with `cargo build --profile native -p sidenote-cli` needs only the C library.
"""

import argparse
import json
import os
import shlex
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sidenote", required=True, help="the sidenote binary (the same path on every executor)")
    parser.add_argument("--input", required=True, help="a JSON Lines file or folder of them")
    parser.add_argument("--output", required=True, help="a folder, which must not exist yet")
    parser.add_argument("--command", choices=["extract", "export"], default="extract")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=0, help="default: twice the parallelism")
    args = parser.parse_args()

    # Python workers must import the same pyspark as this driver: the venv's interpreter, not the first on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("sidenote")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    partitions = args.partitions or 2 * sc.defaultParallelism
    binary = os.path.abspath(args.sidenote)

    lines_in, lines_out = sc.accumulator(0), sc.accumulator(0)

    def counted(accumulator):
        def count(lines):
            for line in lines:
                accumulator.add(1)
                yield line
        return count

    started = time.monotonic()
    lines = sc.textFile(args.input, minPartitions=partitions)
    # One worker thread per process: Spark already runs one task per core. The exit code is not checked
    # here: `sidenote` exits 1 when some line failed, and that line's error is already in the output. A
    # process that died is caught by counting lines in and out, in the same pass.
    command = shlex.join([binary, args.command, "--jsonl", "--threads", "1"])
    results = lines.mapPartitions(counted(lines_in)).pipe(command).mapPartitions(counted(lines_out))
    results.saveAsTextFile(args.output)
    seconds = time.monotonic() - started

    summary = {"lines_in": lines_in.value, "lines_out": lines_out.value, "partitions": lines.getNumPartitions()}
    spark.stop()
    print(json.dumps({**summary, "job_seconds": round(seconds, 3)}))
    if summary["lines_in"] != summary["lines_out"]:
        sys.exit(f"sidenote_spark: {summary['lines_in']} lines in but {summary['lines_out']} out: a sidenote process failed")


if __name__ == "__main__":
    main()
