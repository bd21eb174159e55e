// Browser half of scripts/bench/querylab.ts (run under the build lock): serves out/, opens the hidden
// harness in headless system Chromium, and reports PGlite ready time, the N+1 lab at 1,000 users
// (both runs) and the longest main-thread task (PerformanceObserver 'longtask').
// Targets: ready ≤ 1.5 s, both runs ≤ 2 s, no main-thread task > 50 ms.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import type { HarnessHandle } from '../../app/dev/querylab/QueryLabHarness';
// @ts-expect-error plain ESM helper shared with the e2e config (no type declarations)
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

type Win = Window & { __querylab?: HarnessHandle };
const PORT = 4391;

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['scripts/serve.mjs', 'out'], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: (chromiumPath() as string | null) ?? undefined,
    args: chromiumArgs as string[],
  });
  try {
    const rows: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/dev/querylab/`);
      await page.waitForFunction(
        () =>
          (window as Win).__querylab?.readyMs !== undefined || (window as Win).__querylab?.error,
        undefined,
        { timeout: 60_000 },
      );
      const readyMs = await page.evaluate(() => (window as Win).__querylab!.readyMs ?? -1);
      const phases = await page.evaluate(() =>
        (window as Win)
          .__querylab!.timeline.map((x) => `${x.phase ?? x.state}@${Math.round(x.atMs)}`)
          .join(' '),
      );
      // Wait for the JIT warm-up the worker runs after ready, as a reader's first click would.
      await page.waitForFunction(
        () => (window as Win).__querylab!.statuses.filter((s) => s.state === 'ready').length >= 2,
        undefined,
        { timeout: 60_000 },
      );
      const run = await page.evaluate(async () => {
        const h = (window as Win).__querylab!;
        const before = h.longTasks.length;
        const t0 = performance.now();
        const r = await h.client!.runNPlusOne({
          users: 1000,
          rttMs: 0.5,
          strategies: ['nPlusOne', 'join'],
        });
        const wallMs = performance.now() - t0;
        const during = h.longTasks.slice(before).map((t) => t.duration);
        const all = h.longTasks.map((t) => t.duration);
        return {
          wallMs,
          n1: r.runs.nPlusOne!.dbMs,
          join: r.runs.join!.dbMs,
          maxDuring: Math.max(0, ...during),
          maxAll: Math.max(0, ...all),
        };
      });
      const resetMs = await page.evaluate(
        async () => (await (window as Win).__querylab!.client!.reset()).ms,
      );
      rows.push(
        `round ${round}: ready ${readyMs.toFixed(0)} ms (${phases}) | N+1 (1,001 q) db ${run.n1.toFixed(0)} ms + JOIN db ${run.join.toFixed(0)} ms, both runs wall ${run.wallMs.toFixed(0)} ms | reset ${resetMs.toFixed(0)} ms | longest main-thread task during runs ${run.maxDuring.toFixed(0)} ms, whole page ${run.maxAll.toFixed(0)} ms`,
      );
      await page.close();
    }
    console.log(
      '\nBrowser (headless Chromium, out/ via scripts/serve.mjs), 1,000 users, RTT 0.5 ms:',
    );
    for (const r of rows) console.log(`  ${r}`);
    console.log('  targets: ready ≤ 1500 ms, both runs ≤ 2000 ms, no main-thread task > 50 ms');
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
