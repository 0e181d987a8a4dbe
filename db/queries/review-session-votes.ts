import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { reviewSessionItems, reviewSessions } from '../schema';

/**
 * Which claims have a called vote: an agenda item whose vote is `open` in a RUNNING review session.
 * On those claims lib/review/verdict-visibility.ts hides everyone's verdicts from everyone else and
 * the decision from members who do not set the final verdict; every reader that applies blind
 * review asks here (one indexed query: review_session_items_claim_idx on (claim_id, vote_state),
 * then the session by key). A revealed vote, or one left open in a session that ended, is not open.
 */

/** Of these claims, those with an open vote. */
export async function claimsWithOpenVote(db: Db, claimIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(claimIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ claimId: reviewSessionItems.claimId })
    .from(reviewSessionItems)
    .innerJoin(reviewSessions, eq(reviewSessions.id, reviewSessionItems.sessionId))
    .where(and(inArray(reviewSessionItems.claimId, ids), eq(reviewSessionItems.voteState, 'open'), eq(reviewSessions.status, 'running')));
  return new Set(rows.flatMap((r) => (r.claimId ? [r.claimId] : [])));
}

/** The claim's open vote, if any: when it was called (a verdict counts as a vote from then on). */
export async function openVoteOn(db: Db, claimId: string): Promise<{ calledAt: Date | null } | null> {
  const [row] = await db
    .select({ calledAt: reviewSessionItems.voteCalledAt })
    .from(reviewSessionItems)
    .innerJoin(reviewSessions, eq(reviewSessions.id, reviewSessionItems.sessionId))
    .where(and(eq(reviewSessionItems.claimId, claimId), eq(reviewSessionItems.voteState, 'open'), eq(reviewSessions.status, 'running')))
    .limit(1);
  return row ? { calledAt: row.calledAt } : null;
}

/** Whether this claim has an open vote. */
export async function hasOpenVote(db: Db, claimId: string): Promise<boolean> {
  return (await claimsWithOpenVote(db, [claimId])).has(claimId);
}

/** The claims of an article with an open vote (through the article's one running session). */
export async function openVoteClaimsOfArticle(db: Db, articleId: string): Promise<Set<string>> {
  const rows = await db
    .select({ claimId: reviewSessionItems.claimId })
    .from(reviewSessions)
    .innerJoin(reviewSessionItems, eq(reviewSessionItems.sessionId, reviewSessions.id))
    .where(and(eq(reviewSessions.articleId, articleId), eq(reviewSessions.status, 'running'), eq(reviewSessionItems.voteState, 'open')));
  return new Set(rows.flatMap((r) => (r.claimId ? [r.claimId] : [])));
}

/**
 * For raw-SQL readers (search's scan): true when the claim in `claimIdColumn` (e.g. sql`d.claim_id`)
 * has an open vote. `alias` keeps the subquery's names apart when the fragment is used twice.
 */
export function openVoteExists(claimIdColumn: SQL, alias = 'vote'): SQL {
  const item = sql.raw(`${alias}_i`);
  const session = sql.raw(`${alias}_s`);
  return sql`EXISTS (SELECT 1 FROM review_session_items ${item} JOIN review_sessions ${session} ON ${session}.id = ${item}.session_id
    WHERE ${item}.claim_id = ${claimIdColumn} AND ${item}.vote_state = 'open' AND ${session}.status = 'running')`;
}
