import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { articles, claimLibraryItems, claims as claimsTable } from '../schema';
import { transaction } from '../transaction';
import { listClaimLinks, reuseVerdict } from './claim-links';
import { getClaim } from './claims';
import { claimTimeline } from './timeline';
import { listVerdicts, upsertMyVerdict } from './verdicts';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

const setArticle = (db: Db, slug: string, workspaceId: string, values: Partial<typeof articles.$inferInsert>) =>
  transaction(db, async (tx) => {
    await tx.update(articles).set(values).where(and(eq(articles.workspaceId, workspaceId), eq(articles.slug, slug)));
  });

/** The claim of a seeded earlier article (fixtures/demo/earlier) whose statement matches. */
async function earlierClaim(f: ReviewFixture, slug: string, statement: RegExp) {
  const rows = await f.db
    .select({ id: claimsTable.id, number: claimsTable.number, claimText: claimsTable.claimText, verdictId: claimsTable.verdictId, rationale: claimsTable.rationale, title: articles.title })
    .from(claimsTable)
    .innerJoin(articles, eq(articles.id, claimsTable.articleId))
    .where(and(eq(articles.workspaceId, f.workspaceId), eq(articles.slug, slug)));
  return rows.find((r) => statement.test(r.claimText))!;
}

const demoClaim = (f: ReviewFixture, number: number) => f.claims.find((c) => c.number === number)!;

describe('reuseVerdict', () => {
  it('an editor gets the earlier final verdict and the rationale “Based on claim #N in …”; both claims show the link', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    expect(target.verdictId).toBeNull();
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    const result = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: target.version });
    expect(result.claim.verdictId).toBe(source.verdictId);
    expect(result.claim.rationale).toBe(`Based on claim #${source.number} in “${source.title}”: ${source.rationale}`);
    expect(result.claim.version).toBe(target.version + 1);
    expect(result.applied).toEqual({ finalVerdict: true, ownVerdict: false, rationale: true, scaleMismatch: false });
    expect(result.link).toMatchObject({ direction: 'based_on', other: { type: 'claim', id: source.id, number: source.number, articleTitle: source.title } });

    const tom = { userId: f.u.tom, role: 'editor' as const };
    expect(await listClaimLinks(f.db, tom, target.id)).toMatchObject([{ direction: 'based_on', other: { id: source.id } }]);
    expect(await listClaimLinks(f.db, tom, source.id)).toMatchObject([{ direction: 'basis_of', other: { type: 'claim', id: target.id, number: 7, articleTitle: f.article.title, href: `/articles/${f.article.id}?claim=${target.id}` } }]);

    const history = await claimTimeline(f.db, target.id, tom);
    expect(history.map((h) => h.summary).join('\n')).toContain(`based the verdict on claim #${source.number} in “${source.title}”`);

    // Reusing the same claim again adds no second link; a written rationale is kept.
    const again = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: result.claim.version });
    expect(again.claim.rationale).toBe(result.claim.rationale);
    expect(await listClaimLinks(f.db, tom, target.id)).toHaveLength(1);
  });

  it('does not copy a rationale written under blind review into a claim of an article without it', async () => {
    const f = await reviewFixture();
    await setArticle(f.db, 'raqqa-falls', f.workspaceId, { blindReview: true });
    const target = demoClaim(f, 7);
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    expect(source.rationale.trim()).not.toBe('');
    const result = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: target.version });
    expect(result.claim.rationale).toMatch(new RegExp(`^Based on claim #${source.number} in “.*”, rated .+\\.$`));
    expect(result.claim.rationale).not.toContain(source.rationale.trim());
    expect(result.claim.verdictId).toBe(source.verdictId);
  });

  it('refuses a stale version with the current claim, and leaves nothing behind', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    const error = await catchAppError(() => reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: target.version + 5 }));
    expect(error.code).toBe('conflict');
    expect((error.details as { current: { id: string } }).current.id).toBe(target.id);
    expect(await listClaimLinks(f.db, { userId: f.u.tom, role: 'editor' }, target.id)).toEqual([]);
    expect((await getClaim(f.db, target.id)).version).toBe(target.version);
  });

  it('a reviewer gets their own verdict with the reason prefilled; the final verdict is untouched', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    const result = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.ana, role: 'reviewer', from: { claimId: source.id }, version: target.version });
    expect(result.verdict).toMatchObject({ userId: f.u.ana, verdictId: source.verdictId });
    expect(result.verdict!.reason).toMatch(/^Based on claim #\d+ in “Raqqa falls/);
    expect(result.applied.ownVerdict).toBe(true);
    expect(result.claim.verdictId).toBeNull();
    expect(result.claimChanged).toBe(false);
    expect((await listVerdicts(f.db, target.id, f.u.ana, 'reviewer')).mine?.verdictId).toBe(source.verdictId);
  });

  it('refuses to reuse a decision blind review hides from the actor, and a published article’s claim', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    await setArticle(f.db, 'raqqa-falls', f.workspaceId, { blindReview: true });
    const hidden = await catchAppError(() => reuseVerdict(f.db, { claimId: target.id, actorId: f.u.ana, role: 'reviewer', from: { claimId: source.id }, version: target.version }));
    expect(hidden.code).toBe('forbidden');
    // Once Ana gave her own verdict on the earlier claim, she may.
    await upsertMyVerdict(f.db, { claimId: source.id, userId: f.u.ana, verdictId: f.level('true'), reason: '' });
    await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.ana, role: 'reviewer', from: { claimId: source.id }, version: target.version });

    const [published] = await f.db.select().from(articles).where(and(eq(articles.workspaceId, f.workspaceId), eq(articles.status, 'published'))).limit(1);
    const [lockedClaim] = await f.db.select().from(claimsTable).where(eq(claimsTable.articleId, published!.id)).limit(1);
    const locked = await catchAppError(() => reuseVerdict(f.db, { claimId: lockedClaim!.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: lockedClaim!.version }));
    expect(locked.code).toBe('conflict');
    expect(await listClaimLinks(f.db, { userId: f.u.tom, role: 'editor' }, lockedClaim!.id)).toEqual([]);
  });

  it('from a library item: a rating that names a level sets it; one that does not fills the rationale only', async () => {
    const f = await reviewFixture();
    const items = await f.db.select().from(claimLibraryItems).where(eq(claimLibraryItems.workspaceId, f.workspaceId));
    const falseItem = items.find((i) => i.ratingName.toLowerCase() === 'false')!;
    const unmatched = items.find((i) => i.ratingName === 'Unsupported')!;
    const target = demoClaim(f, 7);
    const first = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { libraryItemId: unmatched.id }, version: target.version });
    expect(first.applied).toMatchObject({ finalVerdict: false, rationale: true, scaleMismatch: true });
    expect(first.claim.verdictId).toBeNull();
    expect(first.claim.rationale).toContain(unmatched.url);
    const second = await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { libraryItemId: falseItem.id }, version: first.claim.version });
    expect(second.claim.verdictId).toBe(f.level('false'));
    expect(second.link.other).toMatchObject({ type: 'library', id: falseItem.id, href: falseItem.url });
    expect(await listClaimLinks(f.db, { userId: f.u.tom, role: 'editor' }, target.id)).toHaveLength(2);
  });

  it('refuses items of another workspace, the claim itself, and a claim with nothing to reuse', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    const run = (from: { claimId: string } | { libraryItemId: string }) => catchAppError(() => reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from, version: target.version }));
    expect((await run({ claimId: target.id })).code).toBe('unprocessable');
    expect((await run({ claimId: crypto.randomUUID() })).code).toBe('not_found');
    expect((await run({ libraryItemId: crypto.randomUUID() })).code).toBe('not_found');
    const open = f.claims.find((c) => c.id !== target.id && c.verdictId === null && c.rationale === '');
    if (open) expect((await run({ claimId: open.id })).code).toBe('unprocessable');
  });
});

describe('listClaimLinks under blind review', () => {
  it('hides a link from a reviewer who may not see the claim’s decision, unless they made it', async () => {
    const f = await reviewFixture();
    const target = demoClaim(f, 7);
    const source = await earlierClaim(f, 'raqqa-falls', /civil war began in 2011/);
    await reuseVerdict(f.db, { claimId: target.id, actorId: f.u.tom, role: 'editor', from: { claimId: source.id }, version: target.version });
    await setArticle(f.db, 'demo', f.workspaceId, { blindReview: true });
    const kofi = { userId: f.u.kofi, role: 'reviewer' as const };
    expect(await listClaimLinks(f.db, kofi, target.id)).toEqual([]);
    expect(await listClaimLinks(f.db, kofi, source.id)).toEqual([]);
    const history = await claimTimeline(f.db, target.id, kofi);
    expect(JSON.stringify(history)).not.toContain('based the verdict on');
    expect(await listClaimLinks(f.db, { userId: f.u.tom, role: 'editor' }, target.id)).toHaveLength(1);
  });
});
