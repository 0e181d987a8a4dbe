import { authorizeArticleScope } from '@/db/queries/access';
import { getSessionView, listArticleSessions, startSession } from '@/db/queries/review-sessions';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitSessionUpdated, presentUserIds } from '@/lib/server/review-sessions';
import { startSessionSchema } from '@/lib/validations/review-sessions';

/** The article's running review session (as I see it) and its past ones. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeArticleScope(db, user.id, params.articleId, 'article:read');
  return listArticleSessions(db, params.articleId, user.id, role, { presentUserIds: await presentUserIds(params.articleId) });
});

/** Starts a review session (editors and owners): 201 with the session; 409 naming the lead when one is running. */
export const POST = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticleScope(db, user.id, params.articleId, 'session:lead');
  const input = await readJson(req, startSessionSchema);
  const started = await startSession(db, { articleId: params.articleId, userId: user.id, claimIds: input.claimIds, timeboxSeconds: input.timeboxSeconds });
  emitSessionUpdated({ sessionId: started.id, workspaceId: started.workspaceId, articleId: params.articleId, version: started.version, claimId: null }, user.id);
  const view = await getSessionView(db, started.id, user.id, role, { presentUserIds: await presentUserIds(params.articleId) });
  return Response.json(view, { status: 201 });
});
