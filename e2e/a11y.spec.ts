import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test.describe('accessibility', () => {
  test('sign-in page', async ({ page }) => {
    await page.goto('/sign-in');
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in.png') });
  });

  test('article list', async ({ page }) => {
    await signIn(page, 'reviewer');
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-list.png') });
  });

  test('article page, list and claim panel', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    const article = new ArticlePage(page);
    await article.open(id);
    await expectNoSeriousViolations(page);
    await article.listItems().first().click();
    await expect(page.getByTestId('claim-detail')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('claim tabs (discussion, verdicts, history) and My queue', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    const article = new ArticlePage(page);
    await article.open(id);
    await article.listItems().first().click();
    for (const tab of ['Discussion', 'Verdicts', 'History'] as const) {
      await page.getByTestId('claim-detail').getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      await expectNoSeriousViolations(page);
    }
    await page.goto('/queue');
    await expect(page.getByRole('heading', { name: 'My queue' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('? opens the keyboard shortcut sheet; Esc closes it', async ({ page }) => {
    await signIn(page, 'reviewer');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    // The button is enabled once the page has hydrated, and with it the `?` listener.
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Mark the selected text as a claim');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });

  test('every list action is reachable by keyboard', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await new ArticlePage(page).open(id);
    const first = page.getByTestId('claim-list-item').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('claim-detail')).toBeVisible();
  });
});
