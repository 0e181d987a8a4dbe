import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findArticleForExport } from '@/db/queries/report';
import { articles, claims, sources, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createTestDb } from '@/db/test-db';
import { transaction } from '@/db/transaction';
import type { CurrentUser } from '@/lib/domain/users';
import { unauthorized } from '@/lib/errors';
import { requireApiUser } from '@/lib/server/session';
import { GET } from './route';

// apiRoute reads the session through this helper; here it is whoever the test says.
vi.mock('@/lib/server/session', () => ({ requireApiUser: vi.fn(), getCurrentUser: vi.fn() }));
const apiUser = vi.mocked(requireApiUser);

const APP = 'https://desk.example.org';
let db: Db;
let demoId: string;
let publishedId: string;
let excludedClaimId: string;
let ana: CurrentUser;

function get(articleId: string, query: string): Promise<Response> {
  return GET(new Request(`${APP}/api/articles/${articleId}/export?${query}`), { params: Promise.resolve({ articleId }) });
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db);
  demoId = (await findArticleForExport(db, 'demo')).id;
  publishedId = (await db.select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).limit(1))[0]!.id;
  const anaRow = (await db.select().from(users).where(eq(users.email, 'ana@claimdesk.demo')).limit(1))[0]!;
  ana = { id: anaRow.id, email: anaRow.email, name: anaRow.name, sessionId: 's', mustChangePassword: false, twoFactorEnabled: false, twoFactorSetupRequired: false };
  const demoClaims = await db.select({ id: claims.id, number: claims.number }).from(claims).where(eq(claims.articleId, demoId)).orderBy(claims.number);
  excludedClaimId = demoClaims[1]!.id;
  await transaction(db, async (tx) => {
    await tx.update(claims).set({ exclusionReason: 'Opinion, not a factual claim.' }).where(eq(claims.id, excludedClaimId));
    await tx.insert(sources).values({ claimId: demoClaims[0]!.id, url: 'https://tip.example/confidential', title: 'A confidential tip', position: 99 });
  });
});
beforeEach(() => {
  (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb = db;
  vi.stubEnv('NEXTAUTH_URL', APP);
  apiUser.mockReset();
  apiUser.mockResolvedValue(ana);
});
afterEach(() => {
  delete (globalThis as unknown as { claimdeskDb?: Db }).claimdeskDb;
  vi.unstubAllEnvs();
});

describe('GET /api/articles/:id/export', () => {
  it('refuses ClaimReview of an unpublished article with 409, naming draft=1', async () => {
    const response = await get(demoId, 'format=claimreview');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: 'This fact-check is not published. Publish it first, or export a draft (draft=1).', details: { status: 'in_review', draftOption: 'draft=1' } },
    });
  });

  it('exports a draft ClaimReview with draft=1: marked Draft, no datePublished, no excluded claim', async () => {
    const response = await get(demoId, 'format=claimreview&draft=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/-claimreview-draft\.jsonld"$/);
    const reviews = (await response.json()) as Array<Record<string, unknown>>;
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.creativeWorkStatus === 'Draft' && !('datePublished' in r))).toBe(true);
    expect(JSON.stringify(reviews)).not.toContain('tip.example');
  });

  it('validates draft', async () => {
    const response = await get(demoId, 'format=claimreview&draft=maybe');
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('draft must be 1 (export a draft) or 0.');
    expect((await get(demoId, 'format=docx&draft=1')).status).toBe(400);
  });

  it('exports the published article’s ClaimReview dated by its publication, even with draft=1', async () => {
    const [article] = await db.select({ firstPublishedAt: articles.firstPublishedAt }).from(articles).where(eq(articles.id, publishedId));
    const day = article!.firstPublishedAt!.toISOString().slice(0, 10);
    for (const query of ['format=claimreview', 'format=claimreview&draft=1']) {
      const response = await get(publishedId, query);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/-claimreview\.jsonld"$/);
      const reviews = (await response.json()) as Array<Record<string, unknown>>;
      expect(reviews.length).toBeGreaterThan(0);
      expect(reviews.every((r) => r.datePublished === day && !('creativeWorkStatus' in r))).toBe(true);
      // The desk's URL pattern if it has one, else Claimdesk's public claim page, with the stable claim number.
      expect(reviews.every((r) => /(#claim-|\/fact-checks\/demo-desk\/[a-z0-9-]+\/claims\/)\d+$/.test(String(r.url)))).toBe(true);
    }
  });

  it('exports W3C for publication: dereferenceable ids, no excluded claim, no internal source', async () => {
    const response = await get(demoId, 'format=w3c');
    expect(response.status).toBe(200);
    const collection = (await response.json()) as { total: number; first: { items: Array<{ id: string }> } };
    expect(collection.total).toBe(6);
    expect(collection.first.items.map((a) => a.id)).not.toContain(`${APP}/annotations/${excludedClaimId}`);
    for (const annotation of collection.first.items) expect(annotation.id).toMatch(new RegExp(`^${APP}/annotations/[0-9a-f-]{36}$`));
    const text = JSON.stringify(collection);
    expect(text).not.toContain('tip.example');
  });

  it('exports internal reports with everything, internal sources marked', async () => {
    const html = await (await get(demoId, 'format=html')).text();
    expect(html).toContain('A confidential tip');
    expect(html).toContain('<span class="vis vis-internal">Internal</span>');
    expect(html).toContain('Not part of the fact-check');
    expect(html).toContain('Opinion, not a factual claim.');
    const json = (await (await get(demoId, 'format=json')).json()) as { audience: string; claims: unknown[] };
    expect(json.audience).toBe('internal');
    expect(json.claims).toHaveLength(7);
  });

  it('still asks outsiders and signed-out callers nothing', async () => {
    apiUser.mockRejectedValue(unauthorized());
    expect((await get(demoId, 'format=claimreview')).status).toBe(401);
    const omar = (await db.select().from(users).where(and(eq(users.email, 'omar@other.demo'))).limit(1))[0]!;
    apiUser.mockResolvedValue({ ...ana, id: omar.id });
    expect((await get(demoId, 'format=claimreview&draft=1')).status).toBe(404);
  });
});
