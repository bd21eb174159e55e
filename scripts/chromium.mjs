// Finds the system Chromium for Playwright. Never downloads a browser: set CHROMIUM_PATH, or install
// Debian's `chromium` package (scripts/ensure-chromium.sh does that where it can).
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

export function chromiumPath() {
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Flags that let headless Chromium run as root on a machine with no outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
