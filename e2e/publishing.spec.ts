import type { Browser, Locator, Page } from '@playwright/test';
import { expect, importArticle, pageAs, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = [
  'The mayor said the city planted 10,000 trees last year.',
  'Parks department records list 6,200 new trees for the same period.',
  'The mayor also said air quality improved every month.',
].join('\n\n');
const LATER_QUOTE = 'air quality improved every month';
const EARLIER_QUOTE = 'the city planted 10,000 trees last year';

/** Every JSON-LD object on the page (top-level arrays and @graph lists flattened). */
async function jsonLdObjects(page: Page): Promise<Array<Record<string, unknown>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const data = JSON.parse(text) as unknown;
    const list = (Array.isArray(data) ? data : [data]) as Array<Record<string, unknown>>;
    return list.flatMap((item) => (Array.isArray(item['@graph']) ? (item['@graph'] as Array<Record<string, unknown>>) : [item]));
  });
}

/** A page with no session: what the public sees. */
async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

function publishDialog(page: Page): Locator {
  return page.getByTestId('publish-dialog');
}

async function moveToReady(page: Page) {
  await page.getByTestId('article-status').getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByTestId('article-status')).toContainText('In review');
  await page.getByTestId('article-status').getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByTestId('article-status')).toContainText('Ready');
}

function listItem(page: Page, number: number): Locator {
  return page.getByTestId('claim-panel').locator(`[data-testid="claim-list-item"][data-claim-number="${number}"]`);
}

async function backToList(page: Page) {
  await page.getByRole('button', { name: 'Back to all claims' }).click();
}

test.describe('publishing a fact-check', () => {
  test('blockers → resolve → preview → publish → public page with one ClaimReview → locked for everyone → reopen → correct → republish with a correction note', async ({ page, browser }) => {
    test.setTimeout(240_000);
    await signIn(page, 'editor');
    const title = `Tree planting check ${Date.now()}`;
    const id = await importArticle(page, title, TEXT);
    const article = new ArticlePage(page);
    await article.open(id);

    // Two claims; the second is marked earlier in the text. Numbers are stable (creation order),
    // the list stays in text order.
    const claim1 = await article.markClaim(LATER_QUOTE);
    await expect(page.getByTestId('claim-detail').getByTestId('claim-number')).toHaveText('Claim 1');
    await backToList(page);
    await article.markClaim(EARLIER_QUOTE);
    await expect(page.getByTestId('claim-detail').getByTestId('claim-number')).toHaveText('Claim 2');
    await backToList(page);
    await expect(article.listItems().getByTestId('claim-number')).toHaveText(['#2', '#1']);

    await moveToReady(page);

    // Publish… lists what blocks it; an editor cannot override.
    await page.getByTestId('publish-button').click();
    const dialog = publishDialog(page);
    await expect(dialog).toBeVisible();
    const blockers = dialog.getByTestId('publish-blocker');
    await expect(blockers).toHaveCount(2);
    await expect(blockers.nth(0)).toContainText('Claim 1');
    await expect(blockers.nth(1)).toContainText('Claim 2');
    await expect(dialog.getByText('Resolve these before publishing. Select one to open its claim.')).toBeVisible();
    await expect(dialog.getByTestId('publish-override-reason')).toHaveCount(0);
    await expect(dialog.getByTestId('publish-confirm')).toBeDisabled();

    // A blocker opens its claim: give claim 1 a final verdict and a rationale.
    await blockers.filter({ hasText: 'Claim 1' }).click();
    await expect(dialog).toBeHidden();
    const detail = page.getByTestId('claim-detail');
    await expect(detail.getByTestId('claim-number')).toHaveText('Claim 1');
    await detail.getByRole('radio', { name: 'False', exact: true }).check();
    await detail.getByLabel('Rationale').fill('Monthly readings from the city’s own monitors went up in four months of the year.');
    await article.saveClaim();
    await backToList(page);

    // Claim 2 is excluded from the fact-check, with a reason.
    await listItem(page, 2).click();
    await detail.getByTestId('exclude-claim-button').click();
    await detail.getByTestId('exclusion-reason').fill('Duplicate of a claim checked last month.');
    await detail.getByTestId('exclusion-confirm').click();
    await expect(detail.getByTestId('claim-exclusion')).toContainText('Duplicate of a claim checked last month.');
    await expect(detail.getByRole('button', { name: 'Include again' })).toBeVisible();
    await backToList(page);
    await expect(listItem(page, 2)).toContainText('Excluded');

    // Nothing blocks now: the preview comes before the Publish button.
    await page.getByTestId('publish-button').click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('publish-blocker')).toHaveCount(0);
    await expect(dialog.getByTestId('publish-correction-note')).toHaveCount(0);
    const preview = dialog.getByTestId('publish-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toHaveAttribute('title', 'Preview of the public page');
    await expect(preview.contentFrame().locator('body')).toContainText(title);
    await expect(dialog.getByTestId('publish-confirm')).toBeEnabled();
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog).toBeHidden();

    // Published: locked banner with the public link; no editing affordance left.
    const banner = page.getByTestId('article-locked-banner');
    await expect(banner).toContainText('Published');
    await expect(banner).toContainText('read-only');
    await expect(page.getByTestId('article-status')).toContainText('Published');
    await expect(page.getByTestId('reopen-button')).toBeVisible();
    await expect(page.getByTestId('retract-button')).toHaveCount(0); // owners only
    await expect(page.getByRole('button', { name: 'Mark claim' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
    const publicUrl = await banner.getByTestId('public-page-link').getAttribute('href');
    expect(publicUrl).toMatch(/\/fact-checks\/[^/]+\/[^/]+$/);

    // The public pages, signed out: the claim page carries exactly one ClaimReview.
    const reader = await signedOutPage(browser);
    const articleResponse = await reader.goto(publicUrl!);
    expect(articleResponse?.status()).toBe(200);
    await expect(reader.locator('body')).toContainText(title);
    const claimResponse = await reader.goto(`${publicUrl}/claims/1`);
    expect(claimResponse?.status()).toBe(200);
    const reviews = (await jsonLdObjects(reader)).filter((o) => o['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    // The ClaimReview url carries the stable number (the demo desk's URL pattern, or the claim page).
    expect(String(reviews[0]!.url)).toMatch(/(claims\/|claim-)1$/);
    expect(reviews[0]!.reviewRating).toBeTruthy();

    // A reviewer sees everything read-only (comments stay open); the server refuses writes with 409.
    const reviewer = await pageAs(browser, 'reviewer');
    const reviewerArticle = new ArticlePage(reviewer);
    await reviewerArticle.open(id);
    await expect(reviewer.getByTestId('article-locked-banner')).toBeVisible();
    await expect(reviewer.getByRole('button', { name: 'Mark claim' })).toHaveCount(0);
    await listItem(reviewer, 1).click();
    const reviewerDetail = reviewer.getByTestId('claim-detail');
    await expect(reviewerDetail.getByLabel('Rationale')).toBeDisabled();
    await expect(reviewerDetail.getByLabel('Claim statement')).toBeDisabled();
    await expect(reviewerDetail.getByRole('button', { name: 'Save claim' })).toHaveCount(0);
    await expect(reviewerDetail.getByRole('button', { name: 'Delete claim' })).toHaveCount(0);
    await expect(reviewerDetail.getByRole('button', { name: 'Add source' })).toHaveCount(0);
    await expect(reviewerDetail.getByTestId('exclude-claim-button')).toHaveCount(0);
    await reviewerDetail.getByRole('tab', { name: 'Verdicts' }).click();
    await expect(reviewerDetail.getByRole('button', { name: /my verdict/ })).toHaveCount(0);
    await reviewerDetail.getByRole('tab', { name: 'Discussion' }).click();
    await expect(reviewerDetail.getByRole('textbox', { name: 'Add a comment' })).toBeVisible();
    await expect(reviewerDetail.getByTestId('comment-public-checkbox')).toBeVisible();
    const { claim: current } = (await (await reviewer.request.get(`/api/claims/${claim1}`)).json()) as { claim: { version: number } };
    const write = await reviewer.request.patch(`/api/claims/${claim1}`, { data: { version: current.version, claimant: 'The mayor (reviewer edit)' } });
    expect(write.status()).toBe(409);
    const source = await reviewer.request.post(`/api/claims/${claim1}/sources`, { data: { url: 'https://example.org/records' } });
    expect(source.status()).toBe(409);
    await reviewer.context().close();

    // The editor reopens it for correction, with a reason: editable again, the public page unchanged.
    await page.getByTestId('reopen-button').click();
    await page.getByTestId('reopen-reason').fill('The rationale misstates how many months got worse.');
    await page.getByTestId('reopen-confirm').click();
    await expect(page.getByTestId('reopen-dialog')).toBeHidden();
    await expect(page.getByTestId('article-locked-banner')).toHaveCount(0);
    await expect(page.getByTestId('correction-notice')).toContainText('Correction in progress');
    await expect(page.getByTestId('article-status')).toContainText('In review');

    // A published claim can no longer be deleted (exclude instead); the rationale is corrected.
    await listItem(page, 1).click();
    await expect(detail.getByRole('button', { name: 'Delete claim' })).toHaveCount(0);
    await expect(detail.getByTestId('claim-published-note')).toContainText('Exclude it from the fact-check instead');
    await detail.getByLabel('Rationale').fill('Monthly readings from the city’s own monitors went up in three months of the year.');
    await article.saveClaim();
    await backToList(page);
    await page.getByTestId('article-status').getByRole('button', { name: 'Mark ready' }).click();
    await expect(page.getByTestId('article-status')).toContainText('Ready');

    // Republishing needs a correction note.
    const note = `Corrected the number of months with worse readings (${Date.now()}).`;
    await page.getByTestId('publish-button').click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('publish-blocker')).toHaveCount(0);
    const noteField = dialog.getByTestId('publish-correction-note');
    await expect(noteField).toBeVisible();
    await expect(dialog.getByTestId('publish-confirm')).toBeDisabled();
    await noteField.fill(note);
    await expect(dialog.getByTestId('publish-preview')).toBeVisible();
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('article-locked-banner')).toBeVisible();

    // The public page shows the correction note.
    await reader.goto(publicUrl!);
    await expect(reader.locator('body')).toContainText(note);
    await reader.goto(`${publicUrl}/claims/1`);
    await expect(reader.locator('body')).toContainText('three months of the year');
    await reader.context().close();

    // The publication history lists each step.
    await page.getByTestId('publication-history-button').click();
    const history = page.getByTestId('publication-history');
    await expect(history.getByTestId('publication-log-entry')).toHaveCount(3);
    await expect(history).toContainText(note);
    await expect(history).toContainText('The rationale misstates how many months got worse.');
    await history.getByRole('button', { name: 'Close' }).click();
    await expect(history).toBeHidden();
  });

  test('an owner publishes despite blockers with a recorded reason, and retracts', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signIn(page, 'owner');
    const title = `Override check ${Date.now()}`;
    const id = await importArticle(page, title, TEXT);
    const article = new ArticlePage(page);
    await article.open(id);
    await article.markClaim(EARLIER_QUOTE);
    await backToList(page);
    await moveToReady(page);

    await page.getByTestId('publish-button').click();
    const dialog = publishDialog(page);
    await expect(dialog.getByTestId('publish-blocker')).toHaveCount(1);
    await expect(dialog.getByTestId('publish-blocker')).toContainText('Claim 1');
    const reason = 'Breaking story: the verdict is being finalised, the sourcing is solid.';
    const override = dialog.getByTestId('publish-override-reason');
    await expect(override).toBeVisible();
    await expect(dialog.getByTestId('publish-confirm')).toBeDisabled();
    await override.fill(reason);
    await expect(dialog.getByTestId('publish-preview')).toBeVisible();
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('article-locked-banner')).toContainText('Published');

    // The log records the override with the blockers it skipped.
    await page.getByTestId('publication-history-button').click();
    const history = page.getByTestId('publication-history');
    await expect(history.getByTestId('publication-log-entry')).toHaveCount(1);
    await expect(history).toContainText(reason);
    await expect(history).toContainText('Claim 1');
    await page.keyboard.press('Escape');
    await expect(history).toBeHidden();

    // Retracting is the owner's, final, and public.
    const publicUrl = await page.getByTestId('article-locked-banner').getByTestId('public-page-link').getAttribute('href');
    const why = 'The tree figures came from a draft report that was withdrawn.';
    await page.getByTestId('retract-button').click();
    await expect(page.getByTestId('retract-dialog')).toContainText('cannot be undone');
    await page.getByTestId('retract-reason').fill(why);
    await page.getByTestId('retract-confirm').click();
    await expect(page.getByTestId('retract-dialog')).toBeHidden();
    await expect(page.getByTestId('article-locked-banner')).toContainText('Retracted');
    await expect(page.getByTestId('article-status')).toContainText('Retracted');
    await expect(page.getByTestId('article-status').getByRole('button', { name: /Publish|Reopen|Retract|review|ready/ })).toHaveCount(0);

    const reader = await signedOutPage(browser);
    const response = await reader.goto(publicUrl!);
    expect(response?.status()).toBe(200);
    await expect(reader.locator('body')).toContainText(why);
    expect((await jsonLdObjects(reader)).filter((o) => o['@type'] === 'ClaimReview')).toHaveLength(0);
    await reader.context().close();
  });
});
