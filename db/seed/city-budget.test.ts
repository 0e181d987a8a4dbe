import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { articlePublications, articles, ratingLevels, replyAttempts, users, workspaces } from '../schema';
import { listClaims } from '../queries/claims';
import { findPublicFactCheck } from '../queries/public-fact-checks';
import { listReplyAttempts } from '../queries/reply-attempts';
import { CITY_BUDGET_CLAIMS } from './city-budget-claims';
import { cityBudgetPublicUrl, loadCityBudgetArticle } from './city-budget';
import { seedDemo } from './demo';

const APP_URL = 'http://claimdesk.test:4000';
let db: Db;

beforeEach(async () => {
  db = await createTestDb();
  await seedDemo(db, { appUrl: APP_URL });
});

async function demoArticles() {
  const [desk] = await db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).limit(1);
  return db.select().from(articles).where(eq(articles.workspaceId, desk!.id));
}

describe('the published demo fact-check', () => {
  it('is a short fictional story with the checked statements in it', () => {
    const { metadata, text } = loadCityBudgetArticle();
    expect(metadata).toMatchObject({ workspace: 'demo-desk', slug: 'city-budget-fact-check' });
    const words = text.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(350);
    expect(words).toBeLessThanOrEqual(500);
    for (const claim of CITY_BUDGET_CLAIMS) expect(text).toContain(claim.quote);
    expect(cityBudgetPublicUrl(APP_URL)).toBe(`${APP_URL}/fact-checks/demo-desk/city-budget-fact-check`);
  });

  it('is seeded next to the worked demo article, which stays as it was', async () => {
    const list = await demoArticles();
    // With the earlier fact-checks "Already checked?" suggests from (db/seed/earlier-articles.ts).
    expect(list.map((a) => [a.slug, a.status]).sort()).toEqual([
      ['abu-kamal-retaken', 'ready'],
      ['city-budget-fact-check', 'published'],
      ['demo', 'in_review'],
      ['raqqa-falls', 'ready'],
      ['washington-built-is', 'ready'],
    ]);
    const worked = list.find((a) => a.slug === 'demo')!;
    expect(worked.firstPublishedAt).toBeNull();
    expect(await listClaims(db, worked.id)).toHaveLength(7);
    expect(await db.select().from(users)).toHaveLength(6);
  });

  it('has four claims with final verdicts, public and internal sources, and a right-of-reply log', async () => {
    const article = (await demoArticles()).find((a) => a.slug === 'city-budget-fact-check')!;
    expect(article.firstPublishedAt).not.toBeNull();
    const claims = await listClaims(db, article.id);
    expect(claims.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    const levels = await db.select({ id: ratingLevels.id, key: ratingLevels.key }).from(ratingLevels);
    expect(claims.map((c) => levels.find((l) => l.id === c.verdictId)?.key)).toEqual(['misleading', 'half-true', 'false', 'true']);
    for (const claim of claims) {
      expect(claim).toMatchObject({ status: 'resolved', anchorState: 'anchored', exclusionReason: null });
      expect(claim.rationale.length).toBeGreaterThan(100);
      expect(claim.firstPublishedAt).not.toBeNull();
    }
    const sources = claims.flatMap((c) => c.sources);
    expect(sources.filter((s) => !s.isPublic).map((s) => s.title)).toEqual(['Tip from a council staffer']);
    expect(sources.filter((s) => s.isPublic)).toHaveLength(8);

    const replies = await listReplyAttempts(db, claims[0]!.id);
    expect(replies).toMatchObject([{ method: 'email', showPublicly: true, respondedOn: '2026-11-17', response: expect.stringContaining('tax rate') }]);
    expect(await listReplyAttempts(db, claims[1]!.id)).toMatchObject([{ response: null, respondedOn: null, showPublicly: true }]);
  });

  it('is served publicly from its snapshot, without the internal source or contacts', async () => {
    const found = await findPublicFactCheck(db, 'demo-desk', 'city-budget-fact-check');
    if (found.kind !== 'found') throw new Error(`expected the fact-check, got ${found.kind}`);
    expect(found.publication.kind).toBe('published');
    const { snapshot } = found;
    expect(snapshot.audience).toBe('public');
    expect(snapshot.claims).toHaveLength(4);
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain('Tip from a council staffer');
    expect(json).not.toContain('press@riverton.example');
    expect(json).toContain('A spokesperson for Mayor Marsh');
    expect(snapshot.claims[1]!.replies).toMatchObject([{ response: null, contact: '' }]);
    expect(json).toContain(APP_URL);
  });

  it('is not seeded twice, also after its slug changed', async () => {
    expect(await seedDemo(db, { appUrl: APP_URL })).toEqual({ created: false });
    expect(await demoArticles()).toHaveLength(5);
    expect(await db.select().from(replyAttempts)).toHaveLength(2);
    expect(await db.select().from(articlePublications)).toHaveLength(1);

    await transaction(db, async (tx) => {
      await tx.update(articles).set({ slug: 'riverton-budget' }).where(eq(articles.slug, 'city-budget-fact-check'));
    });
    expect(await seedDemo(db, { appUrl: APP_URL })).toEqual({ created: false });
    expect((await demoArticles()).map((a) => a.slug).sort()).toEqual(['abu-kamal-retaken', 'demo', 'raqqa-falls', 'riverton-budget', 'washington-built-is']);
  });

  it('finishes a seed that stopped before publishing', async () => {
    const db2 = await createTestDb();
    await seedDemo(db2, { appUrl: APP_URL });
    await transaction(db2, async (tx) => {
      const [article] = await tx.select().from(articles).where(eq(articles.slug, 'city-budget-fact-check'));
      await tx.delete(articlePublications).where(eq(articlePublications.articleId, article!.id));
      await tx.update(articles).set({ status: 'ready', firstPublishedAt: null }).where(and(eq(articles.id, article!.id)));
    });
    expect(await seedDemo(db2, { appUrl: APP_URL })).toEqual({ created: true });
    const [article] = await db2.select().from(articles).where(eq(articles.slug, 'city-budget-fact-check'));
    expect(article!.status).toBe('published');
    expect(await db2.select().from(articlePublications)).toHaveLength(1);
  });
});
