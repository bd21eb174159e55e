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
build_subpath() {
  # A second export under a sub-path, kept aside, proves hosting under BASE_PATH works.
  BASE_PATH=/workbench npm run build >.cache/build-subpath.log 2>&1 || {
    cat .cache/build-subpath.log
    return 1
  }
  rm -rf .cache/out-workbench && mv out .cache/out-workbench
}
mkdir -p .cache
step "build under BASE_PATH=/workbench" build_subpath
step "build" npm run build
step "end-to-end tests" node scripts/e2e.mjs
step "end-to-end tests under /workbench" env BASE_PATH=/workbench E2E_OUT=.cache/out-workbench node scripts/e2e.mjs
echo ""
echo "All checks passed."
