import { authorizeClaim } from '@/db/queries/access';
import { listVerdicts, upsertMyVerdict } from '@/db/queries/verdicts';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { putMyVerdictSchema } from '@/lib/validations/review';

/** Reviewers' own verdicts, as blind review lets me see them. */
export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { verdicts: await listVerdicts(db, params.claimId, user.id, role) };
});

/** Records or changes my own verdict; the answer includes the list I may now see. */
export const PUT = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeClaim(db, user.id, params.claimId, 'verdict:own');
  const input = await readJson(req, putMyVerdictSchema);
  const result = await upsertMyVerdict(db, { ...input, claimId: params.claimId, userId: user.id });
  if (result.changed) {
    emitEntity(result.created ? 'verdict.created' : 'verdict.updated', { workspaceId: result.workspaceId, articleId: result.articleId, claimId: params.claimId }, result.verdict, user.id);
  }
  const body = { verdict: result.verdict, verdicts: await listVerdicts(db, params.claimId, user.id, role) };
  return Response.json(body, { status: result.created ? 201 : 200 });
});
