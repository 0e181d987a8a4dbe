import { authorizeClaim } from '@/db/queries/access';
import { autoRevealIfEveryoneVoted } from '@/db/queries/review-session-ops';
import { listVerdicts, upsertMyVerdict } from '@/db/queries/verdicts';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { emitSessionUpdated, presentUserIds } from '@/lib/server/review-sessions';
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
  // A called vote on this claim in a running review session reveals itself once everyone
  // joined, present and allowed to vote has a verdict (the same reveal as the lead's).
  const revealed = await autoRevealIfEveryoneVoted(db, params.claimId, await presentUserIds(result.articleId));
  if (revealed) emitSessionUpdated(revealed, user.id);
  const body = { verdict: result.verdict, verdicts: await listVerdicts(db, params.claimId, user.id, role) };
  return Response.json(body, { status: result.created ? 201 : 200 });
});
