import { authorizeArticle } from '@/db/queries/access';
import { setArticleStatus } from '@/db/queries/article-status';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { articleStatusSchema } from '@/lib/validations/review';

/**
 * Moves the article along draft ⇄ in review ⇄ ready. Membership is checked here; which role may
 * take which step is decided by lib/review/workflow.ts inside setArticleStatus, so the message
 * names the exact step refused. Publishing, reopening and retracting are not status changes: a
 * target of published or retracted answers 422 naming the Publish dialog (POST …/publication).
 */
export const PUT = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const input = await readJson(req, articleStatusSchema);
  const { article, changed } = await setArticleStatus(db, { ...input, articleId: params.articleId, role, actorId: user.id });
  if (changed) emitArticleUpdated(article, ['status'], user.id);
  return { article };
});
