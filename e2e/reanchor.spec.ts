import path from 'node:path';
import { ARTIFACTS, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = [
  'The minister said unemployment fell to 4 percent last year.',
  'Critics replied that the figure ignores people who stopped looking for work.',
  'The ministry also claimed that exports doubled since 2019.',
].join('\n\n');

test('editing the text keeps claims on their words; deleting a claim’s words orphans it', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await importArticle(page, `Re-anchoring check ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);

  const movedQuote = 'exports doubled since 2019';
  const doomedQuote = 'the figure ignores people who stopped looking for work';
  const moved = await article.markClaim(movedQuote);
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  const doomed = await article.markClaim(doomedQuote);
  await page.getByRole('button', { name: 'Back to all claims' }).click();

  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByText('Editing article text')).toBeVisible();
  // Insert a sentence at the very start: every later claim moves.
  await article.text.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Breaking: ');
  // Delete the whole second paragraph (the doomed claim's words).
  await article.selectText('Critics replied that the figure ignores people who stopped looking for work.');
  await page.keyboard.press('Backspace');
  const saved = page.waitForResponse((r) => r.url().endsWith('/text') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Save text' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByTestId('toast').filter({ hasText: '1 claim(s) lost their words' })).toBeVisible();

  await expect(article.text).toContainText('Breaking: The minister said');
  await article.expectHighlighted(moved, movedQuote);
  await expect(article.highlight(doomed)).toHaveCount(0);
  const orphan = article.listItems().filter({ hasText: doomedQuote });
  await expect(orphan).toContainText('Orphaned');
  await page.screenshot({ path: path.join(ARTIFACTS, 'orphaned-claim.png') });

  // Still there after a reload, still orphaned, never moved onto other words.
  await page.reload();
  await article.expectHighlighted(moved, movedQuote);
  await orphan.click();
  await expect(page.getByText('The words this claim was made on are no longer in the article.')).toBeVisible();
  await expect(page.getByTestId('claim-quote')).toHaveText(doomedQuote);
});
