import { authorizeClaim } from '@/db/queries/access';
import { canSeeClaimDecision, getClaimForViewer } from '@/db/queries/claim-views';
import { deleteClaim, updateClaim } from '@/db/queries/claims';
import { hasOpenVote } from '@/db/queries/review-session-votes';
import { runningSessionsWithClaim } from '@/db/queries/review-sessions';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { AppError, conflict, isStaleVersion } from '@/lib/errors';
import { checkClaimDelete, checkClaimUpdate, touchesClaimDecision } from '@/lib/review/claim-policy';
import { deleteClaimSchema, updateClaimSchema } from '@/lib/validations/claims';

export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { claim: await getClaimForViewer(db, params.claimId, { userId: user.id, role }) };
});

export const PATCH = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { role, claim } = await authorizeClaim(db, user.id, params.claimId, 'claim:update');
  const input = await readJson(req, updateClaimSchema);
  const canSeeDecision = !touchesClaimDecision(input) || (await canSeeClaimDecision(db, params.claimId, { userId: user.id, role }));
  // When the decision is hidden, say whether a vote open in a review session is why (not blind review).
  const decision = checkClaimUpdate(role, claim.status, input, canSeeDecision, !canSeeDecision && (await hasOpenVote(db, params.claimId)));
  if (!decision.ok) throw new AppError(decision.code, decision.reason);
  const viewer = { userId: user.id, role };
  let updated;
  try {
    updated = await updateClaim(db, params.claimId, input, user.id);
  } catch (error) {
    // The current state sent with a 409 obeys blind review like any other read.
    if (isStaleVersion(error)) throw conflict(error.message, await getClaimForViewer(db, params.claimId, viewer));
    throw error;
  }
  if (updated.version !== claim.version) emitEntity('claim.updated', { workspaceId: claim.workspaceId, articleId: claim.articleId }, updated, user.id);
  return { claim: await getClaimForViewer(db, params.claimId, viewer) };
});

export const DELETE = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim, role } = await authorizeClaim(db, user.id, params.claimId, 'claim:delete');
  const { version } = await readJson(req, deleteClaimSchema);
  const decision = checkClaimDelete(role, claim.authorId === user.id);
  if (!decision.ok) throw new AppError(decision.code, decision.reason);
  const sessionsWithClaim = await runningSessionsWithClaim(db, params.claimId);
  try {
    await deleteClaim(db, params.claimId, version, user.id);
  } catch (error) {
    if (isStaleVersion(error)) throw conflict(error.message, await getClaimForViewer(db, params.claimId, { userId: user.id, role }));
    throw error;
  }
  emitEntity('claim.deleted', { workspaceId: claim.workspaceId, articleId: claim.articleId }, { id: claim.id }, user.id);
  // A running review session with the claim on its agenda changed (the item's claim is gone): its members refetch it.
  for (const session of sessionsWithClaim) emitEntity('session.updated', { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: null }, session, user.id);
  return { ok: true };
});
