#!/usr/bin/env bash
# Makes sure Debian's nginx exists for the end-to-end tests that serve the export with deploy/*.conf
# (tests/e2e/nginx*.spec.ts start it themselves on a loopback port; no service is started here).
# Uses NGINX_PATH or /usr/sbin/nginx, installs Debian's `nginx` where it can (root + apt), and
# otherwise stops with one line saying what to install.
set -euo pipefail
for candidate in "${NGINX_PATH:-}" /usr/sbin/nginx; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-nginx: installing Debian's nginx package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # policy-rc.d: install the binary without starting the system service (the tests start their own).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get install -y -qq nginx >/dev/null
  exit 0
fi
echo "No nginx found: install Debian's 'nginx' package (sudo apt-get install nginx) or set NGINX_PATH to an nginx binary." >&2
exit 1
