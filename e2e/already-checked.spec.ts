import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * "Already checked?": opening a claim of the demo article suggests the seeded earlier checks
 * (fixtures/demo/earlier, db/seed/earlier-articles.ts) and library items, with verdict, date,
 * article and reasons. "Reuse verdict" starts a new claim's verdict from an earlier one: an editor
 * gets the final verdict and the rationale, a reviewer their own verdict; both claims then show
 * the link ("Based on #N in …" / "Used as the basis for …").
 *
 * The reuses run on claims of freshly imported articles, so the seeded demo article stays as it is.
 */

const CIVIL_WAR = 'the civil war in Syria began in 2011 when protests against Assad were met with force';
const TEXT = `Analysts said ${CIVIL_WAR}, and that it drew in Iran, Russia and the United States.\n\nThe rest of this report is about something else entirely.`;

async function importWithClaim(page: Page, title: string): Promise<{ articleId: string; claimId: string }> {
  const articleId = await importArticle(page, title, TEXT);
  const start = TEXT.indexOf(CIVIL_WAR);
  const response = await page.request.post('/api/claims', { data: { articleId, revision: 1, start, end: start + CIVIL_WAR.length } });
  expect(response.status(), await response.text()).toBe(201);
  return { articleId, claimId: ((await response.json()) as { claim: { id: string } }).claim.id };
}

test('the demo article’s claim shows the seeded earlier checks at once, with verdict, article and reasons', async ({ page, article }) => {
  await signIn(page, 'reviewer');
  const id = await demoArticleId(page);
  const claimId = await article.claimIdByQuote(id, 'the United States and other Western countries created IS');
  await page.goto(`/articles/${id}?claim=${claimId}`);
  const panel = page.getByTestId('already-checked');
  await expect(panel.getByRole('heading', { name: 'Already checked?' })).toBeVisible();
  await expect(panel.getByTestId('already-checked-status')).toContainText(/earlier checks? says?/);
  const first = panel.getByTestId('similar-claim').first();
  await expect(first).toContainText('The United States created the Islamic State');
  await expect(first.getByTestId('verdict-chip')).toHaveText('False');
  await expect(first.getByTestId('similar-reasons')).toContainText('created');
  // Up to two at first; "Show all" shows the rest, library items link out.
  await panel.getByRole('button', { name: /Show all/ }).click();
  const external = panel.locator('[data-type="library"]').first();
  await expect(external.getByRole('link', { name: /External ·/ })).toHaveAttribute('target', '_blank');
  await expect(external.getByRole('link', { name: /External ·/ })).toHaveAttribute('rel', /noopener/);
  const internal = panel.locator('[data-type="claim"]').first();
  await expect(internal.getByRole('link', { name: /#\d+ in “/ })).toHaveAttribute('href', /\/articles\/.+\?claim=/);
  // Keyboard: the Reuse button is reachable.
  await internal.getByRole('button', { name: 'Reuse verdict' }).focus();
  await expect(internal.getByRole('button', { name: 'Reuse verdict' })).toBeFocused();
  await panel.screenshot({ path: path.join(ARTIFACTS, 'already-checked-panel.png') });
});

test('an editor reuses an earlier verdict: final verdict and rationale prefilled, both claims linked', async ({ page }) => {
  await signIn(page, 'editor');
  const { articleId, claimId } = await importWithClaim(page, `Syria analysis ${Date.now()}`);
  const article = new ArticlePage(page);
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(article.text).toBeVisible();
  const panel = page.getByTestId('already-checked');
  const suggestion = panel.getByTestId('similar-claim').filter({ hasText: 'civil war began in 2011' }).first();
  await expect(suggestion).toContainText('Raqqa falls');
  await expect(suggestion.getByTestId('similar-reasons')).toContainText('same figure 2011');
  await suggestion.getByRole('button', { name: 'Reuse verdict' }).click();

  const links = panel.getByTestId('claim-link');
  await expect(links.first()).toContainText(/Based on #\d+ in “Raqqa falls to U\.S\.-backed forces/);
  const detail = page.getByTestId('claim-detail');
  await expect(detail.getByLabel('Rationale')).toHaveValue(/^Based on claim #\d+ in “Raqqa falls to U\.S\.-backed forces after four-month battle”: Protests against Assad/);
  await expect(detail.locator('.sticky').getByTestId('verdict-chip')).toHaveText('True');
  await panel.screenshot({ path: path.join(ARTIFACTS, 'already-checked-reused.png') });

  // The earlier claim shows what was based on it.
  await links.first().getByRole('link').click();
  await expect(page).toHaveURL(/\?claim=/);
  const earlier = page.getByTestId('already-checked');
  await expect(earlier.getByTestId('claim-link').filter({ hasText: 'Used as the basis for' })).toContainText(/#1 in “Syria analysis/);
});

test('a reviewer’s reuse sets their own verdict with the reason, not the final verdict', async ({ page }) => {
  await signIn(page, 'editor');
  const { articleId, claimId } = await importWithClaim(page, `Syria explainer ${Date.now()}`);
  await page.context().clearCookies();
  await signIn(page, 'reviewer');
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  const panel = page.getByTestId('already-checked');
  const suggestion = panel.getByTestId('similar-claim').filter({ hasText: 'civil war began in 2011' }).first();
  await suggestion.getByRole('button', { name: 'Reuse verdict' }).click();
  await expect(panel.getByTestId('claim-link').first()).toContainText('Based on #');
  const detail = page.getByTestId('claim-detail');
  await expect(detail.locator('.sticky').getByTestId('verdict-chip')).toHaveText('Pending');
  await detail.getByRole('tab', { name: 'Verdicts' }).click();
  const verdicts = detail.getByTestId('reviewer-verdicts');
  await expect(verdicts.getByRole('button', { name: 'Update my verdict' })).toBeVisible();
  await expect(verdicts.getByRole('textbox')).toHaveValue(/^Based on claim #\d+ in “Raqqa falls/);
});

test('a viewer sees the suggestions but cannot reuse them', async ({ page, article }) => {
  await signIn(page, 'viewer');
  const id = await demoArticleId(page);
  const claimId = await article.claimIdByQuote(id, 'Abu Kamal, the last stronghold of IS');
  await page.goto(`/articles/${id}?claim=${claimId}`);
  const suggestion = page.getByTestId('similar-claim').first();
  await expect(suggestion).toContainText('Abu Kamal');
  await expect(suggestion.getByRole('button', { name: 'Reuse verdict' })).toBeDisabled();
  await expect(suggestion).toContainText('Only reviewers, editors and owners can reuse a verdict.');
});
