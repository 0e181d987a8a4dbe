import { authorizeArticleScope } from '@/db/queries/access';
import { createClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';
import { createClaimSchema } from '@/lib/validations/claims';

export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, createClaimSchema);
  // Only the article's scope: its state (revision, lock) is checked by createClaim under the row lock.
  const scope = await authorizeArticleScope(db, user.id, input.articleId, 'claim:create');
  const claim = await createClaim(db, { ...input, actorId: user.id, actorName: user.name });
  emitEntity('claim.created', { workspaceId: scope.workspaceId, articleId: scope.articleId }, claim, user.id);
  return Response.json({ claim }, { status: 201 });
});
