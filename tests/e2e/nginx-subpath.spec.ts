import { lessons } from '../../content/lessons';
import { expect, test } from './fixtures';
import { startNginx, type NginxServer } from '../../scripts/nginx-server';
import { pagesStored } from './offline-helpers';
import { readyLab } from './querylab-helpers';

/**
 * deploy/nginx-subpath.conf with Debian's nginx, in front of the BASE_PATH=/workbench export (runs
 * in the "subpath" project, which npm test points at that export).
 */
const basePath = process.env.BASE_PATH ?? '';
let nginx: NginxServer;
test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.beforeAll(async () => {
  expect(basePath, 'the nginx-subpath.conf file serves /workbench').toBe('/workbench');
  nginx = await startNginx({
    config: 'nginx-subpath.conf',
    exportDir: process.env.E2E_OUT ?? 'out',
    basePath,
  });
});
test.afterAll(async () => {
  await nginx?.stop();
});

test('should serve every route under the sub-path with the headers, and 404 outside it', async () => {
  for (const route of ['/', ...lessons.map((l) => `/learn/${l.slug}/`)]) {
    const res = await fetch(`${nginx.origin}${basePath}${route}`);
    expect(res.status, route).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  }
  const bare = await fetch(`${nginx.origin}${basePath}`, { redirect: 'manual' });
  expect(bare.status).toBe(301);
  expect(bare.headers.get('location')).toBe(`${basePath}/`);
  const missing = await fetch(`${nginx.origin}${basePath}/no-such-page/`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('This page is not on the journey.');
});

test.describe('in the browser', () => {
  test.use({ serviceWorkers: 'allow' });

  test('should scope the service worker to the sub-path and run the N+1 lab', async ({ page }) => {
    await page.goto(`${nginx.origin}${basePath}/learn/n-plus-one/`);
    await pagesStored(page);
    const scope = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return { scope: reg.scope, script: reg.active?.scriptURL };
    });
    expect(scope).toEqual({
      scope: `${nginx.origin}${basePath}/`,
      script: `${nginx.origin}${basePath}/sw.js`,
    });
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
  });
});
