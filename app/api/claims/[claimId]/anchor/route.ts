import { authorizeClaim } from '@/db/queries/access';
import { getClaimForViewer } from '@/db/queries/claim-views';
import { setClaimParts } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { conflict, isStaleVersion } from '@/lib/errors';
import { setClaimPartsSchema } from '@/lib/validations/claims';

/**
 * Puts the claim on new words: `{ version, revision, parts: [{ start, end } | { keep }] }` replace
 * all of its parts (1–20, separate): new words as UTF-16 offsets into the article's plain text at
 * `revision`, or a current part kept as stored.
 * Authorised like editing the claim (PATCH /api/claims/:id); answers the claim as this viewer sees it.
 */
export const PUT = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { role, claim } = await authorizeClaim(db, user.id, params.claimId, 'claim:update');
  const input = await readJson(req, setClaimPartsSchema);
  const viewer = { userId: user.id, role };
  let updated;
  try {
    updated = await setClaimParts(db, params.claimId, input, user.id);
  } catch (error) {
    // The current state sent with a 409 obeys blind review like any other read.
    if (isStaleVersion(error)) throw conflict(error.message, await getClaimForViewer(db, params.claimId, viewer));
    throw error;
  }
  if (updated.version !== claim.version) emitEntity('claim.updated', { workspaceId: claim.workspaceId, articleId: claim.articleId }, updated, user.id);
  return { claim: await getClaimForViewer(db, params.claimId, viewer) };
});
