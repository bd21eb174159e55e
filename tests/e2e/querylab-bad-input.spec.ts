import { expect, test } from './fixtures';
import { LAB_READY_MS, readyLab, setCode } from './querylab-helpers';

/**
 * What a curious reader will try: broken SQL, dropping the table, an endless loop, a huge result,
 * and a database that cannot load. Each must end in a clear message and a lab that still works.
 */
const LESSON = '/learn/n-plus-one/';
/** The free SQL box on the N+1 lesson (third lab on the page). */
const SQL_LAB = 2;

test.describe('query lab: bad input', () => {
  test.describe.configure({ timeout: 150_000 });

  test('should show the Postgres syntax error with its position and stay usable', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const lab = await readyLab(page, SQL_LAB);
    await setCode(page, lab, 'SELECT id FROM users\nWHERE id = 1 ORDER BYY id;');
    await lab.getByTestId('querylab-sql-run').click();
    const error = lab.getByTestId('querylab-sql-error');
    await expect(error).toContainText('syntax error at or near "BYY"', { timeout: 30_000 });
    await expect(error).toContainText('line 2, column 20; position 41');
    await setCode(page, lab, 'SELECT id, name FROM users WHERE id = 1;');
    await lab.getByTestId('querylab-sql-run').click();
    await expect(lab.getByTestId('querylab-sql-rowcount')).toContainText('SELECT: 1 row');
    await expect(lab.getByTestId('querylab-sql-error')).toHaveCount(0);
  });

  test('should let DROP TABLE messages work, and Reset bring the table back', async ({ page }) => {
    await page.goto(LESSON);
    const lab = await readyLab(page, SQL_LAB);
    await setCode(page, lab, 'DROP TABLE messages;');
    await lab.getByTestId('querylab-sql-run').click();
    await expect(lab.getByTestId('querylab-sql-rowcount')).toContainText('DROP: done', {
      timeout: 30_000,
    });
    await setCode(page, lab, 'SELECT count(*) FROM messages;');
    await lab.getByTestId('querylab-sql-run').click();
    await expect(lab.getByTestId('querylab-sql-error')).toContainText(
      'relation "messages" does not exist',
    );
    await lab.getByTestId('querylab-reset').click();
    // Reset restores the data and the box's starting SQL.
    await expect(lab.getByTestId('querylab-sql-error')).toHaveCount(0, { timeout: 30_000 });
    await setCode(page, lab, 'SELECT count(*)::int AS n FROM messages;');
    await lab.getByTestId('querylab-sql-run').click();
    await expect(lab.getByTestId('querylab-sql-rows')).toContainText('100000', {
      timeout: 30_000,
    });
  });

  test('should report a scripted lab failing on a dropped table, then recover with Reset', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const sqlBox = await readyLab(page, SQL_LAB);
    await setCode(page, sqlBox, 'DROP TABLE messages;');
    await sqlBox.getByTestId('querylab-sql-run').click();
    await expect(sqlBox.getByTestId('querylab-sql-rowcount')).toContainText('DROP: done', {
      timeout: 30_000,
    });
    const scaling = await readyLab(page, 1);
    await scaling.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await scaling.getByTestId('querylab-run').click();
    await expect(scaling.getByTestId('querylab-call-error')).toContainText(
      'relation "messages" does not exist',
      { timeout: 30_000 },
    );
    await expect(scaling.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready');
    await scaling.getByTestId('querylab-reset').click();
    await expect(scaling.getByTestId('querylab-call-error')).toHaveCount(0, { timeout: 30_000 });
    await scaling.getByTestId('querylab-run').click();
    await expect(scaling.getByTestId('querylab-scaling-table')).toContainText('11 q', {
      timeout: 30_000,
    });
  });

  test('should stop while(true) at the time limit with a clear message and stay usable', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const lab = await readyLab(page, 0);
    await setCode(page, lab, 'while (true) {}', 0);
    await lab.getByTestId('querylab-run').click();
    const error = lab.getByTestId('querylab-error-before');
    // The limit is 5 s plus 2 ms per user on the page: 7 s at the default 1,000 users.
    await expect(error).toContainText('Stopped after 7 s', { timeout: 60_000 });
    await expect(error).toContainText('endless loop');
    // The After code ran on the restarted worker.
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('1', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: LAB_READY_MS,
    });
    await lab.getByTestId('querylab-reset').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveCount(0);
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
  });

  test('should answer a 100,000-row query with the count and the first rows, without freezing', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const lab = await readyLab(page, SQL_LAB);
    await setCode(page, lab, 'SELECT * FROM messages;');
    await lab.getByTestId('querylab-sql-run').click();
    // The page keeps painting while the worker runs the query.
    const frameMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }),
    );
    expect(frameMs).toBeLessThan(1000);
    await expect(lab.getByTestId('querylab-sql-rowcount')).toContainText(
      'SELECT: 100,000 rows (showing the first 50)',
      { timeout: 60_000 },
    );
    await expect(lab.getByTestId('querylab-sql-rows').locator('tbody tr')).toHaveCount(50);
  });
});

test.describe('query lab: database fails to load', () => {
  test.describe.configure({ timeout: 150_000 });
  // The aborted data-dir download is the point of the test; the fixture would flag it.
  test.use({
    allowedProblems: {
      patterns: [/app-[0-9a-f]+\.tar\.gz/, /Failed to load resource/],
    },
  });

  test('should explain the failure, keep the lesson readable and recover with Retry', async ({
    page,
  }) => {
    let block = true;
    await page
      .context()
      .route(/\/generated\/pglite\/app-[0-9a-f]+\.tar\.gz$/, (route) =>
        block ? route.abort('failed') : route.continue(),
      );
    await page.goto(LESSON);
    const lab = page.getByTestId('querylab').first();
    await lab.scrollIntoViewIfNeeded();
    const error = lab.getByTestId('querylab-load-error');
    await expect(error).toContainText('The database could not start', { timeout: LAB_READY_MS });
    await expect(error).toContainText('Could not load');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The N+1 query');
    await expect(
      page.getByRole('heading', { name: 'Where the time goes: database or network?' }),
    ).toBeVisible();
    block = false;
    await error.getByTestId('querylab-retry').click();
    await expect(lab.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: LAB_READY_MS,
    });
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
  });
});
