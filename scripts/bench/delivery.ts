// Delivery: what each lab costs a reader on a slow shared link, and what the whole course costs
// offline. The export is served by Debian's nginx with deploy/nginx.conf (gzip as a real host would
// send it); Chromium emulates 10 Mbit/s and 40 ms (CDP Network.emulateNetworkConditions, which
// also throttles the lab's dedicated worker: measured, a 7 MB fetch in a worker took 9.1 s).
// Per lab, from navigation in a cold browser: bytes on the wire (nginx's $bytes_sent: headers plus
// the compressed body, page and worker requests alike) and time until the lab is ready, then until
// its first result (Run clicked as soon as it is enabled).
// Targets: N+1 first result ≤ 6 MB and ≤ 8 s at 10 Mbit/s; whole course offline ≤ 25 MB.
// Run `npm run build` first. Benchmarks print; tests assert.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { offlineManifestSchema } from '../../lib/offline/manifest';
import { startNginx, nginxPath } from '../nginx-server';
// @ts-expect-error plain ESM helper shared with the e2e config (no type declarations)
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const out = path.resolve('out');
const MBIT = 1e6 / 8;
const LINK = { latency: 40, downloadThroughput: 10 * MBIT, uploadThroughput: 10 * MBIT };
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The lesson and the lab on it that each row measures (the first lab of its kind). */
const LABS = [
  { name: 'measure', route: '/learn/measure-before-you-optimize/', lab: 'measure' },
  { name: 'n-plus-one', route: '/learn/n-plus-one/', lab: 'n-plus-one' },
  { name: 'indexing', route: '/learn/indexing/', lab: 'indexing' },
  { name: 'caching', route: '/learn/caching/', lab: 'caching' },
] as const;

async function measureLab(page: Page, route: string, lab: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  const start = logBytes();
  const t0 = Date.now();
  await page.goto(`${origin}${route}`);
  const mount = page.locator(`[data-testid="querylab"][data-lab="${lab}"]`).first();
  await mount.scrollIntoViewIfNeeded();
  // Ready, or failed (a start-up or download timeout on a slow link is a result worth printing).
  await mount
    .locator(
      '[data-testid="querylab-status"][data-state="ready"], [data-testid="querylab-status"][data-state="failed"]',
    )
    .waitFor({ timeout: 180_000 });
  const status = mount.getByTestId('querylab-status');
  if ((await status.getAttribute('data-state')) === 'failed') {
    throw new Error(
      `lab failed after ${s(Date.now() - t0)}, ${mb(logBytes() - start)}: ${await status.textContent()}`,
    );
  }
  const ready = { ms: Date.now() - t0, bytes: logBytes() - start };
  const run = mount.getByTestId('querylab-run');
  await run.click({ timeout: 60_000 });
  // The first result: the run finished and the button is usable again.
  await page.waitForFunction(
    (el) =>
      el instanceof HTMLButtonElement && !el.disabled && !/Running/.test(el.textContent ?? ''),
    await run.elementHandle(),
    { timeout: 180_000 },
  );
  const result = { ms: Date.now() - t0, bytes: logBytes() - start };
  await cdp.detach();
  return { ready, result };
}

let origin = '';
let accessLog = '';

/** Total bytes nginx has sent so far (its access log is written per response, unbuffered). */
function logBytes(): number {
  if (!existsSync(accessLog)) return 0;
  return readFileSync(accessLog, 'utf8')
    .split('\n')
    .reduce((sum, line) => sum + (Number(line.split(' ')[0]) || 0), 0);
}

function offlineSize(): { stored: number; wire: number } {
  const m = offlineManifestSchema.parse(
    JSON.parse(readFileSync(path.join(out, 'offline.json'), 'utf8')),
  );
  let wire = 0;
  for (const a of m.labAssets) {
    const body = readFileSync(path.join(out, a.path));
    wire += a.path.endsWith('.tar.gz') ? body.length : gzipSync(body).length;
  }
  // The precache: gzip of every precached file, as nginx sends them (approximated at level 6).
  const sw = readFileSync(path.join(out, 'sw.js'), 'utf8');
  for (const [, url] of sw.matchAll(/url:"([^"]+)"/g)) {
    const file = path.join(out, url);
    if (existsSync(file)) wire += gzipSync(readFileSync(file)).length;
  }
  const stored = m.precache.bytes + m.labAssets.reduce((sum, a) => sum + a.bytes, 0);
  return { stored, wire };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(out, 'offline.json'))) {
    console.log('delivery bench: out/ (with offline.json) is missing; run `npm run build` first.');
    return;
  }
  const off = offlineSize();
  console.log(
    `Whole course offline: ${mb(off.wire)} transferred (gzip), ${mb(off.stored)} stored (target ≤ 25 MB)`,
  );
  const exe = chromiumPath() as string | null;
  if (!exe || !existsSync(nginxPath())) {
    console.log(
      'delivery bench: needs Chromium and nginx (scripts/ensure-*.sh); skipping the labs.',
    );
    return;
  }
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (times are noisy on a busy machine)`,
  );
  const nginx = await startNginx({ config: 'nginx.conf', exportDir: out, accessLog: true });
  origin = nginx.origin;
  accessLog = nginx.accessLog ?? '';
  const browser = await chromium.launch({ executablePath: exe, args: chromiumArgs as string[] });
  try {
    console.log('\nPer lab, cold cache, nginx + gzip, Chromium at 10 Mbit/s and 40 ms:');
    console.log('lab          ready: bytes     time | first result: bytes     time');
    for (const l of LABS) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      try {
        const r = await measureLab(page, l.route, l.lab);
        console.log(
          `${l.name.padEnd(12)} ${mb(r.ready.bytes).padStart(11)} ${s(r.ready.ms).padStart(8)} | ${mb(r.result.bytes).padStart(19)} ${s(r.result.ms).padStart(8)}`,
        );
      } catch (err) {
        console.log(
          `${l.name.padEnd(12)} failed: ${err instanceof Error ? err.message.split('\n')[0] : err}`,
        );
      } finally {
        await context.close();
      }
    }
    console.log('targets: n-plus-one first result ≤ 6 MB and ≤ 8 s');
  } finally {
    await browser.close();
    await nginx.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
