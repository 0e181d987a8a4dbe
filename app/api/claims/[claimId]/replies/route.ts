import { authorizeClaim } from '@/db/queries/access';
import { createReplyAttempt, listReplyAttempts } from '@/db/queries/reply-attempts';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { replyAttemptFieldsSchema } from '@/lib/validations/replies';

/** A claim's right-of-reply log, oldest contact first (any member). */
export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  await authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { replies: await listReplyAttempts(db, params.claimId) };
});

/** Logs an attempt to reach the claimant (reviewer and up; 409 on a published article). */
export const POST = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim } = await authorizeClaim(db, user.id, params.claimId, 'source:write');
  const fields = await readJson(req, replyAttemptFieldsSchema);
  const reply = await createReplyAttempt(db, { claimId: claim.id, fields, actorId: user.id });
  emitEntity('reply.created', { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id }, reply, user.id);
  return Response.json({ reply }, { status: 201 });
});
