import type { APIResponse, Page, Response } from '@playwright/test';
import { slugify } from '../lib/text/slug';
import { expect, importArticle, pageAs, test } from './fixtures';

/**
 * The public fact-check pages Claimdesk serves, visited signed out: the seeded, already published
 * demo fact-check (db/seed/city-budget.ts) renders with its verdicts and no internal material,
 * each claim page carries exactly one ClaimReview whose url is that page, the sitemap and Atom
 * feed are well-formed XML listing it, an unpublished article answers 404 (for members too), a
 * renamed article’s old address redirects, and the signed-in preview may be framed by the app only.
 */

const WORKSPACE = 'demo-desk';
const SLUG = 'city-budget-fact-check';
const TITLE = 'Riverton council approves $412 million budget';
const ARTICLE_PATH = `/fact-checks/${WORKSPACE}/${SLUG}`;
const CLAIMS = 4;
/** In the seed but internal: a confidential source and who was contacted for comment. */
const INTERNAL = ['Tip from a council staffer', 'Confidential source', 'd.okafor@riverton.example'];

/** Headers of a page visit (all of them: allHeaders) or of an API request. */
async function headersOf(response: Response | APIResponse | null): Promise<Record<string, string>> {
  expect(response, 'a response').not.toBeNull();
  return 'allHeaders' in response! ? response.allHeaders() : response!.headers();
}

async function expectPublicHeaders(response: Response | APIResponse | null, contentType: RegExp) {
  const headers = await headersOf(response);
  expect(headers['content-type']).toMatch(contentType);
  expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
}

/** The JSON-LD blocks of the page, parsed (a parse error fails the test). */
async function jsonLd(page: Page): Promise<unknown[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text) => JSON.parse(text) as unknown);
}

/** Parses XML with the browser's strict parser (throws on a parse error); per element name, each element's href or text. */
async function parseXml(page: Page, xml: string, namespace: string, names: string[]): Promise<Record<string, string[]>> {
  await page.goto('about:blank');
  return page.evaluate(
    ({ xml, namespace, names }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) throw new Error(`Not well-formed XML: ${error.textContent ?? ''}`);
      return Object.fromEntries(names.map((name) => [name, [...doc.getElementsByTagNameNS(namespace, name)].map((e) => e.getAttribute('href') ?? e.textContent ?? '')]));
    },
    { xml, namespace, names },
  );
}

test.describe('public fact-check pages, signed out', () => {
  test('the published demo fact-check renders: verdicts, claim links, no internal material, sharing tags', async ({ page, baseURL }) => {
    const response = await page.goto(ARTICLE_PATH);
    expect(response?.status()).toBe(200);
    await expectPublicHeaders(response, /^text\/html; charset=utf-8$/);
    await expect(page, 'not sent to sign-in').toHaveURL(`${baseURL}${ARTICLE_PATH}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.getByTestId('publication-dates')).toContainText('Published');
    await expect(page.getByRole('heading', { name: 'Claims checked' })).toBeVisible();
    await expect(page.locator('article.claim')).toHaveCount(CLAIMS);
    await expect(page.getByTestId('claim-page-link')).toHaveCount(CLAIMS);
    await expect(page.locator('.article-body')).toContainText('The Riverton city council on Tuesday approved');
    await expect(page.locator('article.claim').first()).toContainText('Misleading');
    for (const secret of INTERNAL) await expect(page.getByText(secret)).toHaveCount(0);

    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${ARTICLE_PATH}`);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}/fact-checks/${WORKSPACE}/feed.xml`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `Fact-check: ${TITLE}`);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${baseURL}${ARTICLE_PATH}`);
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', /.+/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /4 claims checked/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    expect(await jsonLd(page), 'the article page carries no ClaimReview (the claim pages do)').toEqual([]);
  });

  test('every claim page carries exactly one ClaimReview whose url is that page', async ({ browser, page, baseURL }) => {
    // The workspace's URL pattern (settings) may point ClaimReview urls at the desk's own site; the
    // default is these pages. Checked with the seeded setting, then without one, then put back.
    const owner = await pageAs(browser, 'owner');
    const seeded = await workspaceSettings(owner);
    try {
      if (seeded.factCheckUrlPattern) {
        await page.goto(`${ARTICLE_PATH}/claims/1`);
        const [review] = (await jsonLd(page)) as Array<{ url: string }>;
        expect(review?.url, 'the pattern names the desk’s page').toBe(new URL(seeded.factCheckUrlPattern.replaceAll('{article}', SLUG).replaceAll('{claim}', '1')).href);
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${ARTICLE_PATH}/claims/1`);
        await saveWorkspaceSettings(owner, { ...seeded, factCheckUrlPattern: '' });
      }

      await page.goto(ARTICLE_PATH);
      await page.getByTestId('claim-page-link').first().click();
      await expect(page).toHaveURL(`${baseURL}${ARTICLE_PATH}/claims/1`);
      await expect(page.getByTestId('claim-verdict')).toContainText('Misleading');
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^Misleading: /);
      await expect(page.getByRole('link', { name: /The full fact-check/ })).toHaveAttribute('href', `${baseURL}${ARTICLE_PATH}`);

      for (let n = 1; n <= CLAIMS; n += 1) {
        const url = `${baseURL}${ARTICLE_PATH}/claims/${n}`;
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(200);
        await expectPublicHeaders(response, /^text\/html/);
        const blocks = await jsonLd(page);
        expect(blocks, `${url}: one JSON-LD block`).toHaveLength(1);
        const review = blocks[0] as Record<string, unknown>;
        expect(review['@context']).toBe('https://schema.org');
        expect(review['@type']).toBe('ClaimReview');
        expect(review.url, `${url}: ClaimReview url is the page`).toBe(url);
        expect(review).toHaveProperty('reviewRating.alternateName');
        expect(review).toHaveProperty('datePublished');
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
        await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
        for (const secret of INTERNAL) await expect(page.getByText(secret)).toHaveCount(0);
      }
    } finally {
      const current = await workspaceSettings(owner);
      if (current.factCheckUrlPattern !== seeded.factCheckUrlPattern) await saveWorkspaceSettings(owner, { ...seeded, version: current.version });
      await owner.context().close();
    }
  });

  test('the pages are responsive and print-friendly', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${ARTICLE_PATH}/claims/1`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(1);
    await expect(page.locator('nav.crumbs')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.crumbs'), 'navigation is not printed').toBeHidden();
    await expect(page.getByTestId('claim-verdict')).toBeVisible();
  });

  test('the sitemap and the Atom feed are well-formed and list the published fact-check', async ({ page, baseURL }) => {
    const sitemap = await page.request.get(`/fact-checks/${WORKSPACE}/sitemap.xml`);
    expect(sitemap.status()).toBe(200);
    await expectPublicHeaders(sitemap, /^application\/xml/);
    const urls = await parseXml(page, await sitemap.text(), 'http://www.sitemaps.org/schemas/sitemap/0.9', ['loc', 'lastmod']);
    expect(urls.loc).toContain(`${baseURL}${ARTICLE_PATH}`);
    for (let n = 1; n <= CLAIMS; n += 1) expect(urls.loc).toContain(`${baseURL}${ARTICLE_PATH}/claims/${n}`);
    expect(urls.lastmod?.length).toBe(urls.loc?.length);
    for (const lastmod of urls.lastmod ?? []) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const feed = await page.request.get(`/fact-checks/${WORKSPACE}/feed.xml`);
    expect(feed.status()).toBe(200);
    await expectPublicHeaders(feed, /^application\/atom\+xml/);
    const atom = await parseXml(page, await feed.text(), 'http://www.w3.org/2005/Atom', ['id', 'title', 'updated', 'summary', 'link']);
    expect(atom.id).toContain(`${baseURL}${ARTICLE_PATH}`);
    expect(atom.title).toContain(`Fact-check: ${TITLE}`);
    expect(atom.link).toContain(`${baseURL}${ARTICLE_PATH}`);
    expect(atom.summary?.some((s) => /^4 claims checked: /.test(s))).toBe(true);
  });

  test('an unpublished article, an unknown one and an unknown claim answer 404, for members too', async ({ browser, page }) => {
    const editor = await pageAs(browser, 'editor');
    try {
      const title = `Public pages unpublished ${Date.now()}`;
      await importArticle(editor, title, 'The mayor said the bridge cost 40 million euros.');
      const unpublished = `/fact-checks/${WORKSPACE}/${slugify(title)}`;
      for (const path of [unpublished, `${unpublished}/claims/1`, `/fact-checks/${WORKSPACE}/no-such-article`, `${ARTICLE_PATH}/claims/99`, `/fact-checks/no-such-desk/${SLUG}`, `/fact-checks/no-such-desk/sitemap.xml`]) {
        for (const [who, context] of [
          ['signed out', page],
          ['the editor', editor],
        ] as const) {
          const response = await context.request.get(path, { maxRedirects: 0 });
          expect(response.status(), `${path} as ${who}`).toBe(404);
          expect(await response.text(), `${path} as ${who}`).toContain('Fact-check not found');
        }
      }
      const response = await page.goto(unpublished);
      expect(response?.status()).toBe(404);
      await expect(page, 'not sent to sign-in').toHaveURL(new RegExp(`${unpublished}$`));
      await expect(page.getByRole('heading', { name: 'Fact-check not found' })).toBeVisible();
    } finally {
      await editor.context().close();
    }
  });

  test('the signed-in preview is private, noindex and may be framed by the app only', async ({ browser, page }) => {
    const editor = await pageAs(browser, 'editor');
    try {
      const id = await importArticle(editor, `Public pages preview ${Date.now()}`, 'The mayor said the bridge cost 40 million euros.');
      const path = `/api/articles/${id}/publication/preview`;
      const response = await editor.request.get(path);
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers['content-type']).toBe('text/html; charset=utf-8');
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['x-frame-options'], 'next.config.js lets the app frame this route').toBe('SAMEORIGIN');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
      const html = await response.text();
      expect(html).toContain('Preview — not yet published');
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect((await page.request.get(path)).status(), 'signed out').toBe(401);
      // Every other route keeps refusing to be framed.
      expect((await page.request.get(ARTICLE_PATH)).headers()['x-frame-options']).toBe('DENY');
    } finally {
      await editor.context().close();
    }
  });

  test('after a slug change the old public address redirects (308) to the new one', async ({ browser, page, baseURL }) => {
    const editor = await pageAs(browser, 'editor');
    const renamed = `${SLUG}-renamed-${Date.now()}`;
    let articleId: string | undefined;
    try {
      await editor.goto('/articles');
      const href = await editor.getByRole('link', { name: TITLE }).getAttribute('href');
      articleId = href?.split('/').pop();
      expect(articleId, 'the demo fact-check is listed').toBeTruthy();
      await rename(editor, articleId!, renamed);

      const moved = await page.request.get(ARTICLE_PATH, { maxRedirects: 0 });
      expect(moved.status()).toBe(308);
      expect(moved.headers().location).toBe(`${baseURL}/fact-checks/${WORKSPACE}/${renamed}`);
      const movedClaim = await page.request.get(`${ARTICLE_PATH}/claims/2`, { maxRedirects: 0 });
      expect(movedClaim.status()).toBe(308);
      expect(movedClaim.headers().location).toBe(`${baseURL}/fact-checks/${WORKSPACE}/${renamed}/claims/2`);

      await page.goto(`${ARTICLE_PATH}/claims/2`);
      await expect(page).toHaveURL(`${baseURL}/fact-checks/${WORKSPACE}/${renamed}/claims/2`);
      await expect(page.locator('link[rel="canonical"]'), 'the page names its new address').toHaveAttribute('href', `${baseURL}/fact-checks/${WORKSPACE}/${renamed}/claims/2`);
      expect(await jsonLd(page)).toHaveLength(1);
    } finally {
      if (articleId) await rename(editor, articleId, SLUG);
      await editor.context().close();
    }
    expect((await page.request.get(ARTICLE_PATH, { maxRedirects: 0 })).status(), 'the original address serves the page again').toBe(200);
  });
});

interface WorkspaceSettings {
  id: string;
  version: number;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  factCheckUrlPattern: string;
}

/**
 * The demo workspace's settings. There is no GET for them: a deliberately stale PATCH by the owner
 * is refused with 409 and the current row (as e2e/authz-matrix.spec.ts does).
 */
async function workspaceSettings(owner: Page): Promise<WorkspaceSettings> {
  const { workspaces } = (await (await owner.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
  const id = workspaces.find((w) => w.slug === WORKSPACE)!.id;
  const stale = await owner.request.patch(`/api/workspaces/${id}`, { data: { version: 2_147_483_647, name: 'x', organizationName: 'x', organizationUrl: null, factCheckUrlPattern: '' } });
  expect(stale.status()).toBe(409);
  const current = ((await stale.json()) as { error: { details: { current: Omit<WorkspaceSettings, 'factCheckUrlPattern'> & { factCheckUrlPattern: string | null } } } }).error.details.current;
  return { id, version: current.version, name: current.name, organizationName: current.organizationName, organizationUrl: current.organizationUrl, factCheckUrlPattern: current.factCheckUrlPattern ?? '' };
}

async function saveWorkspaceSettings(owner: Page, { id, ...settings }: WorkspaceSettings): Promise<void> {
  const response = await owner.request.patch(`/api/workspaces/${id}`, { data: settings });
  expect(response.status(), `save workspace settings: ${await response.text()}`).toBe(200);
}

async function rename(editor: Page, articleId: string, slug: string): Promise<void> {
  const meta = await editor.request.get(`/api/articles/${articleId}?fields=meta`);
  expect(meta.status()).toBe(200);
  const { article } = (await meta.json()) as { article: { version: number } };
  const response = await editor.request.patch(`/api/articles/${articleId}/settings`, { data: { slug, version: article.version } });
  expect(response.status(), `rename to ${slug}: ${await response.text()}`).toBe(200);
}
