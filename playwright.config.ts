import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the scripts (no type declarations needed)
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/**
 * End-to-end tests run against the built static export (out/), served by scripts/serve.mjs, in the
 * system Chromium (never a downloaded browser). scripts/e2e.mjs checks the browser exists first.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const basePath = process.env.BASE_PATH ?? '';
/** Which export to serve: out/ by default; npm test also checks a BASE_PATH build (E2E_OUT). */
const outDir = process.env.E2E_OUT ?? 'out';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    // Trailing slash so that relative routes ('./learn/x/') stay under a sub-path.
    baseURL: `http://127.0.0.1:${port}${basePath}/`,
    trace: 'off',
    // Each test starts from the network; offline specs allow the service worker (test.use).
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromiumPath() ?? undefined, args: chromiumArgs },
  },
  projects: [
    { name: 'site', testIgnore: /(basepath|nginx-subpath)\.spec\.ts$/ },
    { name: 'subpath', testMatch: /(basepath|nginx-subpath)\.spec\.ts$/ },
  ],
  webServer: {
    command: `node scripts/serve.mjs ${outDir}`,
    url: `http://127.0.0.1:${port}${basePath}/`,
    env: { PORT: String(port), BASE_PATH: basePath },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
