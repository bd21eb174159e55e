#!/usr/bin/env bash
# Runs every benchmark in scripts/bench/ (each prints its own numbers). Benchmarks print; tests assert.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in scripts/bench/*.ts; do
  [ -e "$f" ] || continue
  echo "== $f"
  npx tsx "$f"
done
