import 'server-only';
import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claimVerdicts, memberships, ratingLevels, reviewSessionAttendance, reviewSessionItems, reviewSessions, users } from '../schema';
import { can, type Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';
import type { SessionVoteResult } from '@/lib/domain/review-sessions';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import type { SessionDecision } from '@/lib/review-sessions/policy';
import { notTrashed } from './access';
import type { Tx } from './history';

/**
 * What the review-session query modules share (review-sessions.ts, review-session-ops.ts,
 * -attendance.ts, -notes.ts, -actions.ts): authorisation, the session row lock, and the reveal.
 */

export type SessionRow = typeof reviewSessions.$inferSelect;
export type SessionItemRow = typeof reviewSessionItems.$inferSelect;

/**
 * The session and the user's role in its workspace. A session of a trashed article, of another
 * workspace, or none at all: "not found" (never "forbidden", which would confirm it exists); a role
 * without `action`: forbidden. Finer rules (lead, joined, ended) are lib/review-sessions/policy.ts.
 */
export async function authorizeSession(db: Db, userId: string, sessionId: string, action: Action): Promise<{ session: SessionRow; role: Role }> {
  const [row] = await db
    .select({ session: reviewSessions, role: memberships.role })
    .from(reviewSessions)
    .innerJoin(articles, eq(articles.id, reviewSessions.articleId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, reviewSessions.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(reviewSessions.id, sessionId), notTrashed()))
    .limit(1);
  if (!row?.role) throw notFound('Review session');
  if (!can(row.role, action)) throw forbidden(`Your role (${row.role}) cannot do that here.`);
  return { session: row.session, role: row.role };
}

/** Throws the policy's refusal as the AppError it maps to. */
export function assertAllowed(decision: SessionDecision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.reason);
}

/**
 * Bumps the session's version first thing in a write, which takes its row lock (PostgreSQL: a
 * concurrent write to the same session waits here, then sees this one's result; SQLite has one
 * writer already), and returns the row as it now is. With `expectedVersion` (reorder) the UPDATE
 * carries the version check: a stale one is a 409.
 */
export async function lockSession(tx: Tx, sessionId: string, expectedVersion?: number): Promise<SessionRow> {
  const where = expectedVersion === undefined ? eq(reviewSessions.id, sessionId) : and(eq(reviewSessions.id, sessionId), eq(reviewSessions.version, expectedVersion));
  const [row] = await tx
    .update(reviewSessions)
    .set({ version: sql`${reviewSessions.version} + 1`, updatedAt: new Date() })
    .where(where)
    .returning();
  if (row) return row;
  const [current] = await tx.select({ version: reviewSessions.version, status: reviewSessions.status }).from(reviewSessions).where(eq(reviewSessions.id, sessionId)).limit(1);
  if (!current) throw notFound('Review session');
  if (current.status === 'ended') throw new AppError('conflict', 'This review session has ended; its record can no longer be changed.');
  throw conflict('The agenda changed since you loaded it. Reload the session and try again.', { version: current.version });
}

/** An item of this session, or 404. */
export async function loadItem(tx: Tx | Db, sessionId: string, itemId: string): Promise<SessionItemRow> {
  const [item] = await tx.select().from(reviewSessionItems).where(and(eq(reviewSessionItems.id, itemId), eq(reviewSessionItems.sessionId, sessionId))).limit(1);
  if (!item) throw notFound('Agenda item');
  return item;
}

/** The user's open attendance interval, if joined. */
export async function openAttendance(tx: Tx | Db, sessionId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(reviewSessionAttendance)
    .where(and(eq(reviewSessionAttendance.sessionId, sessionId), eq(reviewSessionAttendance.userId, userId), isNull(reviewSessionAttendance.leftAt)))
    .orderBy(asc(reviewSessionAttendance.createdAt))
    .limit(1);
  return row ?? null;
}

/** Opens an attendance interval unless one is open (join is idempotent); following the lead. */
export async function joinSession(tx: Tx, sessionId: string, userId: string, now: Date): Promise<void> {
  const current = await openAttendance(tx, sessionId, userId);
  if (current) {
    if (!current.following) await tx.update(reviewSessionAttendance).set({ following: true }).where(eq(reviewSessionAttendance.id, current.id));
    return;
  }
  await tx.insert(reviewSessionAttendance).values({ sessionId, userId, joinedAt: now, following: true });
}

/**
 * The reviewer verdicts on the claim that count as votes in the vote called at `since` (written or
 * saved again at or after the call: lib/review-sessions/votes.ts countsAsVote), as votes (who, and
 * what). `since` null: every verdict on the claim.
 */
export async function currentVotes(tx: Tx | Db, claimId: string, since: Date | null = null): Promise<SessionVoteResult[]> {
  const rows = await tx
    .select({ userId: claimVerdicts.userId, name: users.name, verdictId: claimVerdicts.verdictId, verdictKey: ratingLevels.key, verdictLabel: ratingLevels.label })
    .from(claimVerdicts)
    .innerJoin(users, eq(users.id, claimVerdicts.userId))
    .innerJoin(ratingLevels, eq(ratingLevels.id, claimVerdicts.verdictId))
    .where(since ? and(eq(claimVerdicts.claimId, claimId), gte(claimVerdicts.updatedAt, since)) : eq(claimVerdicts.claimId, claimId))
    .orderBy(asc(claimVerdicts.createdAt), asc(users.name));
  return rows;
}

/**
 * Reveals the item's vote: vote_state revealed, the votes cast since the call as they are now stored with it (what the
 * session view and the minutes show). The lead's reveal, the automatic one when everyone present
 * has voted, and ending a session with a vote open all come here.
 */
export async function revealItem(tx: Tx, item: SessionItemRow, now: Date): Promise<void> {
  const votes = item.claimId ? await currentVotes(tx, item.claimId, item.voteCalledAt) : [];
  await tx
    .update(reviewSessionItems)
    .set({ voteState: 'revealed', voteRevealedAt: now, votes, version: item.version + 1, updatedAt: now })
    .where(eq(reviewSessionItems.id, item.id));
}
