#!/usr/bin/env bash
# Installs what the Spark recipe needs, only what is missing: Java 17 (Debian), Python's venv module, and
# the pinned pyspark (requirements.txt) in .venv-spark at the repository's root. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-spark

apt_install() {
  [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Spark 3.5 runs on Java 8, 11 or 17; the machine's Java 17 is the one we test with.
if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
  echo "installing Java 17"
  apt_install openjdk-17-jre-headless
fi

if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" 2>/dev/null; then
    echo "installing python3-venv"
    rm -rf "$venv"
    apt_install python3-venv
    python3 -m venv "$venv"
  fi
fi

pinned=$(awk -F'==' '/^pyspark==/ {print $2}' scripts/spark/requirements.txt)
installed=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pyspark"))' 2>/dev/null || true)
if [ "$installed" != "$pinned" ]; then
  echo "installing pyspark $pinned into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/spark/requirements.txt
fi

