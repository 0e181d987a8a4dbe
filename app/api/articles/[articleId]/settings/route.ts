import { authorizeArticle } from '@/db/queries/access';
import { setBlindReview } from '@/db/queries/article-status';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { articleSettingsSchema } from '@/lib/validations/review';

/** Review settings of an article (blind review), editors and owners. */
export const PATCH = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const input = await readJson(req, articleSettingsSchema);
  const { article, changed } = await setBlindReview(db, { ...input, articleId: params.articleId, role, actorId: user.id });
  if (changed) emitArticleUpdated(article, ['blindReview'], user.id);
  return { article };
});
