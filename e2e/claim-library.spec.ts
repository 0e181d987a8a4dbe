import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, pageAs, signIn, test } from './fixtures';

/**
 * The claim library: an editor imports another fact-checker's ClaimReview file (preview, then
 * import), it is listed, found by search and suggested in "Already checked?" on the demo claim it
 * is about; re-importing updates instead of duplicating; hostile files are refused with a clear
 * message and nothing imported; a viewer lists but cannot import; the partners' feed downloads as
 * JSON-LD ClaimReviews.
 */

test.describe.configure({ mode: 'serial' });

// A word no seeded text holds, so search finds exactly this review.
const MARKER = 'Zanzibarite';
const REVIEW_URL = 'https://e2e-checks.example.org/2017/khamenei-rejected-us-request';

function claimReviewFile(rating: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: [
      {
        '@type': 'ClaimReview',
        url: REVIEW_URL,
        claimReviewed: `Khamenei says the Americans, through their ambassador in Baghdad, requested Iran's cooperation in confronting IS, and he rejected it (${MARKER} desk review).`,
        itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Ali Khamenei' }, datePublished: '2014-09-15' },
        author: { '@type': 'Organization', name: 'E2E Example Checks', url: 'https://e2e-checks.example.org/' },
        reviewRating: { '@type': 'Rating', alternateName: rating, ratingValue: 3, bestRating: 5, worstRating: 1 },
        datePublished: '2014-09-20',
        inLanguage: 'en',
      },
      {
        '@type': 'ClaimReview',
        url: 'https://e2e-checks.example.org/2017/second',
        claimReviewed: `A second ${MARKER} claim about <b>bold</b> HTML that stays text.`,
        author: { '@type': 'Organization', name: 'E2E Example Checks' },
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        datePublished: '2017-01-02',
      },
    ],
  };
}

const asFile = (name: string, content: string) => ({ name, mimeType: 'application/ld+json', buffer: Buffer.from(content) });

async function demoWorkspaceId(page: Page): Promise<string> {
  const response = await page.request.get('/api/workspaces');
  const { workspaces } = (await response.json()) as { workspaces: Array<{ id: string; slug: string }> };
  return workspaces.find((w) => w.slug === 'demo-desk')!.id;
}

async function libraryItemsMatching(page: Page, q: string) {
  const response = await page.request.get(`/api/workspaces/${await demoWorkspaceId(page)}/library?q=${encodeURIComponent(q)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Array<{ id: string; url: string; ratingName: string; version: number }>; total: number }).items;
}

async function previewAndImport(page: Page, file: ReturnType<typeof asFile>) {
  const panel = page.getByTestId('library-import');
  await panel.getByLabel('…or choose a file').setInputFiles(file);
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByTestId('library-preview')).toBeVisible();
}

test('an editor imports a ClaimReview file: preview, import, listed; re-import updates without duplicating', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/library');
  await expect(page.getByRole('heading', { name: 'Claim library', level: 1 })).toBeVisible();
  // The seeded demo library is there already.
  await expect(page.getByTestId('library-item').first()).toBeVisible();

  await previewAndImport(page, asFile('partner-checks.jsonld', JSON.stringify(claimReviewFile('Half true'))));
  const panel = page.getByTestId('library-import');
  await expect(panel.getByTestId('library-preview-item')).toHaveCount(2);
  await expect(panel.getByTestId('library-preview-summary')).toContainText('2 ClaimReviews found: 2 new, 0 updated, 0 unchanged');
  await page.screenshot({ path: path.join(ARTIFACTS, 'claim-library-preview.png'), fullPage: true });
  // Nothing is written by the preview.
  expect(await libraryItemsMatching(page, MARKER)).toHaveLength(0);

  await panel.getByRole('button', { name: 'Import 2 items' }).click();
  await expect(panel.getByTestId('library-import-status')).toContainText('Imported: 2 new, 0 updated, 0 unchanged');
  const item = page.getByTestId('library-item').filter({ hasText: 'ambassador in Baghdad' });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('library-rating')).toContainText('Half true');
  await expect(item).toContainText('E2E Example Checks');
  const link = item.getByTestId('library-link');
  await expect(link).toHaveText(new RegExp(REVIEW_URL.replace(/[.]/g, '\\.')));
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  // HTML in a ClaimReview is shown as text, never rendered.
  await expect(page.getByTestId('library-item').filter({ hasText: '<b>bold</b> HTML that stays text' })).toHaveCount(1);

  // The same file again: unchanged; with a new rating: updated, still one item.
  await previewAndImport(page, asFile('partner-checks.jsonld', JSON.stringify(claimReviewFile('Half true'))));
  await expect(panel.getByTestId('library-preview-summary')).toContainText('0 new, 0 updated, 2 unchanged');
  await previewAndImport(page, asFile('partner-checks-v2.json', JSON.stringify(claimReviewFile('Mostly false'))));
  await expect(panel.getByTestId('library-preview-summary')).toContainText('0 new, 1 updated, 1 unchanged');
  await panel.getByRole('button', { name: 'Import 2 items' }).click();
  await expect(panel.getByTestId('library-import-status')).toContainText('Imported: 0 new, 1 updated, 1 unchanged');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('library-rating')).toContainText('Mostly false');
  const items = await libraryItemsMatching(page, 'ambassador in Baghdad');
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ url: REVIEW_URL, ratingName: 'Mostly false', version: 2 });

  // The filter box narrows the list (in the URL).
  await page.getByLabel('Filter by claim, claimant, fact-checker or rating').fill(`${MARKER} bold`);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]q=Zanzibarite\+bold/);
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await page.goto('/library');
  await page.screenshot({ path: path.join(ARTIFACTS, 'claim-library.png'), fullPage: true });
});

test('hostile files are refused with a clear message and nothing is imported', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/library');
  const before = (await libraryItemsMatching(page, '')).length;
  const panel = page.getByTestId('library-import');

  // Invalid JSON: the message says where.
  await panel.getByLabel('…or choose a file').setInputFiles(asFile('broken.json', '{ "@type": "ClaimReview", "url": oops }'));
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByTestId('library-import-error')).toContainText(/not valid JSON \(line 1, column \d+\)/);
  await expect(panel.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // javascript: URLs: each item refused by name, no Import button when nothing is valid.
  const hostile = [
    { '@type': 'ClaimReview', url: 'javascript:alert(document.cookie)', claimReviewed: 'Script link' },
    { '@type': 'ClaimReview', url: 'data:text/html,<script>alert(1)</script>', claimReviewed: 'Data link' },
  ];
  await previewAndImport(page, asFile('hostile.jsonld', JSON.stringify(hostile)));
  await expect(panel.getByTestId('library-preview-errors').first()).toContainText('Item 1 (“Script link”): The url must be a full web address starting with http:// or https://');
  await expect(panel.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // The API refuses the import too: nothing half-imported.
  const ws = await demoWorkspaceId(page);
  const mixed = [...hostile, { '@type': 'ClaimReview', url: 'https://e2e-checks.example.org/valid-but-mixed', claimReviewed: 'Valid one' }];
  const refused = await page.request.post(`/api/workspaces/${ws}/library`, { data: { text: JSON.stringify(mixed) } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/2 ClaimReviews of 3 have errors, so nothing was imported/);
  const tooBig = await page.request.post(`/api/workspaces/${ws}/library`, { multipart: { file: asFile('huge.json', 'x'.repeat(3 * 1024 * 1024)) } });
  expect(tooBig.status()).toBe(413);
  expect((await libraryItemsMatching(page, '')).length).toBe(before);
});

test('the imported review is found by search and suggested in "Already checked?" on the demo claim', async ({ page }) => {
  await signIn(page, 'reviewer');
  const [item] = await libraryItemsMatching(page, 'ambassador in Baghdad');
  expect(item).toBeDefined();

  // Header search → the library group → the item's anchor on /library.
  await page.getByTestId('header-search').fill(MARKER);
  await page.getByTestId('header-search').press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Zanzibarite/);
  const group = page.getByTestId('search-group').filter({ hasText: 'ambassador in Baghdad' });
  await expect(group).toHaveAttribute('data-type', 'library');
  await group.getByTestId('search-group-link').click();
  await expect(page).toHaveURL(new RegExp(`/library.*#item-${item!.id}$`));
  await expect(page.locator(`#item-${item!.id}`)).toBeVisible();
  await expect(page.locator(`#item-${item!.id}`)).toContainText('E2E Example Checks');

  // "Already checked?" on the demo claim about the same thing lists it, as an external link.
  const articleId = await demoArticleId(page);
  const claimsResponse = await page.request.get(`/api/articles/${articleId}/claims`);
  const { claims } = (await claimsResponse.json()) as { claims: Array<{ id: string; quote?: string; claimText?: string }> };
  const claim = claims.find((c) => JSON.stringify(c).includes('ambassador in Baghdad'));
  expect(claim, 'the demo claim about the ambassador in Baghdad').toBeDefined();
  const similar = await page.request.get(`/api/claims/${claim!.id}/similar`);
  expect(similar.status()).toBe(200);
  const { similar: suggestions } = (await similar.json()) as { similar: Array<{ type: string; id: string; href: string; external: boolean }> };
  expect(suggestions).toContainEqual(expect.objectContaining({ type: 'library', id: item!.id, href: REVIEW_URL, external: true }));
});

test('a viewer can read the library but not import; the partners’ feed downloads as ClaimReview JSON-LD', async ({ browser }) => {
  const viewer = await pageAs(browser, 'viewer');
  await viewer.goto('/library');
  await expect(viewer.getByTestId('library-item').filter({ hasText: 'ambassador in Baghdad' })).toHaveCount(1);
  await expect(viewer.getByTestId('library-import')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  const ws = await demoWorkspaceId(viewer);
  const refused = await viewer.request.post(`/api/workspaces/${ws}/library`, { data: { text: JSON.stringify(claimReviewFile('True')) } });
  expect(refused.status()).toBe(403);

  const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('library-feed-link').click()]);
  expect(download.suggestedFilename()).toMatch(/^claimreview-feed-demo-desk-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const file = path.join(ARTIFACTS, 'claimreview-feed.jsonld');
  await download.saveAs(file);
  const feed = JSON.parse(fs.readFileSync(file, 'utf8')) as { '@context': string; '@type': string; dataFeedElement: Array<Record<string, unknown>> };
  expect(feed['@context']).toBe('https://schema.org');
  expect(feed['@type']).toBe('DataFeed');
  expect(feed.dataFeedElement.length).toBeGreaterThan(0);
  for (const review of feed.dataFeedElement) {
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url).toMatch(/^https?:\/\/.+\/fact-checks\/demo-desk\//);
    expect(typeof review.claimReviewed).toBe('string');
    expect(review).toHaveProperty('reviewRating');
  }
  // Only the published fact-check: nothing of the demo article still in review.
  expect(JSON.stringify(feed)).not.toContain('Khamenei');
  await viewer.context().close();
});
