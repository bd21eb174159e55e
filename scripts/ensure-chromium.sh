#!/usr/bin/env bash
# Makes sure a system Chromium exists for the end-to-end tests. Never downloads a browser build:
# uses CHROMIUM_PATH or /usr/bin/chromium, installs Debian's `chromium` where it can (root + apt),
# and otherwise stops with one line saying what to install.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "No Chromium found: install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
