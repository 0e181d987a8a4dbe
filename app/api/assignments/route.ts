import { authorizeArticle } from '@/db/queries/access';
import { assign } from '@/db/queries/assignments';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { createAssignmentSchema } from '@/lib/validations/review';

/** Assigns a claim (claimId) or the whole article (no claimId) to a reviewer. 201 new, 200 existing. */
export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, createAssignmentSchema);
  const { article } = await authorizeArticle(db, user.id, input.articleId, 'claim:assign');
  const { assignment, created } = await assign(db, { ...input, actorId: user.id });
  if (created) emitEntity('assignment.created', { workspaceId: article.workspaceId, articleId: article.id, claimId: assignment.claimId }, assignment, user.id);
  return Response.json({ assignment }, { status: created ? 201 : 200 });
});
