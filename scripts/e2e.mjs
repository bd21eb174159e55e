#!/usr/bin/env node
// Runs the Playwright suite against a built export after making sure a system Chromium (and nginx,
// for the specs that serve the export with deploy/*.conf) is there.
// E2E_OUT picks the export (default out/); with BASE_PATH set, only the sub-path project runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

for (const script of ['scripts/ensure-chromium.sh', 'scripts/ensure-nginx.sh']) {
  const ensure = spawnSync('bash', [script], { stdio: 'inherit' });
  if (ensure.status !== 0) process.exit(ensure.status ?? 1);
}
const outDir = process.env.E2E_OUT ?? 'out';
if (!existsSync(`${outDir}/index.html`)) {
  console.error(`e2e: ${outDir}/ is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const project = process.env.BASE_PATH ? 'subpath' : 'site';
const args = ['playwright', 'test', `--project=${project}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
