import 'server-only';
import { and, asc, count, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import {
  articles,
  claims,
  claimVerdicts,
  memberships,
  ratingLevels,
  reviewSessionActions,
  reviewSessionAttendance,
  reviewSessionItems,
  reviewSessionNotes,
  reviewSessions,
  users,
  workspaces,
} from '../schema';
import { can } from '@/lib/auth/permissions';
import type { ClaimDto } from '@/lib/domain/claims';
import type { Role } from '@/lib/domain/roles';
import { MAX_AGENDA_ITEMS } from '@/lib/domain/review-sessions';
import { AppError, conflict, notFound } from '@/lib/errors';
import { reorderItems } from '@/lib/review-sessions/agenda';
import { buildMinutes } from '@/lib/review-sessions/minutes';
import { checkSessionOp, type SessionOperation } from '@/lib/review-sessions/policy';
import { countsAsVote, eligibleVoterIds, everyoneVoted } from '@/lib/review-sessions/votes';
import type { SessionOp } from '@/lib/validations/review-sessions';
import { updateClaim } from './claims';
import { recordHistory, type Tx } from './history';
import { assertAllowed, joinSession, loadItem, lockSession, openAttendance, revealItem, type SessionItemRow, type SessionRow } from './review-session-core';

/**
 * The lead's operations on a running session (PATCH /api/review-sessions/:id), each one
 * transaction that bumps the session's version, and the automatic reveal after a verdict.
 */

export interface SessionWriteResult {
  sessionId: string;
  workspaceId: string;
  articleId: string;
  /** The session's version after the write (for the session.updated event). */
  version: number;
  /** The claim whose visible state changed (vote called or revealed, decided), for the event. */
  claimId: string | null;
  /**
   * When the write changed what members may see of several claims (ending a session with open
   * votes reveals each): all of them, one session.updated event per claim (lib/server/review-sessions.ts).
   */
  claimIds?: string[];
  /** The claim after `decide` set its final verdict (for claim.updated). */
  claim?: ClaimDto;
}

const result = (s: SessionRow, claimId: string | null = null, claim?: ClaimDto): SessionWriteResult => ({ sessionId: s.id, workspaceId: s.workspaceId, articleId: s.articleId, version: s.version, claimId, ...(claim ? { claim } : {}) });

/** The items still to discuss (pending) plus the current one: what `reorder` reorders. */
function openItems(items: SessionItemRow[], currentItemId: string | null): SessionItemRow[] {
  return items.filter((i) => i.outcome === 'pending' || i.id === currentItemId);
}

async function sessionItems(tx: Tx, sessionId: string): Promise<SessionItemRow[]> {
  return tx.select().from(reviewSessionItems).where(eq(reviewSessionItems.sessionId, sessionId)).orderBy(asc(reviewSessionItems.position), asc(reviewSessionItems.createdAt));
}

/** The review_session history entry on the item's claim (decide, defer, drop). */
async function recordItemHistory(tx: Tx, session: SessionRow, item: SessionItemRow, actorId: string, after: { outcome: 'decided' | 'deferred' | 'dropped'; verdictLabel?: string; note?: string }): Promise<void> {
  if (!item.claimId) return;
  await recordHistory(tx, {
    workspaceId: session.workspaceId,
    articleId: session.articleId,
    claimId: item.claimId,
    entityType: 'review_session',
    entityId: session.id,
    action: 'update',
    actorId,
    after: { sessionId: session.id, sessionStartedAt: session.startedAt.toISOString(), ...after },
  });
}

/**
 * Runs one op as `actorId` (whose role in the session's workspace is `role`; the route has
 * authorised 'session:join' on the session). Refusals: 403 (role, not the lead), 409 (ended,
 * stale version on reorder, item already decided, vote state), 404 (item or claim not in this
 * session or article), 422 (not a permutation).
 */
export async function runSessionOp(db: Db, args: { sessionId: string; actorId: string; role: Role; op: SessionOp }): Promise<SessionWriteResult> {
  const { op, actorId, role } = args;
  return transaction(db, async (tx) => {
    // Reorder does not check the session version (every join, follow or note bumps it): the
    // permutation check below is what detects an agenda that changed since the lead loaded it.
    const session = await lockSession(tx, args.sessionId);
    const joined = (await openAttendance(tx, session.id, actorId)) !== null;
    const facts = { role, status: session.status, isLead: session.leadId === actorId, joined };
    const check = (name: SessionOperation, item?: SessionItemRow) => assertAllowed(checkSessionOp(name, { ...facts, ...(item ? { item: { outcome: item.outcome, voteState: item.voteState } } : {}) }));
    const now = new Date();
    const setSession = async (changes: Partial<SessionRow>) => {
      await tx.update(reviewSessions).set(changes).where(eq(reviewSessions.id, session.id));
    };
    const bumpItem = async (item: SessionItemRow, changes: Partial<SessionItemRow>) => {
      await tx.update(reviewSessionItems).set({ ...changes, version: item.version + 1, updatedAt: now }).where(eq(reviewSessionItems.id, item.id));
    };

    switch (op.op) {
      case 'reorder': {
        check('reorder');
        const items = await sessionItems(tx, session.id);
        const open = openItems(items, session.currentItemId);
        let order: string[];
        try {
          order = reorderItems(open.map((i) => i.id), op.itemIds);
        } catch (error) {
          if (error instanceof AppError && agendaChangedMeanwhile(items, op.itemIds, op.version, session.version - 1)) {
            throw conflict('The agenda changed since you loaded it. Reload the session and try again.', { version: session.version - 1 });
          }
          throw error;
        }
        // The open items take the positions they held, in the new order; decided ones stay put.
        const slots = open.map((i) => i.position).sort((a, b) => a - b);
        const byId = new Map(open.map((i) => [i.id, i]));
        for (const [k, id] of order.entries()) {
          const item = byId.get(id)!;
          if (item.position !== slots[k]) await bumpItem(item, { position: slots[k]! });
        }
        return result(session);
      }
      case 'addItem': {
        check('addItem');
        const [claim] = await tx.select({ id: claims.id, number: claims.number, quote: claims.quoteExact }).from(claims).where(and(eq(claims.id, op.claimId), eq(claims.articleId, session.articleId))).limit(1);
        if (!claim) throw notFound('Claim');
        const [existing] = await tx.select({ id: reviewSessionItems.id }).from(reviewSessionItems).where(and(eq(reviewSessionItems.sessionId, session.id), eq(reviewSessionItems.claimId, claim.id))).limit(1);
        if (existing) throw new AppError('conflict', `${claim.number !== null ? `Claim ${claim.number}` : 'This claim'} is already on the agenda.`);
        const [size] = await tx.select({ n: count().mapWith(Number) }).from(reviewSessionItems).where(eq(reviewSessionItems.sessionId, session.id));
        if ((size?.n ?? 0) >= MAX_AGENDA_ITEMS) throw new AppError('unprocessable', `An agenda can have at most ${MAX_AGENDA_ITEMS} items.`);
        const [last] = await tx.select({ n: max(reviewSessionItems.position).mapWith(Number) }).from(reviewSessionItems).where(eq(reviewSessionItems.sessionId, session.id));
        const [item] = await tx
          .insert(reviewSessionItems)
          .values({ sessionId: session.id, claimId: claim.id, claimNumber: claim.number, claimQuote: claim.quote, position: (last?.n ?? 0) + 1, reason: 'added' })
          .returning({ id: reviewSessionItems.id });
        // An agenda that had run out gets its new item as the current one.
        if (!session.currentItemId) await setSession({ currentItemId: item!.id, itemStartedAt: now });
        return result(session);
      }
      case 'dropItem': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('dropItem', item);
        if (item.voteState === 'open') await revealItem(tx, item, now);
        const note = op.note ?? '';
        await bumpItem(item.voteState === 'open' ? { ...item, version: item.version + 1 } : item, { outcome: 'dropped', outcomeNote: note, decidedBy: actorId, decidedAt: now });
        await recordItemHistory(tx, session, item, actorId, { outcome: 'dropped', ...(note ? { note } : {}) });
        return result(session, item.voteState === 'open' ? item.claimId : null);
      }
      case 'goto': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('goto', item);
        await setSession({ currentItemId: item.id, itemStartedAt: now });
        return result(session);
      }
      case 'timebox': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('timebox', item);
        await bumpItem(item, { timeboxSeconds: op.seconds });
        // On the current item the countdown starts again from now.
        if (session.currentItemId === item.id) await setSession({ itemStartedAt: now });
        return result(session);
      }
      case 'callVote': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('callVote', item);
        if (!item.claimId) throw new AppError('conflict', 'The claim of this item was deleted; there is nothing to vote on.');
        await bumpItem(item, { voteState: 'open', voteCalledAt: now, voteRevealedAt: null, votes: null });
        return result(session, item.claimId);
      }
      case 'reveal': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('reveal', item);
        await revealItem(tx, item, now);
        return result(session, item.claimId);
      }
      case 'decide': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('decide', item);
        if (!item.claimId) throw new AppError('conflict', 'The claim of this item was deleted; there is nothing to decide.');
        // The existing final-verdict write, joined to this transaction: the claim's version check,
        // the publishing lock (409 on a published article), the level's workspace, history.
        const claim = await updateClaim(tx, item.claimId, { version: op.claimVersion, verdictId: op.verdictId, ...(op.rationale !== undefined ? { rationale: op.rationale } : {}) }, actorId);
        const [level] = await tx.select({ key: ratingLevels.key, label: ratingLevels.label }).from(ratingLevels).where(eq(ratingLevels.id, op.verdictId)).limit(1);
        if (item.voteState !== 'none') await revealItem(tx, item, now); // the votes as they stood at the decision
        await bumpItem(item.voteState !== 'none' ? { ...item, version: item.version + 1 } : item, {
          outcome: 'decided',
          decidedVerdictId: op.verdictId,
          decidedVerdictKey: level?.key ?? null,
          decidedVerdictLabel: level?.label ?? null,
          decidedBy: actorId,
          decidedAt: now,
        });
        await recordItemHistory(tx, session, item, actorId, { outcome: 'decided', ...(level ? { verdictLabel: level.label } : {}) });
        return result(session, item.claimId, claim);
      }
      case 'defer': {
        const item = await loadItem(tx, session.id, op.itemId);
        check('defer', item);
        if (item.voteState === 'open') await revealItem(tx, item, now);
        await bumpItem(item.voteState === 'open' ? { ...item, version: item.version + 1 } : item, { outcome: 'deferred', outcomeNote: op.note, decidedBy: actorId, decidedAt: now });
        await recordItemHistory(tx, session, item, actorId, { outcome: 'deferred', note: op.note });
        return result(session, item.voteState === 'open' ? item.claimId : null);
      }
      case 'takeLead': {
        check('takeLead');
        if (!joined) await joinSession(tx, session.id, actorId, now);
        if (session.leadId !== actorId) await setSession({ leadId: actorId });
        return result(session);
      }
      case 'end': {
        check('end');
        const claimIds = await endSession(tx, session, now);
        // Each claim whose open vote the end revealed changed for members: one event per claim.
        return { ...result({ ...session, status: 'ended' }, claimIds.length === 1 ? claimIds[0]! : null), ...(claimIds.length > 1 ? { claimIds } : {}) };
      }
    }
  });
}

/**
 * Whether a reorder that is not a permutation of the open items failed because the agenda changed
 * since the lead loaded it (an item added, dropped, decided or deferred meanwhile) — a 409 — rather
 * than because the list was never a reordering of this agenda (unknown or repeated ids) — a 422.
 * With the session version the lead loaded: stale means changed; current means the list is wrong.
 * Without it: a list of distinct items of this session is taken as an older agenda.
 */
function agendaChangedMeanwhile(items: SessionItemRow[], requestedIds: readonly string[], loadedVersion: number | undefined, versionBefore: number): boolean {
  if (loadedVersion !== undefined) return loadedVersion !== versionBefore;
  const known = new Set(items.map((i) => i.id));
  return new Set(requestedIds).size === requestedIds.length && requestedIds.every((id) => known.has(id));
}

/**
 * Ends the session: open attendance intervals closed, open votes revealed, the minutes built
 * (lib/review-sessions/minutes.ts) and stored. Returns the claims whose vote was still open.
 */
async function endSession(tx: Tx, session: SessionRow, now: Date): Promise<string[]> {
  await tx.update(reviewSessionAttendance).set({ leftAt: now }).where(and(eq(reviewSessionAttendance.sessionId, session.id), isNull(reviewSessionAttendance.leftAt)));
  const items = await sessionItems(tx, session.id);
  const revealed: string[] = [];
  for (const item of items) {
    if (item.voteState !== 'open') continue;
    await revealItem(tx, item, now);
    if (item.claimId) revealed.push(item.claimId);
  }
  const [context] = await tx
    .select({ title: articles.title, workspaceName: workspaces.name, leadName: users.name })
    .from(articles)
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .leftJoin(users, eq(users.id, session.leadId ?? ''))
    .where(eq(articles.id, session.articleId))
    .limit(1);
  const attendance = await tx
    .select({ userId: reviewSessionAttendance.userId, name: users.name, role: memberships.role, joinedAt: reviewSessionAttendance.joinedAt, leftAt: reviewSessionAttendance.leftAt })
    .from(reviewSessionAttendance)
    .innerJoin(users, eq(users.id, reviewSessionAttendance.userId))
    .leftJoin(memberships, and(eq(memberships.userId, reviewSessionAttendance.userId), eq(memberships.workspaceId, session.workspaceId)))
    .where(eq(reviewSessionAttendance.sessionId, session.id));
  const finalItems = await sessionItems(tx, session.id);
  const deciderIds = [...new Set(finalItems.map((i) => i.decidedBy).filter((id): id is string => id !== null))];
  const deciders = deciderIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciderIds)) : [];
  const deciderName = new Map(deciders.map((d) => [d.id, d.name]));
  const notes = await tx
    .select({ itemId: reviewSessionNotes.itemId, authorName: users.name, body: reviewSessionNotes.body, createdAt: reviewSessionNotes.createdAt })
    .from(reviewSessionNotes)
    .leftJoin(users, eq(users.id, reviewSessionNotes.authorId))
    .where(eq(reviewSessionNotes.sessionId, session.id));
  const actions = await tx
    .select({ itemId: reviewSessionActions.itemId, kind: reviewSessionActions.kind, assigneeName: users.name, claimNumber: claims.number, text: reviewSessionActions.text, createdAt: reviewSessionActions.createdAt })
    .from(reviewSessionActions)
    .innerJoin(users, eq(users.id, reviewSessionActions.assigneeId))
    .leftJoin(claims, eq(claims.id, reviewSessionActions.claimId))
    .where(eq(reviewSessionActions.sessionId, session.id));
  const minutes = buildMinutes({
    session: { id: session.id, startedAt: session.startedAt.toISOString(), endedAt: now.toISOString(), lead: session.leadId && context?.leadName ? { userId: session.leadId, name: context.leadName } : null },
    article: { id: session.articleId, title: context?.title ?? '' },
    workspaceName: context?.workspaceName ?? '',
    attendance: attendance.map((a) => ({ userId: a.userId, name: a.name, role: a.role ?? 'former member', joinedAt: a.joinedAt.toISOString(), leftAt: a.leftAt ? a.leftAt.toISOString() : null })),
    items: finalItems.map((i) => ({
      id: i.id,
      position: i.position,
      claimId: i.claimId,
      claimNumber: i.claimNumber,
      claimQuote: i.claimQuote,
      outcome: i.outcome,
      outcomeNote: i.outcomeNote,
      decidedVerdict: i.decidedVerdictKey !== null ? { key: i.decidedVerdictKey, label: i.decidedVerdictLabel ?? i.decidedVerdictKey } : null,
      decidedBy: i.decidedBy ? { userId: i.decidedBy, name: deciderName.get(i.decidedBy) ?? '' } : null,
      votes: i.votes ?? null,
      notes: notes.filter((n) => n.itemId === i.id).map((n) => ({ authorName: n.authorName, body: n.body, createdAt: n.createdAt.toISOString() })),
    })),
    actions: actions.map((a) => ({ itemId: a.itemId, kind: a.kind, assigneeName: a.assigneeName, claimNumber: a.claimNumber ?? null, text: a.text, createdAt: a.createdAt.toISOString() })),
  });
  await tx.update(reviewSessions).set({ status: 'ended', endedAt: now, minutes }).where(eq(reviewSessions.id, session.id));
  return revealed;
}

/**
 * After a reviewer's verdict on `claimId`: if the claim's item in a running session has its vote
 * open and every joined participant who is present (`presentUserIds`, the presence registry) and
 * may vote has a verdict on it, reveals it as the lead's reveal would. Returns the write for the
 * event, or null when nothing happened.
 */
export async function autoRevealIfEveryoneVoted(db: Db, claimId: string, presentUserIds: ReadonlySet<string> | null): Promise<SessionWriteResult | null> {
  const open = await openVoteItem(db, claimId);
  if (!open || !(await allEligibleVoted(db, { id: open.sessionId, workspaceId: open.workspaceId, leadId: open.leadId }, claimId, open.voteCalledAt, presentUserIds))) return null;
  return transaction(db, async (tx) => {
    const session = await lockSession(tx, open.sessionId);
    const item = await loadItem(tx, session.id, open.itemId);
    // Re-checked under the session's lock: the lead may have revealed or ended meanwhile.
    if (session.status !== 'running' || item.voteState !== 'open' || item.outcome !== 'pending') throw new NothingToReveal();
    if (!(await allEligibleVoted(tx, session, claimId, item.voteCalledAt, presentUserIds))) throw new NothingToReveal();
    await revealItem(tx, item, new Date());
    return result(session, claimId);
  }).catch((error: unknown) => {
    if (error instanceof NothingToReveal) return null;
    throw error;
  });
}

/** Rolls back the auto-reveal's version bump when there turned out to be nothing to do. */
class NothingToReveal extends Error {}

/** The running session's item with an open vote on the claim, if any (one running session per article). */
async function openVoteItem(db: Db | Tx, claimId: string): Promise<{ sessionId: string; itemId: string; workspaceId: string; leadId: string | null; voteCalledAt: Date | null } | null> {
  const [row] = await db
    .select({ sessionId: reviewSessions.id, itemId: reviewSessionItems.id, workspaceId: reviewSessions.workspaceId, leadId: reviewSessions.leadId, voteCalledAt: reviewSessionItems.voteCalledAt })
    .from(reviewSessionItems)
    .innerJoin(reviewSessions, eq(reviewSessions.id, reviewSessionItems.sessionId))
    .where(and(eq(reviewSessionItems.claimId, claimId), eq(reviewSessionItems.voteState, 'open'), eq(reviewSessions.status, 'running'), ne(reviewSessionItems.outcome, 'dropped')))
    .limit(1);
  return row ?? null;
}

/**
 * Every joined, present participant who may vote has voted in this vote: a verdict on the claim
 * written (or saved again) at or after the call — a verdict from before the call is not a vote. The
 * current lead is not counted unless they voted (lib/review-sessions/votes.ts eligibleVoterIds).
 */
async function allEligibleVoted(db: Db | Tx, session: { id: string; workspaceId: string; leadId: string | null }, claimId: string, voteCalledAt: Date | null, presentUserIds: ReadonlySet<string> | null): Promise<boolean> {
  const joined = await db
    .select({ userId: reviewSessionAttendance.userId, role: memberships.role })
    .from(reviewSessionAttendance)
    .innerJoin(memberships, and(eq(memberships.userId, reviewSessionAttendance.userId), eq(memberships.workspaceId, session.workspaceId)))
    .where(and(eq(reviewSessionAttendance.sessionId, session.id), isNull(reviewSessionAttendance.leftAt)));
  const verdicts = await db.select({ userId: claimVerdicts.userId, updatedAt: claimVerdicts.updatedAt }).from(claimVerdicts).where(eq(claimVerdicts.claimId, claimId));
  const voted = new Set(verdicts.filter((v) => countsAsVote(v.updatedAt, voteCalledAt)).map((v) => v.userId));
  const eligible = eligibleVoterIds(joined.map((j) => ({ userId: j.userId, mayVote: can(j.role, 'verdict:own') })), session.leadId, voted, presentUserIds);
  return everyoneVoted(eligible, voted);
}
