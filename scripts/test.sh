#!/usr/bin/env bash
# The whole test suite, in order, stopping at the first failure:
# type check → lint → format check → unit tests → production build → end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  local name=$1
  shift
  local start=$SECONDS
  echo ""
  echo "▶ $name"
  if ! "$@"; then
    echo "✗ $name failed" >&2
    exit 1
  fi
  echo "✓ $name ($((SECONDS - start)) s)"
}

step "type check" npx tsc --noEmit
step "lint" npx eslint . --max-warnings 0
step "format check" npx prettier --check . --log-level warn
step "unit tests" npx vitest run
step "build" npm run build
step "end-to-end tests" node scripts/e2e.mjs
echo ""
echo "All checks passed."
