import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, pageAs, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * Issue 13 item 4: editing an article's details after import, and the trash (delete → restore).
 * The tests run in order on one server: the article imported first is edited, then trashed.
 */

const TEXT = ['The mayor said the parks budget doubled to 4 million this year.', 'Critics replied that half of it was promised in 2023 already.'].join('\n\n');
const QUOTE = 'the parks budget doubled to 4 million';
/** The published demo fact-check (db/seed/city-budget.ts). */
const PUBLISHED_TITLE = 'Riverton council approves $412 million budget';

// Several sign-ins (argon2) and two workbenches per test on a shared, busy machine: no timing is asserted.
test.describe.configure({ timeout: 240_000 });

let articleId = '';
const stamp = Date.now();
const originalTitle = `Parks budget story ${stamp}`;
const newTitle = `Mayor doubles parks budget ${stamp}`;

/** ArticlePage.open with room for a slow machine (the editor's code loads after the page). */
async function openArticle(page: Page, id: string): Promise<ArticlePage> {
  const article = new ArticlePage(page);
  await page.goto(`/articles/${id}`);
  await expect(article.text).toBeVisible({ timeout: 60_000 });
  return article;
}

async function publishedArticleId(page: Page): Promise<string> {
  await page.goto('/articles');
  const href = await page.getByRole('link', { name: new RegExp(PUBLISHED_TITLE.replace(/[$.]/g, '\\$&')) }).getAttribute('href');
  return href!.split('/').pop()!;
}

test('an editor edits the details: the header (also in a colleague’s open workbench), the articles list and the history show it', async ({ page, browser }) => {
  await signIn(page, 'editor');
  articleId = await importArticle(page, originalTitle, TEXT);
  const article = await openArticle(page, articleId);
  await article.markClaim(QUOTE);

  // A colleague has the article open: the live event refreshes their header.
  const owner = await pageAs(browser, 'owner');
  await openArticle(owner, articleId);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText(originalTitle);

  await page.getByTestId('article-details-button').click();
  const dialog = page.getByTestId('article-details-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue(originalTitle);
  await dialog.getByLabel('Title').fill(newTitle);
  await dialog.getByLabel('Outlet').fill('Riverton Gazette');
  await dialog.getByLabel('Author (byline)').fill('Sam Writer');
  // Bad input is refused next to its field, nothing saved.
  await dialog.getByLabel('Language').fill('English');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('Use a language code like en or fa.')).toBeVisible();
  await dialog.getByLabel('Language').fill('en');
  await expect(dialog.getByTestId('article-history')).toContainText('created the article');
  await page.screenshot({ path: path.join(ARTIFACTS, 'article-details-dialog.png') });
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${articleId}`) && r.request().method() === 'PATCH');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  expect((await saved).status()).toBe(200);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Details saved.' })).toBeVisible();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expect(page.getByTestId('article-bar')).toContainText('Riverton Gazette');
  await expect(page.getByText('By Sam Writer')).toBeVisible();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expect(owner.getByTestId('article-bar')).toContainText('Riverton Gazette');
  await owner.context().close();

  // The history lists the change (before → after of the fields changed only).
  await page.getByTestId('article-details-button').click();
  const history = page.getByTestId('article-details-dialog').getByTestId('article-history');
  await expect(history).toContainText(`Tom Becker changed the title from “${originalTitle}” to “${newTitle}”`);
  await expect(history).toContainText('Riverton Gazette');
  await page.keyboard.press('Escape');

  // The public address did not change; the articles list shows the new title and outlet.
  const { article: details } = (await (await page.request.get(`/api/articles/${articleId}?fields=details`)).json()) as { article: { slug: string } };
  expect(details.slug).toBe(originalTitle.toLowerCase().replace(/\s+/g, '-'));
  await page.goto('/articles');
  const row = page.getByRole('link', { name: new RegExp(newTitle) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Riverton Gazette');
});

test('a viewer sees the details read-only, with no Delete, and the API refuses both', async ({ browser }) => {
  const viewer = await pageAs(browser, 'viewer');
  await openArticle(viewer, articleId);
  await viewer.getByTestId('article-details-button').click();
  const dialog = viewer.getByTestId('article-details-dialog');
  await expect(dialog.getByTestId('article-details-readonly')).toContainText(newTitle);
  await expect(dialog.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await expect(viewer.getByTestId('article-delete-button')).toHaveCount(0);
  const { article } = (await (await viewer.request.get(`/api/articles/${articleId}?fields=meta`)).json()) as { article: { version: number } };
  expect((await viewer.request.patch(`/api/articles/${articleId}`, { data: { version: article.version, title: 'Viewer title' } })).status()).toBe(403);
  expect((await viewer.request.delete(`/api/articles/${articleId}`, { data: { version: article.version } })).status()).toBe(403);
  await viewer.context().close();
});

test('a published fact-check: editing its details and deleting it are refused with the reason', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await publishedArticleId(page);
  await openArticle(page, id);
  await page.getByTestId('article-details-button').click();
  const dialog = page.getByTestId('article-details-dialog');
  await expect(dialog.getByTestId('article-details-locked')).toContainText('This fact-check is published, so it is read-only.');
  await expect(dialog.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('article-delete-button').click();
  await expect(page.getByTestId('article-delete-refused')).toContainText('Reopen or unpublish it first');
  await expect(page.getByTestId('article-delete-confirm')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The server says the same to a client that tries anyway.
  const { article } = (await (await page.request.get(`/api/articles/${id}?fields=meta`)).json()) as { article: { version: number } };
  const patch = await page.request.patch(`/api/articles/${id}`, { data: { version: article.version, title: 'Changed' } });
  expect(patch.status()).toBe(409);
  expect(((await patch.json()) as { error: { message: string } }).error.message).toContain('published, so it is read-only');
  const del = await page.request.delete(`/api/articles/${id}`, { data: { version: article.version } });
  expect(del.status()).toBe(409);
  expect(((await del.json()) as { error: { message: string } }).error.message).toContain('Reopen or unpublish it first');
});

test('delete → gone from the list and its address; the trash lists it; restore (and Undo) bring it back with its claims', async ({ page }) => {
  await signIn(page, 'editor');
  let article = await openArticle(page, articleId);
  await page.getByTestId('article-delete-button').click();
  await expect(page.getByTestId('article-delete-dialog')).toContainText('restore it from the trash for 30 days');
  await page.getByTestId('article-delete-confirm').click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId('toast').filter({ hasText: 'Moved to trash.' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(newTitle) })).toHaveCount(0);

  // Its address answers a friendly 404; its API too.
  // (The page streams behind its loading state, so the status line is sent before the lookup: the
  // not-found page says it, and the API answers 404.)
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByRole('heading', { name: 'Article not found' })).toBeVisible();
  expect((await page.request.get(`/api/articles/${articleId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/articles/${articleId}/claims`)).status()).toBe(404);

  // The trash lists it with who deleted it and when it goes for good.
  await page.goto('/articles');
  await page.getByTestId('trash-link').click();
  await expect(page).toHaveURL(/\/articles\/trash$/);
  const item = page.getByTestId('trash-item').filter({ hasText: newTitle });
  await expect(item).toContainText('Deleted by Tom Becker');
  await expect(item).toContainText('1 claim');
  await expect(item.getByTestId('trash-purge')).toContainText('deleted for good on');
  await page.screenshot({ path: path.join(ARTIFACTS, 'article-trash.png') });
  await item.getByTestId('trash-restore').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Restored' })).toBeVisible();
  await expect(page.getByTestId('trash-item').filter({ hasText: newTitle })).toHaveCount(0);

  await page.goto('/articles');
  await expect(page.getByRole('link', { name: new RegExp(newTitle) })).toBeVisible();
  article = await openArticle(page, articleId);
  await expect(article.listItems().filter({ hasText: QUOTE })).toHaveCount(1);

  // Delete again, then Undo from the toast.
  await page.getByTestId('article-delete-button').click();
  await page.getByTestId('article-delete-confirm').click();
  await expect(page).toHaveURL(/\/articles$/);
  const toast = page.getByTestId('toast').filter({ hasText: 'Moved to trash.' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Restored from the trash.' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(newTitle) })).toBeVisible();
});

test('reviewers see no trash link and an empty trash; the trash page does not list other desks’ articles', async ({ browser }) => {
  const reviewer = await pageAs(browser, 'reviewer');
  await expect(reviewer.getByTestId('trash-link')).toHaveCount(0);
  await reviewer.goto('/articles/trash');
  await expect(reviewer.getByText('The trash is empty.')).toBeVisible();
  await reviewer.context().close();
});
