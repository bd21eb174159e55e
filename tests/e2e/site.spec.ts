import { lessons } from '../../content/lessons';
import { pages } from '../../content/pages';
import { expect, expectAccessible, test } from './fixtures';

const lessonRoutes = lessons.map((l) => `/learn/${l.slug}/`);

test.describe('every route', () => {
  for (const route of ['/', ...pages.map((p) => p.path), ...lessonRoutes]) {
    test(`should render ${route} with a heading, a CSP and no accessibility violations`, async ({
      page,
    }) => {
      await page.goto(route);
      await expect(page.locator('h1')).toHaveCount(1);
      const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
      await expect(meta).toHaveCount(1);
      const csp = await meta.getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'wasm-unsafe-eval'/);
      await expectAccessible(page);
    });
  }
});

test.describe('404 page', () => {
  test.use({ allowedProblems: { patterns: [/HTTP 404: .*\/no-such-page\//, /status of 404/] } });

  test('should answer unknown paths with a 404 page that links home', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('not on the journey');
    await expectAccessible(page);
    await page.getByTestId('not-found-home').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('lesson-card').first()).toBeVisible();
  });
});

test.describe('navigation', () => {
  test('should list every lesson on the home page and open it from its card', async ({ page }) => {
    await page.goto('/');
    const cards = page.getByTestId('lesson-card');
    await expect(cards).toHaveCount(lessons.length);
    await cards.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/learn/${lessons[0].slug}/$`));
    await expect(page.getByTestId('phase-badge').first()).toBeVisible();
  });

  test('should walk the lessons with next links and come back with previous links', async ({
    page,
  }) => {
    await page.goto(lessonRoutes[0]);
    for (let i = 1; i < lessons.length; i++) {
      await page.getByTestId('next-lesson').click();
      await expect(page).toHaveURL(new RegExp(`${lessonRoutes[i]}$`));
    }
    await page.getByTestId('next-lesson').click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto(lessonRoutes[lessons.length - 1]);
    for (let i = lessons.length - 2; i >= 0; i--) {
      await page.getByTestId('prev-lesson').click();
      await expect(page).toHaveURL(new RegExp(`${lessonRoutes[i]}$`));
    }
  });

  test('should jump to a section from the table of contents', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(lessonRoutes[0]);
    const link = page.locator('.lesson-aside .toc a').nth(1);
    const target = (await link.getAttribute('href'))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
  });

  test('should reach the main content with the skip link from the keyboard', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe('theme', () => {
  test('should follow the system and remember the toggle across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const light = await background();
    expect(light).not.toBe(dark);
    await page.goto(lessonRoutes[0]);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe(light);
  });

  test('should ignore a corrupt stored theme', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sw:theme', '{"oops":'));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Switch to dark theme');
  });
});

test('should show the same page at a phone width without horizontal scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const route of ['/', ...pages.map((p) => p.path), ...lessonRoutes]) {
    await page.goto(route);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
    const toggle = await page.getByTestId('theme-toggle').boundingBox();
    expect(toggle && toggle.x + toggle.width, `${route}: theme toggle cut off`).toBeLessThanOrEqual(
      360,
    );
  }
});
