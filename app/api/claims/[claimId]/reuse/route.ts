import { authorizeClaim } from '@/db/queries/access';
import { listClaimLinks, reuseVerdict } from '@/db/queries/claim-links';
import { getClaimForViewer } from '@/db/queries/claim-views';
import { autoRevealIfEveryoneVoted } from '@/db/queries/review-session-ops';
import { listVerdicts } from '@/db/queries/verdicts';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { emitSessionUpdated, presentUserIds } from '@/lib/server/review-sessions';
import { conflict, isStaleVersion } from '@/lib/errors';
import { reuseVerdictSchema } from '@/lib/search/reuse';

/**
 * "Reuse verdict" (reviewers and up): records that the claim's verdict is based on an earlier
 * claim or a claim library item and fills in a starting point — the final verdict and rationale
 * for editors and owners, their own verdict and reason for reviewers (db/queries/claim-links.ts).
 * 409 on a stale version (with the current claim as the viewer may see it) or a locked article.
 */
export const POST = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { role, claim } = await authorizeClaim(db, user.id, params.claimId, 'verdict:own');
  const input = await readJson(req, reuseVerdictSchema);
  const viewer = { userId: user.id, role };
  let result;
  try {
    result = await reuseVerdict(db, { claimId: params.claimId, actorId: user.id, role, from: input.from, version: input.version });
  } catch (error) {
    if (isStaleVersion(error)) throw conflict(error.message, await getClaimForViewer(db, params.claimId, viewer));
    throw error;
  }
  const scope = { workspaceId: result.workspaceId, articleId: result.articleId };
  if (result.claimChanged) emitEntity('claim.updated', scope, result.claim, user.id);
  if (result.verdict && result.applied.ownVerdict) {
    emitEntity(result.verdictCreated ? 'verdict.created' : 'verdict.updated', { ...scope, claimId: claim.id }, result.verdict, user.id);
    // A reviewer's verdict is a vote when the claim's vote is open: the same automatic reveal as the verdicts PUT.
    const revealed = await autoRevealIfEveryoneVoted(db, params.claimId, await presentUserIds(result.articleId));
    if (revealed) emitSessionUpdated(revealed, user.id);
  }
  return {
    claim: await getClaimForViewer(db, params.claimId, viewer),
    verdicts: await listVerdicts(db, params.claimId, user.id, role),
    link: result.link,
    links: await listClaimLinks(db, viewer, params.claimId),
    applied: result.applied,
  };
});
