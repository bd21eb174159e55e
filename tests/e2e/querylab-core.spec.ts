import { expect, test } from './fixtures';
import type { HarnessHandle } from '../../app/dev/querylab/QueryLabHarness';

/**
 * The query-lab engine in the real browser: the module worker bundled by Next, PGlite loaded from the
 * prebuilt data dir in public/generated/pglite/, driven from the hidden harness page (no lesson UI).
 */
type Win = Window & { __querylab?: HarnessHandle };

async function ready(page: import('@playwright/test').Page, query = '') {
  await page.goto(`dev/querylab/${query}`);
  await expect(page.getByTestId('querylab-harness-status')).toHaveText(/ready in \d+ ms/, {
    timeout: 45_000,
  });
}

test.describe('query lab engine (worker + PGlite)', () => {
  test.describe.configure({ timeout: 120_000 });

  test('should load the data dir and run N+1 vs JOIN at 1,000 users with equal checksums', async ({
    page,
  }) => {
    await ready(page);
    const r = await page.evaluate(() =>
      (window as Win).__querylab!.client!.runNPlusOne({ users: 1000, rttMs: 0.5 }),
    );
    expect(r.runs.nPlusOne?.queries).toBe(1001);
    expect(r.runs.join?.queries).toBe(1);
    expect(r.runs.jsonAgg?.queries).toBe(1);
    expect(r.checksumsMatch).toBe(true);
    expect(r.runs.nPlusOne?.rttMs).toBeCloseTo(1001 * 0.5, 6);
  });

  test('should return a SQL error with position, survive DROP TABLE and restore it with reset', async ({
    page,
  }) => {
    await ready(page);
    const out = await page.evaluate(async () => {
      const c = (window as Win).__querylab!.client!;
      // 'WHER' parses as a table alias, so Postgres reports the error at "id" (offset 26).
      const bad = await c.runSql('SELECT * FROM users WHER id = 1');
      await c.runSql('DROP TABLE messages');
      const gone = await c.runSql('SELECT count(*) FROM messages');
      const reset = await c.reset();
      const back = await c.runSql('SELECT count(*)::int AS n FROM messages');
      const big = await c.runSql('SELECT g FROM generate_series(1, 100000) AS g');
      return { bad, gone, reset, back, big };
    });
    expect(out.bad.ok).toBe(false);
    if (!out.bad.ok) expect(out.bad.error).toMatchObject({ position: 26, line: 1, column: 26 });
    expect(out.gone.ok).toBe(false);
    expect(out.back.ok && out.back.statements[0]?.rows).toEqual([{ n: 100_000 }]);
    expect(out.reset.ms).toBeLessThan(5000);
    expect(out.big.ok && out.big.statements[0]?.rowCount).toBe(100_000);
    expect(out.big.ok && out.big.statements[0]?.rows.length).toBe(200);
  });

  test('should stop while(true) at the time limit, restart the worker and stay usable', async ({
    page,
  }) => {
    await ready(page);
    const out = await page.evaluate(async () => {
      const c = (window as Win).__querylab!.client!;
      const stuck = await c.runUserCode('while (true) {}', {
        users: 10,
        rttMs: 0.5,
        timeoutMs: 1000,
      });
      const after = await c.runUserCode(
        'const users = await User.findAll({ include: [{ model: Post }] });',
        { users: 10, rttMs: 0.5 },
      );
      return { stuck, after };
    });
    expect(out.stuck.ok).toBe(false);
    expect(out.stuck.error?.kind).toBe('timeout');
    expect(out.stuck.restarted).toBe(true);
    expect(out.after.ok).toBe(true);
    expect(out.after.loaded?.posts).toBe(100);
  });

  test('should show Seq Scan before and Index Scan after CREATE INDEX on the indexing data dir', async ({
    page,
  }) => {
    await ready(page, '?dataset=indexing');
    const r = await page.evaluate(() =>
      (window as Win).__querylab!.client!.runIndexLab({ parts: ['lookup'] }),
    );
    expect(r.lookup?.rows).toBeGreaterThanOrEqual(200_000);
    expect(r.lookup?.withoutIndex.nodeTypes).toContain('Seq Scan');
    expect(r.lookup?.withIndex.nodeTypes).toContain('Index Scan');
  });

  test('should load even when the host serves .wasm as application/octet-stream', async ({
    page,
  }) => {
    await page.route('**/*.wasm', async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        headers: { ...res.headers(), 'content-type': 'application/octet-stream' },
      });
    });
    await ready(page);
  });
});

test.describe('query lab engine load failure', () => {
  test.use({ allowedProblems: { patterns: [/manifest\.json/, /404/] } });

  test('should fail with a clear message when an asset is missing', async ({ page }) => {
    await page.route('**/generated/pglite/manifest.json', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto('dev/querylab/');
    await expect(page.getByTestId('querylab-harness-status')).toHaveText(
      /failed: Could not load .*manifest\.json: HTTP 404/,
      { timeout: 30_000 },
    );
    const err = await page.evaluate(() => (window as Win).__querylab!.error);
    expect(err?.kind).toBe('load-failed');
  });
});
