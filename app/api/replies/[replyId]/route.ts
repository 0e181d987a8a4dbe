import { authorize } from '@/db/queries/access';
import { deleteReplyAttempt, getReplyAttemptScope, updateReplyAttempt } from '@/db/queries/reply-attempts';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { deleteReplyAttemptSchema, updateReplyAttemptSchema } from '@/lib/validations/replies';

/** Edits a right-of-reply entry (all fields and the version editing began from; 409 when stale or locked). */
export const PATCH = apiRoute<{ replyId: string }>(async ({ req, params, user, db }) => {
  const scope = await getReplyAttemptScope(db, params.replyId);
  await authorize(db, user.id, scope.workspaceId, 'source:write', 'Reply attempt');
  const input = await readJson(req, updateReplyAttemptSchema);
  const reply = await updateReplyAttempt(db, params.replyId, input, user.id);
  emitEntity('reply.updated', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: scope.attempt.claimId }, reply, user.id);
  return { reply };
});

export const DELETE = apiRoute<{ replyId: string }>(async ({ req, params, user, db }) => {
  const scope = await getReplyAttemptScope(db, params.replyId);
  await authorize(db, user.id, scope.workspaceId, 'source:write', 'Reply attempt');
  const { version } = await readJson(req, deleteReplyAttemptSchema);
  await deleteReplyAttempt(db, params.replyId, version, user.id);
  emitEntity('reply.deleted', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: scope.attempt.claimId }, { id: params.replyId }, user.id);
  return { ok: true };
});
