import { authorizeClaim } from '@/db/queries/access';
import { canSeeClaimDecision, getClaimForViewer } from '@/db/queries/claim-views';
import { deleteClaim, updateClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { can } from '@/lib/auth/permissions';
import { emitEntity } from '@/lib/events/emit';
import { AppError, conflict, forbidden } from '@/lib/errors';
import { canTransitionClaim } from '@/lib/review/workflow';
import { deleteClaimSchema, updateClaimSchema } from '@/lib/validations/claims';

export const GET = apiRoute<{ claimId: string }>(({ params, user, db }) => {
  const { role } = authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { claim: getClaimForViewer(db, params.claimId, { userId: user.id, role }) };
});

export const PATCH = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { role, claim } = authorizeClaim(db, user.id, params.claimId, 'claim:update');
  const input = await readJson(req, updateClaimSchema);
  // Blind review: rationale and status stay hidden, so unwritable, until I give my own verdict.
  // Checked before the transition rules, whose messages name the current status.
  if ((input.status !== undefined || input.rationale !== undefined) && !canSeeClaimDecision(db, params.claimId, { userId: user.id, role })) {
    throw forbidden('Under blind review the rationale and status stay hidden until you give your own verdict (Verdicts tab).');
  }
  if (input.status !== undefined && input.status !== claim.status) {
    const transition = canTransitionClaim(role, claim.status, input.status);
    if (!transition.ok) throw new AppError(transition.code === 'forbidden' ? 'forbidden' : 'unprocessable', transition.reason);
  }
  // The final verdict is what reports publish: editors set it; reviewers record their own verdicts.
  if (input.verdictId !== undefined && !can(role, 'verdict:final')) throw forbidden('Only editors set the final verdict. Record your own verdict under “Reviewer verdicts”.');
  const viewer = { userId: user.id, role };
  let updated;
  try {
    updated = updateClaim(db, params.claimId, input, user.id);
  } catch (error) {
    // The current state sent with a 409 obeys blind review like any other read.
    if (error instanceof AppError && error.code === 'conflict') throw conflict(error.message, getClaimForViewer(db, params.claimId, viewer));
    throw error;
  }
  if (updated.version !== claim.version) emitEntity('claim.updated', { workspaceId: claim.workspaceId, articleId: claim.articleId }, updated, user.id);
  return { claim: getClaimForViewer(db, params.claimId, viewer) };
});

export const DELETE = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim, role } = authorizeClaim(db, user.id, params.claimId, 'claim:delete');
  const { version } = await readJson(req, deleteClaimSchema);
  // Reviewers delete their own claims; editors and owners any claim.
  if (claim.authorId !== user.id && !can(role, 'article:edit')) throw forbidden('Only the claim’s author or an editor can delete it.');
  try {
    deleteClaim(db, params.claimId, version, user.id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') throw conflict(error.message, getClaimForViewer(db, params.claimId, { userId: user.id, role }));
    throw error;
  }
  emitEntity('claim.deleted', { workspaceId: claim.workspaceId, articleId: claim.articleId }, { id: claim.id }, user.id);
  return { ok: true };
});
