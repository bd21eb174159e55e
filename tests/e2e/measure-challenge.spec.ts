import { expect, expectAccessible, test } from './fixtures';

test('should fail the sidebar challenge for the loop and pass it for one statement', async ({
  page,
}) => {
  // Loading PGlite and replaying the workload twice on a loaded 2-core machine.
  test.setTimeout(180_000);
  await page.goto('/learn/measure-before-you-optimize/');
  const challenge = page.locator('[data-challenge-id="sidebar-cross-zone"]');
  await challenge.scrollIntoViewIfNeeded();
  const verdict = challenge.getByTestId('challenge-feedback');

  // The untouched start: the per-channel loop pays 1 + 2 × channels round trips of 2 ms.
  await challenge.getByTestId('challenge-check').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'fail', { timeout: 90_000 });
  await expect(verdict).toContainText('over the 5 ms budget');
  await expect(verdict).toContainText(/p95 network wait \d{2} ms/);

  await challenge.getByLabel(/One statement/).check();
  await challenge.getByTestId('challenge-check').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'pass', { timeout: 60_000 });
  await expect(verdict).toContainText('p95 network wait 2.0 ms');
  await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');
  await expect(challenge.locator('.challenge-explanation')).toContainText('fewer round trips');
  await expectAccessible(page);
});
