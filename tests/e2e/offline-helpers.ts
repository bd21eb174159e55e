import type { BrowserContext, Page } from '@playwright/test';
import { lessons } from '../../content/lessons';
import { pages } from '../../content/pages';
import { expect } from './fixtures';
import { readyLab } from './querylab-helpers';

/**
 * First visit on a loaded 2-core machine: the service worker stores ~3 MB of pages; "Make
 * available offline" then stores ~37 MB of lab assets from localhost.
 */
export const PRECACHE_MS = 60_000;
export const FILL_MS = 120_000;

/**
 * Offline, Next's <Link> checks each linked route with a HEAD request before prefetching it. The
 * service worker answers those from the precache (fetch(url, { method: 'HEAD' }) in the page gets
 * 200), yet Chromium still reports the request as failed and logs a console error. Navigation
 * itself is asserted by every test below, so these two messages are the only ones allowed.
 */
export const offlineAllowed = {
  patterns: [
    /^request failed: \S+\/ net::ERR_INTERNET_DISCONNECTED$/,
    /^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/,
  ],
};

/** The footer's offline control, once the service worker has stored the pages. */
export async function pagesStored(page: Page) {
  const control = page.getByTestId('offline-control');
  await expect(control).toHaveAttribute('data-state', /^(pages|ready)$/, { timeout: PRECACHE_MS });
  return control;
}

/**
 * The whole offline story from a first online visit: pages stored at install, "Make available
 * offline" with progress to "Ready offline", then, with the network off, every page opens (full
 * loads and client-side navigation) and the N+1 lab runs. Routes are relative to `base` (an
 * absolute URL ending in "/", e.g. an nginx origin) or, without it, to the config's baseURL.
 */
export async function expectWorksOffline(
  page: Page,
  context: BrowserContext,
  base?: string,
): Promise<void> {
  const go = (route: string) => page.goto(base ? new URL(route, base).href : route);
  await go('./');
  const control = await pagesStored(page);
  const fill = control.getByTestId('offline-fill');
  await expect(fill).toHaveText(/^Make available offline \(≈ \d+\.\d MB\)$/);
  await fill.click();
  await expect(control).toHaveAttribute('data-state', 'ready', { timeout: FILL_MS });
  await expect(control.getByTestId('offline-ready')).toContainText(/Ready offline.*MB stored/);

  await context.setOffline(true);
  try {
    for (const route of ['', ...pages.map((p) => p.path.slice(1))]) {
      await go(`./${route}`);
      await expect(page.locator('h1')).toHaveCount(1);
    }
    for (const lesson of lessons) {
      await go(`./learn/${lesson.slug}/`);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByTestId('offline-ready')).toBeVisible();
    }
    // Client-side navigation fetches the RSC payload (?_rsc=…), served from the precache too.
    await go('./');
    await page.getByTestId('lesson-card').first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/learn/${lessons[0].slug}/$`));
    await expect(page.locator('h1')).toHaveCount(1);

    await go('./learn/n-plus-one/');
    const lab = await readyLab(page, 0);
    await expect(lab.getByTestId('code-editor').first()).toHaveAttribute(
      'data-editor-state',
      'monaco',
      { timeout: 30_000 },
    );
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('1');
  } finally {
    await context.setOffline(false);
  }
}
