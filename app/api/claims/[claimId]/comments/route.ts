import { authorizeClaim } from '@/db/queries/access';
import { createComment, listComments } from '@/db/queries/comments';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { createCommentSchema } from '@/lib/validations/review';

export const GET = apiRoute<{ claimId: string }>(async ({ params, user, db }) => {
  await authorizeClaim(db, user.id, params.claimId, 'article:read');
  return { comments: await listComments(db, params.claimId) };
});

export const POST = apiRoute<{ claimId: string }>(async ({ req, params, user, db }) => {
  const { claim } = await authorizeClaim(db, user.id, params.claimId, 'comment:write');
  const { body, isPublic } = await readJson(req, createCommentSchema);
  const { comment, mentionedUserIds } = await createComment(db, { claimId: claim.id, body, isPublic, actorId: user.id });
  emitEntity('comment.created', { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id }, comment, user.id);
  return Response.json({ comment, mentionedUserIds }, { status: 201 });
});
