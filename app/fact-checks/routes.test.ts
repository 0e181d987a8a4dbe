import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articlePublications, articles, workspaces } from '@/db/schema';
import { createTestDb } from '@/db/test-db';
import { transaction } from '@/db/transaction';
import type { ReportViewModel } from '@/lib/export/view-model';
import { toPublicView } from '@/lib/publishing/public-view';
import { PUBLIC_PAGE_CSP } from '@/lib/publishing/public-page/headers';
import { childElements, childText, parseXml } from '@/lib/publishing/public-page/xml-parse.test-helper';
import { buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';
import { GET as articleGET } from './[workspaceSlug]/[articleSlug]/route';
import { GET as claimGET } from './[workspaceSlug]/[articleSlug]/claims/[claimNumber]/route';
import { GET as feedGET } from './[workspaceSlug]/feed.xml/route';
import { GET as sitemapGET } from './[workspaceSlug]/sitemap.xml/route';
import { GET as restGET } from './[...rest]/route';

/**
 * The public routes end to end below HTTP: a real (test) database holding publication rows, the
 * route handlers called as Next.js calls them. getDb() hands out the handle on globalThis.
 */

const APP = 'https://desk.example.org';
let db: Db;

beforeEach(async () => {
  db = await createTestDb();
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = db;
  vi.stubEnv('NEXTAUTH_URL', `${APP}/`);
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  vi.unstubAllEnvs();
});

function snapshot(): ReportViewModel {
  const internal = buildPublishedFixtureViewModel();
  const vm = toPublicView(internal, internal.publication!);
  return { ...vm, workspace: { ...vm.workspace, slug: 'desk', factCheckUrlPattern: null }, article: { ...vm.article, slug: 'economy' } };
}

/** A workspace "desk" with: economy (published, later renamed from "economy-old"), draft-one, gone (retracted). */
async function seed(): Promise<void> {
  await transaction(db, async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ slug: 'desk', name: 'Desk', organizationName: 'Desk Fact Check' }).returning({ id: workspaces.id });
    const workspaceId = ws!.id;
    const doc = { type: 'doc', content: [] };
    const rows = await tx
      .insert(articles)
      .values([
        { workspaceId, slug: 'economy', title: 'Economy', docJson: doc, plainText: '', status: 'published', firstPublishedAt: new Date('2024-03-08T09:00:00Z') },
        { workspaceId, slug: 'draft-one', title: 'Draft', docJson: doc, plainText: '', status: 'draft' },
        { workspaceId, slug: 'gone', title: 'Gone', docJson: doc, plainText: '', status: 'retracted', firstPublishedAt: new Date('2024-03-01T09:00:00Z') },
      ])
      .returning({ id: articles.id, slug: articles.slug });
    const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
    await tx.insert(articlePublications).values([
      { workspaceId, articleId: id('economy'), sequence: 1, kind: 'published', workspaceSlug: 'desk', articleSlug: 'economy-old', snapshot: snapshot(), createdAt: new Date('2024-03-08T09:00:00Z') },
      { workspaceId, articleId: id('gone'), sequence: 1, kind: 'published', workspaceSlug: 'desk', articleSlug: 'gone', snapshot: { ...snapshot(), article: { ...snapshot().article, slug: 'gone', title: 'Gone' } }, createdAt: new Date('2024-03-01T09:00:00Z') },
      { workspaceId, articleId: id('gone'), sequence: 2, kind: 'retracted', note: 'The data was wrong.', workspaceSlug: 'desk', articleSlug: 'gone', createdAt: new Date('2024-04-02T08:00:00Z') },
    ]);
  });
}

const request = (path: string) => new Request(`http://127.0.0.1:3000${path}`);
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });
const article = (ws: string, slug: string) => articleGET(request(`/fact-checks/${ws}/${slug}`), params({ workspaceSlug: ws, articleSlug: slug }));
const claim = (ws: string, slug: string, n: string) => claimGET(request(`/fact-checks/${ws}/${slug}/claims/${n}`), params({ workspaceSlug: ws, articleSlug: slug, claimNumber: n }));

function expectPublicHeaders(response: Response, type: string) {
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
  expect(response.headers.get('content-security-policy')).toBe(PUBLIC_PAGE_CSP);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('public fact-check routes', () => {
  it('serve the published article and claim pages', async () => {
    await seed();
    const page = await article('desk', 'economy');
    expect(page.status).toBe(200);
    expectPublicHeaders(page, 'text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(`<link rel="canonical" href="${APP}/fact-checks/desk/economy"/>`);
    expect(html).not.toContain('application/ld+json');

    const one = await claim('desk', 'economy', '1');
    expect(one.status).toBe(200);
    expectPublicHeaders(one, 'text/html; charset=utf-8');
    const blocks = [...(await one.text()).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@type': string; url: string });
    expect(blocks).toEqual([expect.objectContaining({ '@type': 'ClaimReview', url: `${APP}/fact-checks/desk/economy/claims/1` })]);
  });

  it('point the ClaimReview url at the workspace’s current URL pattern when one is set', async () => {
    await seed();
    await transaction(db, async (tx) => {
      await tx.update(workspaces).set({ factCheckUrlPattern: 'https://desk.example.net/checks/{article}/{claim}' }).where(eq(workspaces.slug, 'desk'));
    });
    const html = await (await claim('desk', 'economy', '2')).text();
    const [review] = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { url: string });
    expect(review?.url).toBe('https://desk.example.net/checks/economy/2');
    expect(html).toContain(`<link rel="canonical" href="${APP}/fact-checks/desk/economy/claims/2"/>`);
  });

  it('answer 404 (styled, cached briefly) for unpublished, unknown, excluded or malformed addresses', async () => {
    await seed();
    const misses = [
      article('desk', 'draft-one'),
      article('desk', 'nope'),
      article('nope', 'economy'),
      claim('desk', 'economy', '8'), // excluded from the fact-check
      claim('desk', 'economy', '99'),
      claim('desk', 'economy', '01'),
      claim('desk', 'economy', 'x'),
      claim('desk', 'draft-one', '1'),
      article('desk', 'x'.repeat(300)),
      restGET(),
    ];
    for (const response of await Promise.all(misses)) {
      expect(response.status).toBe(404);
      expectPublicHeaders(response, 'text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('Fact-check not found');
      expect(html).toContain('<meta name="robots" content="noindex"/>');
    }
  });

  it('redirect an earlier slug (308) to the current address, claim pages too', async () => {
    await seed();
    const moved = await article('desk', 'economy-old');
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe(`${APP}/fact-checks/desk/economy`);
    const movedClaim = await claim('desk', 'economy-old', '3');
    expect(movedClaim.status).toBe(308);
    expect(movedClaim.headers.get('location')).toBe(`${APP}/fact-checks/desk/economy/claims/3`);
  });

  it('show a retracted fact-check with its notice, noindex, and no ClaimReview', async () => {
    await seed();
    for (const response of [await article('desk', 'gone'), await claim('desk', 'gone', '1')]) {
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('This fact-check was retracted on 2 April 2024.');
      expect(html).toContain('The data was wrong.');
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect(html).not.toContain('application/ld+json');
    }
  });

  it('list published, not retracted, fact-checks in the sitemap and the feed', async () => {
    await seed();
    const sitemap = await sitemapGET(request('/fact-checks/desk/sitemap.xml'), params({ workspaceSlug: 'desk' }));
    expect(sitemap.status).toBe(200);
    expectPublicHeaders(sitemap, 'application/xml; charset=utf-8');
    const locs = childElements(parseXml(await sitemap.text()), 'url').map((u) => childText(u, 'loc'));
    expect(locs).toEqual([`${APP}/fact-checks/desk/economy`, ...[1, 2, 3, 4, 5, 6, 7].map((n) => `${APP}/fact-checks/desk/economy/claims/${n}`)]);

    const feed = await feedGET(request('/fact-checks/desk/feed.xml'), params({ workspaceSlug: 'desk' }));
    expect(feed.status).toBe(200);
    expectPublicHeaders(feed, 'application/atom+xml; charset=utf-8');
    const entries = childElements(parseXml(await feed.text()), 'entry');
    expect(entries.map((e) => childText(e, 'id'))).toEqual([`${APP}/fact-checks/desk/economy`]);

    expect((await sitemapGET(request('/fact-checks/nope/sitemap.xml'), params({ workspaceSlug: 'nope' }))).status).toBe(404);
    expect((await feedGET(request('/fact-checks/nope/feed.xml'), params({ workspaceSlug: 'nope' }))).status).toBe(404);
  });
});
