import { authorize } from '@/db/queries/access';
import { deleteComment, getCommentScope, updateComment } from '@/db/queries/comments';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { deleteCommentSchema, updateCommentSchema } from '@/lib/validations/review';

/** Edit your own comment. 403 for someone else's, 409 (with the current comment) when stale. */
export const PATCH = apiRoute<{ commentId: string }>(async ({ req, params, user, db }) => {
  const scope = await getCommentScope(db, params.commentId);
  await authorize(db, user.id, scope.workspaceId, 'comment:write', 'Comment');
  const input = await readJson(req, updateCommentSchema);
  const { comment, mentionedUserIds } = await updateComment(db, params.commentId, input, user.id);
  if (comment.version !== input.version) emitEntity('comment.updated', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: comment.claimId }, comment, user.id);
  return { comment, mentionedUserIds };
});

/** Soft-deletes your own comment: the thread keeps a placeholder. */
export const DELETE = apiRoute<{ commentId: string }>(async ({ req, params, user, db }) => {
  const scope = await getCommentScope(db, params.commentId);
  await authorize(db, user.id, scope.workspaceId, 'comment:write', 'Comment');
  const { version } = await readJson(req, deleteCommentSchema);
  const comment = await deleteComment(db, params.commentId, version, user.id);
  emitEntity('comment.deleted', { workspaceId: scope.workspaceId, articleId: scope.articleId, claimId: comment.claimId }, comment, user.id);
  return { comment };
});
