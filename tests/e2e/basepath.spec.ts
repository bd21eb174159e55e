import { lessons } from '../../content/lessons';
import { expect, test } from './fixtures';

/**
 * Runs only in the "subpath" project (npm test builds a second export with BASE_PATH=/workbench):
 * the site must work when a host serves it under a sub-path. Routes here are relative to baseURL.
 */
const basePath = process.env.BASE_PATH ?? '';

test('should serve the home page and every asset under the sub-path', async ({ page }) => {
  expect(basePath, 'this spec runs with BASE_PATH set').toMatch(/^\/.+/);
  await page.goto('./');
  await expect(page.getByTestId('lesson-card').first()).toBeVisible();
  const urls = await page.evaluate(() =>
    // Everything the page fetches; Next's same-origin <link rel="preconnect" href="/"> fetches nothing.
    [...document.querySelectorAll('script[src], link[href]:not([rel="preconnect"])')].map(
      (el) => (el as HTMLScriptElement).src || (el as HTMLLinkElement).href,
    ),
  );
  for (const url of urls) expect(new URL(url).pathname.startsWith(`${basePath}/`), url).toBe(true);
  await page.getByTestId('lesson-card').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${basePath}/learn/${lessons[0].slug}/$`));
});

test('should load every lesson and its lazy parts under the sub-path without a failed request', async ({
  page,
}) => {
  for (const lesson of lessons) {
    await page.goto(`./learn/${lesson.slug}/`);
    await expect(page.locator('h1')).toHaveCount(1);
    // Scroll through the page so lazy widgets (PGlite, Monaco, simulator) fetch their assets.
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 700) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(100);
    }
    await page.waitForLoadState('networkidle');
  }
});
