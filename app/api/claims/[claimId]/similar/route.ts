import { authorizeClaim } from '@/db/queries/access';
import { listClaimLinks } from '@/db/queries/claim-links';
import { findSimilarClaims } from '@/db/queries/similar-claims';
import { apiRoute } from '@/lib/server/api/handler';

/**
 * "Already checked?" for a claim (any member): up to five earlier claims of other articles in the
 * workspace and claim library items that say the same thing, with the reasons they matched
 * (blind review respected), and the claim's "based on" links both ways.
 */
export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeClaim(db, user.id, params.claimId, 'article:read');
  const started = performance.now();
  const similar = await findSimilarClaims(db, { userId: user.id }, params.claimId, { limit: 5 });
  const tookMs = Math.round((performance.now() - started) * 10) / 10;
  const links = await listClaimLinks(db, { userId: user.id, role }, params.claimId);
  return { similar, links, tookMs };
});
