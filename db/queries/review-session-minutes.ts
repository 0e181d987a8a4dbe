import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, reviewSessions } from '../schema';
import type { ReviewSessionStatus, SessionMinutes } from '@/lib/domain/review-sessions';
import { withholdMinutesDecisions } from '@/lib/review-sessions/minutes-redaction';
import { claimsWithHiddenDecision, type ClaimViewer } from './claim-views';
import { claimsWithOpenVote } from './review-session-votes';

export interface ReviewSessionMinutesRecord {
  /** Written when the session ended; null while it runs. */
  minutes: SessionMinutes | null;
  workspaceId: string;
  articleId: string;
  /** For the download's file name. */
  articleSlug: string;
  status: ReviewSessionStatus;
}

/**
 * A session's minutes with what authorising the download needs (its workspace and article), or
 * null when there is no such session. Not authorised here: the route checks membership of the
 * article's workspace (authorizeArticle, which also hides trashed articles) before using it.
 */
export async function getReviewSessionMinutes(db: Db, sessionId: string): Promise<ReviewSessionMinutesRecord | null> {
  const [row] = await db
    .select({ minutes: reviewSessions.minutes, workspaceId: reviewSessions.workspaceId, articleId: reviewSessions.articleId, articleSlug: articles.slug, status: reviewSessions.status })
    .from(reviewSessions)
    .innerJoin(articles, eq(articles.id, reviewSessions.articleId))
    .where(eq(reviewSessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  return { ...row, minutes: row.minutes ?? null };
}

/**
 * The minutes as `viewer` may read them: blind review (and an open vote on the article now)
 * withholds each claim's decision, votes and notes exactly as the claim itself withholds them
 * (claimsWithHiddenDecision; lib/review-sessions/minutes-redaction.ts), and the votes of a claim
 * whose vote is open now from everyone.
 */
export async function minutesForViewer(db: Db, minutes: SessionMinutes, articleId: string, viewer: ClaimViewer): Promise<SessionMinutes> {
  const claimIds = [...new Set(minutes.items.flatMap((i) => (i.claimId ? [i.claimId] : [])))];
  // A vote open on a claim now hides the others' verdicts from everyone, editors included: its old votes too.
  return withholdMinutesDecisions(minutes, await claimsWithHiddenDecision(db, articleId, claimIds, viewer), await claimsWithOpenVote(db, claimIds));
}
