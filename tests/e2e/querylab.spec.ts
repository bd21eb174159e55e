import { expect, expectAccessible, test } from './fixtures';
import { readyLab } from './querylab-helpers';

/**
 * Each lesson lab run for real in Chromium: worker + PGlite from the static export, Monaco from our
 * own origin (the fixture fails the test on any request that leaves localhost).
 */
test.describe('query lab lessons', () => {
  test.describe.configure({ timeout: 150_000 });

  test('should run the essay’s Before and After: 1,001 queries versus 1, same data', async ({
    page,
  }) => {
    await page.goto('/learn/n-plus-one/');
    const lab = await readyLab(page, 0);
    await expect(lab.getByTestId('querylab-users')).toHaveText('1,000');
    await expect(lab.getByTestId('querylab-rtt').getByLabel('0.5 ms (same zone)')).toBeChecked();
    await expect(lab.getByTestId('code-editor').first()).toHaveAttribute(
      'data-editor-state',
      'monaco',
      { timeout: 30_000 },
    );
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('1');
    await expect(lab.getByTestId('querylab-verdict')).toContainText(
      'Same result both ways: 1,000 users and 10,000 posts',
    );
    await expect(lab.getByTestId('querylab-timeline')).toContainText('Before: 1,001 queries');
    await lab.getByText(/^Query log: Before/).click();
    await expect(lab.getByTestId('querylab-log-before').locator('tbody tr')).toHaveCount(25);
    await expect(lab.getByTestId('querylab-log-before')).toContainText('976 more queries');
    await expectAccessible(page);
  });

  test('should charge the round trip per query: 2 ms makes 2,002 ms of network for N+1', async ({
    page,
  }) => {
    await page.goto('/learn/n-plus-one/');
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-rtt').getByLabel('2 ms (cross zone)').check();
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
    await expect(lab.locator('.querylab-counter').first()).toContainText(
      'network 1,001 × 2 ms = 2,002 ms',
    );
  });

  test('should grow N+1 queries with the users and keep the JOIN at one', async ({ page }) => {
    await page.goto('/learn/n-plus-one/');
    const lab = await readyLab(page, 1);
    const slider = lab.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(lab.getByTestId('querylab-users')).toHaveText('10');
    await lab.getByTestId('querylab-run').click();
    const table = lab.getByTestId('querylab-scaling-table');
    await expect(table.locator('tbody tr')).toHaveCount(1, { timeout: 60_000 });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(lab.getByTestId('querylab-users')).toHaveText('100');
    await lab.getByTestId('querylab-run').click();
    await expect(table.locator('tbody tr')).toHaveCount(2, { timeout: 60_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^10\s+11 q .*\s1 q .*\s1 q /);
    expect(rows[1]).toMatch(/^100\s+101 q .*\s1 q .*\s1 q /);
  });

  test('should show a Seq Scan before the index and an Index Scan after it', async ({ page }) => {
    await page.goto('/learn/indexing/');
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-run').click();
    const before = lab.getByTestId('querylab-plan-before');
    const after = lab.getByTestId('querylab-plan-after');
    await expect(before).toHaveAttribute('data-node-types', 'Limit,Sort,Seq Scan', {
      timeout: 60_000,
    });
    await expect(after).toHaveAttribute('data-node-types', 'Limit,Index Scan');
    await expect(before).toContainText('reads the whole table');
    await expect(after).toContainText('uses an index');
    await expect(after.locator('svg .plan-node')).toHaveCount(2);
    await expect(lab.getByTestId('querylab-speedup')).toHaveText(/^\d[\d,.]*×$/);
    await expectAccessible(page);
  });

  test('should start from the seed data when the SQL box left an index behind', async ({
    page,
  }) => {
    await page.goto('/learn/indexing/');
    const box = await readyLab(page, 3);
    // Its starting script creates an index on (created_at, channel_id), then explains the lookup.
    await box.getByTestId('querylab-sql-explain').click();
    await expect(box.getByTestId('querylab-sql-plan')).toHaveAttribute(
      'data-node-types',
      /Index Scan/,
      { timeout: 60_000 },
    );
    const lookup = await readyLab(page, 0);
    await lookup.getByTestId('querylab-run').click();
    await expect(lookup.getByTestId('querylab-plan-before')).toHaveAttribute(
      'data-node-types',
      'Limit,Sort,Seq Scan',
      { timeout: 60_000 },
    );
  });

  test('should ignore a low-selectivity index and measure the write cost of indexes', async ({
    page,
  }) => {
    await page.goto('/learn/indexing/');
    const low = await readyLab(page, 1);
    await low.getByTestId('querylab-run').click();
    await expect(low.getByTestId('querylab-selectivity-verdict')).toContainText(
      'Postgres ignored the new index; for the deleted-message query',
      { timeout: 60_000 },
    );
    await expect(low.getByTestId('querylab-plan-live')).toHaveAttribute(
      'data-node-types',
      /Seq Scan/,
    );
    await expect(low.getByTestId('querylab-plan-deleted')).toHaveAttribute(
      'data-node-types',
      /Index|Bitmap/,
    );
    const write = await readyLab(page, 2);
    await write.getByTestId('querylab-run').click();
    await expect(write.getByTestId('querylab-write-verdict')).toContainText(
      'Inserting 10,000 rows took',
      { timeout: 90_000 },
    );
  });

  test('should compare no cache, a TTL cache and invalidation on write', async ({ page }) => {
    await page.goto('/learn/caching/');
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-cache-hit-none')).toHaveText('0%', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-cache-hit-ttl')).toHaveText(/^[5-9]\d%$/);
    await expect(lab.getByTestId('querylab-cache-stale-invalidate-on-write')).toHaveText('0');
    const stale = Number(await lab.getByTestId('querylab-cache-stale-ttl').textContent());
    expect(stale).toBeGreaterThan(0);
    await expect(lab.getByTestId('querylab-cache-timeline')).toBeVisible();
    await expectAccessible(page);
  });

  test('should find the sidebar, not search, as the bottleneck, and measure the fix', async ({
    page,
  }) => {
    await page.goto('/learn/measure-before-you-optimize/');
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-apm-bottleneck')).toHaveText('GET /channels', {
      timeout: 60_000,
    });
    await expect(lab.getByTestId('querylab-apm-verdict')).toContainText('made 819 queries');
    await expect(lab.getByTestId('querylab-apm-waterfall')).toContainText('GET /channels');
    await lab.getByTestId('querylab-apm-fix').click();
    await expect(lab.getByTestId('querylab-apm-fixed')).toContainText(
      'make 125 queries (was 819)',
      { timeout: 60_000 },
    );
    await expectAccessible(page);
  });
});

test.describe('lesson text without JavaScript', () => {
  // With JavaScript off, Chromium refuses the page's script files (reported as failed with "csp").
  test.use({
    javaScriptEnabled: false,
    allowedProblems: { patterns: [/^request failed: .*\.js csp$/] },
  });

  test('should show the lesson and the code the lab would run', async ({ page }) => {
    await page.goto('/learn/n-plus-one/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The N+1 query');
    const preview = page.getByTestId('querylab').first();
    await expect(preview).toContainText('Post.findByUserId(user.id)');
    await expect(preview).toContainText('include: [{ model: Post }]');
    await expect(preview.locator('.querylab-noscript')).toBeVisible();
  });
});
