import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claimVerdicts, type Role } from '../schema';
import { getClaim, listClaims, type ClaimDto } from './claims';
import { canSeeOthersVerdicts } from './verdicts';

export interface ClaimViewer {
  userId: string;
  role: Role;
}

/**
 * Claims as one member may see them. Under blind review the final verdict would give away the
 * team's opinion, so a reviewer who has not yet given their own verdict on a claim sees it as
 * pending (`verdictHidden`), exactly like the other reviewers' verdicts.
 */
function redact(db: Db, articleId: string, list: ClaimDto[], viewer: ClaimViewer): ClaimDto[] {
  const article = db.select({ blindReview: articles.blindReview }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article?.blindReview || canSeeOthersVerdicts(viewer.role, true, false)) return list;
  const ids = list.filter((c) => c.verdictId !== null).map((c) => c.id);
  if (ids.length === 0) return list;
  const voted = new Set(
    db
      .select({ claimId: claimVerdicts.claimId })
      .from(claimVerdicts)
      .where(and(eq(claimVerdicts.userId, viewer.userId), inArray(claimVerdicts.claimId, ids)))
      .all()
      .map((r) => r.claimId),
  );
  return list.map((c) => (c.verdictId !== null && !voted.has(c.id) ? { ...c, verdictId: null, verdictHidden: true } : c));
}

export function listClaimsForViewer(db: Db, articleId: string, viewer: ClaimViewer): ClaimDto[] {
  return redact(db, articleId, listClaims(db, articleId), viewer);
}

export function getClaimForViewer(db: Db, claimId: string, viewer: ClaimViewer): ClaimDto {
  const claim = getClaim(db, claimId);
  return redact(db, claim.articleId, [claim], viewer)[0]!;
}

