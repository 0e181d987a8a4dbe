import { authorizeArticleScope } from '@/db/queries/access';
import { apiRoute } from '@/lib/server/api/handler';
import { startFindClaims } from '@/lib/server/check-worthiness-jobs';

/** Starts Find claims in the background: 202 with the run (SuggestionRunDto); 409 with `details.run` when one is running. */
export const POST = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const scope = await authorizeArticleScope(db, user.id, params.articleId, 'claim:suggest');
  const run = await startFindClaims(db, { articleId: scope.articleId, workspaceId: scope.workspaceId, actorId: user.id });
  return Response.json({ run }, { status: 202 });
});
