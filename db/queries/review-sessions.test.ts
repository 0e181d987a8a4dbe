import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { articles, claims, claimVerdicts, reviewSessionAttendance, reviewSessions } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { getClaim } from './claims';
import { createSessionNote } from './review-session-notes';
import { transaction } from '../transaction';
import { serializeMention } from '@/lib/review/mention-tokens';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { createComment } from './comments';
import { changeAttendance } from './review-session-attendance';
import { authorizeSession } from './review-session-core';
import { runSessionOp } from './review-session-ops';
import { getSessionView, listArticleSessions, proposeSessionAgenda, startSession } from './review-sessions';
import { giveVerdict } from '@/test/fixtures/review-sessions-db';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const byNumber = (n: number) => f.claims.find((c) => c.number === n)!;
const start = (claimNumbers = [7, 5, 3], userId = f.u.tom) => startSession(f.db, { articleId: f.article.id, userId, claimIds: claimNumbers.map((n) => byNumber(n).id) });

describe('proposeSessionAgenda', () => {
  it('proposes claims without a final verdict: disagreements first, then my unread discussion, then text order; excluded claims never', async () => {
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ verdictId: null }).where(eq(claims.articleId, f.article.id));
      await tx.update(claims).set({ exclusionReason: 'Opinion' }).where(eq(claims.id, byNumber(1).id));
    });
    // Claim 4: ana and kofi disagree. Claim 6: tom is asked something he has not read.
    await giveVerdict(f, f.u.ana, byNumber(4).id, 'true');
    await giveVerdict(f, f.u.kofi, byNumber(4).id, 'false');
    await createComment(f.db, { claimId: byNumber(6).id, body: `${serializeMention({ userId: f.u.tom, label: 'tom' })} can you look?`, actorId: f.u.ana });
    const proposal = await proposeSessionAgenda(f.db, f.article.id, f.u.tom);
    expect(proposal[0]).toMatchObject({ claimNumber: 4, reason: 'disagreement', verdictCount: 2 });
    expect(proposal.find((p) => p.claimNumber === 6)).toMatchObject({ reason: 'unread_discussion', unreadComments: 1 });
    expect(proposal.findIndex((p) => p.claimNumber === 6)).toBeLessThan(proposal.findIndex((p) => p.reason === 'no_final_verdict'));
    expect(proposal.map((p) => p.claimNumber)).not.toContain(1);
    // Someone else's unread mention is not tom's unread discussion.
    expect((await proposeSessionAgenda(f.db, f.article.id, f.u.nadia)).find((p) => p.claimNumber === 6)?.reason).not.toBe('unread_discussion');
  });

  it('is refused with a 409 while a session runs on the article (its verdict counts and agreement would move with an open vote)', async () => {
    await start();
    const refused = await catchAppError(() => proposeSessionAgenda(f.db, f.article.id, f.u.nadia));
    expect([refused.code, refused.message]).toEqual(['conflict', 'A review session led by Tom Becker is already running on this article. Join it instead.']);
  });
});

describe('startSession', () => {
  it('starts with the proposal when no claims are given: the starter leads, has joined, and the first item is current', async () => {
    const started = await startSession(f.db, { articleId: f.article.id, userId: f.u.tom, timeboxSeconds: 120 });
    const view = await getSessionView(f.db, started.id, f.u.tom, 'editor');
    expect(view).toMatchObject({ status: 'running', lead: { userId: f.u.tom, name: 'Tom Becker' }, startedBy: { userId: f.u.tom }, me: { isLead: true, joined: true, following: true, canLead: true } });
    expect(view.items.map((i) => i.claimNumber)).toEqual([7]);
    expect(view.items[0]).toMatchObject({ reason: 'no_final_verdict', timeboxSeconds: 120, outcome: 'pending', position: 1 });
    expect(view.currentItemId).toBe(view.items[0]!.id);
    expect(view.attendees).toMatchObject([{ userId: f.u.tom, joined: true, following: true, role: 'editor' }]);
  });

  it('keeps the given order; a claim of another article or workspace is not found', async () => {
    const started = await start([3, 7, 5]);
    expect((await getSessionView(f.db, started.id, f.u.tom, 'editor')).items.map((i) => [i.claimNumber, i.reason])).toEqual([[3, 'added'], [7, 'no_final_verdict'], [5, 'added']]);
    await runSessionOp(f.db, { sessionId: started.id, actorId: f.u.tom, role: 'editor', op: { op: 'end' } });
    expect((await catchAppError(() => startSession(f.db, { articleId: f.article.id, userId: f.u.tom, claimIds: [crypto.randomUUID()] }))).code).toBe('not_found');
  });

  it('refuses a second running session on the article with a 409 naming the lead', async () => {
    await start();
    const error = await catchAppError(() => start([7], f.u.nadia));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('A review session led by Tom Becker is already running on this article. Join it instead.');
  });

  it('two starts at once: exactly one runs, the other gets the 409', async () => {
    const results = await Promise.allSettled([start([7], f.u.tom), start([5], f.u.nadia), start([3], f.u.tom)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already running on this article/) as unknown });
    expect(await f.db.select().from(reviewSessions).where(eq(reviewSessions.status, 'running'))).toHaveLength(1);
  });
});

describe('authorizeSession', () => {
  it('another workspace gets 404, never 403; a role without the permission gets 403', async () => {
    const { id } = await start();
    expect((await catchAppError(() => authorizeSession(f.db, f.u.omar, id, 'article:read'))).code).toBe('not_found');
    expect((await catchAppError(() => authorizeSession(f.db, f.u.vera, id, 'session:lead'))).code).toBe('forbidden');
    expect((await authorizeSession(f.db, f.u.vera, id, 'session:join')).role).toBe('viewer');
    expect((await catchAppError(() => authorizeSession(f.db, f.u.tom, crypto.randomUUID(), 'article:read'))).code).toBe('not_found');
  });
});

describe('attendance', () => {
  it('join opens an interval (idempotent), leave closes it, a second join opens another; follow and break away flip following', async () => {
    const { id } = await start();
    const attend = (action: 'join' | 'leave' | 'follow' | 'breakAway', userId = f.u.ana) => changeAttendance(f.db, { sessionId: id, userId, role: 'reviewer', action });
    await attend('join');
    await attend('join');
    const rows = () => f.db.select().from(reviewSessionAttendance).where(and(eq(reviewSessionAttendance.sessionId, id), eq(reviewSessionAttendance.userId, f.u.ana)));
    expect(await rows()).toHaveLength(1);
    await attend('breakAway');
    let ana = (await getSessionView(f.db, id, f.u.ana, 'reviewer')).attendees.find((a) => a.userId === f.u.ana)!;
    expect(ana).toMatchObject({ joined: true, following: false });
    await attend('follow');
    expect((await getSessionView(f.db, id, f.u.ana, 'reviewer')).me).toMatchObject({ joined: true, following: true, canVote: true, canWriteNotes: true, canLead: false, canTakeLead: false });
    await attend('leave');
    expect((await catchAppError(() => attend('follow'))).message).toBe('Join the session first.');
    await attend('join');
    ana = (await getSessionView(f.db, id, f.u.ana, 'reviewer')).attendees.find((a) => a.userId === f.u.ana)!;
    expect(ana.intervals).toHaveLength(2);
    expect(ana.intervals[0]!.leftAt).not.toBeNull();
    expect(ana.intervals[1]!.leftAt).toBeNull();
    expect(await f.db.select().from(reviewSessionAttendance).where(and(eq(reviewSessionAttendance.sessionId, id), isNull(reviewSessionAttendance.leftAt)))).toHaveLength(2);
  });

  it('a viewer may join and follow but not vote or write notes', async () => {
    const { id } = await start();
    await changeAttendance(f.db, { sessionId: id, userId: f.u.vera, role: 'viewer', action: 'join' });
    expect((await getSessionView(f.db, id, f.u.vera, 'viewer')).me).toMatchObject({ joined: true, following: true, canVote: false, canWriteNotes: false, canLead: false, canTakeLead: false });
  });

  it('every write bumps the session version', async () => {
    const { id, version } = await start();
    const write = await changeAttendance(f.db, { sessionId: id, userId: f.u.kofi, role: 'reviewer', action: 'join' });
    expect(write.version).toBe(version + 1);
    expect((await getSessionView(f.db, id, f.u.kofi, 'reviewer')).version).toBe(version + 1);
  });
});

describe('listArticleSessions', () => {
  it('the running session and the past ones with counts', async () => {
    const first = await start([7, 5]);
    await changeAttendance(f.db, { sessionId: first.id, userId: f.u.ana, role: 'reviewer', action: 'join' });
    const items = (await getSessionView(f.db, first.id, f.u.tom, 'editor')).items;
    await runSessionOp(f.db, { sessionId: first.id, actorId: f.u.tom, role: 'editor', op: { op: 'defer', itemId: items[0]!.id, note: 'Needs the ministry’s answer.' } });
    await runSessionOp(f.db, { sessionId: first.id, actorId: f.u.tom, role: 'editor', op: { op: 'end' } });
    const second = await start([3]);
    const list = await listArticleSessions(f.db, f.article.id, f.u.ana, 'reviewer');
    expect(list.running?.id).toBe(second.id);
    expect(list.past).toMatchObject([{ id: first.id, status: 'ended', itemCount: 2, decidedCount: 0, deferredCount: 1, attendeeCount: 2, lead: { name: 'Tom Becker' } }]);
  });
});

describe('getSessionView: blind review and open votes', () => {
  const op = (sessionId: string, o: Parameters<typeof runSessionOp>[1]['op']) => runSessionOp(f.db, { sessionId, actorId: f.u.tom, role: 'editor', op: o });
  const dropVerdicts = (userId: string, claimNumbers: number[]) =>
    transaction(f.db, async (tx) => {
      await tx.delete(claimVerdicts).where(and(eq(claimVerdicts.userId, userId), inArray(claimVerdicts.claimId, claimNumbers.map((n) => byNumber(n).id))));
    });

  /** A past session under blind review: claim 7 voted on (Ana), revealed and decided, with a note; claim 5 deferred. */
  async function pastSession() {
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
    });
    await dropVerdicts(f.u.kofi, [7, 5]);
    await dropVerdicts(f.u.ana, [7, 5]);
    const past = await start([7, 5]);
    const [seven, five] = (await getSessionView(f.db, past.id, f.u.tom, 'editor')).items;
    await op(past.id, { op: 'callVote', itemId: seven!.id });
    await giveVerdict(f, f.u.ana, byNumber(7).id, 'false');
    await giveVerdict(f, f.u.tom, byNumber(7).id, 'true');
    await op(past.id, { op: 'reveal', itemId: seven!.id });
    await createSessionNote(f.db, { sessionId: past.id, itemId: seven!.id, userId: f.u.tom, role: 'editor', body: 'The ministry says 2012.' });
    const claim = await getClaim(f.db, byNumber(7).id);
    await op(past.id, { op: 'decide', itemId: seven!.id, verdictId: f.level('false'), claimVersion: claim.version });
    await op(past.id, { op: 'defer', itemId: five!.id, note: 'Ask the ministry.' });
    await op(past.id, { op: 'end' });
    return past.id;
  }

  it('a reviewer without a verdict gets the items as pending, marked decisionHidden, with no decision, notes or votes; the past counts leave them out', async () => {
    const past = await pastSession();
    const kofi = (await getSessionView(f.db, past, f.u.kofi, 'reviewer')).items;
    for (const item of kofi) {
      expect(item).toMatchObject({ outcome: 'pending', decisionHidden: true, outcomeNote: '', decidedVerdict: null, decidedBy: null, decidedAt: null, notes: [] });
      expect(item.vote).toMatchObject({ results: null, spread: null, agreement: null });
    }
    expect(JSON.stringify(kofi)).not.toMatch(/ministry|"decided"|"deferred"|"false"/);
    const tom = (await getSessionView(f.db, past, f.u.tom, 'editor')).items;
    expect(tom.map((i) => [i.outcome, i.decisionHidden])).toEqual([['decided', undefined], ['deferred', undefined]]);
    expect(tom[0]!.notes).toHaveLength(1);
    expect((await listArticleSessions(f.db, f.article.id, f.u.kofi, 'reviewer')).past).toMatchObject([{ id: past, itemCount: 2, decidedCount: 0, deferredCount: 0 }]);
    expect((await listArticleSessions(f.db, f.article.id, f.u.tom, 'editor')).past).toMatchObject([{ id: past, itemCount: 2, decidedCount: 1, deferredCount: 1 }]);
    // Ana gave her verdict on 7: she sees that item, not 5.
    const ana = (await getSessionView(f.db, past, f.u.ana, 'reviewer')).items;
    expect(ana.map((i) => [i.outcome, i.decisionHidden])).toEqual([['decided', undefined], ['pending', true]]);
    expect((await listArticleSessions(f.db, f.article.id, f.u.ana, 'reviewer')).past).toMatchObject([{ decidedCount: 1, deferredCount: 0 }]);
  });

  it('a vote open on the claim now (in the running session) hides a past session\'s revealed votes from editors and its decision from reviewers; the minutes withhold those votes', async () => {
    const past = await pastSession();
    expect((await getSessionView(f.db, past, f.u.tom, 'editor')).items[0]!.vote.results).toHaveLength(2);
    const running = await start([7]);
    const [item] = (await getSessionView(f.db, running.id, f.u.tom, 'editor')).items;
    await op(running.id, { op: 'callVote', itemId: item!.id });
    const tom = (await getSessionView(f.db, past, f.u.tom, 'editor')).items[0]!;
    expect(tom.vote).toMatchObject({ state: 'revealed', results: null, spread: null, agreement: null });
    expect(tom).toMatchObject({ outcome: 'decided', decidedVerdict: { key: 'false' } }); // the decision stays with the one who sets it
    const ana = (await getSessionView(f.db, past, f.u.ana, 'reviewer')).items[0]!;
    expect(ana).toMatchObject({ outcome: 'pending', decisionHidden: true, decidedVerdict: null, notes: [] });
    expect(ana.vote.results).toBeNull();
    const minutes = (await getSessionView(f.db, past, f.u.tom, 'editor')).minutes!;
    expect(minutes.items[0]).toMatchObject({ outcome: 'decided', votes: [], agreement: null, votesHidden: true });
    expect((await listArticleSessions(f.db, f.article.id, f.u.ana, 'reviewer')).past).toMatchObject([{ decidedCount: 0 }]);
    // Revealed: the old votes come back for the editor.
    await op(running.id, { op: 'reveal', itemId: item!.id });
    expect((await getSessionView(f.db, past, f.u.tom, 'editor')).items[0]!.vote.results).toHaveLength(2);
    expect((await getSessionView(f.db, past, f.u.tom, 'editor')).minutes!.items[0]!.votes).toHaveLength(2);
  });

  it('the item under an open vote in the running session keeps its live notes for reviewers and is not marked hidden (nothing is decided yet)', async () => {
    const session = await start([7]);
    const [item] = (await getSessionView(f.db, session.id, f.u.tom, 'editor')).items;
    await createSessionNote(f.db, { sessionId: session.id, itemId: item!.id, userId: f.u.ana, role: 'reviewer', body: 'Check the 2012 census.' });
    await op(session.id, { op: 'callVote', itemId: item!.id });
    const ana = (await getSessionView(f.db, session.id, f.u.ana, 'reviewer')).items[0]!;
    expect(ana.decisionHidden).toBeUndefined();
    expect(ana).toMatchObject({ outcome: 'pending', decidedVerdict: null });
    expect(ana.notes.map((n) => n.body)).toEqual(['Check the 2012 census.']);
    expect(ana.vote).toMatchObject({ state: 'open', results: null });
  });

  it('the "disagreement" reason reads "no_final_verdict" for a viewer who may not see the verdicts, and for everyone while the vote is open', async () => {
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ verdictId: null }).where(eq(claims.id, byNumber(4).id));
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
    });
    await dropVerdicts(f.u.vera, [4]);
    await giveVerdict(f, f.u.ana, byNumber(4).id, 'true');
    await giveVerdict(f, f.u.kofi, byNumber(4).id, 'false');
    const session = await startSession(f.db, { articleId: f.article.id, userId: f.u.tom, claimIds: [byNumber(4).id] });
    const reason = async (userId: string, role: Role) => (await getSessionView(f.db, session.id, userId, role)).items[0]!.reason;
    expect(await reason(f.u.tom, 'editor')).toBe('disagreement');
    expect(await reason(f.u.ana, 'reviewer')).toBe('disagreement');
    expect(await reason(f.u.vera, 'viewer')).toBe('no_final_verdict');
    await op(session.id, { op: 'callVote', itemId: (await getSessionView(f.db, session.id, f.u.tom, 'editor')).items[0]!.id });
    expect(await reason(f.u.tom, 'editor')).toBe('no_final_verdict');
    expect(await reason(f.u.ana, 'reviewer')).toBe('no_final_verdict');
  });
});
