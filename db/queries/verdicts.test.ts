import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { articles, historyEntries } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { articleAgreement, listVerdicts, upsertMyVerdict } from './verdicts';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});


const setBlind = (on: boolean) =>
  transaction(f.db, async (tx) => {
    await tx.update(articles).set({ blindReview: on }).where(eq(articles.id, f.article.id));
  });

describe('upsertMyVerdict', () => {
  it('creates my verdict, then updates it with a version check, recording history', async () => {
    const claimId = f.claims[0]!.id;
    const first = await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: ' No evidence. ' });
    expect(first).toMatchObject({ created: true, changed: true, workspaceId: f.workspaceId, articleId: f.article.id });
    expect(first.verdict).toMatchObject({ userName: 'Ana Souza', verdictKey: 'false', verdictLabel: 'False', reason: 'No evidence.', version: 1 });
    const second = await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('mostly-false'), reason: 'Some truth.', version: 1 });
    expect(second).toMatchObject({ created: false, changed: true, verdict: { verdictKey: 'mostly-false', version: 2, id: first.verdict.id } });
    const history = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, first.verdict.id)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ claimId, before: { verdictId: f.level('false') }, after: { verdictId: f.level('mostly-false') } });
  });

  it('refuses a stale write with 409 and my current verdict', async () => {
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: '' });
    await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('true'), reason: '', version: 1 });
    const stale = await catchAppError(() => upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('half-true'), reason: '', version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.details).toMatchObject({ current: { verdictKey: 'true', version: 2 } });
    // A second tab that never saw my verdict (no version) is stale too.
    expect((await catchAppError(() => upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: '' }))).status).toBe(409);
  });

  it('is a no-op when nothing changed', async () => {
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: 'x' });
    expect(await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: 'x ', version: 1 })).toMatchObject({ changed: false, verdict: { version: 1 } });
  });

  it('refuses a level from another workspace’s scale, an unknown claim and an overlong reason', async () => {
    const claimId = f.claims[0]!.id;
    expect((await catchAppError(() => upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false', f.otherWorkspaceId), reason: '' }))).code).toBe('unprocessable');
    expect((await catchAppError(() => upsertMyVerdict(f.db, { claimId: crypto.randomUUID(), userId: f.u.ana, verdictId: f.level('false'), reason: '' }))).code).toBe('not_found');
    expect((await catchAppError(() => upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: 'x'.repeat(1001) }))).message).toMatch(/at most 1,000/);
  });
});

describe('listVerdicts and blind review', () => {
  it('shows everyone’s verdicts when blind review is off', async () => {
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.kofi, verdictId: f.level('true'), reason: '' });
    expect(await listVerdicts(f.db, claimId, f.u.ana, 'reviewer')).toMatchObject({ blindReview: false, hidden: false, total: 1, mine: null, others: [{ userName: 'Kofi Mensah' }] });
  });

  it('hides others’ verdicts from a reviewer until they give theirs', async () => {
    await setBlind(true);
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.kofi, verdictId: f.level('true'), reason: 'Looks right' });
    const before = await listVerdicts(f.db, claimId, f.u.ana, 'reviewer');
    expect(before).toEqual({ claimId, blindReview: true, hidden: true, voteOpen: false, mineCountsAsVote: null, total: 1, mine: null, others: [] });
    await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('false'), reason: '' });
    const after = await listVerdicts(f.db, claimId, f.u.ana, 'reviewer');
    expect(after).toMatchObject({ hidden: false, total: 2, mine: { userId: f.u.ana }, others: [{ userId: f.u.kofi, reason: 'Looks right' }] });
  });

  it('lets editors and owners see all verdicts under blind review; viewers never', async () => {
    await setBlind(true);
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.kofi, verdictId: f.level('true'), reason: '' });
    expect((await listVerdicts(f.db, claimId, f.u.tom, 'editor')).others).toHaveLength(1);
    expect((await listVerdicts(f.db, claimId, f.u.nadia, 'owner')).hidden).toBe(false);
    expect(await listVerdicts(f.db, claimId, f.u.vera, 'viewer')).toMatchObject({ hidden: true, total: 1, others: [] });
  });
});

describe('articleAgreement', () => {
  async function rate(claimIndex: number, votes: Array<[string, string]>) {
    for (const [userId, key] of votes) await upsertMyVerdict(f.db, { claimId: f.claims[claimIndex]!.id, userId, verdictId: f.level(key), reason: '' });
  }

  it('is empty but readable before anyone rates', async () => {
    const result = await articleAgreement(f.db, f.article.id, f.u.tom, 'editor');
    expect(result).toMatchObject({ articleId: f.article.id, claimsTotal: f.claims.length, items: 0, kappa: null, percentAgreement: null, perClaim: [] });
    expect(result.interpretation.label).toBe('Not enough data');
  });

  it('computes percent agreement and Fleiss’ kappa over claims with two or more verdicts', async () => {
    await rate(0, [[f.u.ana, 'false'], [f.u.kofi, 'false'], [f.u.tom, 'false']]);
    await rate(1, [[f.u.ana, 'true'], [f.u.kofi, 'true']]);
    await rate(2, [[f.u.ana, 'true'], [f.u.kofi, 'mostly-true']]);
    await rate(3, [[f.u.ana, 'misleading']]);
    const result = await articleAgreement(f.db, f.article.id, f.u.tom, 'editor');
    // Items: [F,F,F] P=1, [T,T] P=1, [T,MT] P=0 → P̄ = 2/3. Shares: F 3/7, T 3/7, MT 1/7 → P̄e = 19/49.
    expect(result.items).toBe(3);
    expect(result.ratings).toBe(7);
    expect(result.percentAgreement).toBeCloseTo(2 / 3, 10);
    expect(result.expectedAgreement).toBeCloseTo(19 / 49, 10);
    expect(result.kappa).toBeCloseTo((2 / 3 - 19 / 49) / (1 - 19 / 49), 10);
    expect(result.interpretation.band).toBe('moderate');
    expect(result.perClaim).toHaveLength(4);
    expect(result.perClaim.find((c) => c.claimId === f.claims[2]!.id)).toEqual({ claimId: f.claims[2]!.id, verdicts: 2, agreement: 0 });
    expect(result.perClaim.find((c) => c.claimId === f.claims[3]!.id)).toMatchObject({ verdicts: 1, agreement: null });
  });

  it('under blind review shows a reviewer per-claim figures only where they voted', async () => {
    await setBlind(true);
    await rate(0, [[f.u.ana, 'false'], [f.u.kofi, 'false']]);
    await rate(1, [[f.u.tom, 'true'], [f.u.kofi, 'true']]);
    const forAna = await articleAgreement(f.db, f.article.id, f.u.ana, 'reviewer');
    expect(forAna.perClaim.map((c) => c.claimId)).toEqual([f.claims[0]!.id]);
    // The summary too counts only what Ana may see: hidden verdicts must not shape the figures.
    expect(forAna.items).toBe(1);
    const forTom = await articleAgreement(f.db, f.article.id, f.u.tom, 'editor');
    expect(forTom.perClaim).toHaveLength(2);
    expect(forTom.items).toBe(2);
  });

  it('404s for an unknown article', async () => {
    expect((await catchAppError(() => articleAgreement(f.db, crypto.randomUUID(), f.u.tom, 'editor'))).code).toBe('not_found');
  });
});
