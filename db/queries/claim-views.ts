import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, claimVerdicts } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { notFound } from '@/lib/errors';
import { withholdDecision } from '@/lib/review/blind-review';
import { getClaim, listClaims } from './claims';
import type { ClaimDto } from '@/lib/domain/claims';
import { toClaimRow, type ClaimRow } from '@/lib/editor/claim-rows';
import { canSeeDecision } from '@/lib/review/verdict-visibility';
import { claimsWithOpenVote } from './review-session-votes';

export interface ClaimViewer {
  userId: string;
  role: Role;
}

/**
 * Of the given claims of one article, those whose decision (final verdict, rationale, status)
 * this viewer may not see yet (lib/review/verdict-visibility.ts canSeeDecision):
 * - blind review is on, their role does not see everything, and they have not given their own
 *   verdict on the claim. Every such claim counts, decided or not, so that "hidden" never tells a
 *   decided claim from an undecided one;
 * - a review session's vote on the claim is open and they do not set the final verdict (even if
 *   they voted).
 */
export async function claimsWithHiddenDecision(db: Db, articleId: string, claimIds: readonly string[], viewer: ClaimViewer): Promise<Set<string>> {
  if (claimIds.length === 0 || canSeeDecision(viewer.role, true, false, { voteOpen: true })) return new Set();
  const [article] = await db.select({ blindReview: articles.blindReview }).from(articles).where(eq(articles.id, articleId)).limit(1);
  const blindReview = Boolean(article?.blindReview);
  const voteOpen = await claimsWithOpenVote(db, claimIds);
  const voted = blindReview
    ? new Set(
        (
          await db
            .select({ claimId: claimVerdicts.claimId })
            .from(claimVerdicts)
            .where(and(eq(claimVerdicts.userId, viewer.userId), inArray(claimVerdicts.claimId, [...claimIds])))
        ).map((r) => r.claimId),
      )
    : new Set<string>();
  return new Set(claimIds.filter((id) => !canSeeDecision(viewer.role, blindReview, voted.has(id), { voteOpen: voteOpen.has(id) })));
}

/** Whether this viewer may see (and so edit) the claim's rationale and status. */
export async function canSeeClaimDecision(db: Db, claimId: string, viewer: ClaimViewer): Promise<boolean> {
  const [claim] = await db.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, claimId)).limit(1);
  if (!claim) throw notFound('Claim');
  return (await claimsWithHiddenDecision(db, claim.articleId, [claimId], viewer)).size === 0;
}

/** Claims as one member may see them: under blind review or an open vote, see claimsWithHiddenDecision. */
async function redact(db: Db, articleId: string, list: ClaimDto[], viewer: ClaimViewer): Promise<ClaimDto[]> {
  const hidden = await claimsWithHiddenDecision(
    db,
    articleId,
    list.map((c) => c.id),
    viewer,
  );
  return list.map((c) => (hidden.has(c.id) ? { ...withholdDecision(c), verdictHidden: true } : c));
}

export async function listClaimsForViewer(db: Db, articleId: string, viewer: ClaimViewer): Promise<ClaimDto[]> {
  return redact(db, articleId, await listClaims(db, articleId), viewer);
}

/** The slim list rows the workbench renders (see ClaimRow); the full claim is fetched when opened. */
export async function listClaimRowsForViewer(db: Db, articleId: string, viewer: ClaimViewer): Promise<ClaimRow[]> {
  return (await listClaimsForViewer(db, articleId, viewer)).map(toClaimRow);
}

/** How many claims the article has (one narrow count). */
export async function countClaims(db: Db, articleId: string): Promise<number> {
  const [row] = await db.select({ n: count().mapWith(Number) }).from(claims).where(eq(claims.articleId, articleId));
  return row?.n ?? 0;
}

export async function getClaimForViewer(db: Db, claimId: string, viewer: ClaimViewer): Promise<ClaimDto> {
  const claim = await getClaim(db, claimId);
  return (await redact(db, claim.articleId, [claim], viewer))[0]!;
}
