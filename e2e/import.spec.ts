import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, expect, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

test.describe('importing an article', () => {
  test('an editor pastes an article with RTL text and emoji, then marks a claim in it', async ({ page, article }) => {
    await signIn(page, 'editor');
    await page.getByRole('button', { name: 'New article' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an article' });
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(dialog.getByText('Title is required.')).toBeVisible();
    // Checked in the browser with the server's schema: each error beside its field, wired for screen readers.
    const titleField = dialog.getByLabel('Title');
    await expect(titleField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await titleField.getAttribute('aria-describedby')}`)).toHaveText('Title is required.');
    await expect(dialog.getByLabel('Article text')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('Paste or upload the article text.')).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-field-errors.png') });

    const title = `Pasted story ${Date.now()}`;
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Outlet').fill('BBC Persian');
    await dialog.getByLabel('Language').fill('fa');
    await dialog.getByLabel('Article text').fill('رئیس‌جمهور گفت تورم به ۱۰ درصد رسید 📈.\n\nمنتقدان این رقم را رد کردند.');
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(article.text).toHaveAttribute('lang', 'fa');

    const quote = 'تورم به ۱۰ درصد رسید 📈';
    const claimId = await article.markClaim(quote);
    await article.expectHighlighted(claimId, quote);
    await expect(page.getByTestId('claim-quote')).toHaveText(quote);
  });

  test('an editor uploads a text file; a binary file is refused with a clear message', async ({ page }) => {
    await signIn(page, 'editor');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-'));
    const binary = path.join(dir, 'photo.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const good = path.join(dir, 'council-budget.txt');
    fs.writeFileSync(good, 'The council said the budget grew by 12 percent.\n\nThe mayor disputed the number.\n');

    await page.getByRole('button', { name: 'New article' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an article' });
    await page.getByTestId('article-file').setInputFiles(binary);
    await expect(dialog.getByText('That file is not plain text. Upload a .txt or .md file.')).toBeVisible();
    await page.getByTestId('article-file').setInputFiles(good);
    await expect(dialog.getByLabel('Title')).toHaveValue('council-budget');
    await expect(dialog.getByLabel('Article text')).toHaveValue(/budget grew by 12 percent/);
    await dialog.getByRole('button', { name: 'Import article' }).click();
    const article = new ArticlePage(page);
    await expect(article.text).toContainText('The council said the budget grew by 12 percent.');
    await expect(article.text.locator('p')).toHaveCount(2);
  });

  test('reviewers and viewers cannot import', async ({ page }) => {
    await signIn(page, 'reviewer');
    await expect(page.getByRole('button', { name: 'New article' })).toHaveCount(0);
    const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string }> };
    const response = await page.request.post('/api/articles', { data: { workspaceId: workspaces[0]!.id, title: 'x', text: 'y' } });
    expect(response.status()).toBe(403);
  });
});
