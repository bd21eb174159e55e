import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** PGlite start on a loaded 2-core machine: download, compile, open (stack-facts: 2–3 s idle). */
export const LAB_READY_MS = 45_000;

/** The nth lab of the page (0-based), scrolled into view and with its database ready. */
export async function readyLab(page: Page, index = 0): Promise<Locator> {
  const lab = page.getByTestId('querylab').nth(index);
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByTestId('querylab-status')).toHaveAttribute('data-state', 'ready', {
    timeout: LAB_READY_MS,
  });
  return lab;
}

/** Replaces the content of the nth code editor of a lab (Monaco once loaded, else the fallback). */
export async function setCode(page: Page, lab: Locator, code: string, index = 0): Promise<void> {
  const editor = lab.getByTestId('code-editor').nth(index);
  await expect(editor).toHaveAttribute('data-editor-state', /monaco|fallback/, {
    timeout: 30_000,
  });
  if ((await editor.getAttribute('data-editor-state')) === 'fallback') {
    await editor.locator('textarea').fill(code);
    return;
  }
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText bypasses Monaco's auto-closing of brackets and quotes.
  await page.keyboard.insertText(code);
}
