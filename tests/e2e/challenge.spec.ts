import { expect, test } from './fixtures';

const lesson = '/learn/start-simple-scale-smart/';

test('should check a numeric answer, explain it and remember completion', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="sidebar-queries-5k"]');
  const input = challenge.getByTestId('challenge-input');
  const feedback = challenge.getByTestId('challenge-feedback');

  await input.fill('lots');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('Enter a number');

  await input.fill('1900');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('too low');
  await expect(challenge.getByText('3,800 queries/s')).toHaveCount(0);

  await input.fill('3.8k');
  await challenge.getByTestId('challenge-check').click();
  await expect(feedback).toContainText('Correct');
  await expect(challenge.locator('.challenge-explanation')).toContainText('500 requests/s');
  await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');

  await page.reload();
  await expect(
    page.locator('[data-challenge-id="sidebar-queries-5k"]').getByTestId('challenge-done'),
  ).toHaveText('✓ Solved');
});

test('should explain why a wrong choice is wrong, then accept the right one', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="first-bottleneck"]');
  await challenge.getByLabel('Split the monolith into microservices').check();
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText(
    'Not quite: services split the code, not the load',
  );
  await expect(challenge.getByTestId('challenge-reveal')).toBeVisible();

  await challenge.getByLabel(/replace its per-row queries with one statement/).check();
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('Correct');
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('21 queries per request');
});

test('should reveal the answer on request and record it as seen, not solved', async ({ page }) => {
  await page.goto(lesson);
  const challenge = page.locator('[data-challenge-id="first-bottleneck"]');
  await challenge.getByLabel('Shard the messages table across four databases').check();
  await challenge.getByTestId('challenge-check').click();
  await challenge.getByTestId('challenge-reveal').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText(
    'replace its per-row queries with one statement',
  );
  await expect(challenge.getByTestId('challenge-done')).toHaveText('Answer seen');
});

test('should ignore corrupt stored progress instead of crashing', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      'sw:challenges',
      '{"version":1,"entries":{"sidebar-queries-5k":{"status":42}}',
    );
  });
  await page.goto(lesson);
  await expect(page.getByTestId('challenge')).toHaveCount(2);
  await expect(page.getByTestId('checked-challenge')).toHaveCount(1);
  await expect(page.getByTestId('challenge-done')).toHaveCount(0);
});
