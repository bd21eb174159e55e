import { expect, test } from './fixtures';

const lesson = '/learn/start-simple-scale-smart/';

test('should check a numeric answer, explain it and remember completion', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="n-plus-one-load-5k"]');
  const input = challenge.getByTestId('challenge-input');
  const feedback = challenge.getByTestId('challenge-feedback');

  await input.fill('lots');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('Enter a number');

  await input.fill('5000');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('too low');
  await expect(challenge.getByText('10,500 queries/s')).toHaveCount(0);

  await input.fill('10,500');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('Correct');
  await expect(challenge.locator('.challenge-explanation')).toContainText('500 requests/s');
  await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');

  await page.reload();
  await expect(
    page.locator('[data-challenge-id="n-plus-one-load-5k"]').getByTestId('challenge-done'),
  ).toHaveText('✓ Solved');
});

test('should mark a wrong choice, then accept the right one', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="first-bottleneck"]');
  await challenge.getByLabel('Split the monolith into microservices').check();
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('Not quite');
  await expect(challenge.getByTestId('challenge-reveal')).toBeVisible();

  await challenge.getByLabel(/replace its per-row queries with a JOIN/).check();
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('Correct');
  await expect(challenge.locator('.challenge-explanation')).toContainText('21 queries per request');
});

test('should reveal the answer on request and record it as seen, not solved', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="app-server-crossing"]');
  await challenge.getByTestId('challenge-input').fill('1000');
  await challenge.getByTestId('challenge-check').click();
  await challenge.getByTestId('challenge-reveal').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('20,000 users');
  await expect(challenge.getByTestId('challenge-done')).toHaveText('Answer seen');
});

test('should ignore corrupt stored progress instead of crashing', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      'sw:challenges',
      '{"version":1,"entries":{"n-plus-one-load-5k":{"status":42}}',
    );
  });
  await page.goto(lesson);
  await expect(page.getByTestId('challenge')).toHaveCount(3);
  await expect(page.getByTestId('challenge-done')).toHaveCount(0);
});
