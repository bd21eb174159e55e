import { expect, expectAccessible, test } from './fixtures';

const lesson = '/learn/start-simple-scale-smart/';

test('should let the reader predict, then reveal the crossings and follow the sliders', async ({
  page,
}) => {
  await page.goto(lesson);
  const chart = page.getByTestId('bottleneck-chart');
  await expect(chart.getByTestId('crossing-app')).toHaveCount(0);
  await expect(chart.getByTestId('legend-app')).not.toContainText('full at');

  // A guess needs a tier and a number; a bad number gets a message and changes nothing.
  await chart.getByRole('radio', { name: 'Postgres primary, reads + writes' }).check();
  await chart.getByTestId('model-guess-users').fill('lots');
  await chart.getByTestId('model-reveal').click();
  await expect(chart.getByRole('alert')).toContainText('Enter a number of users');
  await expect(chart.getByTestId('crossing-app')).toHaveCount(0);

  await chart.getByTestId('model-guess-users').fill('10k');
  await chart.getByTestId('model-reveal').click();
  await expect(chart.getByTestId('model-predict-result')).toContainText(
    'one app server fills first, at 20K users: the other tier',
  );
  await expect(chart.getByTestId('crossing-app')).toHaveCount(1);
  await expect(chart.getByTestId('legend-primary')).toContainText('full at 24K users');
  await expect(chart.getByTestId('legend-writes')).toContainText('full at 344K users');

  // The sidebar rewritten as one statement: the primary lasts to ~51K users.
  const queries = chart.getByTestId('model-queries');
  await queries.focus();
  await queries.press('Home');
  await expect(chart.getByTestId('legend-primary')).toContainText('full at 51K users');
  // A bigger primary moves it again; writes are untouched by the cache.
  await chart.getByRole('radio', { name: '8 vCPU' }).check();
  await expect(chart.getByTestId('legend-primary')).toContainText('full at 206K users');
  const cache = chart.getByTestId('model-cache');
  await cache.focus();
  await cache.press('End');
  await expect(chart.getByTestId('legend-writes')).toContainText('full at 1.4M users');
  await expect(chart.getByTestId('model-readout')).toContainText('At 10K users');
  await expectAccessible(page);
});

test('should draw the theory curve and the engine at the chosen utilization', async ({ page }) => {
  await page.goto(lesson);
  const curve = page.getByTestId('latency-curve');
  const readout = curve.getByTestId('latency-readout');
  await expect(readout).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(readout).toContainText('At 70% busy on 2 vCPU: theory p99 6.8 ms');
  await expect(readout).toContainText('The engine, 100,000 requests');
  await expect(curve.getByTestId('latency-engine-mark')).toHaveCount(1);

  const rho = curve.getByTestId('latency-rho');
  await rho.focus();
  for (let i = 0; i < 20; i++) await rho.press('ArrowRight');
  await expect(readout).toContainText('At 90% busy on 2 vCPU: theory p99 19.1 ms');
  await expect(readout).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  // Seed 1 with 900,000 requests: within 10% of Erlang C (correlated waits near saturation).
  const text = (await readout.textContent()) ?? '';
  const engineP99 = Number(/engine.*?p99 ([\d.]+) ms/.exec(text)?.[1]);
  expect(engineP99).toBeGreaterThan(19.13 * 0.9);
  expect(engineP99).toBeLessThan(19.13 * 1.1);
});

test('should fail the vCPU challenge at its start and pass it with the fewest vCPUs', async ({
  page,
}) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="fewest-vcpus-p99"]');
  const verdict = challenge.getByTestId('challenge-feedback');
  const input = challenge.getByTestId('servers-input');

  await challenge.getByTestId('challenge-check').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'fail', { timeout: 30_000 });
  await expect(verdict).toContainText('grows without end');

  await input.focus();
  for (let i = 0; i < 3; i++) await input.press('ArrowRight');
  await challenge.getByTestId('challenge-check').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'fail', { timeout: 30_000 });
  await expect(verdict).toContainText('Find the fewest');

  await input.press('ArrowLeft');
  await challenge.getByTestId('challenge-check').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'pass', { timeout: 30_000 });
  await expect(verdict).toContainText('with 3 vCPU');
  await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');
  await expect(challenge.locator('.challenge-explanation')).toContainText('61%');

  await page.reload();
  await expect(
    page.locator('[data-challenge-id="fewest-vcpus-p99"]').getByTestId('challenge-done'),
  ).toHaveText('✓ Solved');
  await expectAccessible(page);
});
