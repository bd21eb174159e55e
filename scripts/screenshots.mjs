#!/usr/bin/env node
// Takes full-page screenshots of routes in light and dark themes at phone and desktop widths, for
// looking at the site as a reader does. Usage: node scripts/screenshots.mjs [baseUrl] [outDir] [route…]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [base = 'http://127.0.0.1:8080', outDir = 'test-results/screens', ...routes] =
  process.argv.slice(2);
const paths = routes.length ? routes : ['/'];
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const scheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    for (const route of paths) {
      await page.goto(base + route, { waitUntil: 'networkidle' });
      const name = `${route.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${scheme}-${width}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      console.log(`${outDir}/${name}`);
    }
    await page.close();
  }
}
await browser.close();
