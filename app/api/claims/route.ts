import { authorizeArticle } from '@/db/queries/access';
import { createClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { createClaimSchema } from '@/lib/validations/claims';

export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, createClaimSchema);
  const { article } = await authorizeArticle(db, user.id, input.articleId, 'claim:create');
  const claim = await createClaim(db, { ...input, actorId: user.id });
  emitEntity('claim.created', { workspaceId: article.workspaceId, articleId: article.id }, claim, user.id);
  return Response.json({ claim }, { status: 201 });
});
