import { lessons } from '../../content/lessons';
import { pages } from '../../content/pages';
import { expect, test } from './fixtures';
import { startNginx, type NginxServer } from '../../scripts/nginx-server';
import { expectWorksOffline, offlineAllowed } from './offline-helpers';
import { readyLab } from './querylab-helpers';

/**
 * deploy/nginx.conf, as committed, in front of out/ with Debian's nginx: what a host running our
 * config (or the Dockerfile's image) actually sends.
 */
let nginx: NginxServer;
test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.beforeAll(async () => {
  nginx = await startNginx({ config: 'nginx.conf', exportDir: process.env.E2E_OUT ?? 'out' });
});
test.afterAll(async () => {
  await nginx?.stop();
});

const routes = ['/', ...pages.map((p) => p.path), ...lessons.map((l) => `/learn/${l.slug}/`)];
const gzip = { 'accept-encoding': 'gzip' };

/** The asset URLs a page references (scripts, styles), for header checks. */
async function assetsOf(route: string): Promise<string[]> {
  const html = await (await fetch(`${nginx.origin}${route}`)).text();
  return [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
}

test('should send the security headers and short caching with every page', async () => {
  for (const route of routes) {
    const res = await fetch(`${nginx.origin}${route}`, { headers: gzip });
    expect(res.status, route).toBe(200);
    expect(res.headers.get('content-type'), route).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(res.headers.get('cache-control'), route).toBe('no-cache');
    expect(res.headers.get('content-encoding'), route).toBe('gzip');
    expect(await res.text()).toContain('http-equiv="Content-Security-Policy"');
  }
});

test('should cache hashed files for a year and revalidate the service worker and manifests', async () => {
  const assets = await assetsOf('/learn/n-plus-one/');
  expect(assets.length).toBeGreaterThan(3);
  for (const asset of assets) {
    const res = await fetch(`${nginx.origin}${asset}`, { headers: gzip });
    expect(res.status, asset).toBe(200);
    expect(res.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options'), asset).toBe('nosniff');
  }
  const offline = (await (await fetch(`${nginx.origin}/offline.json`)).json()) as {
    labAssets: { path: string }[];
  };
  const wasm = offline.labAssets.find((a) => a.path.endsWith('.wasm'))?.path;
  const dataDir = offline.labAssets.find((a) => a.path.endsWith('.tar.gz'))?.path;
  expect(wasm && dataDir).toBeTruthy();
  const w = await fetch(`${nginx.origin}/${wasm}`, { headers: gzip });
  expect(w.headers.get('content-type')).toBe('application/wasm');
  expect(w.headers.get('content-encoding')).toBe('gzip');
  expect(w.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  await w.arrayBuffer();
  const d = await fetch(`${nginx.origin}/${dataDir}`, { headers: gzip });
  expect(d.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  // Already gzip: sent as is, not compressed twice.
  expect(d.headers.get('content-encoding')).toBeNull();
  await d.arrayBuffer();
  for (const file of ['/sw.js', '/offline.json', '/generated/pglite/manifest.json']) {
    const res = await fetch(`${nginx.origin}${file}`);
    expect(res.status, file).toBe(200);
    expect(res.headers.get('cache-control'), file).toBe('no-cache');
  }
  expect((await fetch(`${nginx.origin}/sw.js`)).headers.get('content-type')).toMatch(
    /^text\/javascript/,
  );
});

test('should redirect to the trailing slash and answer unknown paths with the site’s 404 page', async () => {
  const res = await fetch(`${nginx.origin}/learn/n-plus-one`, { redirect: 'manual' });
  expect(res.status).toBe(301);
  expect(res.headers.get('location')).toBe('/learn/n-plus-one/');
  const missing = await fetch(`${nginx.origin}/no-such-page/`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await missing.text()).toContain('This page is not on the journey.');
});

test.describe('in the browser', () => {
  test.use({ allowedProblems: { patterns: [/HTTP 404: .*\/no-such-page\//, /status of 404/] } });

  test('should show the 404 page for an unknown path', async ({ page }) => {
    const res = await page.goto(`${nginx.origin}/no-such-page/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found-home')).toBeVisible();
  });

  test('should run the N+1 lab through nginx', async ({ page }) => {
    await page.goto(`${nginx.origin}/learn/n-plus-one/`);
    const lab = await readyLab(page, 0);
    await lab.getByTestId('querylab-run').click();
    await expect(lab.getByTestId('querylab-count-before')).toHaveText('1,001', { timeout: 60_000 });
    await expect(lab.getByTestId('querylab-count-after')).toHaveText('1');
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow', allowedProblems: offlineAllowed });

  test('should work offline through nginx after one visit', async ({ page, context }) => {
    await expectWorksOffline(page, context, `${nginx.origin}/`);
  });
});
