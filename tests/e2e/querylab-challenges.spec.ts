import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { LAB_READY_MS, readyLab, setCode } from './querylab-helpers';

/**
 * The lab-checked challenges of lessons 3–5, each both ways: the untouched starting input fails,
 * a reference answer passes. Also the N+1 lab's batched and Promise.all variants and the stampede.
 */
test.describe('query lab challenges and new strategies', () => {
  test.describe.configure({ timeout: 180_000 });

  /** The challenge's lab mount, scrolled into view, its Check button enabled (database ready). */
  async function readyChallenge(page: Page, id: string): Promise<Locator> {
    // One checked challenge per lesson: its mount (the static preview) loads the live lab near the
    // viewport, and only then does the challenge itself exist.
    const mount = page.locator('[data-testid="querylab"][data-lab="challenge"]');
    await mount.scrollIntoViewIfNeeded();
    const challenge = mount.locator(`[data-challenge-id="${id}"]`);
    await expect(challenge.getByTestId('challenge-check')).toBeEnabled({ timeout: LAB_READY_MS });
    return challenge;
  }

  async function check(challenge: Locator, verdict: 'pass' | 'fail'): Promise<void> {
    await challenge.getByTestId('challenge-check').click();
    await expect(challenge.getByTestId('challenge-feedback')).toHaveAttribute(
      'data-verdict',
      verdict,
      { timeout: 90_000 },
    );
  }

  test('should fail the N+1 start and pass a batched rewrite in 2 queries', async ({ page }) => {
    await page.goto('/learn/n-plus-one/');
    const challenge = await readyChallenge(page, 'n-plus-one-rewrite');
    await check(challenge, 'fail');
    await expect(challenge.getByTestId('challenge-feedback')).toContainText('1,001 queries');
    await setCode(
      page,
      challenge,
      [
        'const users = await User.findAll();',
        'const posts = await Post.findByUserIds(users.map((u) => u.id));',
        'const byId = new Map(users.map((u) => [u.id, u]));',
        'for (const user of users) user.posts = [];',
        'for (const post of posts) byId.get(post.userId).posts.push(post);',
      ].join('\n'),
    );
    await check(challenge, 'pass');
    await expect(challenge.getByTestId('challenge-feedback')).toContainText('2 queries');
    await expectAccessible(page);
  });

  test('should fail the index challenge without an index and pass with (user_id, created_at)', async ({
    page,
  }) => {
    await page.goto('/learn/indexing/');
    const challenge = await readyChallenge(page, 'indexing-profile-index');
    await check(challenge, 'fail');
    await expect(challenge.getByTestId('challenge-feedback')).toContainText('whole table');
    await setCode(page, challenge, 'CREATE INDEX ON messages (user_id, created_at DESC)');
    await check(challenge, 'pass');
    await expect(challenge.getByTestId('challenge-feedback')).toContainText('Index Scan');
  });

  test('should fail the starting TTL and pass a TTL inside the window', async ({ page }) => {
    await page.goto('/learn/caching/');
    const challenge = await readyChallenge(page, 'caching-ttl-window');
    await expect(challenge.getByTestId('challenge-ttl-input')).toHaveValue('1');
    await check(challenge, 'fail');
    await expect(challenge.getByTestId('challenge-feedback')).toContainText('floor');
    await challenge.getByTestId('challenge-ttl-input').fill('6');
    await check(challenge, 'pass');
    await expectAccessible(page);
  });

  test('should load the same data in 2 queries batched, and overlap queries with Promise.all', async ({
    page,
  }) => {
    await page.goto('/learn/n-plus-one/');
    const lab = await readyLab(page, 0);
    // 10 users: the point is the query counts and the pool, not a long Before run.
    await lab.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await expect(lab.getByTestId('querylab-users')).toHaveText('10');
    await lab.getByRole('button', { name: 'Try batched: 2 queries' }).click();
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('2', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-verdict')).toContainText('Same result both ways');
    await lab.getByRole('button', { name: 'Try Promise.all' }).click();
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-after-concurrent')).toContainText(
      'up to 10 pool connections',
      { timeout: 60_000 },
    );
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('11');
  });

  test('should send more queries to Postgres after a flush without coalescing', async ({
    page,
  }) => {
    await page.goto('/learn/caching/');
    const stampede = page.locator('[data-lab="stampede"]');
    await stampede.scrollIntoViewIfNeeded();
    await expect(stampede.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
      timeout: LAB_READY_MS,
    });
    await stampede.getByTestId('querylab-run').click();
    await expect(stampede.getByTestId('querylab-stampede-queries-warm')).toHaveText('0', {
      timeout: 60_000,
    });
    const flushed = Number(
      (await stampede.getByTestId('querylab-stampede-queries-flush').innerText()).replace(/,/g, ''),
    );
    const coalesced = Number(
      await stampede.getByTestId('querylab-stampede-queries-flush-coalesced').innerText(),
    );
    expect(coalesced).toBeLessThanOrEqual(20);
    expect(flushed).toBeGreaterThan(coalesced);
  });
});
