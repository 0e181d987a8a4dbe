import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { articles } from '../schema';
import { transaction } from '../transaction';
import { canSeeClaimDecision, claimsWithHiddenDecision, countClaims, getClaimForViewer, listClaimRowsForViewer, listClaimsForViewer } from './claim-views';
import { reviewFixture } from '@/test/fixtures/review-db';
import { upsertMyVerdict } from './verdicts';

const turnOnBlindReview = (db: Db, articleId: string) =>
  transaction(db, async (tx) => {
    await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, articleId));
  });

describe('claims as a viewer may see them', () => {
  it('shows final verdicts to everyone when blind review is off', async () => {
    const { db, u, article } = await reviewFixture();
    const claims = await listClaimsForViewer(db, article.id, { userId: u.kofi, role: 'reviewer' });
    expect(claims.filter((c) => c.verdictId !== null)).toHaveLength(6);
    expect(claims.every((c) => !c.verdictHidden)).toBe(true);
  });

  it('under blind review hides the final verdict from a reviewer until they vote; editors always see it', async () => {
    const { db, u, article, level } = await reviewFixture();
    await turnOnBlindReview(db, article.id);
    const kofi = { userId: u.kofi, role: 'reviewer' as const };
    const hidden = await listClaimsForViewer(db, article.id, kofi);
    expect(hidden.filter((c) => c.verdictId !== null)).toHaveLength(0);
    // Every claim Kofi has not rated, decided or not: "hidden" must not mean "decided".
    expect(hidden.filter((c) => c.verdictHidden)).toHaveLength(7);

    const target = hidden.find((c) => c.verdictHidden)!;
    await upsertMyVerdict(db, { claimId: target.id, userId: u.kofi, verdictId: level('false'), reason: 'My own reading.' });
    const after = await getClaimForViewer(db, target.id, kofi);
    expect(after.verdictHidden).toBe(false);
    expect(after.verdictId).not.toBeNull();

    const editorView = await listClaimsForViewer(db, article.id, { userId: u.tom, role: 'editor' });
    expect(editorView.filter((c) => c.verdictId !== null)).toHaveLength(6);
  });
});

describe('blind review hides the whole decision: verdict, rationale and status', () => {
  it('withholds rationale and status (including “resolved”) from a reviewer who has not voted, until they vote', async () => {
    const { db, u, article, level } = await reviewFixture();
    const before = await listClaimsForViewer(db, article.id, { userId: u.tom, role: 'editor' });
    const resolved = before.find((c) => c.status === 'resolved' && c.rationale.trim() !== '')!;
    expect(resolved).toBeDefined();
    await turnOnBlindReview(db, article.id);
    const ana = { userId: u.ana, role: 'reviewer' as const };

    const seen = await getClaimForViewer(db, resolved.id, ana);
    expect(seen).toMatchObject({ verdictId: null, rationale: '', status: null, verdictHidden: true });
    expect(JSON.stringify(await listClaimsForViewer(db, article.id, ana))).not.toContain(resolved.rationale);
    expect((await listClaimsForViewer(db, article.id, ana)).every((c) => c.status === null && c.rationale === '')).toBe(true);
    // Viewers cannot vote, so under blind review they never see the decision.
    expect((await getClaimForViewer(db, resolved.id, { userId: u.vera, role: 'viewer' })).status).toBeNull();
    expect(await canSeeClaimDecision(db, resolved.id, ana)).toBe(false);
    expect(await canSeeClaimDecision(db, resolved.id, { userId: u.tom, role: 'editor' })).toBe(true);

    await upsertMyVerdict(db, { claimId: resolved.id, userId: u.ana, verdictId: level('true'), reason: 'Mine.' });
    expect(await getClaimForViewer(db, resolved.id, ana)).toMatchObject({ status: 'resolved', rationale: resolved.rationale, verdictId: resolved.verdictId, verdictHidden: false });
    expect(await canSeeClaimDecision(db, resolved.id, ana)).toBe(true);
  });

  it('claimsWithHiddenDecision: nothing without blind review or for editors, and 404 for an unknown claim', async () => {
    const { db, u, article, claims } = await reviewFixture();
    const ids = claims.map((c) => c.id);
    expect((await claimsWithHiddenDecision(db, article.id, ids, { userId: u.ana, role: 'reviewer' })).size).toBe(0);
    await turnOnBlindReview(db, article.id);
    expect((await claimsWithHiddenDecision(db, article.id, ids, { userId: u.nadia, role: 'owner' })).size).toBe(0);
    expect((await claimsWithHiddenDecision(db, article.id, ids, { userId: u.ana, role: 'reviewer' })).size).toBe(ids.length);
    expect((await claimsWithHiddenDecision(db, article.id, [], { userId: u.ana, role: 'reviewer' })).size).toBe(0);
    await expect(canSeeClaimDecision(db, crypto.randomUUID(), { userId: u.ana, role: 'reviewer' })).rejects.toThrow('Claim not found.');
  });
});

describe('list rows (the workbench list and GET /api/articles/:id/claims)', () => {
  it('are the same claims, slim, and redacted the same way under blind review', async () => {
    const { db, u, article } = await reviewFixture();
    const editor = { userId: u.tom, role: 'editor' as const };
    const full = await listClaimsForViewer(db, article.id, editor);
    const rows = await listClaimRowsForViewer(db, article.id, editor);
    expect(rows.map((r) => r.id)).toEqual(full.map((c) => c.id));
    expect(rows.map((r) => [r.number, r.verdictId, r.status, r.sourceCount])).toEqual(full.map((c) => [c.number, c.verdictId, c.status, c.sources.length]));
    expect(rows.every((r) => !('rationale' in r) && !('sources' in r))).toBe(true);
    expect(await countClaims(db, article.id)).toBe(full.length);
    expect(await countClaims(db, crypto.randomUUID())).toBe(0);

    await turnOnBlindReview(db, article.id);
    const ana = { userId: u.ana, role: 'reviewer' as const };
    const hidden = await listClaimRowsForViewer(db, article.id, ana);
    expect(hidden.every((r) => r.verdictHidden && r.verdictId === null && r.status === null)).toBe(true);
    const rationale = full.find((c) => c.rationale.trim() !== '')?.rationale;
    if (rationale) expect(JSON.stringify(hidden)).not.toContain(rationale);
  });
});
