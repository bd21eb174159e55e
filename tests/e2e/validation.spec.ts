import { expect, expectAccessible, test } from './fixtures';

const route = '/validation/';

test.describe('/validation/', () => {
  test('should show every case with its theory value before running, a CSP and no accessibility violations', async ({
    page,
  }) => {
    await page.goto(route);
    await expect(page.locator('h1')).toHaveCount(1);
    const rows = page.getByTestId('validation-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    // M/M/1 at λ = 0.5, μ = 1: Wq = ρ/(μ − λ) = 1 s, rendered at build time.
    const mm1 = page.locator('[data-case-id="mm1-wait-50"]');
    expect(Number(await mm1.getAttribute('data-theory'))).toBeCloseTo(1, 10);
    await expect(mm1).toHaveAttribute('data-state', 'pending');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("worker-src 'self'");
    await expect(page.getByRole('heading', { name: /how it is computed/i })).toBeVisible();
    await expectAccessible(page);
    // On a phone the table scrolls sideways; the scroll region must be reachable by keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
  });

  test('should reject a seed that is not a whole number', async ({ page }) => {
    await page.goto(route);
    await page.getByLabel('Seed').fill('1.5');
    await page.getByTestId('validation-run').click();
    await expect(page.getByText('Use a whole number')).toBeVisible();
    await expect(page.getByTestId('validation-status')).toHaveAttribute('data-state', 'idle');
  });

  test('should fill the table live from the worker, stay responsive, and agree with theory', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto(route);
    const rows = page.getByTestId('validation-row');
    const total = await rows.count();
    await page.getByTestId('validation-run').click();
    const status = page.getByTestId('validation-status');
    await expect(status).toHaveAttribute('data-state', 'running');

    // Live: the first result arrives while later cases are still pending.
    await expect(
      page.locator('[data-testid="validation-row"][data-state="done"]').first(),
    ).toBeVisible({ timeout: 60_000 });
    expect(
      await page.locator('[data-testid="validation-row"][data-state="pending"]').count(),
    ).toBeGreaterThan(0);

    // Responsive: while the worker computes, a zero-delay timer on the page fires promptly.
    const lagMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          setTimeout(() => resolve(performance.now() - start), 0);
        }),
    );
    expect(lagMs).toBeLessThan(200);
    await expect(status).toHaveAttribute('data-state', 'running');

    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
    await expect(page.locator('[data-testid="validation-row"][data-state="done"]')).toHaveCount(
      total,
    );

    // M/M/1, ρ = 0.5: the simulated mean wait agrees with Wq = 1 s within its interval (two
    // half-widths ≈ four standard errors) and within 3%.
    const mm1 = page.locator('[data-case-id="mm1-wait-50"]');
    const theory = Number(await mm1.getAttribute('data-theory'));
    const simulated = Number(await mm1.getAttribute('data-simulated'));
    const halfWidth = Number(await mm1.getAttribute('data-half-width'));
    expect(halfWidth).toBeGreaterThan(0);
    expect(Math.abs(simulated - theory)).toBeLessThanOrEqual(2 * halfWidth);
    expect(Math.abs(simulated / theory - 1)).toBeLessThan(0.03);

    // No case disagrees beyond two half-widths.
    expect(
      await page.locator('[data-testid="validation-row"][data-verdict="outside"]').count(),
    ).toBe(0);
    await expect(status).toContainText(`Done: ${total} cases`);
  });
});
