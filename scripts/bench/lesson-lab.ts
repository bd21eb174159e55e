// Time to a usable query lab, measured where readers meet it: the N+1 lesson of the built export in
// headless Chromium, fresh browser context (empty cache) per round. Two readers: one who jumps to
// the lab as soon as the page has loaded, one who reads the text above it first (scrolls a screen
// every READ_STEP_MS). Prints, per round: scroll → Run enabled ("usable"), the first click → its
// counts on screen ("first run"), and the worker's steps from the page's User Timing marks
// (components/querylab/labClient.ts). Usage: npx tsx scripts/bench/lesson-lab.ts [outDir]
// Targets: ready ≤ 1.5 s and the reader's first click ≤ 1.5 s.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the e2e config (no type declarations)
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const OUT = process.argv[2] ?? 'out';
const PORT = Number(process.env.BENCH_PORT ?? 4619);
const LESSON = '/learn/n-plus-one/';
/** A screen of lesson text (~150 words) read at ~250 words/min (a common reading-speed estimate). */
const READ_STEP_MS = 2000;
const ROUNDS = 3;

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

async function measure(page: Page, reader: 'jumps' | 'reads'): Promise<string> {
  await page.goto(`http://127.0.0.1:${PORT}${LESSON}`, { waitUntil: 'load' });
  const lab = page.getByTestId('querylab').first();
  if (reader === 'reads') {
    // Scroll a screen at a time until the lab is in view.
    for (;;) {
      const top = await lab.evaluate((el) => el.getBoundingClientRect().top);
      if (top < (await page.evaluate(() => innerHeight))) break;
      await page.mouse.wheel(0, await page.evaluate(() => innerHeight * 0.9));
      await page.waitForTimeout(READ_STEP_MS);
    }
  }
  await lab.scrollIntoViewIfNeeded();
  const scrolledAt = await page.evaluate(() => performance.now());
  const run = lab.getByTestId('querylab-run');
  await run.waitFor();
  await page.waitForFunction(
    (el) => el instanceof HTMLButtonElement && !el.disabled,
    await run.elementHandle(),
    { timeout: 120_000 },
  );
  const usableAt = await page.evaluate(() => performance.now());
  await run.click();
  const clickedAt = await page.evaluate(() => performance.now());
  await lab.getByTestId('querylab-count-before').waitFor({ timeout: 120_000 });
  const shownAt = await page.evaluate(() => performance.now());
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('querylab:app:'))
      .map((m) => `${m.name.slice('querylab:app:'.length)}@${Math.round(m.startTime)}`)
      .join(' '),
  );
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return (
    `reader ${reader}: scrolled to the lab @${s(scrolledAt)}, usable ${s(Math.max(0, usableAt - scrolledAt))} later, ` +
    `first run ${s(shownAt - clickedAt)} | page marks: ${marks || '(none in this build)'}`
  );
}

async function main(): Promise<void> {
  if (!existsSync(`${OUT}/index.html`)) {
    console.log(`lesson-lab bench: ${OUT}/ is missing; run \`npm run build\` first.`);
    return;
  }
  const path = chromiumPath() as string | null;
  if (!path) {
    console.log('lesson-lab bench: no Chromium found; skipped.');
    return;
  }
  const server = spawn(process.execPath, ['scripts/serve.mjs', OUT], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({ executablePath: path, args: chromiumArgs as string[] });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    console.log(
      `\nN+1 lesson in headless Chromium (${OUT}/, empty cache per round; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}):`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const reader of ['jumps', 'reads'] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        console.log(`  round ${round}, ${await measure(page, reader)}`);
        await context.close();
      }
    }
    console.log('  targets: usable ≤ 1.5 s after scrolling to the lab, first run ≤ 1.5 s');
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
