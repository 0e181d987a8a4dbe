import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { articles, claims as claimsTable } from '../schema';
import { transaction } from '../transaction';
import type { Role } from '@/lib/domain/roles';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { addItem, openVote, setSessionStatus, setVoteState, startSession } from '@/test/fixtures/open-vote';
import { createArticle, listArticlesForUser } from './articles';
import { assign, myQueue } from './assignments';
import { canSeeClaimDecision, getClaimForViewer, listClaimsForViewer } from './claim-views';
import { createClaim, updateClaim } from './claims';
import { listClaimLinks, reuseVerdict } from './claim-links';
import { recordHistory } from './history';
import { getPublicationState } from './publications';
import { buildReportViewModel } from './report';
import { claimsWithOpenVote, hasOpenVote, openVoteClaimsOfArticle, openVoteExists } from './review-session-votes';
import { findSimilarClaims } from './similar-claims';
import { claimTimeline } from './timeline';
import { articleAgreement, listVerdicts, upsertMyVerdict } from './verdicts';

/**
 * The review-session vote rule (lib/review/verdict-visibility.ts) in every reader that applies
 * blind review. Sessions are written directly (test/fixtures/open-vote.ts). Demo roles: nadia
 * owner, tom editor, ana and kofi reviewers, vera viewer.
 */
let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const roleOf = (userId: string): Role => (userId === f.u.nadia ? 'owner' : userId === f.u.tom ? 'editor' : userId === f.u.vera ? 'viewer' : 'reviewer');
const viewer = (userId: string) => ({ userId, role: roleOf(userId) });

/** A new article with one decided claim (final verdict False, a rationale, resolved), written by Tom. */
async function piece(statement: string, options: { blind?: boolean; title?: string; decided?: boolean } = {}) {
  const text = `${statement}\n\nSome other words follow here.`;
  const article = await createArticle(f.db, { title: options.title ?? 'Vote piece', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', workspaceId: f.workspaceId, text, status: 'in_review', createdBy: f.u.tom });
  const created = await createClaim(f.db, { articleId: article.id, revision: article.revision, start: 0, end: statement.length, actorId: f.u.tom });
  const decided = options.decided ?? true;
  const claim = await updateClaim(f.db, created.id, { version: created.version, claimText: statement, ...(decided ? { verdictId: f.level('false'), rationale: 'Quillfeather records say otherwise.', status: 'resolved' as const } : {}) }, f.u.tom);
  if (options.blind) await transaction(f.db, (tx) => tx.update(articles).set({ blindReview: true }).where(eq(articles.id, article.id)));
  return { article, claim, scope: { workspaceId: f.workspaceId, articleId: article.id } };
}

const vote = (claimId: string, userId: string, key: string, reason = '') => upsertMyVerdict(f.db, { claimId, userId, verdictId: f.level(key), reason });

describe('which claims have an open vote', () => {
  it('counts only open votes of running sessions, by claims, by article and as SQL', async () => {
    const a = await piece('The port handled forty ships.');
    const c2 = await createClaim(f.db, { articleId: a.article.id, revision: a.article.revision, start: a.claim.position.end + 2, end: a.claim.position.end + 6, actorId: f.u.tom });
    const c3 = await createClaim(f.db, { articleId: a.article.id, revision: a.article.revision, start: a.claim.position.end + 7, end: a.claim.position.end + 12, actorId: f.u.tom });
    const sessionId = await startSession(f.db, a.scope);
    const open = await addItem(f.db, sessionId, a.claim.id, 'open', 0);
    await addItem(f.db, sessionId, c2.id, 'revealed', 1);
    await addItem(f.db, sessionId, c3.id, 'none', 2);
    const all = [a.claim.id, c2.id, c3.id];
    const viaSql = async () => new Set((await queryRows<{ id: string }>(f.db, sql`SELECT c.id FROM claims c WHERE c.article_id = ${a.article.id} AND ${openVoteExists(sql`c.id`)}`)).map((r) => r.id));

    expect(await claimsWithOpenVote(f.db, all)).toEqual(new Set([a.claim.id]));
    expect(await openVoteClaimsOfArticle(f.db, a.article.id)).toEqual(new Set([a.claim.id]));
    expect(await viaSql()).toEqual(new Set([a.claim.id]));
    expect(await hasOpenVote(f.db, c2.id)).toBe(false);
    expect(await claimsWithOpenVote(f.db, [])).toEqual(new Set());

    // Revealed: no longer open.
    await setVoteState(f.db, open, 'revealed');
    expect(await hasOpenVote(f.db, a.claim.id)).toBe(false);
    // Re-called, then the session ends with it open: not open any more (ended = revealed).
    await setVoteState(f.db, open, 'open');
    expect(await hasOpenVote(f.db, a.claim.id)).toBe(true);
    await setSessionStatus(f.db, sessionId, 'ended');
    expect(await claimsWithOpenVote(f.db, all)).toEqual(new Set());
    expect(await openVoteClaimsOfArticle(f.db, a.article.id)).toEqual(new Set());
    expect(await viaSql()).toEqual(new Set());
  });
});

describe('reviewer verdicts and agreement', () => {
  it('shows each member only their own verdict while the vote is open, editors and owners included', async () => {
    const a = await piece('The bridge cost nine million.');
    await vote(a.claim.id, f.u.kofi, 'false', 'Kofi’s reason');
    await vote(a.claim.id, f.u.tom, 'true', 'Tom’s reason');
    const { sessionId, itemId } = await openVote(f.db, a.scope, a.claim.id);

    const as = (userId: string) => listVerdicts(f.db, a.claim.id, userId, roleOf(userId));
    // Kofi voted: his own only.
    expect(await as(f.u.kofi)).toMatchObject({ hidden: true, voteOpen: true, total: 2, mine: { reason: 'Kofi’s reason' }, others: [] });
    // The editor who voted, the owner and a reviewer who did not: no one else's.
    expect(await as(f.u.tom)).toMatchObject({ hidden: true, voteOpen: true, total: 2, mine: { reason: 'Tom’s reason' }, others: [] });
    expect(await as(f.u.nadia)).toMatchObject({ hidden: true, voteOpen: true, total: 2, mine: null, others: [] });
    expect(await as(f.u.ana)).toMatchObject({ hidden: true, voteOpen: true, mine: null, others: [] });
    expect(await as(f.u.vera)).toMatchObject({ hidden: true, voteOpen: true, others: [] });
    // Ana can still vote through the existing flow, and still sees only hers.
    await vote(a.claim.id, f.u.ana, 'half-true', 'Ana’s reason');
    expect(await as(f.u.ana)).toMatchObject({ hidden: true, total: 3, mine: { reason: 'Ana’s reason' }, others: [] });

    // Revealed: normal rules (no blind review here): everyone sees everyone.
    await setVoteState(f.db, itemId, 'revealed');
    expect((await as(f.u.vera)).others).toHaveLength(3);
    expect(await as(f.u.kofi)).toMatchObject({ hidden: false, voteOpen: false });
    expect((await as(f.u.kofi)).others.map((v) => v.reason).sort()).toEqual(['Ana’s reason', 'Tom’s reason']);
    // Re-opened, then the session ends: normal again.
    await setVoteState(f.db, itemId, 'open');
    expect((await as(f.u.nadia)).others).toEqual([]);
    await setSessionStatus(f.db, sessionId, 'ended');
    expect(await as(f.u.nadia)).toMatchObject({ hidden: false, voteOpen: false });
    expect((await as(f.u.nadia)).others).toHaveLength(3);
  });

  it('combines with blind review: a vote hides even from a reviewer who voted; after the reveal blind review applies', async () => {
    const a = await piece('The school enrolled 900 pupils.', { blind: true });
    await vote(a.claim.id, f.u.kofi, 'false');
    await vote(a.claim.id, f.u.ana, 'true');
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    expect(await listVerdicts(f.db, a.claim.id, f.u.ana, 'reviewer')).toMatchObject({ blindReview: true, hidden: true, voteOpen: true, others: [] });
    expect(await listVerdicts(f.db, a.claim.id, f.u.tom, 'editor')).toMatchObject({ hidden: true, others: [] });
    await setVoteState(f.db, itemId, 'revealed');
    // Ana voted: blind review lets her see Kofi's; Vera (viewer) and an unvoted reviewer still see nothing.
    expect((await listVerdicts(f.db, a.claim.id, f.u.ana, 'reviewer')).others).toHaveLength(1);
    expect(await listVerdicts(f.db, a.claim.id, f.u.vera, 'viewer')).toMatchObject({ hidden: true, voteOpen: false, others: [] });
    expect((await listVerdicts(f.db, a.claim.id, f.u.tom, 'editor')).others).toHaveLength(2);
  });

  it('leaves a claim under an open vote out of the agreement for everyone', async () => {
    const a = await piece('Exports grew by a third.');
    const other = await createClaim(f.db, { articleId: a.article.id, revision: a.article.revision, start: a.claim.position.end + 2, end: a.claim.position.end + 6, actorId: f.u.tom });
    await vote(a.claim.id, f.u.kofi, 'false');
    await vote(a.claim.id, f.u.ana, 'true');
    await vote(other.id, f.u.kofi, 'false');
    await vote(other.id, f.u.ana, 'false');
    const before = await articleAgreement(f.db, a.article.id, f.u.tom, 'editor');
    expect(before).toMatchObject({ items: 2, voteOpenClaimIds: [] });
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    for (const userId of [f.u.tom, f.u.nadia, f.u.kofi, f.u.ana, f.u.vera]) {
      const during = await articleAgreement(f.db, a.article.id, userId, roleOf(userId));
      expect(during.perClaim.map((c) => c.claimId)).toEqual([other.id]);
      expect(during).toMatchObject({ items: 1, ratings: 2, percentAgreement: 1, voteOpenClaimIds: [a.claim.id] });
    }
    await setVoteState(f.db, itemId, 'revealed');
    expect(await articleAgreement(f.db, a.article.id, f.u.vera, 'viewer')).toEqual(before);
  });
});

describe('the claim’s decision', () => {
  it('is withheld from members without verdict:final while the vote is open, even if they voted', async () => {
    const a = await piece('Rents doubled in five years.');
    await vote(a.claim.id, f.u.ana, 'false');
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    for (const userId of [f.u.ana, f.u.kofi, f.u.vera]) {
      expect(await getClaimForViewer(f.db, a.claim.id, viewer(userId))).toMatchObject({ verdictId: null, rationale: '', status: null, verdictHidden: true });
      expect((await listClaimsForViewer(f.db, a.article.id, viewer(userId)))[0]).toMatchObject({ verdictId: null, verdictHidden: true });
      expect(await canSeeClaimDecision(f.db, a.claim.id, viewer(userId))).toBe(false);
    }
    for (const userId of [f.u.tom, f.u.nadia]) {
      expect(await getClaimForViewer(f.db, a.claim.id, viewer(userId))).toMatchObject({ verdictId: f.level('false'), status: 'resolved', verdictHidden: false });
    }
    await setVoteState(f.db, itemId, 'revealed');
    expect(await getClaimForViewer(f.db, a.claim.id, viewer(f.u.vera))).toMatchObject({ verdictId: f.level('false'), rationale: 'Quillfeather records say otherwise.', verdictHidden: false });
  });

  it('drops out of publication blockers for non-editors only', async () => {
    const a = await piece('Crime fell by half.', { decided: false });
    const noFinal = async (role: Role) => (await getPublicationState(f.db, a.article.id, 'http://x', { viewer: { role } })).blockers.filter((b) => b.kind === 'no_final_verdict').map((b) => b.claimId);
    expect(await noFinal('reviewer')).toEqual([a.claim.id]);
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    expect(await noFinal('reviewer')).toEqual([]);
    expect(await noFinal('viewer')).toEqual([]);
    expect(await noFinal('editor')).toEqual([a.claim.id]);
    await setVoteState(f.db, itemId, 'revealed');
    expect(await noFinal('reviewer')).toEqual([a.claim.id]);
  });

  it('is not counted as rated in the article list for non-editors', async () => {
    const a = await piece('Prices rose by a fifth.', { title: 'Rated count piece' });
    await vote(a.claim.id, f.u.ana, 'false');
    const rated = async (userId: string) => (await listArticlesForUser(f.db, userId)).find((r) => r.id === a.article.id)!.ratedCount;
    expect([await rated(f.u.ana), await rated(f.u.kofi), await rated(f.u.tom)]).toEqual([1, 1, 1]);
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    expect([await rated(f.u.ana), await rated(f.u.kofi), await rated(f.u.vera), await rated(f.u.tom), await rated(f.u.nadia)]).toEqual([0, 0, 0, 1, 1]);
    await setVoteState(f.db, itemId, 'revealed');
    expect(await rated(f.u.vera)).toBe(1);
  });

  it('keeps the status hidden in My queue and a resolved claim in it', async () => {
    const a = await piece('The mayor built 300 homes.');
    await assign(f.db, { articleId: a.article.id, claimId: a.claim.id, assigneeId: f.u.kofi, actorId: f.u.tom });
    const queued = async () => (await myQueue(f.db, f.u.kofi)).claims.find((c) => c.claimId === a.claim.id);
    // Resolved and not under blind review: done, out of the queue.
    expect(await queued()).toBeUndefined();
    const { itemId } = await openVote(f.db, a.scope, a.claim.id);
    expect(await queued()).toMatchObject({ claimStatus: null });
    await setVoteState(f.db, itemId, 'revealed');
    expect(await queued()).toBeUndefined();
  });
});

describe('the claim’s history', () => {
  it('withholds others’ verdict entries from everyone and the decision from non-editors; session outcomes become “discussed”', async () => {
    const a = await piece('Turnout was a record.');
    await vote(a.claim.id, f.u.kofi, 'false', 'Kofi’s reason');
    await vote(a.claim.id, f.u.ana, 'true');
    const { sessionId, itemId } = await openVote(f.db, a.scope, a.claim.id);
    await transaction(f.db, (tx) =>
      recordHistory(tx, {
        workspaceId: f.workspaceId,
        articleId: a.article.id,
        claimId: a.claim.id,
        entityType: 'review_session',
        entityId: sessionId,
        action: 'update',
        actorId: f.u.tom,
        after: { sessionId, sessionStartedAt: new Date().toISOString(), outcome: 'deferred', note: 'Waiting for the ministry' },
      }),
    );
    const timeline = (userId: string) => claimTimeline(f.db, a.claim.id, { userId, role: roleOf(userId) });
    const verdictEntries = (entries: Awaited<ReturnType<typeof timeline>>) => entries.filter((e) => e.entityType === 'verdict');
    const claimDecision = (entries: Awaited<ReturnType<typeof timeline>>) => entries.filter((e) => e.entityType === 'claim' && JSON.stringify(e.after ?? {}).includes('Quillfeather'));
    const session = (entries: Awaited<ReturnType<typeof timeline>>) => entries.find((e) => e.entityType === 'review_session')!;

    // Ana (voted): her own verdict entry in full, Kofi's without content, no decision, session outcome stripped.
    const ana = await timeline(f.u.ana);
    expect(verdictEntries(ana).find((e) => e.actorId === f.u.ana)).toMatchObject({ redacted: false });
    expect(verdictEntries(ana).find((e) => e.actorId === f.u.kofi)).toMatchObject({ redacted: true, before: null, after: null });
    expect(verdictEntries(ana).find((e) => e.actorId === f.u.kofi)!.summary).toMatch(/hidden until the vote is revealed/);
    expect(claimDecision(ana)).toEqual([]);
    expect(JSON.stringify(ana)).not.toMatch(/Quillfeather|Kofi’s reason|Waiting for the ministry|deferred/);
    expect(session(ana)).toMatchObject({ redacted: true, after: { sessionId } });
    expect(session(ana).summary).toMatch(/discussed the claim in the review session of/);
    expect(session(ana).summary).not.toMatch(/deferred|Waiting/i);
    // Tom (editor): others' verdicts hidden too, but the decision and the session outcome shown.
    const tom = await timeline(f.u.tom);
    expect(verdictEntries(tom).every((e) => e.redacted)).toBe(true);
    expect(JSON.stringify(tom)).not.toMatch(/Kofi’s reason/);
    expect(claimDecision(tom).length).toBeGreaterThan(0);
    expect(session(tom)).toMatchObject({ redacted: false, after: { outcome: 'deferred', note: 'Waiting for the ministry' } });
    expect(session(tom).summary).toMatch(/deferred .*Waiting for the ministry/i);
    // Vera (viewer): as Ana, without a verdict of her own.
    expect(JSON.stringify(await timeline(f.u.vera))).not.toMatch(/Quillfeather|Kofi’s reason|Waiting for the ministry/);

    await setVoteState(f.db, itemId, 'revealed');
    const after = await timeline(f.u.vera);
    expect(verdictEntries(after).some((e) => e.redacted)).toBe(false);
    expect(JSON.stringify(after)).toMatch(/Kofi’s reason/);
    expect(session(after)).toMatchObject({ redacted: false, after: { outcome: 'deferred' } });
  });
});

describe('review-session history under blind review alone', () => {
  it('strips the outcome for a reviewer who has not voted, after the reveal as before', async () => {
    const a = await piece('Wages rose by 4 percent.', { blind: true });
    await vote(a.claim.id, f.u.kofi, 'false');
    const { sessionId, itemId } = await openVote(f.db, a.scope, a.claim.id);
    await setVoteState(f.db, itemId, 'revealed');
    await transaction(f.db, (tx) =>
      recordHistory(tx, { workspaceId: f.workspaceId, articleId: a.article.id, claimId: a.claim.id, entityType: 'review_session', entityId: sessionId, action: 'update', actorId: f.u.tom, after: { sessionId, sessionStartedAt: new Date().toISOString(), outcome: 'decided', verdictLabel: 'False' } }),
    );
    const entry = async (userId: string) => (await claimTimeline(f.db, a.claim.id, { userId, role: roleOf(userId) })).find((e) => e.entityType === 'review_session')!;
    expect(await entry(f.u.ana)).toMatchObject({ redacted: true, after: { sessionId } });
    expect((await entry(f.u.ana)).after).not.toHaveProperty('verdictLabel');
    expect(await entry(f.u.kofi)).toMatchObject({ redacted: false, after: { outcome: 'decided', verdictLabel: 'False' } });
    expect(await entry(f.u.tom)).toMatchObject({ redacted: false });
  });
});

describe('exports', () => {
  it('a report carries only the exporter’s own reviewer verdict on a claim under an open vote, and the decision only for editors', async () => {
    const a = await piece('Emissions fell by 12 percent.');
    await vote(a.claim.id, f.u.kofi, 'false', 'Kofi’s reason');
    await vote(a.claim.id, f.u.ana, 'true', 'Ana’s reason');
    const { sessionId, itemId } = await openVote(f.db, a.scope, a.claim.id);
    const report = async (userId: string) => (await buildReportViewModel(f.db, a.article.id, { appUrl: 'http://x', viewer: viewer(userId) })).claims[0]!;

    const ana = await report(f.u.ana);
    expect(ana.reviewers.map((r) => r.reason)).toEqual(['Ana’s reason']);
    expect(ana).toMatchObject({ finalVerdict: null, rationale: '', status: null, decisionHidden: true });
    expect(JSON.stringify(ana.history)).not.toMatch(/Quillfeather|Kofi’s reason/);
    const tom = await report(f.u.tom);
    expect(tom.reviewers).toEqual([]);
    expect(tom).toMatchObject({ rationale: 'Quillfeather records say otherwise.', decisionHidden: false });
    expect(JSON.stringify(tom.history)).not.toMatch(/Kofi’s reason/);
    // The command line (no viewer) exports everything.
    expect((await buildReportViewModel(f.db, a.article.id, { appUrl: 'http://x' })).claims[0]!.reviewers).toHaveLength(2);

    await setSessionStatus(f.db, sessionId, 'ended');
    expect((await report(f.u.vera)).reviewers).toHaveLength(2);
    void itemId;
  });
});

describe('similar claims and claim links', () => {
  it('withholds the decision of an earlier claim under an open vote, and refuses to reuse it for reviewers', async () => {
    const earlier = await piece('The national debt tripled since 2010 according to the minister.', { title: 'Earlier' });
    const later = await piece('The national debt tripled since 2010, the minister claims.', { title: 'Later', decided: false });
    const { itemId } = await openVote(f.db, earlier.scope, earlier.claim.id);
    const suggestion = async (userId: string) => (await findSimilarClaims(f.db, { userId }, later.claim.id)).find((s) => s.id === earlier.claim.id);
    expect(await suggestion(f.u.ana)).toMatchObject({ decisionHidden: true, verdict: null, rationale: '' });
    expect(await suggestion(f.u.tom)).toMatchObject({ decisionHidden: false, verdict: { label: 'False' } });
    const refused = await catchAppError(() => reuseVerdict(f.db, { claimId: later.claim.id, actorId: f.u.ana, role: 'reviewer', from: { claimId: earlier.claim.id }, version: later.claim.version }));
    expect(refused.status).toBe(403);

    await setVoteState(f.db, itemId, 'revealed');
    expect(await suggestion(f.u.ana)).toMatchObject({ decisionHidden: false });
    // Tom reuses the earlier verdict; then a vote on the later claim hides the link from reviewers.
    await reuseVerdict(f.db, { claimId: later.claim.id, actorId: f.u.tom, role: 'editor', from: { claimId: earlier.claim.id }, version: later.claim.version });
    expect(await listClaimLinks(f.db, viewer(f.u.ana), earlier.claim.id)).toHaveLength(1);
    await openVote(f.db, later.scope, later.claim.id);
    expect(await listClaimLinks(f.db, viewer(f.u.ana), earlier.claim.id)).toEqual([]);
    expect(await listClaimLinks(f.db, viewer(f.u.tom), earlier.claim.id)).toHaveLength(1);
    const [row] = await f.db.select({ verdictId: claimsTable.verdictId }).from(claimsTable).where(eq(claimsTable.id, later.claim.id));
    expect(row?.verdictId).toBe(f.level('false'));
  });
});
