import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { type Db } from '../client';
import { execRaw, migrationStatements } from '@/test/fixtures/migration-sql';
import { transaction } from '../transaction';
import { articles, claims } from '../schema';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { createArticle } from './articles';
import { createClaim } from './claims';

/**
 * Migration 0002_publishing numbers the claims that existed before stable numbers: 1, 2, 3 … per
 * article by creation time, the counter at the highest, and published articles dated. The test
 * puts a migrated database back in the pre-migration state (no numbers, no index) and runs the
 * migration's own backfill statements, on whichever dialect the run uses.
 */

const TEXT = 'Alpha said one thing.\n\nBeta said another thing.\n\nGamma disagreed with both of them.';

function backfillStatements(db: Db): string[] {
  const statements = migrationStatements(db, '0002_publishing.sql');
  const start = statements.findIndex((s) => s.startsWith('UPDATE claims SET number'));
  const index = statements.findIndex((s) => /CREATE UNIQUE INDEX .claims_article_number_idx./.test(s));
  expect(start, 'the backfill is in the migration').toBeGreaterThan(-1);
  return statements.slice(start, index + 1);
}


let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

describe('migration 0002: numbering existing claims', () => {
  it('numbers by creation time per article, sets the counters, dates published articles', async () => {
    const make = (title: string) => createArticle(f.db, { workspaceId: f.workspaceId, title, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });
    const a = await make('A');
    const b = await make('B');
    const span = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
    // Created out of text order, interleaved between the articles.
    const a1 = await createClaim(f.db, { articleId: a.id, revision: 1, ...span('Gamma disagreed'), actorId: f.u.tom });
    const b1 = await createClaim(f.db, { articleId: b.id, revision: 1, ...span('Alpha said'), actorId: f.u.tom });
    const a2 = await createClaim(f.db, { articleId: a.id, revision: 1, ...span('Alpha said'), actorId: f.u.tom });
    const a3 = await createClaim(f.db, { articleId: a.id, revision: 1, ...span('Beta said'), actorId: f.u.tom });
    const publishedAt = new Date('2026-01-02T03:04:05.678Z');
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ status: 'published', updatedAt: publishedAt }).where(eq(articles.id, b.id));
    });

    // Back to the state before the migration: no numbers, no counters, no dates, no unique index.
    await execRaw(f.db, 'DROP INDEX claims_article_number_idx');
    await execRaw(f.db, 'UPDATE claims SET number = 0, first_published_at = NULL');
    await execRaw(f.db, 'UPDATE articles SET claim_counter = 0, first_published_at = NULL');
    for (const statement of backfillStatements(f.db)) await execRaw(f.db, statement);

    const numbers = await f.db.select({ id: claims.id, number: claims.number, firstPublishedAt: claims.firstPublishedAt }).from(claims).where(eq(claims.articleId, a.id)).orderBy(asc(claims.number));
    expect(numbers.map((c) => c.id)).toEqual([a1.id, a2.id, a3.id]);
    expect(numbers.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(numbers.every((c) => c.firstPublishedAt === null)).toBe(true);
    const [claimOfB] = await f.db.select().from(claims).where(eq(claims.id, b1.id));
    expect(claimOfB).toMatchObject({ number: 1, firstPublishedAt: publishedAt });

    const counters = await f.db.select({ id: articles.id, counter: articles.claimCounter, firstPublishedAt: articles.firstPublishedAt }).from(articles);
    expect(counters.find((r) => r.id === a.id)).toMatchObject({ counter: 3, firstPublishedAt: null });
    expect(counters.find((r) => r.id === b.id)).toMatchObject({ counter: 1, firstPublishedAt: publishedAt });
    // The demo article's seven seeded claims were numbered too, and new claims continue from there.
    expect(counters.find((r) => r.id === f.article.id)?.counter).toBe(f.claims.length);
    const next = await createClaim(f.db, { articleId: a.id, revision: 1, ...span('thing'), actorId: f.u.tom });
    expect(next.number).toBe(4);
  });
});
