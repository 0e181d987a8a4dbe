import { authorizeArticle } from '@/db/queries/access';
import { createClaim } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/api/handler';
import { createClaimSchema } from '@/lib/validations/claims';

export const POST = apiRoute(async ({ req, user, db }) => {
  const input = await readJson(req, createClaimSchema);
  authorizeArticle(db, user.id, input.articleId, 'claim:create');
  const claim = createClaim(db, { ...input, actorId: user.id });
  return Response.json({ claim }, { status: 201 });
});
