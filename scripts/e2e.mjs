#!/usr/bin/env node
// Runs the Playwright suite against out/ after making sure a system Chromium is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ensure = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);
if (!existsSync('out/index.html')) {
  console.error('e2e: out/ is missing: run `npm run build` first.');
  process.exit(1);
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
