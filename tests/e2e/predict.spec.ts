import { expect, expectAccessible, test } from './fixtures';
import { readyLab } from './querylab-helpers';

/** A lab run on a loaded 2-core machine (tests/e2e/querylab.spec.ts waits as long). */
const LAB_RUN_MS = 60_000;

test.describe.configure({ timeout: 150_000 });

const harness = 'dev/predict/';

test('should lock a guess, then show it next to the measured result, and remember both', async ({
  page,
}) => {
  await page.goto(harness);
  const choice = page.locator('[data-predict-id="harness-bottleneck"]');
  const share = page.locator('[data-predict-id="harness-bottleneck-share"]');

  await choice.getByTestId('predict-lock').click();
  await expect(choice.getByTestId('predict-feedback')).toContainText('Pick one answer first');
  await choice.getByLabel('GET /inbox').check();
  await choice.getByTestId('predict-lock').click();
  await expect(choice.getByTestId('predict-guess')).toHaveText('GET /inbox');
  await expect(choice.getByTestId('predict-result')).toContainText('not yet');

  await share.getByTestId('predict-input').fill('a lot');
  await share.getByTestId('predict-lock').click();
  await expect(share.getByTestId('predict-feedback')).toContainText('Enter a number');
  await share.getByTestId('predict-input').fill('30%');
  await share.getByTestId('predict-lock').click();
  await expect(share.getByTestId('predict-guess')).toHaveText('30%');
  await expectAccessible(page);

  await (await readyLab(page)).getByTestId('querylab-run').click();
  await expect(page.getByTestId('querylab-apm-bottleneck')).toHaveText('GET /channels', {
    timeout: LAB_RUN_MS,
  });
  await expect(choice.getByTestId('predict-result')).toHaveText('GET /channels');
  await expect(choice.getByTestId('predict-verdict')).toBeVisible();
  await expect(share.getByTestId('predict-result')).toHaveText(/^\d+%$/);

  await page.reload();
  await expect(choice.getByTestId('predict-guess')).toHaveText('GET /inbox');
  await expect(choice.getByTestId('predict-result')).toHaveText('GET /channels');
  await expect(choice.getByText('Measured (your last run)')).toBeVisible();
});

test('should mark a guess made after the experiment ran as late', async ({ page }) => {
  await page.goto(harness);
  await (await readyLab(page)).getByTestId('querylab-run').click();
  await expect(page.getByTestId('querylab-apm-bottleneck')).toHaveText('GET /channels', {
    timeout: LAB_RUN_MS,
  });
  const choice = page.locator('[data-predict-id="harness-bottleneck"]');
  await choice.getByLabel('GET /channels', { exact: true }).check();
  await choice.getByTestId('predict-lock').click();
  await expect(choice.getByTestId('predict-verdict')).toContainText('Your pick matches');
  await expect(choice).toContainText('after the fact');
});
