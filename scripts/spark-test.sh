#!/usr/bin/env bash
# The Spark recipe's test (scripts/spark/): a generated corpus of 10,000 articles through `sidenote extract
# --jsonl` under PySpark in local[2] must give exactly the lines of a single-process run. Installs what is
# missing first, and only that: Java 17 (Debian), Python's venv module, and the pinned pyspark in .venv-spark.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
venv=.venv-spark
# Local mode needs no network address; this also silences the warning about the host name.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

scripts/spark/setup.sh
cargo build --profile native -p sidenote-cli --locked --quiet
"$venv/bin/python" scripts/spark/test_recipe.py --sidenote target/native/sidenote --articles 10000 --master 'local[2]'
