import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { articles, assignments, claims, claimVerdicts, historyEntries, reviewSessionItems } from '../schema';
import { MAX_AGENDA_ITEMS } from '@/lib/domain/review-sessions';
import { transaction } from '../transaction';
import { listVerdicts } from './verdicts';
import type { Role } from '@/lib/domain/roles';
import type { SessionOp } from '@/lib/validations/review-sessions';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { giveVerdict } from '@/test/fixtures/review-sessions-db';
import { myQueue } from './assignments';
import { getClaim } from './claims';
import { createSessionAction, setSessionActionDone } from './review-session-actions';
import { changeAttendance } from './review-session-attendance';
import { createSessionNote, deleteSessionNote, updateSessionNote } from './review-session-notes';
import { autoRevealIfEveryoneVoted, runSessionOp } from './review-session-ops';
import { mySessionTasks } from './review-session-tasks';
import { getSessionView, startSession } from './review-sessions';

let f: ReviewFixture;
let sessionId: string;
beforeEach(async () => {
  f = await reviewFixture();
  sessionId = (await startSession(f.db, { articleId: f.article.id, userId: f.u.tom, claimIds: [7, 5, 3].map((n) => byNumber(n).id) })).id;
});

const byNumber = (n: number) => f.claims.find((c) => c.number === n)!;
const run = (op: SessionOp, actorId = f.u.tom, role: Role = 'editor') => runSessionOp(f.db, { sessionId, actorId, role, op });
const view = (userId = f.u.tom, role: Role = 'editor', present?: Set<string>) => getSessionView(f.db, sessionId, userId, role, { presentUserIds: present ?? null });
const items = async () => (await view()).items;
const join = (userId: string, role: Role) => changeAttendance(f.db, { sessionId, userId, role, action: 'join' });

describe('lead ops', () => {
  it('reorder: any permutation of the open items, whatever the session version (joins and notes bump it); an agenda changed meanwhile → 409, not a permutation → 422, not the lead → 403', async () => {
    const v = await view();
    const [a, b, c] = v.items.map((i) => i.id);
    await join(f.u.ana, 'reviewer'); // bumps the session version: not a reason to refuse
    await run({ op: 'reorder', version: v.version, itemIds: [c!, a!, b!] });
    expect((await items()).map((i) => i.id)).toEqual([c, a, b]);
    await run({ op: 'reorder', version: v.version, itemIds: [a!, b!, c!] });
    await run({ op: 'reorder', itemIds: [b!, a!, c!] });
    expect((await items()).map((i) => i.id)).toEqual([b, a, c]);
    // An item added since the lead loaded the agenda: the old list is a 409 (with or without the version).
    const loaded = await view();
    await run({ op: 'addItem', claimId: byNumber(4).id });
    for (const version of [loaded.version, undefined]) {
      const refused = await catchAppError(() => run({ op: 'reorder', ...(version !== undefined ? { version } : {}), itemIds: [a!, b!, c!] }));
      expect([refused.code, refused.message]).toEqual(['conflict', 'The agenda changed since you loaded it. Reload the session and try again.']);
    }
    // With the current agenda in hand, a list that is not a permutation is the client's mistake: 422.
    const current = await view();
    expect((await catchAppError(() => run({ op: 'reorder', version: current.version, itemIds: [a!, b!] }))).code).toBe('unprocessable');
    expect((await catchAppError(() => run({ op: 'reorder', itemIds: [a!, a!, b!, c!] }))).code).toBe('unprocessable');
    expect((await catchAppError(() => run({ op: 'reorder', itemIds: [a!, b!, c!, crypto.randomUUID()] }))).code).toBe('unprocessable');
    expect((await catchAppError(() => run({ op: 'reorder', version: current.version, itemIds: [a!, b!, c!] }, f.u.nadia, 'owner'))).message).toBe('Only the session lead can do that. Take the lead first.');
    expect((await catchAppError(() => run({ op: 'reorder', version: current.version, itemIds: [a!, b!, c!] }, f.u.ana, 'reviewer'))).code).toBe('forbidden');
  });

  it(`addItem refuses past MAX_AGENDA_ITEMS (${MAX_AGENDA_ITEMS}) with a 422`, async () => {
    const filler = Array.from({ length: MAX_AGENDA_ITEMS - 3 }, (_, i) => ({ sessionId, claimId: null, claimNumber: null, claimQuote: `filler ${i}`, position: 10 + i, reason: 'added' as const }));
    await transaction(f.db, async (tx) => {
      for (let i = 0; i < filler.length; i += 50) await tx.insert(reviewSessionItems).values(filler.slice(i, i + 50));
    });
    const refused = await catchAppError(() => run({ op: 'addItem', claimId: byNumber(4).id }));
    expect([refused.code, refused.message]).toEqual(['unprocessable', `An agenda can have at most ${MAX_AGENDA_ITEMS} items.`]);
    expect((await items()).length).toBe(MAX_AGENDA_ITEMS);
  });

  it('addItem: a claim of this article once; another workspace’s or unknown claim → 404, a duplicate → 409', async () => {
    await run({ op: 'addItem', claimId: byNumber(4).id });
    expect((await items()).map((i) => [i.claimNumber, i.reason, i.position])).toEqual([[7, 'no_final_verdict', 1], [5, 'added', 2], [3, 'added', 3], [4, 'added', 4]]);
    expect((await catchAppError(() => run({ op: 'addItem', claimId: byNumber(4).id }))).code).toBe('conflict');
    const [foreign] = await f.db.select({ id: claims.id }).from(claims).where(eq(claims.workspaceId, f.otherWorkspaceId)).limit(1);
    expect((await catchAppError(() => run({ op: 'addItem', claimId: foreign?.id ?? crypto.randomUUID() }))).code).toBe('not_found');
  });

  it('goto moves the current item and restarts its clock; timebox on the current item restarts the countdown', async () => {
    const [, second] = await items();
    const before = await view();
    await run({ op: 'goto', itemId: second!.id });
    const after = await view();
    expect(after.currentItemId).toBe(second!.id);
    expect(Date.parse(after.itemStartedAt!)).toBeGreaterThanOrEqual(Date.parse(before.itemStartedAt!));
    await run({ op: 'timebox', itemId: second!.id, seconds: 300 });
    expect((await items())[1]!.timeboxSeconds).toBe(300);
    await run({ op: 'timebox', itemId: second!.id, seconds: null });
    expect((await items())[1]!.timeboxSeconds).toBeNull();
  });

  it('a called vote shows who voted, never what, to everyone; the reveal shows the votes, spread and agreement', async () => {
    const [first] = await items();
    const claimId = first!.claimId!;
    await join(f.u.ana, 'reviewer');
    await join(f.u.kofi, 'reviewer');
    const callVote = await run({ op: 'callVote', itemId: first!.id });
    expect(callVote.claimId).toBe(claimId);
    await giveVerdict(f, f.u.ana, claimId, 'false');
    for (const [user, role] of [[f.u.tom, 'editor'], [f.u.ana, 'reviewer'], [f.u.nadia, 'owner']] as const) {
      const seen = (await view(user, role, new Set([f.u.ana, f.u.kofi]))).items[0]!.vote;
      expect(seen).toMatchObject({ state: 'open', results: null, spread: null, agreement: null, eligibleCount: 2, votedCount: 1 });
      expect(seen.voters).toEqual([{ userId: f.u.ana, name: 'Ana Souza', voted: true }, { userId: f.u.kofi, name: 'Kofi Mensah', voted: false }]);
      expect(JSON.stringify(seen)).not.toMatch(/"verdictKey"|"verdictId"|"verdictLabel"|"false"/);
    }
    await giveVerdict(f, f.u.kofi, claimId, 'true');
    await run({ op: 'reveal', itemId: first!.id });
    const revealed = (await view(f.u.ana, 'reviewer')).items[0]!.vote;
    expect(revealed).toMatchObject({ state: 'revealed', votedCount: 2, agreement: 0 });
    expect(revealed.results!.map((r) => [r.name, r.verdictKey]).sort()).toEqual([['Ana Souza', 'false'], ['Kofi Mensah', 'true']]);
    expect(revealed.spread!.map((s) => s.count)).toEqual([1, 1]);
    // Re-calling after the reveal opens it again.
    await run({ op: 'callVote', itemId: first!.id });
    expect((await items())[0]!.vote.state).toBe('open');
    expect((await catchAppError(() => run({ op: 'callVote', itemId: first!.id }))).message).toBe('A vote is already open on this item.');
  });

  it('blind review still holds after the reveal: a reviewer without a verdict sees who voted, not what, nor the decided level', async () => {
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
    });
    const [first] = await items();
    const claimId = first!.claimId!;
    await run({ op: 'callVote', itemId: first!.id });
    await giveVerdict(f, f.u.ana, claimId, 'false');
    await run({ op: 'reveal', itemId: first!.id });
    const claim = await getClaim(f.db, claimId);
    await run({ op: 'decide', itemId: first!.id, verdictId: f.level('false'), claimVersion: claim.version });
    const kofiSees = (await view(f.u.kofi, 'reviewer')).items[0]!;
    expect(kofiSees.vote).toMatchObject({ state: 'revealed', results: null, spread: null, agreement: null, voters: [{ userId: f.u.ana, voted: true }] });
    expect(kofiSees.decidedVerdict).toBeNull();
    expect((await view(f.u.ana, 'reviewer')).items[0]!.vote.results).toHaveLength(1);
    expect((await view(f.u.tom, 'editor')).items[0]!.decidedVerdict).toMatchObject({ key: 'false' });
    // Ended: the minutes Kofi reads withhold that claim's decision and votes too.
    await run({ op: 'end' });
    expect((await view(f.u.kofi, 'reviewer')).minutes!.items[0]).toMatchObject({ claimId, decidedVerdict: null, votes: [], decisionHidden: true });
    expect((await view(f.u.tom, 'editor')).minutes!.items[0]).toMatchObject({ claimId, outcome: 'decided', decidedVerdict: { key: 'false' } });
    await giveVerdict(f, f.u.kofi, claimId, 'true');
    expect((await view(f.u.kofi, 'reviewer')).minutes!.items[0]).toMatchObject({ outcome: 'decided', decidedVerdict: { key: 'false' } });
    expect((await view(f.u.kofi, 'reviewer')).items[0]!.decidedVerdict).toMatchObject({ key: 'false' });
  });

  it('decide sets the claim’s final verdict through the final-verdict write, with history and the outcome', async () => {
    const [first] = await items();
    const claim = await getClaim(f.db, first!.claimId!);
    await expect(catchAppError(() => run({ op: 'decide', itemId: first!.id, verdictId: f.level('misleading'), claimVersion: claim.version + 5 }))).resolves.toMatchObject({ code: 'conflict' });
    expect((await catchAppError(() => run({ op: 'decide', itemId: first!.id, verdictId: f.level('misleading'), claimVersion: claim.version }, f.u.vera, 'viewer'))).code).toBe('forbidden');
    const write = await run({ op: 'decide', itemId: first!.id, verdictId: f.level('misleading'), rationale: 'The war began in 2011.', claimVersion: claim.version });
    expect(write.claim).toMatchObject({ id: claim.id, verdictId: f.level('misleading'), rationale: 'The war began in 2011.', version: claim.version + 1 });
    expect(write.claimId).toBe(claim.id);
    const item = (await items())[0]!;
    expect(item).toMatchObject({ outcome: 'decided', decidedVerdict: { id: f.level('misleading'), key: 'misleading' }, decidedBy: { userId: f.u.tom, name: 'Tom Becker' } });
    const history = await f.db.select().from(historyEntries).where(eq(historyEntries.claimId, claim.id)).orderBy(asc(historyEntries.createdAt));
    expect(history.map((h) => h.entityType).slice(-2)).toEqual(['claim', 'review_session']);
    expect(history.at(-1)).toMatchObject({ entityId: sessionId, action: 'update', actorId: f.u.tom, after: { sessionId, outcome: 'decided', verdictLabel: item.decidedVerdict!.label } });
    expect(typeof (history.at(-1)!.after as { sessionStartedAt: unknown }).sessionStartedAt).toBe('string');
    expect((await catchAppError(() => run({ op: 'decide', itemId: first!.id, verdictId: f.level('false'), claimVersion: claim.version + 1 }))).message).toBe('This item is already decided.');
  });

  it('decide on a published (locked) article is refused by the final-verdict rules, and nothing of it is kept', async () => {
    const [first] = await items();
    const claim = await getClaim(f.db, first!.claimId!);
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ status: 'published' }).where(eq(articles.id, f.article.id));
    });
    expect((await catchAppError(() => run({ op: 'decide', itemId: first!.id, verdictId: f.level('false'), claimVersion: claim.version }))).code).toBe('conflict');
    expect((await items())[0]!.outcome).toBe('pending');
    // Session ops other than decide still work on a locked article (meeting records).
    await run({ op: 'goto', itemId: (await items())[1]!.id });
  });

  it('defer and drop record the outcome, the note and a history entry', async () => {
    const [first, second] = await items();
    await run({ op: 'defer', itemId: first!.id, note: 'Waiting for the ministry.' });
    await run({ op: 'dropItem', itemId: second!.id });
    const after = await items();
    expect(after[0]).toMatchObject({ outcome: 'deferred', outcomeNote: 'Waiting for the ministry.' });
    expect(after[1]).toMatchObject({ outcome: 'dropped', outcomeNote: '' });
    const entries = await f.db.select().from(historyEntries).where(and(eq(historyEntries.entityType, 'review_session'), eq(historyEntries.entityId, sessionId)));
    expect(entries.map((e) => (e.after as { outcome: string; note?: string })).sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual([
      expect.objectContaining({ outcome: 'deferred', note: 'Waiting for the ministry.' }),
      expect.objectContaining({ outcome: 'dropped' }),
    ]);
    // Reorder now covers the pending items and the current one (the deferred first item is current).
    const v = await view();
    await run({ op: 'reorder', version: v.version, itemIds: [after[2]!.id, after[0]!.id] });
  });

  it('takeLead: an editor or owner takes it (joining), a reviewer cannot', async () => {
    expect((await catchAppError(() => run({ op: 'takeLead' }, f.u.ana, 'reviewer'))).code).toBe('forbidden');
    await run({ op: 'takeLead' }, f.u.nadia, 'owner');
    const v = await view(f.u.nadia, 'owner');
    expect(v.lead).toEqual({ userId: f.u.nadia, name: v.lead!.name });
    expect(v.me).toMatchObject({ isLead: true, joined: true, canLead: true });
    expect((await view()).me).toMatchObject({ isLead: false, canTakeLead: true });
    expect((await catchAppError(() => run({ op: 'goto', itemId: v.items[1]!.id }))).code).toBe('forbidden');
  });

  it('end closes attendance, reveals an open vote, writes the minutes; an ended session refuses writes', async () => {
    const [first, second] = await items();
    await join(f.u.ana, 'reviewer');
    await run({ op: 'callVote', itemId: first!.id });
    await giveVerdict(f, f.u.ana, first!.claimId!, 'false');
    await createSessionNote(f.db, { sessionId, itemId: first!.id, userId: f.u.ana, role: 'reviewer', body: 'Check the 2011 date.' });
    await run({ op: 'defer', itemId: second!.id, note: 'Later.' });
    await createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'task', assigneeId: f.u.kofi, text: 'Call the ministry', itemId: second!.id } });
    const end = await run({ op: 'end' });
    expect(end.claimId).toBe(first!.claimId);
    const v = await view();
    expect(v).toMatchObject({ status: 'ended', me: { canLead: false, joined: false } });
    expect(v.endedAt).not.toBeNull();
    expect(v.items[0]!.vote).toMatchObject({ state: 'revealed', votedCount: 1 });
    expect(v.attendees.every((a) => a.intervals.every((i) => i.leftAt !== null))).toBe(true);
    expect(v.minutes).toMatchObject({
      sessionId,
      lead: { userId: f.u.tom },
      attendees: [{ userId: f.u.tom }, { userId: f.u.ana }],
      items: [
        { position: 1, outcome: 'pending', votes: [{ userId: f.u.ana, verdictKey: 'false' }], notes: [{ authorName: 'Ana Souza', body: 'Check the 2011 date.' }] },
        { position: 2, outcome: 'deferred', outcomeNote: 'Later.' },
        { position: 3, outcome: 'pending' },
      ],
      actions: [{ kind: 'task', assigneeName: 'Kofi Mensah', text: 'Call the ministry', itemPosition: 2 }],
    });
    for (const op of [{ op: 'goto', itemId: first!.id }, { op: 'end' }, { op: 'takeLead' }] as const) expect((await catchAppError(() => run(op))).message).toMatch(/has ended/);
    expect((await catchAppError(() => join(f.u.kofi, 'reviewer'))).code).toBe('conflict');
    expect((await catchAppError(() => createSessionNote(f.db, { sessionId, itemId: first!.id, userId: f.u.ana, role: 'reviewer', body: 'Late' }))).code).toBe('conflict');
  });
});

describe('auto-reveal', () => {
  it('reveals once every joined, present participant who may vote has a verdict (not before; a viewer does not count)', async () => {
    const [first] = await items();
    const claimId = first!.claimId!;
    await join(f.u.ana, 'reviewer');
    await join(f.u.kofi, 'reviewer');
    await join(f.u.vera, 'viewer');
    await run({ op: 'callVote', itemId: first!.id });
    const present = new Set([f.u.ana, f.u.kofi, f.u.vera]); // tom (the lead, an editor who may vote) is not looking
    await giveVerdict(f, f.u.ana, claimId, 'false');
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, present)).toBeNull();
    expect((await items())[0]!.vote.state).toBe('open');
    await giveVerdict(f, f.u.kofi, claimId, 'false');
    // Tom is present too but leads: the lead decides, reviewers vote — his missing vote does not hold it back.
    const write = await autoRevealIfEveryoneVoted(f.db, claimId, new Set([...present, f.u.tom]));
    expect(write).toMatchObject({ sessionId, claimId });
    const vote = (await items())[0]!.vote;
    expect(vote).toMatchObject({ state: 'revealed', votedCount: 2, agreement: 1 });
    // Nothing open any more: a later verdict does nothing.
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, present)).toBeNull();
  });

  it('the lead counts as a voter only once they voted in this vote; the view\'s eligibleCount follows', async () => {
    const [first] = await items();
    const claimId = first!.claimId!;
    await join(f.u.ana, 'reviewer');
    await run({ op: 'callVote', itemId: first!.id });
    expect((await view(f.u.tom, 'editor', new Set([f.u.tom, f.u.ana]))).items[0]!.vote).toMatchObject({ eligibleCount: 1, votedCount: 0 });
    await giveVerdict(f, f.u.tom, claimId, 'true');
    expect((await view(f.u.tom, 'editor', new Set([f.u.tom, f.u.ana]))).items[0]!.vote).toMatchObject({ eligibleCount: 2, votedCount: 1 });
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, new Set([f.u.tom, f.u.ana]))).toBeNull();
    await giveVerdict(f, f.u.ana, claimId, 'false');
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, new Set([f.u.tom, f.u.ana]))).toMatchObject({ claimId });
    expect((await items())[0]!.vote.results!.map((r) => r.userId).sort()).toEqual([f.u.ana, f.u.tom].sort());
  });

  it('verdicts given before the vote was called are not votes: nothing reveals until each is given (or saved again) after the call', async () => {
    const [first] = await items();
    const claimId = first!.claimId!;
    await join(f.u.ana, 'reviewer');
    await join(f.u.kofi, 'reviewer');
    const present = new Set([f.u.tom, f.u.ana, f.u.kofi]);
    // A disagreement item: both reviewers gave verdicts well before the meeting.
    await giveVerdict(f, f.u.ana, claimId, 'false');
    await giveVerdict(f, f.u.kofi, claimId, 'true');
    await transaction(f.db, async (tx) => {
      await tx.update(claimVerdicts).set({ updatedAt: new Date(Date.now() - 60_000) }).where(eq(claimVerdicts.claimId, claimId));
    });
    await run({ op: 'callVote', itemId: first!.id });
    // Calling the vote reveals nothing, and nobody has voted yet.
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, present)).toBeNull();
    expect((await view(f.u.tom, 'editor', present)).items[0]!.vote).toMatchObject({ state: 'open', eligibleCount: 2, votedCount: 0 });
    expect((await view(f.u.tom, 'editor', present)).items[0]!.vote.voters.every((v) => !v.voted)).toBe(true);
    // Their verdict lists say so (the Verdicts tab offers "Confirm as my vote").
    expect((await listVerdicts(f.db, claimId, f.u.kofi, 'reviewer')).mineCountsAsVote).toBe(false);
    // Ana changes her verdict: one vote; still open.
    await giveVerdict(f, f.u.ana, claimId, 'mostly-false');
    expect((await listVerdicts(f.db, claimId, f.u.ana, 'reviewer')).mineCountsAsVote).toBe(true);
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, present)).toBeNull();
    expect((await view(f.u.tom, 'editor', present)).items[0]!.vote).toMatchObject({ state: 'open', votedCount: 1 });
    // Kofi saves his verdict again unchanged: that confirms it as his vote (no new version, no history).
    const before = (await f.db.select().from(claimVerdicts).where(and(eq(claimVerdicts.claimId, claimId), eq(claimVerdicts.userId, f.u.kofi))))[0]!;
    const again = await giveVerdict(f, f.u.kofi, claimId, 'true');
    expect(again).toMatchObject({ changed: false, verdict: { version: before.version } });
    expect((await view(f.u.tom, 'editor', present)).items[0]!.vote).toMatchObject({ votedCount: 2 });
    expect(await autoRevealIfEveryoneVoted(f.db, claimId, present)).toMatchObject({ claimId });
    expect((await items())[0]!.vote.results!.map((r) => r.verdictKey).sort()).toEqual(['mostly-false', 'true']);
  });

  it('nobody eligible (no one present) never auto-reveals', async () => {
    const [first] = await items();
    await run({ op: 'callVote', itemId: first!.id });
    await giveVerdict(f, f.u.ana, first!.claimId!, 'true');
    expect(await autoRevealIfEveryoneVoted(f.db, first!.claimId!, new Set())).toBeNull();
    const [row] = await f.db.select({ state: reviewSessionItems.voteState }).from(reviewSessionItems).where(eq(reviewSessionItems.id, first!.id));
    expect(row!.state).toBe('open');
  });
});

describe('notes', () => {
  it('reviewers write notes; only the author edits or deletes, at the current version; a viewer cannot write', async () => {
    const [first] = await items();
    await createSessionNote(f.db, { sessionId, itemId: first!.id, userId: f.u.ana, role: 'reviewer', body: 'Source is a 2019 report.' });
    const note = (await items())[0]!.notes[0]!;
    expect(note).toMatchObject({ authorId: f.u.ana, authorName: 'Ana Souza', body: 'Source is a 2019 report.', version: 1 });
    expect((await catchAppError(() => updateSessionNote(f.db, { sessionId, noteId: note.id, userId: f.u.kofi, role: 'reviewer', body: 'Mine now', version: 1 }))).code).toBe('forbidden');
    await updateSessionNote(f.db, { sessionId, noteId: note.id, userId: f.u.ana, role: 'reviewer', body: 'Source is a 2020 report.', version: 1 });
    expect((await catchAppError(() => updateSessionNote(f.db, { sessionId, noteId: note.id, userId: f.u.ana, role: 'reviewer', body: 'Stale', version: 1 }))).code).toBe('conflict');
    expect((await items())[0]!.notes[0]).toMatchObject({ body: 'Source is a 2020 report.', version: 2 });
    expect((await catchAppError(() => createSessionNote(f.db, { sessionId, itemId: first!.id, userId: f.u.vera, role: 'viewer', body: 'Hi' }))).code).toBe('forbidden');
    expect((await catchAppError(() => createSessionNote(f.db, { sessionId, itemId: crypto.randomUUID(), userId: f.u.ana, role: 'reviewer', body: 'Hi' }))).code).toBe('not_found');
    await deleteSessionNote(f.db, { sessionId, noteId: note.id, userId: f.u.ana, role: 'reviewer', version: 2 });
    expect((await items())[0]!.notes).toEqual([]);
  });
});

describe('action items and My queue', () => {
  it('a task appears in its assignee’s My queue until done (also after the session ended); only the assignee or the lead marks it', async () => {
    const [first] = await items();
    const { actionId } = await createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'task', assigneeId: f.u.ana, itemId: first!.id, text: 'Find the 2011 source' } });
    expect((await catchAppError(() => createSessionAction(f.db, { sessionId, userId: f.u.ana, role: 'reviewer', input: { kind: 'task', assigneeId: f.u.ana, text: 'x' } }))).code).toBe('forbidden');
    const queue = await myQueue(f.db, f.u.ana);
    expect(queue.sessionTasks).toMatchObject([{ id: actionId, sessionId, articleId: f.article.id, articleTitle: f.article.title, text: 'Find the 2011 source', createdByName: 'Tom Becker', version: 1 }]);
    expect(await mySessionTasks(f.db, f.u.kofi)).toEqual([]);
    await run({ op: 'end' });
    expect((await catchAppError(() => setSessionActionDone(f.db, { sessionId, actionId, userId: f.u.kofi, role: 'reviewer', done: true, version: 1 }))).code).toBe('forbidden');
    expect((await catchAppError(() => setSessionActionDone(f.db, { sessionId, actionId, userId: f.u.ana, role: 'reviewer', done: true, version: 7 }))).code).toBe('conflict');
    await setSessionActionDone(f.db, { sessionId, actionId, userId: f.u.ana, role: 'reviewer', done: true, version: 1 });
    expect((await myQueue(f.db, f.u.ana)).sessionTasks).toEqual([]);
    expect((await view()).actions[0]).toMatchObject({ id: actionId, doneAt: expect.any(String) as unknown, version: 2 });
  });

  it('a claim action makes an assignment (so the claim is in their queue); a trashed article’s tasks leave the queue', async () => {
    const claimId = byNumber(7).id;
    const write = await createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'claim', assigneeId: f.u.kofi, claimId, text: '' } });
    expect(write.assignment).toMatchObject({ created: true, assignment: { claimId, assigneeId: f.u.kofi } });
    expect(await f.db.select().from(assignments).where(and(eq(assignments.claimId, claimId), eq(assignments.assigneeId, f.u.kofi)))).toHaveLength(1);
    expect((await myQueue(f.db, f.u.kofi)).claims.map((c) => c.claimId)).toContain(claimId);
    expect((await view()).actions[0]).toMatchObject({ kind: 'claim', claimId, claimNumber: 7, assignee: { userId: f.u.kofi } });
    // Named by its agenda item instead: the item's claim.
    const second = (await items())[1]!;
    await createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'claim', assigneeId: f.u.ana, itemId: second.id, text: '' } });
    expect((await view()).actions[1]).toMatchObject({ kind: 'claim', claimId: second.claimId, itemId: second.id, assignee: { userId: f.u.ana } });
    // A viewer cannot be given a claim (the assignment rule), and a stranger nothing at all.
    expect((await catchAppError(() => createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'claim', assigneeId: f.u.vera, claimId, text: '' } }))).code).toBe('unprocessable');
    expect((await catchAppError(() => createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'task', assigneeId: f.u.omar, text: 'x' } }))).code).toBe('unprocessable');
    await createSessionAction(f.db, { sessionId, userId: f.u.tom, role: 'editor', input: { kind: 'task', assigneeId: f.u.kofi, text: 'Call' } });
    expect(await mySessionTasks(f.db, f.u.kofi)).toHaveLength(1);
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, f.article.id));
    });
    expect(await mySessionTasks(f.db, f.u.kofi)).toEqual([]);
  });
});
