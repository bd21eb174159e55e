import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every end-to-end test uses this `page`: it fails the test on any console error, uncaught page
 * error, failed request, HTTP error response, or request to an origin other than localhost.
 * A test that expects one of these (the 404 page's own status) lists it in `allowedProblems`.
 */
export interface PageProblems {
  problems: string[];
}

/** Wrapped in an object: Playwright reads a bare array in test.use() as [value, options]. */
export interface AllowedProblems {
  patterns: RegExp[];
}

export const test = base.extend<{ allowedProblems: AllowedProblems; guard: PageProblems }>({
  allowedProblems: [{ patterns: [] }, { option: true }],
  guard: [
    async ({ page, allowedProblems }, use) => {
      const problems: string[] = [];
      const record = (message: string) => {
        if (!allowedProblems.patterns.some((re) => re.test(message))) problems.push(message);
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') record(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => record(`page error: ${err.message}`));
      page.on('requestfailed', (req) => {
        // Navigations away from a page abort its pending requests; that is not a failure.
        if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
        record(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) record(`HTTP ${res.status()}: ${res.url()}`);
      });
      page.on('request', (req) => {
        const url = new URL(req.url());
        const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
        if (!local && !['data:', 'blob:'].includes(url.protocol)) {
          record(`request leaving localhost: ${req.url()}`);
        }
      });
      await use({ problems });
      expect(problems, 'console errors, page errors, failed or external requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, 'serious or critical accessibility violations').toEqual([]);
}
