import { authorizeTrashedArticle, restoreArticle } from '@/db/queries/article-trash';
import { apiRoute } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';

/**
 * Takes an article out of the trash (owners and editors): it comes back as it was, claims, history
 * and address included. 404 for an article that is not in the trash (or not the user's to see).
 */
export const POST = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  const { role } = await authorizeTrashedArticle(db, user.id, params.articleId, 'article:delete');
  const { article } = await restoreArticle(db, { articleId: params.articleId, role, actorId: user.id });
  emitArticleUpdated(article, [], user.id);
  return { article };
});
