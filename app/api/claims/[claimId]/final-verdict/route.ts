import { authorizeClaim } from '@/db/queries/access';
import { updateClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { finalVerdictSchema } from '@/lib/validations/review';

/** Sets (or clears, with null) the final verdict: what reports export. Editors and owners only. */
export const PUT = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim } = await authorizeClaim(db, user.id, params.claimId, 'verdict:final');
  const input = await readJson(req, finalVerdictSchema);
  const updated = await updateClaim(db, params.claimId, { version: input.version, verdictId: input.verdictId }, user.id);
  if (updated.version !== claim.version) emitEntity('claim.updated', { workspaceId: claim.workspaceId, articleId: claim.articleId }, updated, user.id);
  return { claim: updated };
});
