import type { Locator } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { LAB_READY_MS } from './querylab-helpers';

/**
 * The consistency labs in Chromium: each widget shows its anomaly with the default strategy and a
 * zero with the fix; bad input gets a message; Reset restores; the lesson's challenge checks itself.
 * Counts are deterministic (logical time, fixed seed): only "more than zero" and "zero" are asserted.
 */
const LESSON = '/learn/consistency-is-a-feature/';
const HARNESS = 'dev/consistency/';
/** A first run opens the extra PGlite instances (one per replica or shard): seconds each here. */
const RUN_MS = 120_000;
/**
 * The first PGlite of the page, as for every query lab, but these tests keep several instances
 * alive per page; they run one after another (serial) so two pages never open theirs at once.
 */
const READY_MS = 2 * LAB_READY_MS;

/** Runs with the strategy picked by its label; returns the anomaly count of the newest run. */
async function runWith(lab: Locator, strategyLabel: string | null, runs: number): Promise<number> {
  if (strategyLabel)
    await lab.getByTestId('consistency-strategy').getByLabel(strategyLabel).check();
  await lab.getByTestId('consistency-run').click();
  const cells = lab.getByTestId('consistency-anomaly');
  await expect(cells).toHaveCount(runs, { timeout: RUN_MS });
  const text = (await cells.nth(runs - 1).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

test.describe('consistency labs', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });

  test('replica lag: messages vanish behind a 1 s replica, a version token keeps them', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const lab = page.locator('[data-lab="consistency"]').nth(0);
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: READY_MS,
    });
    expect(await runWith(lab, null, 1)).toBeGreaterThan(0);
    await expect(lab.getByTestId('consistency-summary')).toContainText('at 1,000 ms lag');
    expect(await runWith(lab, 'Session version token', 2)).toBe(0);
    await expect(lab.getByTestId('consistency-chart')).toBeVisible();
    await expectAccessible(page);
  });

  test('lost update and outbox: the anomaly, then zero with the fix', async ({ page }) => {
    await page.goto(LESSON);
    const lost = page.locator('[data-lab="consistency"]').nth(1);
    await lost.scrollIntoViewIfNeeded();
    await expect(lost.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: READY_MS,
    });
    expect(await runWith(lost, null, 1)).toBeGreaterThan(0);
    expect(await runWith(lost, 'UPDATE … SET n = n + 1', 2)).toBe(0);
    expect(await runWith(lost, 'Version column, retry on conflict', 3)).toBe(0);

    const outbox = page.locator('[data-lab="consistency"]').nth(2);
    await outbox.scrollIntoViewIfNeeded();
    expect(await runWith(outbox, null, 1)).toBeGreaterThan(0);
    expect(await runWith(outbox, 'Transactional outbox + relay', 2)).toBe(0);
    await expect(outbox.getByTestId('consistency-summary')).toContainText('0 events lost');
  });

  test('idempotency and shards (harness): duplicates without keys, none with; pruning and shard load', async ({
    page,
  }) => {
    await page.goto(HARNESS);
    const idem = page.locator('[data-lab="consistency"]').nth(0);
    await idem.scrollIntoViewIfNeeded();
    await expect(idem.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: READY_MS,
    });
    expect(await runWith(idem, null, 1)).toBeGreaterThan(0);
    expect(await runWith(idem, 'Idempotency key (stored response)', 2)).toBe(0);

    const shards = page.locator('[data-lab="consistency"]').nth(1);
    await shards.scrollIntoViewIfNeeded();
    await shards.getByTestId('consistency-run').click();
    await expect(shards.getByTestId('consistency-pruning')).toContainText('1 of 4', {
      timeout: RUN_MS,
    });
    await expect(shards.getByTestId('consistency-pruning')).toContainText('4 of 4');
    await expect(shards.getByTestId('consistency-shard-load')).toContainText('MB of WebAssembly');
    await expectAccessible(page);
  });

  test('bad input: a negative seed is refused with a message, Reset restores', async ({ page }) => {
    await page.goto(HARNESS);
    const lab = page.locator('[data-lab="consistency"]').nth(0);
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: READY_MS,
    });
    expect(await runWith(lab, null, 1)).toBeGreaterThan(0);
    await lab.getByTestId('consistency-seed').fill('-5');
    await lab.getByTestId('consistency-run').click();
    await expect(lab.getByTestId('consistency-input-error')).toContainText(
      'The seed must be a whole number',
    );
    await expect(lab.getByTestId('consistency-anomaly')).toHaveCount(1);
    await lab.getByTestId('querylab-reset').click();
    await expect(lab.getByTestId('consistency-anomaly')).toHaveCount(0, { timeout: 60_000 });
    await expect(lab.getByTestId('consistency-input-error')).toHaveCount(0);
    await expect(lab.getByTestId('consistency-seed')).toHaveValue('1');
    expect(await runWith(lab, null, 1)).toBeGreaterThan(0);
  });

  test('the read-your-writes challenge fails for every-read-on-the-replica and passes for the token', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const challenge = page.locator('[data-challenge-id="consistency-read-your-writes"]');
    await challenge.scrollIntoViewIfNeeded();
    const feedback = challenge.getByTestId('challenge-feedback');
    await challenge.getByTestId('challenge-check').click();
    await expect(feedback).toHaveAttribute('data-verdict', 'fail', { timeout: RUN_MS });
    await expect(feedback).toContainText('vanished messages');
    await challenge.getByLabel(/Session version token/).check();
    await challenge.getByTestId('challenge-check').click();
    await expect(feedback).toHaveAttribute('data-verdict', 'pass', { timeout: RUN_MS });
    await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');
  });
});
