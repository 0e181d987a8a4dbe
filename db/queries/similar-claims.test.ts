import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { articles, claims as claimsTable } from '../schema';
import { transaction } from '../transaction';
import { createArticle } from './articles';
import { createClaim, updateClaim } from './claims';
import { findSimilarClaims } from './similar-claims';
import { upsertMyVerdict } from './verdicts';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

const setArticle = (db: Db, slug: string, workspaceId: string, values: Partial<typeof articles.$inferInsert>) =>
  transaction(db, async (tx) => {
    await tx.update(articles).set(values).where(and(eq(articles.workspaceId, workspaceId), eq(articles.slug, slug)));
  });

/** A new article with one claim whose statement is `statement`; returns the claim. */
async function claimIn(f: ReviewFixture, statement: string, options: { workspaceId?: string; title?: string; verdict?: string; author?: string } = {}) {
  const text = `${statement}\n\nSome other words follow here.`;
  const author = options.author ?? f.u.tom;
  const article = await createArticle(f.db, { title: options.title ?? 'A test article', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', workspaceId: options.workspaceId ?? f.workspaceId, text, createdBy: author });
  const claim = await createClaim(f.db, { articleId: article.id, revision: article.revision, start: 0, end: Array.from(statement).length > 0 ? statement.length : 1, actorId: author });
  const updated = await updateClaim(f.db, claim.id, { version: claim.version, claimText: statement, ...(options.verdict ? { verdictId: f.level(options.verdict, options.workspaceId ?? f.workspaceId), rationale: `Checked: ${options.verdict}.` } : {}) }, author);
  return { article, claim: updated };
}

const demoClaim = (f: ReviewFixture, number: number) => f.claims.find((c) => c.number === number)!;

describe('findSimilarClaims', () => {
  it('suggests the seeded earlier claims and library items for the demo article’s first claim, never its own article', async () => {
    const f = await reviewFixture();
    const similar = await findSimilarClaims(f.db, { userId: f.u.ana }, demoClaim(f, 1).id);
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    const top = similar[0]!;
    expect(top.claimText).toMatch(/United States created the Islamic State/);
    expect(top.verdict?.label).toBe('False');
    expect(top.reasons.join(' ')).toMatch(/created/);
    expect(similar.every((s) => s.articleId !== f.article.id)).toBe(true);
    const claim = similar.find((s) => s.type === 'claim')!;
    expect(claim).toMatchObject({ external: false, decisionHidden: false, href: `/articles/${claim.articleId}?claim=${claim.id}` });
    expect(claim.articleTitle).toBeTruthy();
    expect(claim.claimNumber).toBeGreaterThan(0);
    const library = similar.find((s) => s.type === 'library');
    expect(library).toMatchObject({ external: true });
    expect(library!.href).toMatch(/^https:\/\//);
    // Best first, scores 0–1.
    expect(similar.map((s) => s.score)).toEqual([...similar.map((s) => s.score)].sort((a, b) => b - a));
    expect(similar.every((s) => s.score > 0 && s.score <= 1)).toBe(true);
  });

  it('finds the same figure: the civil war “since 2011”', async () => {
    const f = await reviewFixture();
    const similar = await findSimilarClaims(f.db, { userId: f.u.kofi }, demoClaim(f, 7).id);
    expect(similar[0]!.claimText).toMatch(/civil war began in 2011/);
    expect(similar[0]!.reasons).toContain('same figure 2011');
    expect(similar[0]!.verdict?.label).toBe('True');
    expect(similar[0]!.date).toBe('2017-10-17');
  });

  it('finds the same when the index’s best rows are all out of scope (the full lookup takes over)', async () => {
    const f = await reviewFixture();
    const usual = await findSimilarClaims(f.db, { userId: f.u.ana }, demoClaim(f, 1).id);
    expect(await findSimilarClaims(f.db, { userId: f.u.ana }, demoClaim(f, 1).id, { prefilter: 1 })).toEqual(usual);
  });

  it('respects the limit and an unknown or foreign claim is not found', async () => {
    const f = await reviewFixture();
    expect(await findSimilarClaims(f.db, { userId: f.u.ana }, demoClaim(f, 1).id, { limit: 1 })).toHaveLength(1);
    expect((await catchAppError(() => findSimilarClaims(f.db, { userId: f.u.omar }, demoClaim(f, 1).id))).code).toBe('not_found');
    expect((await catchAppError(() => findSimilarClaims(f.db, { userId: f.u.ana }, crypto.randomUUID()))).code).toBe('not_found');
  });

  it('hides the decision of a blind-review claim from a reviewer who has not voted on it', async () => {
    const f = await reviewFixture();
    await setArticle(f.db, 'washington-built-is', f.workspaceId, { blindReview: true });
    const find = async (userId: string) => (await findSimilarClaims(f.db, { userId }, demoClaim(f, 1).id)).find((s) => s.articleTitle?.startsWith('Tehran repeats'))!;
    const hidden = await find(f.u.ana);
    expect(hidden).toMatchObject({ decisionHidden: true, verdict: null, rationale: '' });
    expect(JSON.stringify(hidden)).not.toMatch(/No evidence supports the charge/);
    expect(await find(f.u.tom)).toMatchObject({ decisionHidden: false, verdict: { label: 'False' } });
    expect((await find(f.u.vera)).decisionHidden).toBe(true);
    await upsertMyVerdict(f.db, { claimId: hidden.id, userId: f.u.ana, verdictId: f.level('false'), reason: 'Mine.' });
    expect(await find(f.u.ana)).toMatchObject({ decisionHidden: false, verdict: { label: 'False' } });
  });

  it('leaves out trashed articles and other workspaces', async () => {
    const f = await reviewFixture();
    const statement = 'The United States created the Islamic State group and supported it.';
    const other = await claimIn(f, statement, { workspaceId: f.otherWorkspaceId, title: 'Other desk article', verdict: 'true', author: f.u.omar });
    await setArticle(f.db, 'washington-built-is', f.workspaceId, { deletedAt: new Date() });
    const similar = await findSimilarClaims(f.db, { userId: f.u.ana }, demoClaim(f, 1).id);
    expect(similar.map((s) => s.id)).not.toContain(other.claim.id);
    expect(similar.some((s) => s.articleTitle?.startsWith('Tehran repeats'))).toBe(false);
    // And the other desk's claim finds nothing of ours.
    expect((await findSimilarClaims(f.db, { userId: f.u.omar }, other.claim.id)).every((s) => s.type === 'library' || s.articleTitle === 'Other desk article')).toBe(true);
    expect(await findSimilarClaims(f.db, { userId: f.u.omar }, other.claim.id)).toEqual([]);
  });

  it('ranks “same claim, different figure” below the same figure and says why', async () => {
    const f = await reviewFixture();
    await claimIn(f, 'Unemployment in Riverton fell to 4.1 percent in 2016', { title: 'Jobs report A', verdict: 'true' });
    await claimIn(f, 'Unemployment in Riverton fell to 6.3 percent in 2016', { title: 'Jobs report B', verdict: 'false' });
    const { claim } = await claimIn(f, 'Riverton unemployment fell to 4.1% in 2016', { title: 'Jobs report C' });
    const similar = await findSimilarClaims(f.db, { userId: f.u.ana }, claim.id);
    expect(similar.map((s) => s.articleTitle)).toEqual(['Jobs report A', 'Jobs report B']);
    expect(similar[0]!.reasons).toContain('same figures 4.1%, 2016');
    expect(similar[1]!.reasons).toContain('different figure: 4.1% vs 6.3%');
  });

  it('matches Persian statements (digits in either script)', async () => {
    const f = await reviewFixture();
    const earlier = await claimIn(f, 'نرخ تورم در ایران به ۴۰ درصد رسید', { title: 'گزارش تورم', verdict: 'mostly-true' });
    const { claim } = await claimIn(f, 'تورم ایران به 40 درصد رسیده است', { title: 'گزارش تازه' });
    const similar = await findSimilarClaims(f.db, { userId: f.u.ana }, claim.id);
    expect(similar[0]?.id).toBe(earlier.claim.id);
    expect(similar[0]!.reasons).toContain('same figure 40%');
  });

  it('answers an empty list for a statement with nothing to look up', async () => {
    const f = await reviewFixture();
    const { claim } = await claimIn(f, '?!… — the of and');
    expect(await findSimilarClaims(f.db, { userId: f.u.ana }, claim.id)).toEqual([]);
    // A very long statement is looked up by its first words only, and still answers.
    const long = await claimIn(f, `The United States created the Islamic State ${'and more words '.repeat(2000)}`);
    await transaction(f.db, async (tx) => {
      await tx.update(claimsTable).set({ claimText: long.claim.claimText }).where(eq(claimsTable.id, long.claim.id));
    });
    expect((await findSimilarClaims(f.db, { userId: f.u.ana }, long.claim.id)).length).toBeGreaterThanOrEqual(0);
  });
});
